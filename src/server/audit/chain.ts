/**
 * 一事一档: the logs that must never change — every message's events, and the staff log (sign-ins,
 * failed sign-ins, account changes) — are append-only hash chains. Each row carries the hash of the
 * row before it and its own, an HMAC under the server's secret of the previous hash and the row's
 * fields, so an edited, deleted or inserted row breaks the chain from there on, and someone with only
 * a copy of the database cannot forge a consistent one. The database itself refuses UPDATE and DELETE
 * on both tables (triggers, migration 006); `npm run audit:verify` walks the chains.
 */
import { createHmac } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Dialect } from '../db/open.ts';
import { preparedStatement, type PreparedStatement } from '../db/prepared.ts';

export type ChainedTable = 'message_events' | 'audit_log';

/** What hashing needs: the secret, and on PostgreSQL a lock so two servers never chain onto the same row. */
export interface Chain {
  secret: string;
  dialect: Dialect;
  /**
   * The last hash of each chain as the current transaction has left it, when the caller keeps them
   * (a group commit's batch, db/group-commit.ts): the next row chains onto it without reading it back.
   * No one else can have moved it: the transaction holds the chain's lock from its first row on
   * (PostgreSQL), or the database's one write lock (SQLite).
   */
  lastHashes?: Map<string, string>;
}

/** What each chain is called in messages to people (audit:verify, restore). */
export const CHAIN_LABELS: Record<ChainedTable, string> = { message_events: '留言办理记录', audit_log: '工作人员审计日志' };

export const GENESIS = '0'.repeat(64);

/** The chain's hash of a row: its fields in a fixed order after the previous row's hash. */
export function chainHash(secret: string, previous: string, fields: readonly unknown[]): string {
  return createHmac('sha256', secret).update(previous).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** The fields of each chained table that its hash covers, in order. */
export const CHAINED_FIELDS = {
  message_events: [
    'message_id',
    'event',
    'at',
    'role',
    'actor',
    'from_state',
    'to_state',
    'note',
    'internal_note',
    'unit',
    'new_due',
    'rating',
    'limit_days',
    'reply',
    'repeat_of',
  ],
  audit_log: ['at', 'kind', 'actor', 'subject', 'detail'],
} as const satisfies Record<ChainedTable, readonly string[]>;

type Db = Kysely<Database> | Transaction<Database>;

/** The hash the next row of `table` chains onto; takes the chain's lock on PostgreSQL (held until the transaction ends). */
export async function lastHash(db: Db, chain: Chain, table: ChainedTable): Promise<string> {
  if (chain.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${table === 'message_events' ? 2026112801 : 2026112802})`.execute(db);
  const row = await db.selectFrom(table).select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash ?? GENESIS;
}

/** prev_hash and hash for a new row of `table` with these column values. */
async function chained(db: Db, chain: Chain, table: ChainedTable, values: Record<string, unknown>): Promise<{ prev_hash: string; hash: string }> {
  const previous = chain.lastHashes?.get(table) ?? (await lastHash(db, chain, table));
  return {
    prev_hash: previous,
    hash: chainHash(
      chain.secret,
      previous,
      CHAINED_FIELDS[table].map((f) => values[f] ?? null),
    ),
  };
}

/**
 * Appends a row to a chain: its links to the row before, then the row. Only once the row is in does
 * the chain's end move in `chain.lastHashes`, so a failed insert leaves the known end where it was.
 */
export async function appendChained<T extends ChainedTable>(
  db: Db,
  chain: Chain,
  table: T,
  values: Omit<Insertable<Database[T]>, 'id' | 'prev_hash' | 'hash'>,
): Promise<void> {
  const links = await chained(db, chain, table, values as Record<string, unknown>);
  const insert = chainedInserts[table];
  await insert.statement.execute(db, { ...insert.nulls, ...values, ...links });
  chain.lastHashes?.set(table, links.hash);
}

/** Each chained table's insert (its hashed fields, then its links), and NULL for each field a caller leaves out. */
const chainedInserts = Object.fromEntries(
  (Object.keys(CHAINED_FIELDS) as ChainedTable[]).map((table) => [
    table,
    {
      statement: preparedStatement([...CHAINED_FIELDS[table], 'prev_hash', 'hash'], (db, row: Record<string, unknown>) =>
        db.insertInto(table).values(row as never),
      ),
      nulls: Object.fromEntries(CHAINED_FIELDS[table].map((field) => [field, null])),
    },
  ]),
) as Record<ChainedTable, { statement: PreparedStatement<Record<string, unknown>, unknown>; nulls: Record<string, null> }>;

export type Verdict = { ok: true; rows: number } | { ok: false; rows: number; id: number; reason: string };

/** Walk a chain from its first row; the first row whose link or hash does not hold is named. */
export async function verifyChain(db: Db, secret: string, table: ChainedTable): Promise<Verdict> {
  let previous = GENESIS;
  let rows = 0;
  for (let after = 0; ;) {
    const batch = await db.selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(5000).execute();
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch as unknown as Record<string, unknown>[]) {
      const id = Number(row.id);
      if (row.prev_hash !== previous) return { ok: false, rows, id, reason: '与前一行的链接断开（前一行被删除、插入或改动）' };
      const expected = chainHash(
        secret,
        previous,
        CHAINED_FIELDS[table].map((f) => row[f] ?? null),
      );
      if (row.hash !== expected) return { ok: false, rows, id, reason: '本行内容与其哈希不符（本行被改动）' };
      previous = expected;
      rows += 1;
      after = id;
    }
  }
}
