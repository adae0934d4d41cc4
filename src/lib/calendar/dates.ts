/**
 * Calendar dates as ISO strings ("2026-09-30"), the form content files use.
 *
 * A task's dates are days, not instants: a deadline of 2026-09-30 means the whole of that day in
 * China Standard Time. Keeping them as strings and counting in whole days avoids every time-zone
 * surprise of `Date`; `Date.UTC` is used only as a day counter.
 */

/** A calendar day written as `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month written as `YYYY-MM`. */
export type IsoMonth = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 (a day counter for arithmetic; 1970-01-01 was a Thursday). */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day `days` after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** One formatter per zone: making one costs more than using it many times. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date where the government sits (China Standard Time by default), not where the build runs. */
export function today(timeZone = 'Asia/Shanghai', now: Date = new Date()): IsoDate {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(now);
}

/** An instant's wall-clock time in China Standard Time (UTC+8, no daylight saving): `2026-11-23T19:09:00`. */
export function chinaDateTime(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 19);
}

/** The day an instant falls on in China Standard Time. */
export function chinaDate(instant: string): IsoDate {
  return chinaDateTime(instant).slice(0, 10);
}

/** The instant (ISO 8601, UTC) at which a day begins in China Standard Time: 2026-11-01 → 2026-10-31T16:00:00.000Z. */
export function chinaDayStart(date: IsoDate): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** The instants at which a month begins and the next one begins in China: for "submitted in this month" as a range query. */
export function chinaMonthRange(month: IsoMonth): { from: string; to: string } {
  return { from: chinaDayStart(`${month}-01`), to: chinaDayStart(addMonths(`${month}-01`, 1)) };
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** First and last day of a month. */
export function monthBounds(month: IsoMonth): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = fromDayNumber(Date.UTC(y, m, 1) / DAY_MS - 1);
  return { first, last };
}

/** Months from `from` to `to`, both included, in order. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [toY, toM] = to.split('-').map(Number) as [number, number];
  while (y < toY || (y === toY && m <= toM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The same day `months` months later (earlier when negative), clamped to the month's end: 03-31 − 1 month is 02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const { last } = monthBounds(month);
  const day = Math.min(d, Number(last.slice(8)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
