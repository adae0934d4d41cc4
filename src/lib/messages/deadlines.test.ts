import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';
import { chinaDate } from '../calendar/dates.ts';
import { closedOnTime, deadlineOf, shouldAutoUrge, stageDeadline, urgencyOf, type DeadlineSettings } from './deadlines.ts';
import type { EventRecord } from './types.ts';

const calendar = buildCalendar([year2026]);
const settings: DeadlineSettings = {
  clockStartsAt: 'assigned',
  limits: { complaint: 7, suggestion: 15 },
  dueSoonWorkingDays: 2,
  urgeEveryWorkingDays: 3,
  intake: { acceptWithin: 1, assignWithin: 1 },
};
const event = (kind: EventRecord['event'], at: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  event: kind,
  at,
  role: 'dispatcher',
  actor: null,
  from: null,
  to: 'assigned',
  note: null,
  internalNote: null,
  ...extra,
});

describe('deadlineOf', () => {
  it('waits for the event that starts the clock, and says which', () => {
    expect(deadlineOf({ type: 'complaint', events: [event('submit', '2026-02-12T02:00:00Z')] }, settings, calendar)).toEqual({
      kind: 'not_started',
      waitingFor: '交办',
      days: 7,
      daysFrom: 'settings',
    });
  });

  it('keeps the limit promised at submission when the settings change later', () => {
    const events = [event('submit', '2026-02-12T02:00:00Z', { limitDays: 15 }), event('assign', '2026-02-13T02:00:00Z')];
    const deadline = deadlineOf({ type: 'complaint', events }, settings, calendar); // the settings now say 7
    expect(deadline.kind === 'set' && [deadline.days, deadline.daysFrom, deadline.due]).toEqual([15, 'submission', '2026-03-12']);
    const unrecorded = deadlineOf({ type: 'complaint', events: [event('submit', '2026-02-12T02:00:00Z'), events[1]!] }, settings, calendar);
    expect(unrecorded.kind === 'set' && [unrecorded.days, unrecorded.daysFrom, unrecorded.due]).toEqual([7, 'settings', '2026-03-02']);
  });

  it('counts from the assignment day in China time (the domain guide example)', () => {
    // 2026-02-13 20:30 Beijing is 12:30 UTC: the day is the 13th.
    const deadline = deadlineOf(
      { type: 'complaint', events: [event('submit', '2026-02-12T02:00:00Z'), event('assign', '2026-02-13T12:30:00Z')] },
      settings,
      calendar,
    );
    expect(deadline.kind === 'set' && [deadline.start, deadline.due, deadline.skipped.length]).toEqual(['2026-02-13', '2026-03-02', 10]);
  });

  it('uses the Beijing date even when UTC is still the day before', () => {
    expect(chinaDate('2026-02-12T16:30:00Z')).toBe('2026-02-13');
  });

  it('can start at submission instead, as a setting', () => {
    const deadline = deadlineOf(
      { type: 'suggestion', events: [event('submit', '2026-09-30T01:00:00Z')] },
      { ...settings, clockStartsAt: 'submitted' },
      calendar,
    );
    expect(deadline.kind === 'set' && deadline.due).toBe('2026-10-27'); // 10-01…07 off, 10-10 (Saturday) worked
  });

  it('restarts the clock on a new assignment and honours an approved extension', () => {
    const events = [event('assign', '2026-03-02T02:00:00Z'), event('return', '2026-03-03T02:00:00Z'), event('assign', '2026-03-04T02:00:00Z')];
    const restarted = deadlineOf({ type: 'complaint', events }, settings, calendar);
    expect(restarted.kind === 'set' && restarted.due).toBe('2026-03-13');
    const extended = deadlineOf(
      { type: 'complaint', events: [...events, event('extend', '2026-03-10T02:00:00Z', { newDue: '2026-03-31', note: '需现场勘验' })] },
      settings,
      calendar,
    );
    expect(extended.kind === 'set' && [extended.computedDue, extended.due, extended.extension?.reason]).toEqual(['2026-03-13', '2026-03-31', '需现场勘验']);
  });

  it('flags a limit that runs past the calendar on file', () => {
    const deadline = deadlineOf({ type: 'suggestion', events: [event('assign', '2026-12-20T02:00:00Z')] }, settings, calendar);
    expect(deadline).toMatchObject({ kind: 'beyond_calendar', missingYear: 2027 });
    // 15 working days from 20 December: 21–31 December gives 9, six more Monday to Friday reach 8 January 2027.
    expect(deadline.kind === 'beyond_calendar' && deadline.provisionalDue).toBe('2027-01-08');
  });
});

