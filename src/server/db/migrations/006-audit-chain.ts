/**
 * 006: the append-only logs (src/server/audit/chain.ts): message events gain their chain hashes
 * (rows already there are chained in order now), the staff log (sign-ins, failed sign-ins, account
 * changes) is created, and the database refuses UPDATE and DELETE on both.
 */
import { sql, type Kysely } from 'kysely';
import { CHAINED_FIELDS, chainHash, GENESIS, type ChainedTable } from '../../audit/chain.ts';
import type { Dialect } from '../open.ts';
import type { MigrationContext } from '../migrate.ts';

async function refuseChanges(db: Kysely<unknown>, dialect: Dialect, table: ChainedTable): Promise<void> {
  if (dialect === 'sqlite') {
    for (const what of ['UPDATE', 'DELETE'])
      await sql
        .raw(`CREATE TRIGGER ${table}_no_${what.toLowerCase()} BEFORE ${what} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} 只能追加，不能修改或删除'); END`)
        .execute(db);
    return;
  }
  await sql
    .raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} 只能追加，不能修改或删除'; END $$ LANGUAGE plpgsql`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}

export async function up(db: Kysely<unknown>, dialect: Dialect, context: MigrationContext): Promise<void> {
  const id = dialect === 'postgres' ? ('serial' as const) : ('integer' as const);
  await db.schema.alterTable('message_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('message_events').addColumn('hash', 'text').execute();

  // Chain the events already stored, oldest first.
  const typed = db as Kysely<Record<string, Record<string, unknown>>>;
  let previous = GENESIS;
  for (let after = 0; ;) {
    const rows = await typed.selectFrom('message_events').selectAll().where('id', '>', after).orderBy('id').limit(5000).execute();
    if (rows.length === 0) break;
    if (!context.secret) throw new Error('迁移 006 需要服务器密钥来为已有的办理记录计算哈希');
    for (const row of rows) {
      const hash = chainHash(
        context.secret,
        previous,
        CHAINED_FIELDS.message_events.map((f) => row[f] ?? null),
      );
      await typed.updateTable('message_events').set({ prev_hash: previous, hash }).where('id', '=', row.id).execute();
      previous = hash;
      after = Number(row.id);
    }
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('subject', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, dialect, 'message_events');
  await refuseChanges(db, dialect, 'audit_log');
}
