/**
 * The reminders due (应发工作提示), computed at build: every unfinished task whose deadline, or an unfinished
 * milestone, falls within the warning window (the same thresholds that make it yellow), each with the reminder
 * the office has already issued for it in that window, if any. The office sees at a glance which it has not
 * yet sent; the public sees that the rule is kept.
 */
import type { IsoDate } from '../calendar/dates.ts';
import { watchedDates, type WatchedDate } from '../tasks/watched-dates.ts';
import type { WarningSettings } from '../content/schemas.ts';
import type { EvaluatedTask } from '../tasks/types.ts';
import type { SupervisionRecord } from './status.ts';

export interface ReminderDue {
  task: string;
  title: string;
  leadUnit: string;
  what: WatchedDate['what'];
  due: IsoDate;
  daysLeft: number;
  /** The reminder already issued for this task since the window opened, if any. */
  sent: Pick<SupervisionRecord, 'id' | 'number' | 'date'> | undefined;
}

export function remindersDue(tasks: readonly EvaluatedTask[], records: readonly SupervisionRecord[], asOf: IsoDate, settings: WarningSettings): ReminderDue[] {
  const reminders = records.filter((r) => r.kind === 'reminder' && r.date <= asOf).sort((a, b) => b.date.localeCompare(a.date));
  const due: ReminderDue[] = [];
  for (const task of tasks) {
    if (task.status === 'completed' || task.status === 'signed_off') continue;
    for (const { what, due: date, daysLeft, warning, windowOpens } of watchedDates(task.deadline, task.visibleMilestones, asOf, settings)) {
      if (warning !== 'yellow') continue;
      const sent = reminders.find((r) => r.tasks.includes(task.code) && r.date >= windowOpens);
      due.push({
        task: task.code,
        title: task.title,
        leadUnit: task.leadUnit,
        what,
        due: date,
        daysLeft,
        sent: sent && { id: sent.id, number: sent.number, date: sent.date },
      });
    }
  }
  return due.sort((a, b) => a.due.localeCompare(b.due) || a.task.localeCompare(b.task));
}
