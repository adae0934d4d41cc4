/**
 * Published messages for the site's search page (/search/, which is static and asks here from the
 * browser): the board's search (its word index, masked text only) as JSON, newest first, with type,
 * unit, date and an excerpt. `q` is required; `unit` takes a unit's name as the search page's filter
 * gives it. Without JavaScript the search page points to the board's own search at /messages/?q=.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../data/directory';
import { getRuntime, viewContext } from '../../data/messages';
import { boardHref, countLabel, readBoardQuery } from '../../lib/messages/board-filter';
import { messageSearchResult } from '../../lib/messages/search-results';
import { boardPage } from '../../server/messages/board';

export const prerender = false;

const LIMIT = 10;
const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=60' };

export const GET: APIRoute = async ({ url }) => {
  const query = readBoardQuery(new URLSearchParams({ q: url.searchParams.get('q') ?? '' }));
  if (!query.q) return new Response(JSON.stringify({ total: 0, count: '0', more: '/messages/', results: [] }), { headers: JSON_HEADERS });
  const directory = await loadDirectory();
  const unitName = url.searchParams.get('unit');
  const unit = unitName ? directory.units.find((u) => u.name === unitName || u.id === unitName)?.id : undefined;
  if (unitName && !unit) return new Response(JSON.stringify({ total: 0, count: '0', more: boardHref(query), results: [] }), { headers: JSON_HEADERS });
  const runtime = await getRuntime();
  const filtered = { ...query, unit: unit ?? '' };
  const { messages, total } = await boardPage(runtime, await viewContext(runtime), filtered, 1, LIMIT);
  return new Response(
    JSON.stringify({ total, count: countLabel(total), more: boardHref(filtered), results: messages.map((m) => messageSearchResult(m, query.q)) }),
    { headers: JSON_HEADERS },
  );
};
