import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { publicMessage, type ViewContext } from './public-view.ts';
import type { MessageRecord } from './types.ts';

const context: ViewContext = {
  asOf: '2026-11-23',
  deadlines: {
    clockStartsAt: 'assigned',
    limits: { complaint: 15 },
    dueSoonWorkingDays: 2,
    urgeEveryWorkingDays: 3,
    intake: { acceptWithin: 1, assignWithin: 1 },
  },
  calendar: buildCalendar([{ year: 2026, source: 't', holidays: [], workdays: [] }]),
  typeLabel: () => '投诉',
  unitName: (id) => (id === 'water' ? '区水务局' : id),
};
const ev = (event: MessageRecord['events'][number]['event'], at: string, extra = {}) => ({
  event,
  at,
  role: 'dispatcher' as const,
  actor: '督查室 李四',
  from: null,
  to: 'assigned' as const,
  note: null,
  internalNote: null,
  ...extra,
});

const record: MessageRecord = {
  number: 'LY20261102-0001',
  type: 'complaint',
  state: 'closed',
  targetUnit: null,
  unit: 'water',
  task: null,
  title: '王小明反映停水',
  content: '我是王小明，电话13912345678，身份证530102199001011234，邮箱wxm@example.com。',
  authorName: '王小明',
  consent: true,
  published: true,
  submittedAt: '2026-11-02T01:00:00Z',
  reply: '已联系王小明（13912345678）核实。',
  repliedAt: '2026-11-05T01:00:00Z',
  closedAt: '2026-11-06T01:00:00Z',
  redacted: null,
  repeatOf: null,
  events: [
    ev('submit', '2026-11-02T01:00:00Z', { role: 'citizen', actor: null }),
    ev('assign', '2026-11-03T01:00:00Z', { unit: 'water', internalNote: '内部：此人多次来访' }),
    ev('extend', '2026-11-04T01:00:00Z', { newDue: '2026-12-31', note: '需联系王小明 13912345678 现场查看' }),
    ev('approve', '2026-11-06T01:00:00Z'),
    ev('rate', '2026-11-07T01:00:00Z', { role: 'citizen', actor: null, rating: 'unsatisfied', note: '没解决，可打 13912345678 回访' }),
    ev('reopen', '2026-11-08T01:00:00Z'),
    ev('approve', '2026-11-10T01:00:00Z'),
    ev('rate', '2026-11-11T01:00:00Z', { role: 'citizen', actor: null, rating: 'satisfied', note: '这次解决了' }),
  ],
};

describe('publicMessage', () => {
  const view = publicMessage(record, context);
  const all = JSON.stringify(view);

  it('never carries the name, phone, ID number or e-mail in clear, anywhere in the view', () => {
    for (const secret of ['王小明', '13912345678', '530102199001011234', 'wxm@example.com']) expect(all).not.toContain(secret);
    expect(view.author).toBe('王**');
    expect(view.content).toContain('[电话已隐去]');
  });

  it('leaves out internal notes and staff names', () => {
    expect(all).not.toContain('内部');
    expect(all).not.toContain('李四');
  });

  it('shows the assignment, the extension and its reason on the timeline', () => {
    expect(view.timeline.map((t) => t.label).slice(0, 3)).toEqual(['提交留言', '交办', '批准延期']);
    expect(view.timeline[1]?.detail).toBe('交由区水务局办理');
    expect(view.extensions[0]?.newDue).toBe('2026-12-31');
  });

  it('shows every rating given, with its date and masked comment, not only the latest', () => {
    expect(view.ratings).toEqual([
      { label: '不满意', comment: '没解决，可打 [电话已隐去] 回访', at: '2026-11-07T01:00:00Z' },
      { label: '满意', comment: '这次解决了', at: '2026-11-11T01:00:00Z' },
    ]);
  });

  it('has no urgency once closed', () => {
    expect(view.urgency).toBeNull();
  });
});
