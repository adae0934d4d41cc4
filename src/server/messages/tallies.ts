/**
 * The running totals in the store (table message_tallies): changed by every action in its own
 * transaction (`applyTallyChanges`; submissions sharing a commit add theirs up once at its end,
 * db/group-commit.ts), read whole by the statistics page (`readTallies`, a few hundred
 * rows), and rebuilt from the events when needed (`rebuildTallies`: after a holiday calendar
 * correction, for a store from before the totals existed, or by hand with `npm run figures:rebuild`).
 */
import { factsOf, type TallyRow } from '../../lib/messages/stats.ts';
import { combine, emptyTally, keyOf, tallyOf, TALLY_COUNTERS, type Tally, type TallyKey } from '../../lib/messages/tallies.ts';
import type { DistrictRules } from '../../data/district-rules.ts';
import type { MessageTalliesTable } from '../db/schema.ts';
import { addToCounters, type CounterChange } from '../db/counters.ts';
import { loadMessages, readState, writeState, type Db } from './repository.ts';

type Counter = Exclude<keyof MessageTalliesTable, 'month' | 'unit' | 'type'>;

const COLUMN: Readonly<Record<(typeof TALLY_COUNTERS)[number], Counter>> = {
  received: 'received',
  accepted: 'accepted',
  rejected: 'rejected',
  replied: 'replied',
  closed: 'closed',
  closedOnTime: 'closed_on_time',
  timedReplies: 'timed_replies',
  replyDaysSum: 'reply_days_sum',
  ratings: 'ratings',
  pleased: 'pleased',
};
const BUCKET_COLUMNS: readonly Counter[] = ['reply_bucket_0', 'reply_bucket_1', 'reply_bucket_2', 'reply_bucket_3', 'reply_bucket_4'];

function columnsOf(tally: Tally): Record<Counter, number> {
  const columns = {} as Record<Counter, number>;
  for (const counter of TALLY_COUNTERS) columns[COLUMN[counter]] = tally[counter];
  BUCKET_COLUMNS.forEach((column, i) => (columns[column] = tally.replyBuckets[i] ?? 0));
  return columns;
}

function tallyOfRow(row: MessageTalliesTable): Tally {
  const tally = emptyTally();
  for (const counter of TALLY_COUNTERS) tally[counter] = Number(row[COLUMN[counter]]);
  tally.replyBuckets = BUCKET_COLUMNS.map((column) => Number(row[column]));
  return tally;
}

/** The tally changes as changes to counter rows (db/counters.ts). */
export function tallyCounterChanges(changes: readonly { key: TallyKey; delta: Tally }[]): CounterChange[] {
  return changes.map(({ key, delta }) => ({ table: 'message_tallies', key: { ...key }, delta: columnsOf(delta) }));
}

/** Add each delta to its row, creating the row when it is the first message counted there. */
export async function applyTallyChanges(db: Db, changes: readonly { key: TallyKey; delta: Tally }[]): Promise<void> {
  await addToCounters(db, tallyCounterChanges(changes));
}

export async function readTallies(db: Db): Promise<TallyRow[]> {
  const rows = await db.selectFrom('message_tallies').selectAll().execute();
  return rows.map((row) => ({ month: row.month, unit: row.unit, type: row.type, tally: tallyOfRow(row) }));
}

const BATCH = 2000;
const BUILT = 'tallies_built';

/** Recount every message from its events and replace the totals, in the caller's transaction. */
export async function rebuildTallies(db: Db, rules: Pick<DistrictRules, 'deadlines' | 'calendar'>): Promise<number> {
  const sums = new Map<string, { key: TallyKey; tally: Tally }>();
  let counted = 0;
  for (let after = 0; ;) {
    const batch = await loadMessages(db, { afterId: after, limit: BATCH });
    if (batch.length === 0) break;
    for (const { record } of batch) {
      const facts = factsOf(record, rules.deadlines, rules.calendar);
      const key = keyOf(facts);
      const id = `${key.month}\u0000${key.unit}\u0000${key.type}`;
      const sum = sums.get(id) ?? { key, tally: emptyTally() };
      sum.tally = combine(sum.tally, tallyOf(facts));
      sums.set(id, sum);
    }
    counted += batch.length;
    after = batch.at(-1)!.row.id;
  }
  await db.deleteFrom('message_tallies').execute();
  for (const { key, tally } of sums.values())
    await db
      .insertInto('message_tallies')
      .values({ ...key, ...columnsOf(tally) })
      .execute();
  await writeState(db, BUILT, '1');
  return counted;
}

/** A store from before the totals existed gets them counted once, at start. */
export async function buildTalliesOnce(db: Db, rules: Pick<DistrictRules, 'deadlines' | 'calendar'>): Promise<void> {
  if ((await readState(db, BUILT)) === '1') return;
  await rebuildTallies(db, rules);
}