describe('urgency and urging', () => {
  it('is due soon within two working days, overdue the day after the due day', () => {
    expect(urgencyOf('2026-11-27', '2026-11-23', settings, calendar)).toBe('on_track');
    expect(urgencyOf('2026-11-27', '2026-11-25', settings, calendar)).toBe('due_soon');
    expect(urgencyOf('2026-11-27', '2026-11-27', settings, calendar)).toBe('due_soon');
    expect(urgencyOf('2026-11-27', '2026-11-28', settings, calendar)).toBe('overdue');
  });

  it('urges once when overdue, then again after three working days', () => {
    const assigned = { state: 'assigned' as const, events: [event('assign', '2026-11-02T02:00:00Z')] };
    expect(shouldAutoUrge(assigned, '2026-11-11', '2026-11-11', settings, calendar)).toBe(false);
    expect(shouldAutoUrge(assigned, '2026-11-11', '2026-11-12', settings, calendar)).toBe(true);
    const urged = { ...assigned, events: [...assigned.events, event('urge', '2026-11-12T01:00:00Z', { role: 'system' })] };
    expect(shouldAutoUrge(urged, '2026-11-11', '2026-11-16', settings, calendar)).toBe(false);
    expect(shouldAutoUrge(urged, '2026-11-11', '2026-11-17', settings, calendar)).toBe(true);
    expect(shouldAutoUrge({ ...urged, state: 'replied' }, '2026-11-11', '2026-11-20', settings, calendar)).toBe(false);
  });

  it('a message closed on its due day (Beijing time) was on time', () => {
    expect(closedOnTime('2026-11-11T15:59:00Z', '2026-11-11')).toBe(true);
    expect(closedOnTime('2026-11-11T16:00:00Z', '2026-11-11')).toBe(false);
  });
});

describe('stageDeadline: the intake clocks, then the reply', () => {
  const submit = event('submit', '2026-02-13T02:00:00Z', { role: 'citizen', to: 'submitted' });
  it('waits one working day for acceptance and one more for assignment, counted from submission', () => {
    // Submitted on Friday 2026-02-13: Saturday the 14th is a working day (调休), the Spring Festival follows.
    expect(stageDeadline({ type: 'complaint', state: 'submitted', events: [submit] }, settings, calendar)).toMatchObject({
      stage: 'accept',
      due: '2026-02-14',
    });
    expect(
      stageDeadline({ type: 'complaint', state: 'accepted', events: [submit, event('accept', '2026-02-14T02:00:00Z')] }, settings, calendar),
    ).toMatchObject({
      stage: 'assign',
      due: '2026-02-24',
    });
  });

  it('follows the reply deadline once assigned, and none once closed or rejected', () => {
    const assigned = [submit, event('accept', '2026-02-13T03:00:00Z'), event('assign', '2026-02-13T04:00:00Z')];
    expect(stageDeadline({ type: 'complaint', state: 'assigned', events: assigned }, settings, calendar)).toMatchObject({ stage: 'reply', due: '2026-03-02' });
    expect(stageDeadline({ type: 'complaint', state: 'closed', events: assigned }, settings, calendar)).toBeNull();
    expect(stageDeadline({ type: 'complaint', state: 'rejected', events: [submit] }, settings, calendar)).toBeNull();
  });

  it('the system urges a message left unaccepted past its intake day', () => {
    const due = stageDeadline({ type: 'complaint', state: 'submitted', events: [submit] }, settings, calendar)!.due;
    expect(shouldAutoUrge({ state: 'submitted', events: [submit] }, due, '2026-02-24', settings, calendar)).toBe(true);
    expect(shouldAutoUrge({ state: 'submitted', events: [submit] }, due, '2026-02-14', settings, calendar)).toBe(false);
  });
});
