import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { errorsOf, fieldsFromOpen311, requestOf, w3cChinaDateTime, withoutText } from './open311.ts';
import { publicMessage } from './public-view.ts';
import type { EventRecord, MessageRecord } from './types.ts';

describe('Open311 mapping', () => {
  it('reads our fields from GeoReport parameters, joining the name as Chinese names are written', () => {
    expect(
      fieldsFromOpen311({
        service_code: 'complaint',
        description: '内容',
        last_name: '欧阳',
        first_name: '娜娜',
        'attribute[title]': '标题',
        'attribute[consent]': 'yes',
        phone: '138',
      }),
    ).toEqual({
      type: 'complaint',
      unit: undefined,
      task: undefined,
      title: '标题',
      content: '内容',
      name: '欧阳娜娜',
      phone: '138',
      email: undefined,
      consent: true,
    });
  });

  it('accepts consent as yes/no words or booleans, and passes anything else on to be refused', () => {
    expect(fieldsFromOpen311({ 'attribute[consent]': 'no' }).consent).toBe(false);
    expect(fieldsFromOpen311({ attribute: { consent: true } }).consent).toBe(true);
    expect(fieldsFromOpen311({}).consent).toBe(false);
    expect(fieldsFromOpen311({ 'attribute[consent]': 'maybe' }).consent).toBe('maybe');
  });

  it('names the GeoReport parameter in errors', () => {
    expect(errorsOf({ title: '请填写标题', content: '请填写留言内容' })).toEqual([
      { code: 400, description: 'attribute[title]：请填写标题' },
      { code: 400, description: 'description：请填写留言内容' },
    ]);
  });

  it('writes instants in China Standard Time', () => {
    expect(w3cChinaDateTime('2026-11-23T16:30:00.000Z')).toBe('2026-11-24T00:30:00+08:00');
  });
});

describe('what Open311 shows of a message', () => {
  const event = (e: Partial<EventRecord> & Pick<EventRecord, 'event' | 'at' | 'to'>): EventRecord => ({
    role: 'dispatcher',
    actor: null,
    from: null,
    note: null,
    internalNote: null,
    ...e,
  });
  const record: MessageRecord = {
    number: 'LY20261102-0001',
    type: 'report',
    state: 'assigned',
    targetUnit: null,
    unit: 'water',
    task: null,
    title: '反映某站点收费问题',
    content: '详细情况见附件说明，请尽快核查。',
    authorName: '王小明',
    consent: true,
    published: false,
    submittedAt: '2026-11-02T01:23:45Z',
    reply: null,
    repliedAt: null,
    closedAt: null,
    redacted: null,
    repeatOf: null,
    events: [
      event({ event: 'submit', at: '2026-11-02T01:23:45Z', role: 'citizen', to: 'submitted' }),
      event({ event: 'accept', at: '2026-11-02T02:00:00Z', from: 'submitted', to: 'accepted' }),
      event({ event: 'assign', at: '2026-11-02T03:00:00Z', from: 'accepted', to: 'assigned', unit: 'water' }),
      event({ event: 'extend', at: '2026-11-05T06:07:08Z', from: 'assigned', to: 'assigned', newDue: '2026-12-10', note: '需要到举报人所在的三号楼现场核实' }),
    ],
  };
  const context = {
    asOf: '2026-11-23',
    deadlines: {
      clockStartsAt: 'assigned' as const,
      limits: { report: 15 },
      dueSoonWorkingDays: 2,
      urgeEveryWorkingDays: 3,
      intake: { acceptWithin: 1, assignWithin: 1 },
    },
    calendar: buildCalendar([{ year: 2026, source: 't', holidays: [], workdays: [] }]),
    typeLabel: () => '举报',
    unitName: () => '区水务局',
  };

  it('an unpublished message: its days, not its times, and an extension without its reason', () => {
    const request = requestOf(publicMessage(record, context), false, 'https://example.org');
    expect(request.requested_datetime).toBe('2026-11-02');
    expect(request.updated_datetime).toBe('2026-11-05');
    expect(request.status_notes).toContain('已延期至 2026-12-10');
    expect(request.status_notes).not.toContain('三号楼');
    expect(request.description).toBeNull();
  });

  it('an unpublished message answers the same with its words taken out before the view is built, and carries none of them', () => {
    const full = requestOf(publicMessage(record, context), false, 'https://example.org');
    const bare = requestOf(publicMessage(withoutText(record), context), false, 'https://example.org');
    expect(bare).toEqual(full);
    expect(JSON.stringify(publicMessage(withoutText(record), context))).not.toMatch(/收费|三号楼|王/);
  });

  it('a published message: times to the second and the extension reason, masked', () => {
    const closed = { ...record, state: 'closed' as const, published: true, reply: '已核实处理。', closedAt: '2026-11-20T01:00:00Z' };
    const request = requestOf(publicMessage(closed, context), true, 'https://example.org');
    expect(request.requested_datetime).toBe('2026-11-02T09:23:45+08:00');
    expect(request.status_notes).toContain('（需要到举报人所在的三号楼现场核实）');
  });
});
