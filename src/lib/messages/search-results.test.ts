import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { excerptText } from '../format/search-excerpt.ts';
import { publicMessage, type ViewContext } from './public-view.ts';
import { messageSearchResult } from './search-results.ts';
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
  unitName: () => '区水务局',
};
const record: MessageRecord = {
  number: 'LY20261102-0001',
  type: 'complaint',
  state: 'closed',
  targetUnit: null,
  unit: 'water',
  task: null,
  title: '望澜路停水',
  content: '我是王小明，座机 0571-8765 4321 转 808。望澜路北段连续三天停水，老人做饭困难。',
  authorName: '王小明',
  consent: true,
  published: true,
  submittedAt: '2026-11-02T01:00:00Z',
  reply: '区水务局已于11月4日更换损坏的阀门，恢复供水。',
  repliedAt: '2026-11-05T01:00:00Z',
  closedAt: '2026-11-05T17:00:00Z',
  redacted: null,
  repeatOf: null,
  events: [],
};

describe('messageSearchResult', () => {
  it('gives type, unit, the day it was closed in China time and a masked excerpt around the words', () => {
    const result = messageSearchResult(publicMessage(record, context), '停水');
    expect(result).toMatchObject({ number: record.number, url: '/messages/LY20261102-0001/', typeLabel: '投诉', unitName: '区水务局', date: '2026-11-06' });
    const text = excerptText(result.excerpt);
    expect(text).toContain('停水');
    expect(text).not.toMatch(/8765|4321|王小明/);
    expect(result.excerpt.parts.some((p) => p.mark && p.text === '停水')).toBe(true);
  });

  it('takes the excerpt from the reply when only the reply has the words', () => {
    const result = messageSearchResult(publicMessage(record, context), '阀门');
    expect(excerptText(result.excerpt)).toMatch(/^答复：区水务局已于11月4日更换损坏的阀门/);
  });
});
