/**
 * 003: running totals behind the public figures (src/lib/messages/tallies.ts): one row per
 * submission month, handling unit ('' before assignment) and type, kept current by every action in
 * its own transaction, so the statistics page reads a few hundred rows, not every message.
 */
import type { Kysely } from 'kysely';

export const TALLY_COLUMNS = [
  'received',
  'accepted',
  'rejected',
  'replied',
  'closed',
  'closed_on_time',
  'timed_replies',
  'reply_days_sum',
  'reply_bucket_0',
  'reply_bucket_1',
  'reply_bucket_2',
  'reply_bucket_3',
  'reply_bucket_4',
  'ratings',
  'pleased',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('message_tallies')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull());
  for (const column of TALLY_COLUMNS) table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('message_tallies_key', ['month', 'unit', 'type']).execute();
}
