/**
 * Running totals kept in counter tables (message_tallies, queue_counts): rows named by their key
 * columns, whose other columns only ever grow or shrink by a delta. Changes to the same row are
 * added up first, so a batch of submissions writes each row it touches once.
 */
import { sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Db } from '../messages/repository.ts';

/** The counter tables and the columns that name a row in each (their primary key). */
const KEYS = {
  message_tallies: ['month', 'unit', 'type'],
  queue_counts: ['queue', 'unit'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

export type CounterTable = keyof typeof KEYS;

/** One change to one counter row: the row's key columns, and the amount added to each counter column. */
export interface CounterChange {
  table: CounterTable;
  key: Readonly<Record<string, string>>;
  delta: Readonly<Record<string, number>>;
}

/** The changes added up row by row; rows whose every delta sums to 0 are left out. */
export function mergeCounterChanges(changes: readonly CounterChange[]): CounterChange[] {
  const rows = new Map<string, { table: CounterTable; key: Record<string, string>; delta: Record<string, number> }>();
  for (const change of changes) {
    const id = [change.table, ...KEYS[change.table].map((column) => change.key[column])].join('\u0000');
    const row = rows.get(id) ?? { table: change.table, key: { ...change.key }, delta: {} };
    for (const [column, amount] of Object.entries(change.delta)) row.delta[column] = (row.delta[column] ?? 0) + amount;
    rows.set(id, row);
  }
  return [...rows.values()].filter((row) => Object.values(row.delta).some((amount) => amount !== 0));
}

/** Adds the changes to their rows, creating a row the first time it is counted: one statement per row touched. */
export async function addToCounters(db: Db, changes: readonly CounterChange[]): Promise<void> {
  for (const { table, key, delta } of mergeCounterChanges(changes)) {
    const values = { ...key, ...delta };
    await db
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) =>
        oc
          .columns([...KEYS[table]] as never)
          .doUpdateSet(
            Object.fromEntries(
              Object.keys(delta).map((column) => [column, sql`${sql.table(table)}.${sql.ref(column)} + excluded.${sql.ref(column)}`]),
            ) as never,
          ),
      )
      .execute();
  }
}
