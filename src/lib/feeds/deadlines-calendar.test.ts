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

  it('writes a task the same in every calendar that lists it, with each site’s own links and ids', () => {
    const long = evaluateTasks([makeTask({ code: 'WL-2', title: '城区雨污分流改造工程'.repeat(8), deadline: '2026-02-28' })], '2026-11-23', defaultWarnings);
    const both = [...tasks, ...long];
    const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const district = renderDeadlineCalendar({ name: '望澜区', site: 'https://example.org', host: 'example.org' }, both, () => '区住建局');
    const unit = renderDeadlineCalendar({ name: '区住建局', site: 'https://example.org', host: 'example.org' }, long, () => '区住建局');
    const otherSite = renderDeadlineCalendar({ name: '望澜区', site: 'https://duban.example.net', host: 'duban.example.net' }, both, () => '区水务局');
    const summaryOf = (ics: string) => parse(ics).map((e) => [e.uid, e.summary, e.description]);
    expect(summaryOf(unit)).toEqual(summaryOf(district).slice(2));
    expect(parse(otherSite).map((e) => e.uid)).toEqual(['WL-1-deadline@duban.example.net', 'WL-1-m1@duban.example.net', 'WL-2-deadline@duban.example.net']);
    expect(parse(otherSite)[2]!.description).toBe('牵头单位：区水务局\nhttps://duban.example.net/tasks/WL-2/');
    // RFC 5545 lines are at most 75 octets: the long title is folded, and unfolds to itself.
    for (const line of unit.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parse(unit)[0]!.summary).toBe(`【截止】${'城区雨污分流改造工程'.repeat(8)}（WL-2）`);
  });
});
