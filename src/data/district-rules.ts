/**
 * The district's rules, read in one place: the settings (`content/settings/site.yml`: message
 * types and their time limits, thresholds, site identity), the official holiday calendars
 * (`content/calendar/<year>.yml`) and the units that messages may be assigned to
 * (`content/units/*.yml`). The build, the server, the demo data and every script call
 * `loadDistrictRules`; nothing else parses those files. They are edited through the CMS and
 * versioned in git; the environment holds only facts about the machine (see src/server/config.ts).
 *
 * A file that does not pass its schema stops whoever loads it, with the file, the field and what
 * was expected.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { isIsoDate, today, type IsoDate } from '../lib/calendar/dates.ts';
import { buildCalendar, type WorkingCalendar } from '../lib/calendar/working-days.ts';
import { calendarSchema, settingsSchema, type CalendarData, type Settings } from '../lib/content/schemas.ts';
import type { DeadlineSettings } from '../lib/messages/deadlines.ts';

export interface DistrictRules {
  contentDir: string;
  settings: Settings;
  /** The message time limits and thresholds, as the deadline rules take them. */
  deadlines: DeadlineSettings;
  calendarYears: CalendarData[];
  calendar: WorkingCalendar;
  /** Changes whenever a calendar file changes; the server recomputes open deadlines when it does. */
  calendarFingerprint: string;
  /** Ids of the units messages may be addressed and assigned to (the file names under content/units/). */
  unitIds: ReadonlySet<string>;
}

/** The content folder in use: `DUBAN_CONTENT_DIR` (tests, benchmarks) or ./content. */
export function contentDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUBAN_CONTENT_DIR ?? './content';
}

function describeProblems(file: string, error: z.ZodError): string {
  return `${file}：${error.issues.map((issue) => `${issue.path.join('.') || '（整个文件）'}：${issue.message}`).join('；')}`;
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}：无法读取或不是有效的 YAML（${error instanceof Error ? error.message : String(error)}）`, { cause: error });
  }
}

function validated<T extends z.ZodType>(schema: T, file: string, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(describeProblems(file, result.error));
  return result.data;
}

/**
 * The day the board is computed for (数据截至日期): `DUBAN_AS_OF`, else `asOf` in the settings (both fix the
 * day), else the day a server's rebuild is for (`DUBAN_BUILD_DAY`, set by src/server/site-builds/rebuilder.ts
 * from its clock), else today in China Standard Time.
 */
export function boardDay(settings: Pick<Settings, 'asOf'>, env: NodeJS.ProcessEnv = process.env): { asOf: IsoDate; fixed: boolean } {
  const fixed = env.DUBAN_AS_OF || settings.asOf;
  const asOf = fixed || env.DUBAN_BUILD_DAY || today();
  if (!isIsoDate(asOf)) throw new Error(`DUBAN_AS_OF 应为日期，格式 YYYY-MM-DD，例如 2026-11-23；实际为「${asOf}」`);
  return { asOf, fixed: Boolean(fixed) };
}

const ymlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []).filter((f) => f.endsWith('.yml')).sort();

/** The validated rules of the content folder, read afresh (callers keep them: the server per start, the build per build). */
export function loadDistrictRules(contentDir = contentDirectory()): DistrictRules {
  const settingsFile = join(contentDir, 'settings', 'site.yml');
  if (!existsSync(settingsFile)) throw new Error(`缺少站点设置文件 ${settingsFile}`);
  const settings = validated(settingsSchema, settingsFile, readYaml(settingsFile));

  // No calendar folder means no year on file: every deadline is then flagged, never guessed.
  const calendarDir = join(contentDir, 'calendar');
  const fingerprint = createHash('sha256');
  const calendarYears = ymlFiles(calendarDir).map((name) => {
    const file = join(calendarDir, name);
    const text = readFileSync(file, 'utf8');
    fingerprint.update(name).update('\0').update(text).update('\0');
    return validated(calendarSchema, file, parse(text));
  });

  const unitIds = new Set(ymlFiles(join(contentDir, 'units')).map((f) => f.replace(/\.yml$/, '')));
  const { messages } = settings;
  messages.types.forEach((type, i) => {
    if (type.unit !== undefined && !unitIds.has(type.unit))
      throw new Error(
        `${settingsFile}：messages.types.${i}.unit：没有这个单位「${type.unit}」，应为 ${join(contentDir, 'units')} 下某个文件的名字（不含 .yml）`,
      );
  });
  return {
    contentDir,
    settings,
    deadlines: {
      clockStartsAt: messages.clockStartsAt,
      limits: Object.fromEntries(messages.types.map((t) => [t.id, t.limitWorkingDays])),
      intake: { acceptWithin: messages.acceptWithinWorkingDays, assignWithin: messages.assignWithinWorkingDays },
      dueSoonWorkingDays: messages.dueSoonWorkingDays,
      urgeEveryWorkingDays: messages.urgeEveryWorkingDays,
    },
    calendarYears,
    calendar: buildCalendar(calendarYears),
    calendarFingerprint: fingerprint.digest('hex'),
    unitIds,
  };
}
