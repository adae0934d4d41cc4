import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';
import { newDueExplained, pendingExtensionRequest, proposedDueProblem } from './extension-requests.ts';
import type { MessageState } from './state-machine.ts';
import type { EventRecord } from './types.ts';

const calendar = buildCalendar([year2026]);
const ev = (event: EventRecord['event'], extra: Partial<EventRecord> = {}): EventRecord => ({
  event,
  at: '2026-11-20T02:00:00Z',
  role: 'handler',
  actor: 'h1',
  from: 'assigned',
  to: 'assigned',
  note: null,
  internalNote: null,
  ...extra,
});
const assigned = [ev('submit'), ev('accept'), ev('assign', { unit: 'water' })];
const request = ev('request_extension', { at: '2026-11-24T03:00:00Z', newDue: '2026-12-18', internalNote: '需等待检测报告' });
const pending = (state: MessageState, events: EventRecord[]) => pendingExtensionRequest({ state, events });

describe('a pending request for an extension', () => {
  it('is the latest request, with who asked, for which day and why', () => {
    expect(pending('assigned', [...assigned, request, ev('urge', { role: 'system' })])).toEqual({
      at: '2026-11-24T03:00:00Z',
      by: 'h1',
      newDue: '2026-12-18',
      reason: '需等待检测报告',
    });
  });

  it('is settled by the office granting or declining it', () => {
    expect(pending('assigned', [...assigned, request, ev('extend', { newDue: '2026-12-18' })])).toBeNull();
    expect(pending('assigned', [...assigned, request, ev('decline_extension')])).toBeNull();
  });

  it('is settled by a reply and stays settled when the reply is sent back', () => {
    const replied = [...assigned, request, ev('reply', { reply: '已办理' })];
    expect(pending('replied', replied)).toBeNull();
    expect(pending('assigned', [...replied, ev('send_back')])).toBeNull();
  });

  it('is settled by a return, and by closing (which needs a reply first)', () => {
    expect(pending('accepted', [...assigned, request, ev('return')])).toBeNull();
    expect(pending('closed', [...assigned, request, ev('reply'), ev('approve')])).toBeNull();
  });

  it('a request made after a declined one is pending again', () => {
    const again = { ...request, at: '2026-11-26T03:00:00Z', newDue: '2026-12-11' };
    expect(pending('assigned', [...assigned, request, ev('decline_extension'), again])?.newDue).toBe('2026-12-11');
  });
});

describe('the day proposed', () => {
  it('must be later than the current due day and than today', () => {
    expect(proposedDueProblem('2026-12-01', '2026-12-01', '2026-11-24')).toBe('申请的期限应晚于当前期限 2026-12-01');
    expect(proposedDueProblem('2026-11-30', '2026-11-20', '2026-11-30')).toBe('申请的期限应晚于今天（2026-11-30）');
    expect(proposedDueProblem('2026-12-02', '2026-12-01', '2026-11-24')).toBeNull();
    expect(proposedDueProblem('2026-12-02', null, '2026-11-24')).toBeNull();
  });

  it('is explained as the end of that day, not moved past a weekend or a holiday', () => {
    expect(newDueExplained(calendar, '2026-12-18')).toBe('期限到 2026年12月18日（星期五）24 时为止。');
    expect(newDueExplained(calendar, '2026-12-19')).toContain('这天是周末（星期六），不是工作日，期限也不顺延到下一个工作日');
    expect(newDueExplained(calendar, '2026-10-01')).toContain('这天是国庆节假期');
    expect(newDueExplained(calendar, '2026-10-10')).toBe('期限到 2026年10月10日（星期六）24 时为止。'); // 国庆节调休: a working Saturday
    expect(newDueExplained(calendar, '2027-01-05')).toContain('2027 年的节假日安排尚未录入');
  });
});
