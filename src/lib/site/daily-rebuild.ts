/**
 * The daily rebuild (每日重建): warning colours and statuses are computed from the day (decision 001),
 * so the served site is rebuilt once a day, just after midnight China Standard Time by default. CST
 * is UTC+8 all year (no daylight saving), so the arithmetic needs no time-zone database.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** "HH:MM" (24-hour, China Standard Time; full-width digits and colon as an input method types them), or null when it is not one. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.normalize('NFKC').trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** The first moment strictly after `now` when the clock in China reads `at`. */
export function nextDailyRun(now: Date, at: TimeOfDay): Date {
  const chinaNow = now.getTime() + CST_OFFSET_MS;
  const chinaMidnight = Math.floor(chinaNow / DAY_MS) * DAY_MS;
  let run = chinaMidnight + (at.hour * 60 + at.minute) * 60 * 1000;
  if (run <= chinaNow) run += DAY_MS;
  return new Date(run - CST_OFFSET_MS);
}
