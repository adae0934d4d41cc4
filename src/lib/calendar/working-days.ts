/**
 * Working days (工作日) on the official calendar: weekends and public holidays are skipped,
 * adjusted weekend workdays (调休上班) count. Holidays are data (content/calendar/<year>.yml),
 * published each year by the State Council; nothing here knows any year's dates.
 *
 * The counting rule follows the Civil Code on periods: 《民法典》第二百零一条 — the day a period
 * starts is not counted, counting begins the next day; 第二百零三条 — the last day ends at 24:00.
 * So a limit of N working days starting on day D ends at the end of the N-th working day after D
 * ("day zero" is D itself, whatever kind of day it is).
 *
 * A count that runs into a year with no calendar file is flagged, never passed off as a deadline:
 * guessing would silently ignore that year's holidays. Beside the flag it carries an estimate counted
 * Monday to Friday, to be shown as 暂定 only.
 */
import { addDays, dayNumber, daysBetween, fromDayNumber, type IsoDate } from './dates.ts';

/** One year's official arrangement, as written in its calendar file. */
export interface CalendarYear {
  year: number;
  source: string;
  holidays: { name: string; from: IsoDate; to: IsoDate }[];
  workdays: { name: string; date: IsoDate }[];
}

/** The merged calendar: which years are on file and what each special day is. */
export interface WorkingCalendar {
  years: ReadonlySet<number>;
  holidays: ReadonlyMap<IsoDate, string>;
  workdays: ReadonlyMap<IsoDate, string>;
}

/** Why a day is or is not a working day, in words for the "how this date was computed" view. */
export interface DayKind {
  /** null when the day's year has no calendar file. */
  working: boolean | null;
  reason: string;
}

/** A skipped (non-working) day and why. */
export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

/**
 * The outcome of counting N working days: the due day, or a flag that the calendar ran out. Where it
 * ran out, `provisionalDue` is the day reached by counting the rest as Monday to Friday (暂定): no
 * holidays or make-up workdays, since none are known yet. It is an estimate to show beside
 * “暂不能确定”, never a deadline.
 */
export type WorkingDayCount =
  | { ok: true; start: IsoDate; days: number; due: IsoDate; skipped: readonly SkippedDay[]; adjustedWorkdays: readonly SkippedDay[] }
  | {
      ok: false;
      start: IsoDate;
      days: number;
      missingYear: number;
      countedSoFar: number;
      skipped: readonly SkippedDay[];
      provisionalDue: IsoDate;
    };

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}

/** Merge year files into one calendar; a day listed twice, or as both holiday and workday, is an error. */
export function buildCalendar(files: readonly CalendarYear[]): WorkingCalendar {
  const years = new Set<number>();
  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  for (const file of files) {
    if (years.has(file.year)) throw new Error(`${file.year} 年的日历文件重复`);
    years.add(file.year);
    for (const holiday of file.holidays) {
      for (let day = holiday.from; daysBetween(day, holiday.to) >= 0; day = addDays(day, 1)) {
        if (Number(day.slice(0, 4)) !== file.year) throw new Error(`${file.year} 年日历的假期「${holiday.name}」含有其他年份的日期 ${day}`);
        if (holidays.has(day)) throw new Error(`${day} 在 ${file.year} 年日历中重复列为假期`);
        holidays.set(day, holiday.name);
      }
    }
    for (const workday of file.workdays) {
      if (Number(workday.date.slice(0, 4)) !== file.year) throw new Error(`${file.year} 年日历的调休上班日 ${workday.date} 不在该年`);
      if (holidays.has(workday.date)) throw new Error(`${workday.date} 同时列为假期和调休上班日`);
      workdays.set(workday.date, workday.name);
    }
  }
  return { years, holidays, workdays };
}

/** Whether `date` is a working day, and why; `working: null` when its year has no calendar file. */
export function kindOfDay(calendar: WorkingCalendar, date: IsoDate): DayKind {
  if (!calendar.years.has(Number(date.slice(0, 4)))) return { working: null, reason: `${date.slice(0, 4)} 年的节假日安排尚未录入` };
  const holiday = calendar.holidays.get(date);
  if (holiday) return { working: false, reason: `${holiday}假期` };
  const workday = calendar.workdays.get(date);
  if (workday) return { working: true, reason: `${workday}上班（${weekdayName(date)}）` };
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return { working: false, reason: `周末（${weekdayName(date)}）` };
  return { working: true, reason: '工作日' };
}

/**
 * The calendar as a table of day numbers, built once per calendar: each day's kind (1 working,
 * 0 not, -1 year not on file) and running counts of working and unknown days, so counting between
 * two days is a subtraction and every page that shows deadlines stays cheap.
 */
