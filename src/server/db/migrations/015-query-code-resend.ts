/**
 * 015: the outbox carries text messages (短信) beside e-mail, and notices that carry a new query code
 * (docs/decisions/015). Such a notice stores only a random seed, never the code: the sender derives the
 * code from the seed with the server's secret when it sends, then forgets the seed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
  await db.schema.alterTable('outbox').addColumn('code_seed', 'text').execute();
}
