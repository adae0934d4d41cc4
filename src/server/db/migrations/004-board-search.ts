/**
 * 004: the public reply board as indexed queries: the text its search looks through (the masked
 * public text, written when a message is published and cleared when it is withdrawn), and an index
 * that serves the board's order (newest closing first) with its filters.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('public_text', 'text').execute();
  await db.schema.createIndex('messages_board').on('messages').columns(['published', 'closed_at', 'id']).execute();
  await db.schema.createIndex('messages_board_unit').on('messages').columns(['published', 'unit', 'closed_at']).execute();
  await db.schema.dropIndex('messages_published').execute();
}
