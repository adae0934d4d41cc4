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
 * A count that runs into a year with no calendar file is flagged, never guessed: guessing would
 * silently ignore that year's holidays.
 */
import { addDays, daysBetween, type IsoDate } from './dates.ts';

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

/** The outcome of counting N working days: the due day, or a flag that the calendar ran out. */
export type WorkingDayCount =
  | { ok: true; start: IsoDate; days: number; due: IsoDate; skipped: SkippedDay[]; adjustedWorkdays: SkippedDay[] }
  | { ok: false; start: IsoDate; days: number; missingYear: number; countedSoFar: number; skipped: SkippedDay[] };

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

/** The end of the `days`-th working day after `start` (day zero not counted), with every skipped day listed. */
export function addWorkingDays(calendar: WorkingCalendar, start: IsoDate, days: number): WorkingDayCount {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`working days must be a positive integer, got ${days}`);
  const skipped: SkippedDay[] = [];
  const adjustedWorkdays: SkippedDay[] = [];
  let counted = 0;
  let day = start;
  while (counted < days) {
    day = addDays(day, 1);
    const kind = kindOfDay(calendar, day);
    if (kind.working === null) return { ok: false, start, days, missingYear: Number(day.slice(0, 4)), countedSoFar: counted, skipped };
    if (kind.working) {
      counted += 1;
      if (kind.reason !== '工作日') adjustedWorkdays.push({ date: day, reason: kind.reason });
    } else skipped.push({ date: day, reason: kind.reason });
  }
  return { ok: true, start, days, due: day, skipped, adjustedWorkdays };
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not later), or null when the
 * range reaches a year without a calendar file.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number | null {
  let count = 0;
  for (let day = addDays(from, 1); daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    const kind = kindOfDay(calendar, day);
    if (kind.working === null) return null;
    if (kind.working) count += 1;
  }
  return count;
}
