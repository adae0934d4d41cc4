import { describe, expect, it } from 'vitest';
import { boardHref, containsPattern, readBoardQuery, searchTerms } from './board-filter.ts';

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

  it('takes LIKE wildcards in a word literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });

  it('link back with only the fields that are set', () => {
    expect(boardHref({ unit: 'roads', q: '' }, 2)).toBe('/messages/?unit=roads&page=2');
    expect(boardHref({})).toBe('/messages/');
  });
});
