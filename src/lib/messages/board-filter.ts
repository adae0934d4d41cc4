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

/** A LIKE pattern that finds `word` anywhere, with LIKE's own wildcards (% and _) and the escape character taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The query as a URL for the board, leaving out empty fields and page 1. */
export function boardHref(query: Partial<BoardQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/messages/${search ? `?${search}` : ''}`;
}
