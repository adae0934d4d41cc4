/** 009: indexes for the console's reads (a unit's queues and counts, the per-unit overview, finished queues newest first, 不满意 and 待公开, finding by phone) and for Open311's date window. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('messages_unit_state').on('messages').columns(['unit', 'state', 'due_date']).execute();
  await db.schema.createIndex('messages_state_updated').on('messages').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('messages_phone').on('messages').column('phone').execute();
  await db.schema.createIndex('messages_state_rating').on('messages').columns(['state', 'rating']).execute();
  await db.schema.createIndex('messages_state_publishable').on('messages').columns(['state', 'consent', 'published']).execute();
  await db.schema.createIndex('messages_submitted').on('messages').column('submitted_at').execute();
}
