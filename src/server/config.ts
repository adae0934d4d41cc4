/**
 * The server's settings: environment variables for the machine (where the data lives, limits),
 * and the same content files the static site is built from for the district's rules (message
 * types and time limits, the holiday calendars). Read once at start; change a file, restart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildCalendar, type WorkingCalendar } from '../lib/calendar/working-days.ts';
import { calendarSchema, settingsSchema, type MessageSettings } from '../lib/content/schemas.ts';
import type { DeadlineSettings } from '../lib/messages/deadlines.ts';
import { createHash } from 'node:crypto';

export interface RateLimits {
  /** Submissions per client address per hour, with the proof-of-work check. */
  perClient: number;
  /** Submissions per client address per hour through the no-script fallback check (tighter). */
  perClientNoScript: number;
  /** Submissions per minute from everyone together. */
  total: number;
  /** Failed tracking look-ups per client address per 15 minutes (a query code is a secret; guessing it must be slow). Look-ups that succeed are not counted, so people sharing an address are not locked out. */
  failedLookups: number;
  /** Failed look-ups of one tracking number per 15 minutes, from any address (guessing spread over many addresses). */
  failedLookupsPerNumber: number;
}

export interface ServerConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteSynchronous: string | undefined;
  secret: string | undefined;
  trustProxy: boolean;
  rateLimits: RateLimits;
  altchaCost: number;
  /** Where `npm run serve` listens. */
  host: string;
  port: number;
  /** How long a client may take to send a whole request (headers and body) before it is answered 408 and closed. */
  requestTimeoutMs: number;
  messages: MessageSettings;
  deadlines: DeadlineSettings;
  calendar: WorkingCalendar;
  /** Changes whenever a calendar file changes; open deadlines are recomputed when it does. */
  calendarFingerprint: string;
  calendarSources: { year: number; source: string }[];
}

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} 应为正整数` })
    .int({ error: `${name} 应为正整数` })
    .positive({ error: `${name} 应为正整数` })
    .default(fallback);

const envSchema = z.object({
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SQLITE_SYNCHRONOUS: z.string().optional(),
  DUBAN_SECRET: z.string().min(32, { error: 'DUBAN_SECRET 至少 32 个字符' }).optional(),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false', '']).default('0'),
  RATE_LIMIT_PER_CLIENT: positiveInt('RATE_LIMIT_PER_CLIENT', 20),
  RATE_LIMIT_NOSCRIPT_PER_CLIENT: positiveInt('RATE_LIMIT_NOSCRIPT_PER_CLIENT', 5),
  RATE_LIMIT_TOTAL: positiveInt('RATE_LIMIT_TOTAL', 600),
  RATE_LIMIT_LOOKUPS: positiveInt('RATE_LIMIT_LOOKUPS', 10),
  RATE_LIMIT_LOOKUPS_PER_NUMBER: positiveInt('RATE_LIMIT_LOOKUPS_PER_NUMBER', 10),
  ALTCHA_COST: positiveInt('ALTCHA_COST', 5000),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number({ error: 'PORT 应为 1 到 65535 的端口号' }).int().min(1).max(65535, { error: 'PORT 应为 1 到 65535 的端口号' }).default(4321),
  REQUEST_TIMEOUT_SECONDS: positiveInt('REQUEST_TIMEOUT_SECONDS', 10),
  MESSAGE_TIME_LIMITS: z.string().default(''),
});

/** "complaint=10,help=5" → overrides of the time limits in the settings file. */
function parseLimitOverrides(value: string, types: readonly string[]): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [type, days] = part.split('=').map((p) => p.trim());
    if (!type || !types.includes(type)) throw new Error(`MESSAGE_TIME_LIMITS 中的类型「${type}」不存在；可用：${types.join('、')}`);
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`MESSAGE_TIME_LIMITS 中「${part}」的工作日数应为 1 到 60 的整数`);
    overrides[type] = n;
  }
  return overrides;
}

function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

function describeZod(file: string, error: z.ZodError): string {
  return `${file}：${error.issues.map((issue) => `${issue.path.join('.') || '（整个文件）'}：${issue.message}`).join('；')}`;
}

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new Error(`环境变量有误：${parsedEnv.error.issues.map((i) => i.message).join('；')}`);
  const e = parsedEnv.data;
  const contentDir = env.DUBAN_CONTENT_DIR ?? './content';

  const settingsFile = join(contentDir, 'settings', 'site.yml');
  const settings = settingsSchema.safeParse(readYaml(settingsFile));
  if (!settings.success) throw new Error(describeZod(settingsFile, settings.error));
  const messages = settings.data.messages;

  const calendarDir = join(contentDir, 'calendar');
  // No calendar folder means no year on file: every deadline is then flagged, never guessed.
  const files = (existsSync(calendarDir) ? readdirSync(calendarDir) : []).filter((f) => f.endsWith('.yml')).sort();
  const fingerprint = createHash('sha256');
  const years = files.map((name) => {
    const file = join(calendarDir, name);
    const text = readFileSync(file, 'utf8');
    fingerprint.update(name).update('\0').update(text).update('\0');
    const year = calendarSchema.safeParse(parse(text));
    if (!year.success) throw new Error(describeZod(file, year.error));
    return year.data;
  });

  const typeIds = messages.types.map((t) => t.id);
  const limits = { ...Object.fromEntries(messages.types.map((t) => [t.id, t.limitWorkingDays])), ...parseLimitOverrides(e.MESSAGE_TIME_LIMITS, typeIds) };
  return {
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    secret: e.DUBAN_SECRET,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    rateLimits: {
      perClient: e.RATE_LIMIT_PER_CLIENT,
      perClientNoScript: e.RATE_LIMIT_NOSCRIPT_PER_CLIENT,
      total: e.RATE_LIMIT_TOTAL,
      failedLookups: e.RATE_LIMIT_LOOKUPS,
      failedLookupsPerNumber: e.RATE_LIMIT_LOOKUPS_PER_NUMBER,
    },
    altchaCost: e.ALTCHA_COST,
    host: e.HOST,
    port: e.PORT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    messages: { ...messages, types: messages.types.map((t) => ({ ...t, limitWorkingDays: limits[t.id] ?? t.limitWorkingDays })) },
    deadlines: {
      clockStartsAt: messages.clockStartsAt,
      limits,
      dueSoonWorkingDays: messages.dueSoonWorkingDays,
      urgeEveryWorkingDays: messages.urgeEveryWorkingDays,
    },
    calendar: buildCalendar(years),
    calendarFingerprint: fingerprint.digest('hex'),
    calendarSources: years.map((y) => ({ year: y.year, source: y.source })),
  };
}
