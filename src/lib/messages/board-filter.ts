/**
 * The public reply board's filters (unit, type, month, task) and its search, applied to public
 * (already masked) views only: searching never looks at text the public cannot see, so a phone
 * number typed into the search box finds nothing.
 */
import type { PublicMessage } from './public-view.ts';

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

/** Words of the query; each must appear in the title, the content or the reply. */
function terms(q: string): string[] {
  return q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

export function filterBoard(messages: readonly PublicMessage[], query: BoardQuery, monthOf: (m: PublicMessage) => string): PublicMessage[] {
  const words = terms(query.q);
  return messages.filter((m) => {
    if (query.unit && m.unit !== query.unit) return false;
    if (query.type && m.type !== query.type) return false;
    if (query.task && m.task !== query.task) return false;
    if (query.month && monthOf(m) !== query.month) return false;
    if (words.length === 0) return true;
    const haystack = `${m.number} ${m.title} ${m.content} ${m.reply ?? ''}`.normalize('NFKC').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The query as a URL for the board, leaving out empty fields and page 1. */
export function boardHref(query: Partial<BoardQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/messages/${search ? `?${search}` : ''}`;
}
