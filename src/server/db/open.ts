/**
 * Opening the store: SQLite (better-sqlite3) in DATA_DIR by default, PostgreSQL when DATABASE_URL
 * says so. Both are checked for durability before anything is accepted: a store that could lose
 * an acknowledged message after a crash or power cut is refused, with the reason in words.
 *
 * SQLite runs in WAL mode with synchronous=FULL: every commit is fsynced before it returns.
 * PostgreSQL must have fsync, full_page_writes and synchronous_commit on (or local/remote_*).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrateToLatest, type MigrationContext } from './migrate.ts';
import { GroupCommit } from './group-commit.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The SQLite store's file name inside DATA_DIR (backups and restores name it too). */
export const SQLITE_FILE = 'duban.sqlite';

export interface StoreOptions {
  /** postgres://… for PostgreSQL; unset for the embedded SQLite store. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file (and the server's secret). */
  dataDir: string;
  /** SQLite's synchronous setting; anything below FULL is refused. Exposed so the refusal can be seen and tested. */
  sqliteSynchronous?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Bring the schema up to date (the default); a build that only reads counts leaves it as it is. */
  migrate?: boolean;
  /** What migrations need beyond the database (see migrate.ts). */
  migration?: MigrationContext;
}

export interface Store {
  db: Kysely<Database>;
  /** Shared transactions for the write-heavy path (submissions): one fsync per burst. */
  writes: GroupCommit;
  dialect: Dialect;
  /** Where the data is, for the start-up line (no password). */
  location: string;
  close(): Promise<void>;
}

/** The store is configured in a way that could lose acknowledged writes. */
export class UnsafeStoreError extends Error {
  override name = 'UnsafeStoreError';
}

/**
 * Kysely prepares every statement afresh; preparing costs more than running a small insert. The
 * same SQL text always gets the same prepared statement back (Kysely runs one statement at a time
 * on SQLite, so sharing is safe). Bounded: SQL with variable-length IN lists would grow it forever.
 */
function withStatementCache(database: SqliteDatabase.Database, limit = 500): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        statement = database.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

const SYNCHRONOUS_LEVELS: Record<string, number> = { OFF: 0, NORMAL: 1, FULL: 2, EXTRA: 3 };

function openSqlite(options: StoreOptions): Store {
  const requested = (options.sqliteSynchronous ?? 'FULL').toUpperCase();
  if (!(requested in SYNCHRONOUS_LEVELS)) throw new UnsafeStoreError(`SQLITE_SYNCHRONOUS 应为 FULL 或 EXTRA，实际为「${options.sqliteSynchronous}」`);
  if (SYNCHRONOUS_LEVELS[requested]! < SYNCHRONOUS_LEVELS.FULL!)
    throw new UnsafeStoreError(`拒绝启动：SQLite synchronous=${requested} 时，断电或系统崩溃可能丢失已向群众确认的留言。请使用 FULL（默认）或 EXTRA。`);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SQLITE_FILE);
  const database = new SqliteDatabase(file);
  const journal = String(database.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  database.pragma(`synchronous = ${requested}`);
  const synchronous = Number(database.pragma('synchronous', { simple: true }));
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  if (journal !== 'wal' || synchronous < SYNCHRONOUS_LEVELS.FULL!) {
    database.close();
    throw new UnsafeStoreError(
      `拒绝启动：${file} 无法以 WAL 模式和 synchronous=FULL 打开（实际 journal_mode=${journal}，synchronous=${synchronous}），已确认的留言可能丢失。`,
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store: Store = {
    db,
    writes: new GroupCommit(db),
    dialect: 'sqlite',
    location: file,
    async close() {
      await store.db.destroy();
    },
  };
  return store;
}

async function openPostgres(options: StoreOptions & { databaseUrl: string }): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const settings = await sql<{
      name: string;
      setting: string;
    }>`select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit')`.execute(db);
    const value = (name: string) => settings.rows.find((row) => row.name === name)?.setting;
    const problems: string[] = [];
    if (value('fsync') !== 'on') problems.push('fsync=off（数据库不把写入落盘）');
    if (value('full_page_writes') !== 'on') problems.push('full_page_writes=off（崩溃后数据页可能损坏）');
    if (value('synchronous_commit') === 'off') problems.push('synchronous_commit=off（提交后、落盘前崩溃会丢失最近的提交）');
    if (problems.length) throw new UnsafeStoreError(`拒绝启动：PostgreSQL 的设置可能丢失已向群众确认的留言：${problems.join('；')}。`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const url = new URL(options.databaseUrl);
  url.password = '';
  return {
    db,
    writes: new GroupCommit(db),
    dialect: 'postgres',
    location: url.toString(),
    async close() {
      await db.destroy();
    },
  };
}

/** Open, check durability, and bring the schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new UnsafeStoreError(`DATABASE_URL 应以 postgres:// 开头（不设置则使用内置的 SQLite），实际为「${url.split(':')[0]}:…」`);
  const store = url ? await openPostgres({ ...options, databaseUrl: url }) : openSqlite(options);
  try {
    if (options.migrate !== false) await migrateToLatest(store.db as unknown as Kysely<never>, store.dialect, options.migration);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
