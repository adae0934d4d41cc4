/**
 * The public reply board (网民留言公开) as indexed queries: filters, order and paging in the store, and
 * only the page's messages loaded with their events. The months and units offered as filters come
 * from the running totals, not from reading every message.
 */
import { sql } from 'kysely';
import { containsPattern, searchTerms, type BoardQuery } from '../../lib/messages/board-filter.ts';
import { publicMessage, publicSearchText, type PublicMessage, type ViewContext } from '../../lib/messages/public-view.ts';
import type { Runtime } from '../runtime.ts';
import { loadMessages, readState, submittedInMonth, writeState, type Db } from './repository.ts';
import { readTallies } from './tallies.ts';

export interface BoardPage {
  messages: PublicMessage[];
  /** How many published messages match the filters (all of them when there are none). */
  total: number;
}

/** Published messages: publishing requires the author's consent and a closed message, and reopening withdraws it, so `published` alone says it (and keeps the count index-only). */
function published(db: Db, query: BoardQuery) {
  let select = db.selectFrom('messages').where('published', '=', 1);
  if (query.unit) select = select.where('unit', '=', query.unit);
  if (query.type) select = select.where('type', '=', query.type);
  if (query.task) select = select.where('task', '=', query.task);
  if (query.month) select = select.where(submittedInMonth(query.month));
  for (const word of searchTerms(query.q)) select = select.where(sql<boolean>`public_text like ${containsPattern(word)} escape '\\'`);
  return select;
}

/** One page of the board, newest closing first. */
export async function boardPage(runtime: Runtime, context: ViewContext, query: BoardQuery, page: number, pageSize: number): Promise<BoardPage> {
  const db = runtime.store.db;
  const [count, rows] = await Promise.all([
    published(db, query)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    published(db, query)
      .select('id')
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const loaded = await loadMessages(db, { ids: rows.map((r) => r.id) });
  const messages = loaded.sort((a, b) => order.get(a.row.id)! - order.get(b.row.id)!).map(({ record }) => publicMessage(record, context));
  return { messages, total: Number(count.n) };
}

/** The months and units worth offering as filters: those with closed messages, from the running totals. */
export async function boardChoices(runtime: Runtime): Promise<{ months: string[]; units: Set<string> }> {
  const tallies = (await readTallies(runtime.store.db)).filter((t) => t.tally.closed > 0);
  return { months: [...new Set(tallies.map((t) => t.month))].sort().reverse(), units: new Set(tallies.map((t) => t.unit).filter(Boolean)) };
}

const FILLED = 'board_search_text_filled';

/** Messages published before the board kept its search text get it once, at start. */
export async function fillSearchTextOnce(db: Db): Promise<void> {
  if ((await readState(db, FILLED)) === '1') return;
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'number', 'title', 'content', 'reply', 'author_name'])
      .where('published', '=', 1)
      .where('public_text', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows)
      await db
        .updateTable('messages')
        .set({ public_text: publicSearchText({ ...row, authorName: row.author_name, redacted: null }) })
        .where('id', '=', row.id)
        .execute();
    after = rows.at(-1)!.id;
  }
  await writeState(db, FILLED, '1');
}
