/**
 * The dates a task is held to, and the one rule for what each date means on a given day: past it, 逾期
 * (red); within its warning window (`deadlineYellowDays` for the deadline, `milestoneYellowDays` for a
 * milestone), 临期 (yellow). The task's colour (evaluate.ts) and the reminders due (督办 工作提示,
 * ../supervision/reminders.ts) both read it from here.
 */
import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { WarningSettings } from '../content/schemas.ts';
import type { TaskRecord } from './types.ts';

export interface WatchedDate {
  /** The task's own deadline, or a milestone by name. */
  what: { kind: 'deadline' } | { kind: 'milestone'; name: string };
  due: IsoDate;
  /** Days from the day in question to the date: negative once it has passed. */
  daysLeft: number;
  /** 'red' once past, 'yellow' within the warning window, undefined before it. */
  warning: 'red' | 'yellow' | undefined;
  /** The first day of the warning window. */
  windowOpens: IsoDate;
}

/** The deadline and every unfinished milestone of the list given, as they stand on `asOf`. */
export function watchedDates(deadline: IsoDate, milestones: TaskRecord['milestones'], asOf: IsoDate, settings: WarningSettings): WatchedDate[] {
  const dates: [WatchedDate['what'], IsoDate, number][] = [[{ kind: 'deadline' }, deadline, settings.deadlineYellowDays]];
  for (const m of milestones) if (!m.done) dates.push([{ kind: 'milestone', name: m.name }, m.due, settings.milestoneYellowDays]);
  return dates.map(([what, due, window]) => {
    const daysLeft = daysBetween(asOf, due);
    return { what, due, daysLeft, warning: daysLeft < 0 ? 'red' : daysLeft <= window ? 'yellow' : undefined, windowOpens: addDays(due, -window) };
  });
}
