/**
 * 002: the time limit a message was promised, on its submission event (a change of the settings
 * applies to later messages only); the text of each answer on its reply event (an answer sent back
 * and rewritten is kept, not overwritten); and the record of who read a citizen's contact details,
 * when and for what (《个人信息保护法》: those who handle personal information account for each use).
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../open.ts';
import type { MigrationContext } from '../migrate.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect, context: MigrationContext): Promise<void> {
  const id = dialect === 'postgres' ? ('serial' as const) : ('integer' as const);
  await db.schema.alterTable('message_events').addColumn('limit_days', 'integer').execute();
  await db.schema.alterTable('message_events').addColumn('reply', 'text').execute();
  // Messages already stored keep the limit in force now, from now on.
  for (const [type, days] of Object.entries(context.limits ?? {}))
    await sql`update message_events set limit_days = ${days} where event = 'submit' and message_id in (select id from messages where type = ${type})`.execute(
      db,
    );
  await db.schema
    .createTable('contact_reads')
    .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('unit', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_reads_message').on('contact_reads').columns(['message_id', 'id']).execute();
}
