/**
 * 008: 重复件: a message closed as a repeat of an earlier one points to it, on its event (the record)
 * and on its row (for the tracking page and queries).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('message_events').addColumn('repeat_of', 'text').execute();
  await db.schema.alterTable('messages').addColumn('repeat_of', 'text').execute();
}
