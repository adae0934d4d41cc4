/**
 * The server's settings: facts about the machine from environment variables (where the data lives,
 * secrets, ports, rate limits), validated once at start. The district's rules (message types and
 * time limits, holiday calendars, units) are not here: they live in content files and are read by
 * src/data/district-rules.ts, the same for the build and the server.
 */
import { z } from 'zod';
import { parseTimeOfDay, type TimeOfDay } from '../lib/site/daily-rebuild.ts';
import { LOOPBACK, parseTrustedProxies, type TrustedProxies } from './http/client-address.ts';

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
  /** Requests for a new query code per client address per hour, counted whether or not they match a message. */
  resendsPerClient: number;
  /** Requests for a new query code of one tracking number per day, from any address (so a citizen's inbox cannot be flooded). */
  resendsPerNumber: number;
  /** Reads of on-demand pages and APIs (GET/HEAD) per client address: `perMinute` sustained, up to `burst` at once (a token bucket; src/server/http/read-limit.ts). */
  reads: { perMinute: number; burst: number };
}

export interface RebuildSettings {
  /** When to rebuild every day, China Standard Time (REBUILD_DAILY_AT, default 00:01); null when off. */
  daily: { at: TimeOfDay; text: string } | null;
  /** The webhook's shared secret (REBUILD_HOOK_SECRET); null when `POST /hooks/rebuild` is off. */
  hookSecret: string | null;
  /** Whether to `git pull --ff-only` in the content folder before each rebuild (REBUILD_PULL). */
  pull: boolean;
  /** Where rebuilds are written (DUBAN_BUILDS_DIR, inside the project); null: `builds` beside the operator's build folder. */
  buildsDir: string | null;
}

