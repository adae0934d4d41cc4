import { describe, expect, it } from 'vitest';
import { boardHref, countLabel, lastPage, readBoardQuery, SEARCH_COUNT_CAP, searchTerms } from './board-filter.ts';

describe('board filters', () => {
  it('reads the query, keeping a month only in its YYYY-MM form', () => {
    expect(readBoardQuery(new URLSearchParams('unit=roads&month=2026-11&q= 停水 '))).toEqual({
      unit: 'roads',
      type: '',
      month: '2026-11',
      task: '',
      q: '停水',
    });
    expect(readBoardQuery(new URLSearchParams('month=2026-13x')).month).toBe('');
  });

  it('splits the search into words the way people type them (full-width, mixed spaces)', () => {
    expect(searchTerms('恢复\u3000停水  ＡＢＣ')).toEqual(['恢复', '停水', 'abc']);
  });

  it('say “more than” for a search that stopped counting, and page only through what it shows', () => {
    expect(countLabel(SEARCH_COUNT_CAP)).toBe(String(SEARCH_COUNT_CAP));
    expect(countLabel(SEARCH_COUNT_CAP + 1)).toBe(`${SEARCH_COUNT_CAP} 多`);
    expect(lastPage(0, 20)).toBe(1);
    expect(lastPage(41, 20)).toBe(3);
    expect(lastPage(SEARCH_COUNT_CAP + 1, 20)).toBe(SEARCH_COUNT_CAP / 20);
  });

  it('link back with only the fields that are set', () => {
    expect(boardHref({ unit: 'roads', q: '' }, 2)).toBe('/messages/?unit=roads&page=2');
    expect(boardHref({})).toBe('/messages/');
  });
});
