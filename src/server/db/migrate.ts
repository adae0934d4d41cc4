/**
 * Numbered migrations, the same for SQLite and PostgreSQL, applied at start by Kysely's Migrator
 * (which records them in its own table and takes a lock, so two servers starting together on one
 * PostgreSQL database do not both migrate).
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import type { Dialect } from './open.ts';
import * as messages001 from './migrations/001-messages.ts';
import * as limitsAndContactReads002 from './migrations/002-limits-and-contact-reads.ts';
import * as messageTallies003 from './migrations/003-message-tallies.ts';
import * as boardSearch004 from './migrations/004-board-search.ts';
import * as staff005 from './migrations/005-staff.ts';
import * as auditChain006 from './migrations/006-audit-chain.ts';
import * as redaction007 from './migrations/007-redaction.ts';
import * as repeats008 from './migrations/008-repeats.ts';
import * as consoleIndexes009 from './migrations/009-console-indexes.ts';
import * as outbox010 from './migrations/010-outbox.ts';
import * as wordIndexes011 from './migrations/011-word-indexes.ts';
import * as draftsAndExtensionRequests012 from './migrations/012-drafts-and-extension-requests.ts';
import * as queueCounts013 from './migrations/013-queue-counts.ts';
import * as queryCodeResend015 from './migrations/015-query-code-resend.ts';

/** What some migrations need beyond the database: the server's secret (to chain rows already stored) and the time limits in force (to record them on messages already stored). */
export interface MigrationContext {
  secret?: string;
  limits?: Readonly<Record<string, number>>;
}

type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect, context: MigrationContext): Promise<void> };
const MIGRATIONS: Record<string, DialectMigration> = {
  '001-messages': messages001,
  '002-limits-and-contact-reads': limitsAndContactReads002,
  '003-message-tallies': messageTallies003,
  '004-board-search': boardSearch004,
  '005-staff': staff005,
  '006-audit-chain': auditChain006,
  '007-redaction': redaction007,
  '008-repeats': repeats008,
  '009-console-indexes': consoleIndexes009,
  '010-outbox': outbox010,
  '011-word-indexes': wordIndexes011,
  '012-drafts-and-extension-requests': draftsAndExtensionRequests012,
  '013-queue-counts': queueCounts013,
  '015-query-code-resend': queryCodeResend015,
};

/** The migrations this version knows, in order (a restore refuses a backup from a newer version). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

export async function migrateToLatest(db: Kysely<never>, dialect: Dialect, context: MigrationContext = {}): Promise<void> {
  const typed = db as unknown as Kysely<unknown>;
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (d: Kysely<unknown>) => m.up(d, dialect, context) }]),
  );
  // Kysely looks for its bookkeeping tables in every schema; name ours, or another schema's tables would be taken for them.
  const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(typed)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db: typed, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
}
