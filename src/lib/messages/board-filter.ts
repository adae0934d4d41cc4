/**
 * The public reply board's filters (unit, type, month, task) and its search. The search runs over
 * the text the public sees (masked when the message was published, kept in the store for the
 * query: public-view.ts `publicSearchText`), never over hidden text, so a phone number typed into
 * the search box finds nothing. The store does the filtering and paging (src/server/messages/board.ts).
 */

export interface BoardQuery {
  unit: string;
  type: string;
  month: string;
  task: string;
  q: string;
}

export const NO_BOARD_FILTER: BoardQuery = { unit: '', type: '', month: '', task: '', q: '' };

/** Whether anything narrows the board beyond one unit (a unit's size, like the whole board's, is a kept count). */
export function narrowsBeyondUnit(query: BoardQuery): boolean {
  return Boolean(query.type || query.month || query.task || query.q);
}

export function readBoardQuery(params: URLSearchParams): BoardQuery {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 100);
  return { unit: get('unit'), type: get('type'), month: /^\d{4}-\d{2}$/.test(get('month')) ? get('month') : '', task: get('task'), q: get('q') };
}

/** Text as the board's search compares it: full-width as half-width, lower case. */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Words of the query (at most 8); each must appear in the title, the content or the reply. */
export function searchTerms(q: string): string[] {
  return searchable(q).split(/\s+/).filter(Boolean).slice(0, 8);
}

/** How many matches a search counts before it says “more than”: counting every match of a common word would read them all. */
export const SEARCH_COUNT_CAP = 1000;

/** A count as a page shows it: exact, or “1000 多” when a search stopped counting at the cap. */
export function countLabel(total: number): string {
  return total > SEARCH_COUNT_CAP ? `${SEARCH_COUNT_CAP} 多` : String(total);
}

/** How many pages to offer: a search shows its first SEARCH_COUNT_CAP matches. */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.min(total, SEARCH_COUNT_CAP) / pageSize));
}

/** The query as a URL for the board, leaving out empty fields and page 1. */
export function boardHref(query: Partial<BoardQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/messages/${search ? `?${search}` : ''}`;
}
