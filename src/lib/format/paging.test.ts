import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pagedPath, pageSlice } from './paging.ts';

describe('paging', () => {
  it('splits long lists into pages of 100 and always has a first page', () => {
    expect([pageCount(0), pageCount(100), pageCount(101)]).toEqual([1, 1, 2]);
  });

  it('links the ends and the neighbours of the current page, marking gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 9)).toEqual([1, 2, 3, 'gap', 9]);
    expect(pageLinks(5, 9)).toEqual([1, 'gap', 3, 4, 5, 6, 7, 'gap', 9]);
    expect(pageLinks(4, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('addresses and slices pages', () => {
    expect(pagedPath('/exposures/', 1)).toBe('/exposures/');
    expect(pagedPath('/exposures/', 2)).toBe('/exposures/page/2/');
    expect(
      pageSlice(
        Array.from({ length: 250 }, (_, i) => i),
        3,
      ),
    ).toEqual(Array.from({ length: 50 }, (_, i) => 200 + i));
  });
});