interface DayTable {
  first: number;
  kinds: Int8Array;
  /** Working days from `first` up to and including each day. */
  working: Int32Array;
  /** Days of years not on file, likewise. */
  unknown: Int32Array;
  /** Counts already made (many messages share a start day and a limit); read-only, so no caller can change another's. */
  counts: Map<string, WorkingDayCount>;
}

/** Counts remembered per calendar before the memory starts again. */
const COUNTS_KEPT = 20_000;

const DAY_TABLES = new WeakMap<WorkingCalendar, DayTable>();

function dayTable(calendar: WorkingCalendar): DayTable {
  const cached = DAY_TABLES.get(calendar);
  if (cached) return cached;
  const years = [...calendar.years];
  const first = years.length ? dayNumber(`${Math.min(...years)}-01-01`) : 0;
  const last = years.length ? dayNumber(`${Math.max(...years)}-12-31`) : -1;
  const size = last - first + 1;
  const table: DayTable = { first, kinds: new Int8Array(size), working: new Int32Array(size), unknown: new Int32Array(size), counts: new Map() };
  for (let i = 0; i < size; i += 1) {
    const date = fromDayNumber(first + i);
    const weekday = (first + i + 4) % 7; // 1970-01-01 was a Thursday
    table.kinds[i] = !calendar.years.has(Number(date.slice(0, 4)))
      ? -1
      : calendar.holidays.has(date)
        ? 0
        : calendar.workdays.has(date) || (weekday !== 0 && weekday !== 6)
          ? 1
          : 0;
    table.working[i] = (i > 0 ? table.working[i - 1]! : 0) + (table.kinds[i] === 1 ? 1 : 0);
    table.unknown[i] = (i > 0 ? table.unknown[i - 1]! : 0) + (table.kinds[i] === -1 ? 1 : 0);
  }
  DAY_TABLES.set(calendar, table);
  return table;
}

/** A day's kind from the table: 1 working, 0 not, -1 its year is not on file. */
function kindAt(table: DayTable, day: number): -1 | 0 | 1 {
  const i = day - table.first;
  return i < 0 || i >= table.kinds.length ? -1 : (table.kinds[i] as -1 | 0 | 1);
}

/** The end of the `days`-th working day after `start` (day zero not counted), with every skipped day listed. */
export function addWorkingDays(calendar: WorkingCalendar, start: IsoDate, days: number): WorkingDayCount {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`working days must be a positive integer, got ${days}`);
  const table = dayTable(calendar);
  const key = `${start}|${days}`;
  const known = table.counts.get(key);
  if (known) return known;
  if (table.counts.size >= COUNTS_KEPT) table.counts.clear();
  const count = Object.freeze(countWorkingDays(calendar, table, start, days));
  table.counts.set(key, count);
  return count;
}

/** The day `days` Mondays-to-Fridays after day number `after`. */
function weekdaysOnly(after: number, days: number): IsoDate {
  let day = after;
  for (let counted = 0; counted < days;) {
    day += 1;
    const weekday = weekdayOf(fromDayNumber(day));
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return fromDayNumber(day);
}

function countWorkingDays(calendar: WorkingCalendar, table: DayTable, start: IsoDate, days: number): WorkingDayCount {
  const skipped: SkippedDay[] = [];
  const adjustedWorkdays: SkippedDay[] = [];
  let counted = 0;
  let day = dayNumber(start);
  while (counted < days) {
    day += 1;
    const kind = kindAt(table, day);
    if (kind === -1) {
      const missingYear = Number(fromDayNumber(day).slice(0, 4));
      return { ok: false, start, days, missingYear, countedSoFar: counted, skipped, provisionalDue: weekdaysOnly(day - 1, days - counted) };
    }
    if (kind === 1) {
      counted += 1;
      const date = fromDayNumber(day);
      if (calendar.workdays.has(date)) adjustedWorkdays.push({ date, reason: kindOfDay(calendar, date).reason });
    } else {
      const date = fromDayNumber(day);
      skipped.push({ date, reason: kindOfDay(calendar, date).reason });
    }
  }
  return { ok: true, start, days, due: fromDayNumber(day), skipped, adjustedWorkdays };
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not later), or null when the
 * range reaches a year without a calendar file.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number | null {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end <= start) return 0;
  const table = dayTable(calendar);
  const last = table.kinds.length - 1;
  // Days after `from` up to `to`: both ends must lie inside the years the table covers.
  if (start + 1 < table.first || end > table.first + last) return null;
  const before = start - table.first;
  const unknown = table.unknown[end - table.first]! - (before >= 0 ? table.unknown[before]! : 0);
  if (unknown > 0) return null;
  return table.working[end - table.first]! - (before >= 0 ? table.working[before]! : 0);
}
