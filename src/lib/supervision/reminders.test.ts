import { describe, expect, it } from 'vitest';
import { evaluateTasks } from '../tasks/evaluate.ts';
import { defaultWarnings, makeTask } from '../tasks/test-helpers.ts';
import { remindersDue } from './reminders.ts';
import type { SupervisionRecord } from './status.ts';

const asOf = '2026-12-20';
const tasks = evaluateTasks(
  [
    // The deadline 11 days away (window 15): due a reminder.
    makeTask({ code: 'MS-2026-001', deadline: '2026-12-31', updates: [{ date: '2026-12-10', progress: 70, text: '推进中' }] }),
    // A milestone 3 days away (window 7), the deadline far off.
    makeTask({
      code: 'MS-2026-002',
      deadline: '2027-06-30',
      milestones: [{ name: '主体完工', due: '2026-12-23' }],
      updates: [{ date: '2026-12-15', progress: 40, text: '施工' }],
    }),
    // A milestone already done: nothing to remind.
    makeTask({
      code: 'MS-2026-003',
      deadline: '2027-06-30',
      milestones: [{ name: '招标', due: '2026-12-22', done: '2026-12-18' }],
      updates: [{ date: '2026-12-18', progress: 30, text: '已招标' }],
    }),
    // Finished work: nothing to remind.
    makeTask({ code: 'MS-2026-004', deadline: '2026-12-25', updates: [{ date: '2026-12-01', progress: 100, text: '完工' }] }),
    // Overdue: past reminding (that is a 督办单's business).
    makeTask({ code: 'MS-2026-005', deadline: '2026-12-15', updates: [{ date: '2026-12-10', progress: 80, text: '收尾' }] }),
  ],
  asOf,
  defaultWarnings,
);

const reminder = (id: string, date: string, codes: string[]): SupervisionRecord => ({
  id,
  number: `工作提示〔2026〕第${id}号`,
  title: '关于年底前完成重点任务的工作提示',
  kind: 'reminder',
  date,
  issuer: '望澜区委督查室',
  foundBy: 'data',
  tasks: codes,
  units: ['housing'],
  requirement: '请对照节点倒排工期。',
  reports: [],
});

describe('the reminders due', () => {
  it('lists each unfinished task whose deadline or milestone is within the warning window, soonest first', () => {
    const due = remindersDue(tasks, [], asOf, defaultWarnings);
    expect(due.map((d) => [d.task, d.what, d.due, d.daysLeft])).toEqual([
      ['MS-2026-002', { kind: 'milestone', name: '主体完工' }, '2026-12-23', 3],
      ['MS-2026-001', { kind: 'deadline' }, '2026-12-31', 11],
    ]);
    expect(due.every((d) => d.sent === undefined)).toBe(true);
  });

  it('marks those the office has already reminded since the window opened, and not by an older reminder', () => {
    const records = [reminder('8', '2026-12-18', ['MS-2026-001']), reminder('3', '2026-11-01', ['MS-2026-002']), reminder('9', '2026-12-21', ['MS-2026-002'])];
    const due = remindersDue(tasks, records, asOf, defaultWarnings);
    expect(due.find((d) => d.task === 'MS-2026-001')?.sent).toEqual({ id: '8', number: '工作提示〔2026〕第8号', date: '2026-12-18' });
    // The one of 1 November is before the window (16 December) and the one of 21 December is after the day.
    expect(due.find((d) => d.task === 'MS-2026-002')?.sent).toBeUndefined();
  });
});
