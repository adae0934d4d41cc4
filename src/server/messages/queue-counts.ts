/**
 * The running totals of the standing queues and the board (table queue_counts; the rule is lib/messages/queue-counts.ts):
 * changed by every action in its transaction (submissions sharing a commit: once, at its end), read by the console's home and by unfiltered queue
 * pages, recounted from the messages with the queues' own queries when asked (and once at start).
 */
import { pendingExtensionRequest } from '../../lib/messages/extension-requests.ts';
import { BOARD_LIST, queueCountChanges, STANDING_QUEUES, type QueuePlace } from '../../lib/messages/queue-counts.ts';
import { NO_BOARD_FILTER } from '../../lib/messages/board-filter.ts';
import { boardQuery } from './board.ts';
import type { MessageState } from '../../lib/messages/state-machine.ts';
import type { MessageRecord } from '../../lib/messages/types.ts';
import type { Runtime } from '../runtime.ts';
import { addToCounters, type CounterChange } from '../db/counters.ts';
import { queueQuery } from './queues.ts';
import { readState, writeState, type Db, type MessageRow } from './repository.ts';

/** Where a message stands, from its row and its events. */
export function placeOf(row: Pick<MessageRow, 'state' | 'unit' | 'rating' | 'consent' | 'published'>, events: MessageRecord['events']): QueuePlace {
  const state = row.state as MessageState;
  return {
    state,
    unit: row.unit,
    rating: row.rating,
    consent: row.consent === 1,
    published: row.published === 1,
    extensionRequested: pendingExtensionRequest({ state, events }) !== null,
  };
}

/** What one change does to the counts (a new message when `before` is null), as changes to counter rows (db/counters.ts). */
export function queueCounterChanges(before: QueuePlace | null, after: QueuePlace): CounterChange[] {
  return queueCountChanges(before, after).map(({ queue, unit, delta }) => ({ table: 'queue_counts', key: { queue, unit }, delta: { count: delta } }));
}

/** Apply what one change does to the counts (a new message when `before` is null). */
export async function updateQueueCounts(db: Db, before: QueuePlace | null, after: QueuePlace): Promise<void> {
  await addToCounters(db, queueCounterChanges(before, after));
}

/** The kept counts of the standing queues, for every unit or one unit's (empty queues absent). */
export async function readQueueCounts(db: Db, unit?: string): Promise<Map<string, number>> {
  let select = db.selectFrom('queue_counts').select((eb) => ['queue', eb.fn.sum<number>('count').as('n')]);
  if (unit !== undefined) select = select.where('unit', '=', unit);
  const rows = await select.groupBy('queue').execute();
  return new Map(rows.map((row) => [row.queue, Number(row.n)] as const).filter(([, n]) => n !== 0));
}

const BUILT = 'queue_counts_built';

/** Count every standing queue again with its own query (grouped by unit) and replace the totals, in the caller's transaction. */
export async function rebuildQueueCounts(db: Db, runtime: Runtime): Promise<void> {
  await db.deleteFrom('queue_counts').execute();
  const lists = [
    ...STANDING_QUEUES.map((queue) => ({ id: queue.id, select: queueQuery(db, runtime, queue, { asOf: '2000-01-01' }).select })),
    { id: BOARD_LIST, select: boardQuery(db, runtime.store.dialect, NO_BOARD_FILTER).select },
  ];
  for (const list of lists) {
    const rows = await list.select
      .select((eb) => ['unit', eb.fn.countAll<number>().as('n')])
      .groupBy('unit')
      .execute();
    for (const row of rows)
      await db
        .insertInto('queue_counts')
        .values({ queue: list.id, unit: row.unit ?? '', count: Number(row.n) })
        .execute();
  }
  await writeState(db, BUILT, '2');
}

/** A store from before the counts were kept gets them counted once, at start. */
export async function buildQueueCountsOnce(db: Db, runtime: Runtime): Promise<void> {
  // '2': the board's count joined the queues'.
  if ((await readState(db, BUILT)) === '2') return;
  await rebuildQueueCounts(db, runtime);
}
