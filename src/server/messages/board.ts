/**
 * The public reply board (网民留言公开) as indexed queries: filters, order and paging in the store, and
 * only the page's messages loaded with their events. The months and units offered as filters come
 * from the running totals, not from reading every message.
 */
import { sql } from 'kysely';
import { narrowsBeyondUnit, searchTerms, type BoardQuery } from '../../lib/messages/board-filter.ts';
import { BOARD_LIST } from '../../lib/messages/queue-counts.ts';
import { readQueueCounts } from './queue-counts.ts';
import type { MessageRecord } from '../../lib/messages/types.ts';
import type { Dialect } from '../db/open.ts';
import { countMatches, indexTexts, messagesMatching, newestHitsFirst, reindexText } from './text-search.ts';
import { publicMessage, publicSearchText, type PublicMessage, type ViewContext } from '../../lib/messages/public-view.ts';
import type { Runtime } from '../runtime.ts';
import { loadMessages, MESSAGE_COLUMNS, readState, submittedInMonth, toRecord, writeState, type Db } from './repository.ts';
import { readTallies } from './tallies.ts';

export interface BoardPage {
  messages: PublicMessage[];
  /** How many published messages match the filters (all of them when there are none); a filter beyond the unit stops counting above SEARCH_COUNT_CAP (board-filter.ts `countLabel`). */
  total: number;
  /** Whether a search ordered the page (newest submitted first) instead of the board's order (newest closed first). */
  searching: boolean;
}

/** Published messages: publishing requires the author's consent and a closed message, and reopening withdraws it, so `published` alone says it (and keeps the count index-only). */
export function boardQuery(db: Db, dialect: Dialect, query: BoardQuery) {
  const matching = messagesMatching(db, dialect, 'board_words', searchTerms(query.q));
  let select = matching.select.where('published', '=', 1);
  if (query.unit) select = select.where('unit', '=', query.unit);
  if (query.type) select = select.where('type', '=', query.type);
  if (query.task) select = select.where('task', '=', query.task);
  if (query.month) select = select.where(submittedInMonth(query.month));
  return { select, searching: matching.searching };
}

/** One page of the board, newest closing first (a search's results newest submitted first). */
export async function boardPage(runtime: Runtime, context: ViewContext, query: BoardQuery, page: number, pageSize: number): Promise<BoardPage> {
  const db = runtime.store.db;
  const { select, searching } = boardQuery(db, runtime.store.dialect, query);
  const ids = select.select('messages.id as id');
  const [total, rows] = await Promise.all([
    // The whole board's size and a unit's are kept counts; anything narrower counts up to the cap.
    narrowsBeyondUnit(query) ? countMatches(db, select) : readQueueCounts(db, query.unit || undefined).then((counts) => counts.get(BOARD_LIST) ?? 0),
    (searching ? ids.orderBy(newestHitsFirst) : ids.orderBy('closed_at', 'desc').orderBy('messages.id', 'desc'))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const loaded = await loadMessages(db, { ids: rows.map((r) => r.id) });
  const messages = loaded.sort((a, b) => order.get(a.row.id)! - order.get(b.row.id)!).map(({ record }) => publicMessage(record, context));
  return { messages, total, searching };
}

/** The months and units worth offering as filters: those with closed messages, from the running totals. */
export async function boardChoices(runtime: Runtime): Promise<{ months: string[]; units: Set<string> }> {
  const tallies = (await readTallies(runtime.store.db)).filter((t) => t.tally.closed > 0);
  return { months: [...new Set(tallies.map((t) => t.month))].sort().reverse(), units: new Set(tallies.map((t) => t.unit).filter(Boolean)) };
}

/**
 * Keeps the board's search text (the masked public text, `public_text`) and its word index in step
 * with a message's row: written when it is published, rewritten when a published message is
 * redacted again, removed when it is withdrawn. Called by every action (commands/perform.ts) in its
 * transaction, so the index can never show what the board no longer shows.
 */
export async function syncBoardText(db: Db, dialect: Dialect, id: number, record: MessageRecord): Promise<void> {
  const stored = await db.selectFrom('messages').select('public_text').where('id', '=', id).executeTakeFirstOrThrow();
  const text = record.published ? publicSearchText(record) : null;
  if (stored.public_text === text) return;
  await db.updateTable('messages').set({ public_text: text }).where('id', '=', id).execute();
  await reindexText(db, dialect, 'board_words', id, stored.public_text, text);
}

/** Bumped when the masking changes what the public sees, so published messages are indexed anew. */
const BOARD_INDEXED = 'board_words_indexed';
const BOARD_INDEX_VERSION = '2';

/** At start, once per version of the masking: every published message's public text written with today's masking and indexed. */
export async function indexBoardOnce(db: Db, dialect: Dialect): Promise<void> {
  if ((await readState(db, BOARD_INDEXED)) === BOARD_INDEX_VERSION) return;
  if (dialect === 'postgres') await sql`delete from board_words`.execute(db);
  else await sql`insert into board_words (board_words) values ('delete-all')`.execute(db);
  for (let after = 0; ;) {
    const rows = await db.selectFrom('messages').select(MESSAGE_COLUMNS).where('published', '=', 1).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (rows.length === 0) break;
    const entries = rows.map((row) => ({ id: row.id, text: publicSearchText(toRecord(row, [])) }));
    for (const { id, text } of entries) await db.updateTable('messages').set({ public_text: text }).where('id', '=', id).execute();
    await indexTexts(db, dialect, 'board_words', entries);
    after = rows.at(-1)!.id;
  }
  await writeState(db, BOARD_INDEXED, BOARD_INDEX_VERSION);
}
