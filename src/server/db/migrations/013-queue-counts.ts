/** 013: running totals of the console's standing queues per unit (lib/messages/queue-counts.ts); counted from the messages at start (queue-counts.ts `buildQueueCountsOnce`). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_counts')
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_counts_key', ['queue', 'unit'])
    .execute();
}
