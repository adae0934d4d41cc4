/**
 * 搜索索引分卷 (parts of the search index). Pagefind keeps every page of an index in memory until it has
 * written the index (about 170 KB for a task page: 10,000 tasks took 1.70 GiB in one index), so the
 * build writes the content pages in parts of at most a given number of pages, one Pagefind run each,
 * and the search page merges them in the browser (Pagefind's mergeIndex), searching all as one.
 *
 * The first part is Pagefind's usual bundle at /pagefind/; the others are at /pagefind/parts/<n>/, and
 * PARTS_FILE lists them. A district of fewer pages than a part has one part and an empty list.
 */

/** The sections whose pages are content pages, each at /<section>/<name>/: a new kind must be added here to be searchable. */
export const CONTENT_SECTIONS = ['tasks', 'units', 'exposures', 'bulletins', 'supervision'] as const;

/** Pages in a part unless the build is told otherwise (DUBAN_SEARCH_PART_PAGES): about 0.7 GiB of Pagefind's memory. */
export const DEFAULT_PAGES_PER_PART = 4_000;

const isPagesPerPart = (n: number) => Number.isInteger(n) && n >= 1;

/**
 * Pages per part as DUBAN_SEARCH_PART_PAGES gives it (full-width digits and spaces as a Chinese input
 * method types them are read too), the default when unset; anything else is refused with a message for
 * the operator, before the build starts.
 */
export function pagesPerPartSetting(value: string | undefined): number {
  const setting = value?.normalize('NFKC').trim();
  if (!setting) return DEFAULT_PAGES_PER_PART;
  const pages = Number(setting);
  if (!isPagesPerPart(pages)) throw new RangeError(`DUBAN_SEARCH_PART_PAGES 应为正整数（每卷页数），现为「${setting}」`);
  return pages;
}

/** The folder of the site the first part is written to. */
export const PRIMARY_BUNDLE = '/pagefind/';

/** Where the build lists the other parts, as the site serves it. */
export const PARTS_FILE = '/pagefind/parts.json';

/** What PARTS_FILE holds: the bundles the search merges into the first one, in order. */
export interface SearchIndexParts {
  merge: string[];
}

/** The bundle of the n-th part (from 1), as the site serves it. */
export function bundleOfPart(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a part is numbered from 1: ${n}`);
  return n === 1 ? PRIMARY_BUNDLE : `${PRIMARY_BUNDLE}parts/${n}/`;
}

/**
 * The pages in as few parts as the limit allows, of sizes that differ by at most one, each page once and
 * in the order given (so a build of the same pages writes the same parts). No pages: one empty part.
 */
export function splitIntoParts<T>(pages: readonly T[], pagesPerPart: number): T[][] {
  if (!isPagesPerPart(pagesPerPart)) throw new RangeError(`pages per part must be a whole number above 0: ${pagesPerPart}`);
  const count = Math.max(1, Math.ceil(pages.length / pagesPerPart));
  const parts: T[][] = [];
  let start = 0;
  for (let part = 0; part < count; part++) {
    const size = Math.floor(pages.length / count) + (part < pages.length % count ? 1 : 0);
    parts.push(pages.slice(start, start + size));
    start += size;
  }
  return parts;
}

/** What the build writes to PARTS_FILE for this many parts. */
export function partsFile(partCount: number): SearchIndexParts {
  return { merge: Array.from({ length: Math.max(0, partCount - 1) }, (_, i) => bundleOfPart(i + 2)) };
}
