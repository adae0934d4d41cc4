import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { renderDeadlineCalendar } from './deadlines-calendar.ts';
import { evaluateTasks } from '../tasks/evaluate.ts';
import { defaultWarnings, makeTask } from '../tasks/test-helpers.ts';

describe('deadline calendar', () => {
  const tasks = evaluateTasks(
    [makeTask({ code: 'WL-1', deadline: '2026-12-31', milestones: [{ name: '方案批复', due: '2026-05-22' }] })],
    '2026-11-23',
    defaultWarnings,
  );
  const text = renderDeadlineCalendar({ name: '望澜区重点任务', site: 'https://example.org', host: 'example.org' }, tasks, () => '区住建局');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('has one all-day event for the deadline and one for each milestone, on the right days', () => {
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['【截止】老旧小区加装电梯（WL-1）', '2026-12-31', true],
      ['【节点】方案批复：老旧小区加装电梯（WL-1）', '2026-05-22', true],
    ]);
  });

  it('keeps event ids stable and links each event to its task', () => {
    expect(events.map((e) => e.uid)).toEqual(['WL-1-deadline@example.org', 'WL-1-m1@example.org']);
    expect(events[0]!.description).toContain('https://example.org/tasks/WL-1/');
  });
});
