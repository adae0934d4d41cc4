/**
 * The console's queues as indexed queries: counts for the home page and one page of a queue at a
 * time, scoped to a handler's own unit. 临期 is "due on or before the day N working days from today".
 */
import type { IsoDate } from '../../lib/calendar/dates.ts';
import { addWorkingDays } from '../../lib/calendar/working-days.ts';
import type { QueueDefinition } from '../../lib/messages/queues.ts';
import type { Runtime } from '../runtime.ts';
import type { Db } from './repository.ts';

export interface QueueScope {
  /** Only this unit's messages (a handler's view). */
  unit?: string;
  asOf: IsoDate;
}

function queueQuery(db: Db, runtime: Runtime, queue: QueueDefinition, scope: QueueScope) {
  let select = db.selectFrom('messages').where('state', 'in', [...queue.states]);
  if (scope.unit !== undefined) select = select.where('unit', '=', scope.unit);
  if (queue.due === 'over') select = select.where('due_date', '<', scope.asOf);
  if (queue.due === 'soon') {
    const count = addWorkingDays(runtime.rules.calendar, scope.asOf, runtime.rules.deadlines.dueSoonWorkingDays);
    select = select.where('due_date', '>=', scope.asOf).where('due_date', '<=', count.ok ? count.due : scope.asOf);
  }
  if (queue.rating) select = select.where('rating', '=', queue.rating);
  if (queue.toPublish) select = select.where('consent', '=', 1).where('published', '=', 0);
  return select;
}

export async function queueCount(runtime: Runtime, queue: QueueDefinition, scope: QueueScope): Promise<number> {
  const row = await queueQuery(runtime.store.db, runtime, queue, scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

/** One page of a queue, in its order. */
export async function queuePage(runtime: Runtime, queue: QueueDefinition, scope: QueueScope, page: number, pageSize: number): Promise<QueueRow[]> {
  let select = queueQuery(runtime.store.db, runtime, queue, scope).select(['number', 'title', 'type', 'state', 'unit', 'submitted_at', 'due_date']);
  select = queue.order === 'due' ? select.orderBy('due_date', 'asc').orderBy('submitted_at', 'asc') : select.orderBy('updated_at', 'desc');
  return select
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}
