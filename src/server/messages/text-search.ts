/**
 * The two word indexes (全文检索) and the one filter that reads them: `message_words` holds every
 * message's title and content for the console's find box (staff only); `board_words` holds the
 * public, masked text of published messages for the board's search. Tokens come from
 * lib/messages/search-tokens.ts; SQLite keeps them in contentless FTS5 tables (nothing stored twice),
 * PostgreSQL in tsvector columns under a GIN index. Either way a search is an index look-up, never
 * a scan of the messages.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SEARCH_COUNT_CAP } from '../../lib/messages/board-filter.ts';
import { fts5Match, indexTokens, isEmptyQuery, tokenQuery, tsQuery } from '../../lib/messages/search-tokens.ts';
import type { Dialect } from '../db/open.ts';
import { preparedStatement } from '../db/prepared.ts';
import type { Db } from './repository.ts';

export type WordIndex = 'message_words' | 'board_words';

/** The statement adding entries (id, tokens) to an index; an entry's tokens are made by lib/messages/search-tokens.ts. */
function insertEntries(dialect: Dialect, index: WordIndex, entries: readonly { id: number; tokens: string }[]) {
  const rows = entries.map(({ id, tokens }) => (dialect === 'postgres' ? sql`(${id}, to_tsvector('simple', ${tokens}))` : sql`(${id}, ${tokens})`));
  return dialect === 'postgres'
    ? sql`insert into ${sql.table(index)} (message_id, tokens) values ${sql.join(rows)}
      on conflict (message_id) do update set tokens = excluded.tokens`
    : sql`insert into ${sql.table(index)} (rowid, tokens) values ${sql.join(rows)}`;
}

/** Adds texts to an index, each under its message's id (a batch in one statement: at most a thousand). */
export async function indexTexts(db: Db, dialect: Dialect, index: WordIndex, entries: readonly { id: number; text: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await insertEntries(
    dialect,
    index,
    entries.map(({ id, text }) => ({ id, tokens: indexTokens(text) })),
  ).execute(db);
}

/** One entry, as every submission adds it: the statement is written once per index and dialect (db/prepared.ts). */
const oneEntry = Object.fromEntries(
  (['message_words', 'board_words'] as const).flatMap((index) =>
    (['sqlite', 'postgres'] as const).map((dialect) => [
      `${index} ${dialect}`,
      preparedStatement(['id', 'tokens'], (_db, entry: { id: number; tokens: string }) => insertEntries(dialect, index, [entry])),
    ]),
  ),
);

/** Adds `text` to an index under the message's id. */
export async function indexText(db: Db, dialect: Dialect, index: WordIndex, id: number, text: string): Promise<void> {
  await oneEntry[`${index} ${dialect}`]!.execute(db, { id, tokens: indexTokens(text) });
}

/** Takes the message out of an index; `text` is what was indexed (a contentless FTS5 table needs it to find the entries). */
export async function unindexText(db: Db, dialect: Dialect, index: WordIndex, id: number, text: string): Promise<void> {
  if (dialect === 'postgres') await sql`delete from ${sql.table(index)} where message_id = ${id}`.execute(db);
  else await sql`insert into ${sql.table(index)} (${sql.table(index)}, rowid, tokens) values ('delete', ${id}, ${indexTokens(text)})`.execute(db);
}

/** Replaces what an index holds for a message: `before` was indexed (or nothing), `after` is to be (or nothing). */
export async function reindexText(db: Db, dialect: Dialect, index: WordIndex, id: number, before: string | null, after: string | null): Promise<void> {
  if (before === after) return;
  if (before !== null) await unindexText(db, dialect, index, id, before);
  if (after !== null) await indexText(db, dialect, index, id, after);
}

/**
 * The messages to read from: all of them, or, when there are words, those whose indexed text
 * contains every word (each a run of letters and digits; punctuation separates; words of
 * punctuation alone find nothing). The words are looked up in the index first and the messages
 * joined to its hits, newest first (`newestHitsFirst`), so a common word stops at the first page
 * and a rare one reads only its few rows; the filters of the caller apply to the joined rows.
 */
export function messagesMatching(db: Db, dialect: Dialect, index: WordIndex, words: readonly string[]) {
  const messages = db.selectFrom('messages');
  if (words.length === 0) return { select: messages, searching: false };
  const query = tokenQuery(words);
  const hits = isEmptyQuery(query)
    ? sql<{ id: number }>`(select 0 as id where 1 = 0)`
    : dialect === 'postgres'
      ? sql<{ id: number }>`(select message_id as id from ${sql.table(index)} where tokens @@ to_tsquery('simple', ${tsQuery(query)}))`
      : sql<{ id: number }>`(select rowid as id from ${sql.table(index)} where ${sql.table(index)} match ${fts5Match(query)})`;
  // The join adds one column, hits.id (read only by newestHitsFirst); the callers' builder keeps the shape of `from messages`.
  const joined = messages.innerJoin(hits.as('hits'), 'hits.id', 'messages.id') as unknown as typeof messages;
  return { select: joined, searching: true };
}

/** The order of a search's results: newest submitted first, as the index hands them out (SQLite's FTS5 streams them in this order). */
export const newestHitsFirst = sql`hits.id desc`;

/** Counts the rows of a search, stopping after SEARCH_COUNT_CAP + 1: a result above the cap means “more than” (board-filter.ts `countLabel`). */
export async function countMatches(db: Db, select: SelectQueryBuilder<Database, 'messages', object>): Promise<number> {
  const cap = SEARCH_COUNT_CAP;
  const row = await db
    .selectFrom(
      select
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('matched'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
