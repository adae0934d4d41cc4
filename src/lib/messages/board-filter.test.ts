import { describe, expect, it } from 'vitest';
import { boardHref, filterBoard, readBoardQuery } from './board-filter.ts';
import type { PublicMessage } from './public-view.ts';

const m = (over: Partial<PublicMessage>): PublicMessage =>
  ({
    number: 'LY20261102-0001',
    type: 'complaint',
    unit: 'water',
    task: null,
    title: '停水',
    content: '电话[电话已隐去]',
    reply: '已恢复供水',
    submittedAt: '2026-11-02T01:00:00Z',
    ...over,
  }) as PublicMessage;

describe('board filters', () => {
  const list = [
    m({}),
    {
      ...m({}),
      number: 'LY20261003-0002',
      unit: 'roads',
      type: 'suggestion',
      title: '增设路灯',
      content: '夜间太暗',
      reply: '已纳入计划',
      submittedAt: '2026-10-03T01:00:00Z',
    },
  ];
  const month = (x: PublicMessage) => x.submittedAt.slice(0, 7);

  it('filter by unit, type and month', () => {
    expect(filterBoard(list, readBoardQuery(new URLSearchParams('unit=roads')), month).map((x) => x.title)).toEqual(['增设路灯']);
    expect(filterBoard(list, readBoardQuery(new URLSearchParams('type=complaint&month=2026-11')), month).map((x) => x.title)).toEqual(['停水']);
    expect(filterBoard(list, readBoardQuery(new URLSearchParams('month=2026-09')), month)).toEqual([]);
  });

  it('search every word in the title, content or reply, and never in hidden text', () => {
    expect(filterBoard(list, readBoardQuery(new URLSearchParams('q=恢复 停水')), month).map((x) => x.title)).toEqual(['停水']);
    expect(filterBoard(list, readBoardQuery(new URLSearchParams('q=13812345678')), month)).toEqual([]);
  });

  it('link back with only the fields that are set', () => {
    expect(boardHref({ unit: 'roads', q: '' }, 2)).toBe('/messages/?unit=roads&page=2');
    expect(boardHref({})).toBe('/messages/');
  });
});