export interface ServerConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteSynchronous: string | undefined;
  secret: string | undefined;
  /** The reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES; TRUST_PROXY=1 means loopback); see src/server/http/client-address.ts. */
  trustedProxies: TrustedProxies;
  /** Where the trusted proxies came from, for the start-up log. */
  trustedProxiesFrom: 'TRUSTED_PROXIES' | 'TRUST_PROXY' | null;
  /** One JSON line per request on stdout (src/server/http/access-log.ts). */
  accessLog: boolean;
  /** How long SIGTERM waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  rateLimits: RateLimits;
  altchaCost: number;
  /** Where `npm run serve` listens. */
  host: string;
  port: number;
  /** How long a client may take to send a whole request (headers and body) before it is answered 408 and closed. */
  requestTimeoutMs: number;
  /** The public address of the site, for links in notices. */
  siteUrl: string;
  /** Outgoing mail: an SMTP URL (smtp://user:pass@host:587, smtps://…), the From address, how often the sender looks for due notices; without a URL, notices wait in the console's outbox. */
  mail: { smtpUrl: string | null; from: string; sendEveryMs: number };
  /** Staff sessions end after this long without a request, and after `maxMs` in all. */
  sessions: { idleMs: number; maxMs: number };
  /** The server rebuilding its site (src/server/site-builds/, decision 021). */
  rebuild: RebuildSettings;
  /** A text-message (短信) gateway: the address the sender posts `{ to, text }` to as JSON; without it, no texts are sent (docs/decisions/015). */
  sms: { webhookUrl: string | null };
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
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false', ''], { error: 'TRUST_PROXY 应为 1 或 0；要信任其他机器上的代理，请改用 TRUSTED_PROXIES' }).default('0'),
  TRUSTED_PROXIES: z.string().default(''),
  ACCESS_LOG: z.enum(['0', '1', 'true', 'false', ''], { error: 'ACCESS_LOG 应为 1（记录，默认）或 0（不记录）' }).default('1'),
  SHUTDOWN_GRACE_SECONDS: positiveInt('SHUTDOWN_GRACE_SECONDS', 10),
  RATE_LIMIT_READS: positiveInt('RATE_LIMIT_READS', 120),
  RATE_LIMIT_READS_BURST: positiveInt('RATE_LIMIT_READS_BURST', 60),
  RATE_LIMIT_PER_CLIENT: positiveInt('RATE_LIMIT_PER_CLIENT', 20),
  RATE_LIMIT_NOSCRIPT_PER_CLIENT: positiveInt('RATE_LIMIT_NOSCRIPT_PER_CLIENT', 5),
  RATE_LIMIT_TOTAL: positiveInt('RATE_LIMIT_TOTAL', 600),
  RATE_LIMIT_LOOKUPS: positiveInt('RATE_LIMIT_LOOKUPS', 10),
  RATE_LIMIT_LOOKUPS_PER_NUMBER: positiveInt('RATE_LIMIT_LOOKUPS_PER_NUMBER', 10),
  RATE_LIMIT_RESENDS: positiveInt('RATE_LIMIT_RESENDS', 5),
  RATE_LIMIT_RESENDS_PER_NUMBER: positiveInt('RATE_LIMIT_RESENDS_PER_NUMBER', 3),
  ALTCHA_COST: positiveInt('ALTCHA_COST', 5000),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number({ error: 'PORT 应为 1 到 65535 的端口号' }).int().min(1).max(65535, { error: 'PORT 应为 1 到 65535 的端口号' }).default(4321),
  REQUEST_TIMEOUT_SECONDS: positiveInt('REQUEST_TIMEOUT_SECONDS', 10),
  SESSION_IDLE_MINUTES: positiveInt('SESSION_IDLE_MINUTES', 30),
  DUBAN_SITE_URL: z.url({ error: 'DUBAN_SITE_URL 应为网址，例如 https://duban.example.gov.cn' }).default('http://localhost:4321'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'SMTP_URL 应以 smtp:// 或 smtps:// 开头，例如 smtp://user:pass@mail.example.cn:587' })
    .optional()
    .or(z.literal('')),
  MAIL_FROM: z.string().default('督办公开 <noreply@localhost>'),
  MAIL_SEND_EVERY_SECONDS: positiveInt('MAIL_SEND_EVERY_SECONDS', 30),
  SESSION_MAX_HOURS: positiveInt('SESSION_MAX_HOURS', 12),
  REBUILD_DAILY_AT: z
    .string()
    .default('00:01')
    .refine((text) => /^(off|)$/i.test(text.trim()) || parseTimeOfDay(text) !== null, {
      error: 'REBUILD_DAILY_AT 应为北京时间 HH:MM，例如 00:01；不要每日重建请写 off',
    }),
  REBUILD_HOOK_SECRET: z.string().min(32, { error: 'REBUILD_HOOK_SECRET 至少 32 个字符（可用 openssl rand -hex 32 生成）' }).optional().or(z.literal('')),
  REBUILD_PULL: z.enum(['0', '1', 'true', 'false', ''], { error: 'REBUILD_PULL 应为 1（重建前 git pull）或 0（默认）' }).default('0'),
  DUBAN_BUILDS_DIR: z.string().optional(),
  SMS_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'SMS_WEBHOOK_URL 应为 http:// 或 https:// 网址，例如 https://sms-gateway.example.cn/send' })
    .optional()
    .or(z.literal('')),
});

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new Error(`环境变量有误：${parsedEnv.error.issues.map((i) => i.message).join('；')}`);
  const e = parsedEnv.data;
  const trustProxy = e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true';
  if (trustProxy && e.TRUSTED_PROXIES.trim())
    throw new Error('环境变量有误：TRUST_PROXY 和 TRUSTED_PROXIES 只能设置一个；请删去 TRUST_PROXY，在 TRUSTED_PROXIES 中列出全部可信代理');
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(trustProxy ? LOOPBACK.join(',') : e.TRUSTED_PROXIES);
  } catch (error) {
    throw new Error(`环境变量有误：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    secret: e.DUBAN_SECRET,
    trustedProxies,
    trustedProxiesFrom: trustProxy ? 'TRUST_PROXY' : trustedProxies.entries.length ? 'TRUSTED_PROXIES' : null,
    accessLog: e.ACCESS_LOG !== '0' && e.ACCESS_LOG !== 'false',
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    rateLimits: {
      perClient: e.RATE_LIMIT_PER_CLIENT,
      perClientNoScript: e.RATE_LIMIT_NOSCRIPT_PER_CLIENT,
      total: e.RATE_LIMIT_TOTAL,
      failedLookups: e.RATE_LIMIT_LOOKUPS,
      failedLookupsPerNumber: e.RATE_LIMIT_LOOKUPS_PER_NUMBER,
      resendsPerClient: e.RATE_LIMIT_RESENDS,
      resendsPerNumber: e.RATE_LIMIT_RESENDS_PER_NUMBER,
      reads: { perMinute: e.RATE_LIMIT_READS, burst: e.RATE_LIMIT_READS_BURST },
    },
    altchaCost: e.ALTCHA_COST,
    host: e.HOST,
    port: e.PORT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    siteUrl: e.DUBAN_SITE_URL.replace(/\/$/, ''),
    mail: { smtpUrl: e.SMTP_URL || null, from: e.MAIL_FROM, sendEveryMs: e.MAIL_SEND_EVERY_SECONDS * 1000 },
    sessions: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxMs: e.SESSION_MAX_HOURS * 3_600_000 },
    sms: { webhookUrl: e.SMS_WEBHOOK_URL || null },
    rebuild: {
      daily: /^(off|)$/i.test(e.REBUILD_DAILY_AT.trim()) ? null : { at: parseTimeOfDay(e.REBUILD_DAILY_AT)!, text: e.REBUILD_DAILY_AT.trim() },
      hookSecret: e.REBUILD_HOOK_SECRET || null,
      pull: e.REBUILD_PULL === '1' || e.REBUILD_PULL === 'true',
      buildsDir: e.DUBAN_BUILDS_DIR || null,
    },
  };
}
