/**
 * The sizes of the lists whose membership follows from a message as it is, not from today's date —
 * the standing queues (待受理, 待交办, 办理中, 待审核, 延期申请, 已办结, 不满意, 待公开) and the public
 * board (published messages) — are kept as running totals per unit, changed by every action in its
 * transaction, so the console's home and an unfiltered list read a few rows however many messages
 * there are. 临期 and 已超期 change with the date and are counted from the open messages by the
 * store. `inQueue` is the rule; the store's query for each list (src/server/messages/queues.ts,
 * board.ts) must select the same messages, and a test recounts to check it.
 */
import { QUEUES, type QueueDefinition } from './queues.ts';
import type { MessageState } from './state-machine.ts';

/** What decides which standing queues a message is in. */
export interface QueuePlace {
  state: MessageState;
  unit: string | null;
  /** The latest rating. */
  rating: string | null;
  consent: boolean;
  published: boolean;
  /** A request for an extension is waiting for the office (extension-requests.ts). */
  extensionRequested: boolean;
}

export const STANDING_QUEUES: readonly QueueDefinition[] = QUEUES.filter((queue) => queue.due === undefined);

/** The public board's kept count (published messages), beside the queues'. */
export const BOARD_LIST = 'board';

export function isStanding(queue: QueueDefinition): boolean {
  return queue.due === undefined;
}

/** Whether a message is in a standing queue. */
export function inQueue(queue: QueueDefinition, place: QueuePlace): boolean {
  if (!isStanding(queue)) throw new Error(`队列「${queue.label}」随日期变化，不能按累计数计算`);
  return (
    queue.states.includes(place.state) &&
    (queue.rating === undefined || place.rating === queue.rating) &&
    (!queue.toPublish || (place.consent && !place.published)) &&
    (!queue.extensionRequested || place.extensionRequested)
  );
}

/** The unit a count is kept under: the message's unit, or '' before it has one. */
export function countUnit(place: QueuePlace): string {
  return place.unit ?? '';
}

export interface QueueCountChange {
  queue: string;
  unit: string;
  delta: number;
}

/** The lists a message is in: its standing queues, and the board once published. */
function listsOf(place: QueuePlace): string[] {
  return [...STANDING_QUEUES.filter((queue) => inQueue(queue, place)).map((queue) => queue.id), ...(place.published ? [BOARD_LIST] : [])];
}

/** What one change to a message (or its arrival, when `before` is null) does to the counts. */
export function queueCountChanges(before: QueuePlace | null, after: QueuePlace): QueueCountChange[] {
  const changes = new Map<string, QueueCountChange>();
  const add = (place: QueuePlace, delta: number) => {
    for (const list of listsOf(place)) {
      const key = `${list}\u0000${countUnit(place)}`;
      const change = changes.get(key) ?? { queue: list, unit: countUnit(place), delta: 0 };
      change.delta += delta;
      changes.set(key, change);
    }
  };
  if (before) add(before, -1);
  add(after, 1);
  return [...changes.values()].filter((change) => change.delta !== 0);
}
