/**
 * The reminders due (应发工作提示), computed at build: every unfinished task whose deadline, or an unfinished
 * milestone, falls within the warning window (the same thresholds that make it yellow), each with the reminder
 * the office has already issued for it in that window, if any. The office sees at a glance which it has not
 * yet sent; the public sees that the rule is kept.
 */
import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { WarningSettings } from '../content/schemas.ts';
import type { EvaluatedTask } from '../tasks/types.ts';
import type { SupervisionRecord } from './status.ts';

export interface ReminderDue {
  task: string;
  title: string;
  leadUnit: string;
  /** The task's own deadline, or a milestone by name. */
  what: { kind: 'deadline' } | { kind: 'milestone'; name: string };
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
    const dates: [ReminderDue['what'], IsoDate, number][] = [[{ kind: 'deadline' }, task.deadline, settings.deadlineYellowDays]];
    for (const m of task.visibleMilestones) if (!m.done) dates.push([{ kind: 'milestone', name: m.name }, m.due, settings.milestoneYellowDays]);
    for (const [what, date, window] of dates) {
      const daysLeft = daysBetween(asOf, date);
      if (daysLeft < 0 || daysLeft > window) continue;
      const opened = addDays(date, -window);
      const sent = reminders.find((r) => r.tasks.includes(task.code) && r.date >= opened);
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
