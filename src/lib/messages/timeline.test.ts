import { describe, expect, it } from 'vitest';
import { publicTimeline, staffTimeline } from './timeline.ts';
import type { EventRecord } from './types.ts';

const ev = (event: EventRecord['event'], extra: Partial<EventRecord> = {}): EventRecord => ({
  event,
  at: '2026-11-24T02:00:00Z',
  role: 'handler',
  actor: 'h1',
  from: 'assigned',
  to: 'assigned',
  note: null,
  internalNote: null,
  ...extra,
});
const events = [
  ev('request_extension', { newDue: '2026-12-31', internalNote: '需等待省检测中心的报告' }),
  ev('decline_extension', { role: 'dispatcher', actor: 'd1', internalNote: '检测可加急，请按期答复' }),
  ev('request_extension', { newDue: '2026-12-18', internalNote: '需协调供电部门停电施工' }),
  ev('extend', { role: 'dispatcher', actor: 'd1', newDue: '2026-12-18', note: '需停电施工，已协调供电部门' }),
];
const unitName = (id: string) => id;

describe('a request for an extension on the timelines', () => {
  it('shows the public that the unit asked and what the office decided, but neither the day asked for nor the internal reasons', () => {
    const shown = publicTimeline(events, unitName);
    expect(shown.map((e) => [e.label, e.detail])).toEqual([
      ['承办单位申请延期', null],
      ['不同意延期', '仍按原期限办理'],
      ['承办单位申请延期', null],
      ['批准延期', '期限延至 2026-12-18；需停电施工，已协调供电部门'],
    ]);
    const text = JSON.stringify(shown);
    for (const internal of ['2026-12-31', '省检测中心', '检测可加急', '需协调供电部门停电施工']) expect(text).not.toContain(internal);
  });

  it('shows staff the day asked for, the reasons and who acted', () => {
    const names: Record<string, string> = { h1: '李承办', d1: '王督办' };
    const shown = staffTimeline(events, unitName, (id) => names[id] ?? null);
    expect(shown.map((e) => [e.who, e.internal])).toEqual([
      ['承办员 李承办', '申请延至 2026-12-31；需等待省检测中心的报告'],
      ['督办员 王督办', '检测可加急，请按期答复'],
      ['承办员 李承办', '申请延至 2026-12-18；需协调供电部门停电施工'],
      ['督办员 王督办', null],
    ]);
  });
});
