/** Long lists are split into numbered pages of plain links, so they work without JavaScript. */

/** Rows on one list page. */
export const LIST_PAGE_SIZE = 100;

/** How many list pages `count` items fill (at least one, which may say there are none). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
}

/** The items of page `page` (1-based). */
export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
}

/** The page numbers worth linking from page `current` of `last`: the ends and two either side. */
export function pageLinks(current: number, last: number): (number | 'gap')[] {
  const wanted = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - wanted[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}

/** `base` for page 1, `base` + `page/N/` after. */
export function pagedPath(base: string, page: number): string {
  return page > 1 ? `${base}page/${page}/` : base;
}
