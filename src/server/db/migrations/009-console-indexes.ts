/** 009: indexes for the console's reads: a unit's queues and counts, and the per-unit overview. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('messages_unit_state').on('messages').columns(['unit', 'state', 'due_date']).execute();
}
