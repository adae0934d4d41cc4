/**
 * The console's queues as indexed queries: counts for the home page and one page of a queue at a
 * time, scoped to a handler's own unit. 临期 is "due on or before the day N working days from today".
 */
import type { IsoDate } from '../../lib/calendar/dates.ts';
import { addWorkingDays } from '../../lib/calendar/working-days.ts';
import { QUEUES, type QueueDefinition } from '../../lib/messages/queues.ts';
import { findOf, hasFilter, type QueueFilter } from '../../lib/messages/queue-filter.ts';
import type { Runtime } from '../runtime.ts';
import { submittedInMonth, type Db } from './repository.ts';
import { countMatches, messagesMatching, newestHitsFirst } from './text-search.ts';
import { readQueueCounts } from './queue-counts.ts';
import { isStanding } from '../../lib/messages/queue-counts.ts';

export interface QueueScope {
  /** Only this unit's messages (a handler's view). */
  unit?: string;
  asOf: IsoDate;
  /** The page's filters and find box (queue-filter.ts). */
  filter?: QueueFilter;
}

/** The last day that counts as 临期 as of `asOf`: N working days on. */
function dueSoonLimit(runtime: Runtime, asOf: IsoDate): IsoDate {
  const count = addWorkingDays(runtime.rules.calendar, asOf, runtime.rules.deadlines.dueSoonWorkingDays);
  return count.ok ? count.due : asOf;
}

/** The messages a queue holds within a scope (its filters and find box), and whether words narrowed them. */
export function queueQuery(db: Db, runtime: Runtime, queue: QueueDefinition, scope: QueueScope) {
  const find = findOf(scope.filter?.q ?? '');
  const matching = messagesMatching(db, runtime.store.dialect, 'message_words', find.kind === 'words' ? find.words : []);
  let select = matching.select.where('state', 'in', [...queue.states]);
  if (scope.unit !== undefined) select = select.where('unit', '=', scope.unit);
  if (queue.due === 'over') select = select.where('due_date', '<', scope.asOf);
  if (queue.due === 'soon') select = select.where('due_date', '>=', scope.asOf).where('due_date', '<=', dueSoonLimit(runtime, scope.asOf));
  if (queue.rating) select = select.where('rating', '=', queue.rating);
  if (queue.toPublish) select = select.where('consent', '=', 1).where('published', '=', 0);
  if (queue.extensionRequested) select = select.where('extension_requested_at', 'is not', null);
  const filter = scope.filter;
  if (!filter) return { select, searching: false };
  if (filter.unit && scope.unit === undefined) select = select.where('unit', '=', filter.unit);
  if (filter.type) select = select.where('type', '=', filter.type);
  if (filter.channel) select = select.where('channel', '=', filter.channel);
  if (filter.task) select = select.where('task', '=', filter.task);
  if (filter.month) select = select.where(submittedInMonth(filter.month));
  if (find.kind === 'number') select = select.where('number', '=', find.number);
  // Staff may find a message by the citizen's phone; the column is compared, never selected.
  if (find.kind === 'phone')
    select = find.withExtensions
      ? select.where((eb) => eb.or([eb('phone', '=', find.phone), eb('phone', 'like', `${find.phone}-%`)]))
      : select.where('phone', '=', find.phone);
  return { select, searching: matching.searching };
}

/** How many messages the queue holds: unfiltered, a kept count (or, for 临期 and 已超期, a count of the open messages); filtered or searched, counted up to SEARCH_COUNT_CAP + 1 (“more than”). */
export async function queueCount(runtime: Runtime, queue: QueueDefinition, scope: QueueScope): Promise<number> {
  const db = runtime.store.db;
  if (isStanding(queue) && !hasFilter(scope.filter)) return (await readQueueCounts(db, scope.unit)).get(queue.id) ?? 0;
  const { select } = queueQuery(db, runtime, queue, scope);
  // Filtered or searched, a finished queue can hold hundreds of thousands: count up to the cap.
  if (hasFilter(scope.filter)) return countMatches(db, select);
  const row = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every queue's count for the console's home: the standing queues' from the running totals (one read), 临期 and 已超期 from the open messages. */
export async function allQueueCounts(runtime: Runtime, scope: Omit<QueueScope, 'filter'>): Promise<Map<string, number>> {
  const kept = await readQueueCounts(runtime.store.db, scope.unit);
  const counts = await Promise.all(
    QUEUES.map(async (queue) => [queue.id, isStanding(queue) ? (kept.get(queue.id) ?? 0) : await queueCount(runtime, queue, scope)] as const),
  );
  return new Map(counts);
}

export interface QueueRow {
  number: string;
  title: string;
  type: string;
  state: string;
  unit: string | null;
  submitted_at: string;
  due_date: string | null;
}

/** One page of a queue, in its order (a search's results newest first). */
export async function queuePage(runtime: Runtime, queue: QueueDefinition, scope: QueueScope, page: number, pageSize: number): Promise<QueueRow[]> {
  const query = queueQuery(runtime.store.db, runtime, queue, scope);
  let select = query.select.select(['number', 'title', 'type', 'state', 'unit', 'submitted_at', 'due_date']);
  if (query.searching) select = select.orderBy(newestHitsFirst);
  else select = queue.order === 'due' ? select.orderBy('due_date', 'asc').orderBy('submitted_at', 'asc') : select.orderBy('updated_at', 'desc');
  return select
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

export interface UnitLoad {
  unit: string;
  /** Assigned and not yet closed (办理中 and 待审核). */
  open: number;
  dueSoon: number;
  overdue: number;
}

/** 各单位办理情况 for the dispatcher's home: each unit's open, due-soon and overdue messages, latest first by overdue; one grouped, indexed query. */
export async function unitLoads(runtime: Runtime, asOf: IsoDate): Promise<UnitLoad[]> {
  const soon = dueSoonLimit(runtime, asOf);
  const rows = await runtime.store.db
    .selectFrom('messages')
    .select((eb) => [
      'unit',
      eb.fn.countAll<number>().as('open'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('state', '=', 'assigned'), eb('due_date', '<', asOf)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('state', '=', 'assigned'), eb('due_date', '>=', asOf), eb('due_date', '<=', soon)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_soon'),
    ])
    .where('unit', 'is not', null)
    .where('state', 'in', ['assigned', 'replied'])
    .groupBy('unit')
    .execute();
  return rows
    .map((r) => ({ unit: r.unit!, open: Number(r.open), dueSoon: Number(r.due_soon ?? 0), overdue: Number(r.overdue ?? 0) }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || a.unit.localeCompare(b.unit));
}
