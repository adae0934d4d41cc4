/**
 * Calendar readiness (节假日安排是否已录入): the State Council publishes next year's holiday
 * arrangement in November or December, and until its file is in content/calendar/ every time limit
 * that runs into that year can only be estimated. From 1 November the site says so: in the server's
 * log and health check for the operators, and on the about page for the public.
 */
import type { IsoDate } from './dates.ts';

/** The month from which next year's file is looked for (November). */
export const LOOK_FROM_MONTH = 11;

/** The year whose calendar file is missing and due, or null when nothing is missing yet. */
export function missingCalendarYear(today: IsoDate, yearsOnFile: Iterable<number>): number | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const onFile = new Set(yearsOnFile);
  if (!onFile.has(year)) return year;
  if (month >= LOOK_FROM_MONTH && !onFile.has(year + 1)) return year + 1;
  return null;
}

/** For operators (log, /healthz): what is missing and what to do. */
export function calendarReminder(today: IsoDate, yearsOnFile: Iterable<number>): string | null {
  const missing = missingCalendarYear(today, yearsOnFile);
  if (missing === null) return null;
  return `${missing} 年的节假日安排尚未录入（content/calendar/${missing}.yml）：延伸到 ${missing} 年的办理期限暂不能确定，只显示按周末推算的暂定日期。国务院办公厅公布当年安排后请尽快录入并重新构建网站。`;
}

/** For the public (about page): the same fact, without file names. */
export function calendarNotice(today: IsoDate, yearsOnFile: Iterable<number>): string | null {
  const missing = missingCalendarYear(today, yearsOnFile);
  if (missing === null) return null;
  return `${missing} 年的节假日安排尚未公布或尚未录入本站。在此之前，延伸到 ${missing} 年的办理期限标为“暂不能确定”，并给出只扣除周末推算的暂定日期；录入后自动重算。`;
}
