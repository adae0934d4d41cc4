import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleOfPart, DEFAULT_PAGES_PER_PART, pagesPerPartSetting, partsFile, splitIntoParts } from './index-parts.ts';

describe('the parts of the search index (搜索索引分卷)', () => {
  it('keep a district smaller than a part in one part, with nothing to merge', () => {
    expect(splitIntoParts(['tasks/a/index.html', 'units/b/index.html'], 4_000)).toEqual([['tasks/a/index.html', 'units/b/index.html']]);
    expect(partsFile(1)).toEqual({ merge: [] });
    expect(splitIntoParts([], 4_000)).toEqual([[]]);
  });

  it('split a province into parts of even size, none above the limit', () => {
    const pages = Array.from({ length: 11_685 }, (_, i) => `tasks/${i}/index.html`);
    const parts = splitIntoParts(pages, 4_000);
    expect(parts.map((p) => p.length)).toEqual([3_895, 3_895, 3_895]);
    expect(partsFile(parts.length)).toEqual({ merge: ['/pagefind/parts/2/', '/pagefind/parts/3/'] });
  });

  it('hold every page once, in the order given, in as few parts as the limit allows', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 300 }), fc.integer({ min: 1, max: 120 }), (pages, limit) => {
        const parts = splitIntoParts(pages, limit);
        expect(parts.flat()).toEqual(pages);
        expect(parts.length).toBe(Math.max(1, Math.ceil(pages.length / limit)));
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(limit);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('serve the first part where Pagefind puts its bundle, the others beside it', () => {
    expect(bundleOfPart(1)).toBe('/pagefind/');
    expect(bundleOfPart(12)).toBe('/pagefind/parts/12/');
    expect(() => bundleOfPart(0)).toThrow(RangeError);
    expect(() => splitIntoParts(['a'], 0)).toThrow(RangeError);
    expect(() => splitIntoParts(['a'], 1.5)).toThrow(RangeError);
  });

  it('read their size from the setting as an operator types it, and refuse anything but a whole number above 0', () => {
    expect(pagesPerPartSetting(undefined)).toBe(DEFAULT_PAGES_PER_PART);
    expect(pagesPerPartSetting('  ')).toBe(DEFAULT_PAGES_PER_PART);
    expect(pagesPerPartSetting('2500')).toBe(2500);
    expect(pagesPerPartSetting('\u3000２５００ ')).toBe(2500); // full-width digits and an ideographic space
    for (const bad of ['0', '-4', '1.5', '四千', '4000页', '1e3x', 'Infinity']) {
      expect(() => pagesPerPartSetting(bad), bad).toThrow(`DUBAN_SEARCH_PART_PAGES 应为正整数（每卷页数），现为「${bad}」`);
    }
  });
});
