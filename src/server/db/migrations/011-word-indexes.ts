/**
 * 011: the word indexes for text search (src/server/messages/text-search.ts): every message's title
 * and content for the console, the public text of published messages for the board. Messages
 * already stored get their console entries now, a thousand at a time; the board's are written at
 * start (board.ts `indexBoardOnce`), with the masking in force then.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Dialect } from '../open.ts';
import { indexTexts, type WordIndex } from '../../messages/text-search.ts';

async function createIndex(db: Kysely<unknown>, dialect: Dialect, index: WordIndex): Promise<void> {
  if (dialect === 'sqlite') {
    // Contentless: only the index is kept; the text stays in `messages`.
    await sql.raw(`CREATE VIRTUAL TABLE ${index} USING fts5(tokens, content='', columnsize=0)`).execute(db);
    return;
  }
  await sql.raw(`CREATE TABLE ${index} (message_id integer PRIMARY KEY REFERENCES messages (id), tokens tsvector NOT NULL)`).execute(db);
  await sql.raw(`CREATE INDEX ${index}_tokens ON ${index} USING gin (tokens)`).execute(db);
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createIndex(db, dialect, 'message_words');
  await createIndex(db, dialect, 'board_words');
  const typed = db as unknown as Kysely<Database>;
  for (let after = 0; ;) {
    const rows = await typed.selectFrom('messages').select(['id', 'title', 'content']).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (rows.length === 0) break;
    await indexTexts(
      typed,
      dialect,
      'message_words',
      rows.map((row) => ({ id: row.id, text: `${row.title}\n${row.content}` })),
    );
    after = rows.at(-1)!.id;
  }
}
