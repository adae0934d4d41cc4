/**
 * What the public pages read: published messages (consented, reviewed, closed) as public views,
 * and the facts behind the figures. Volumes are a district's (hundreds to thousands a year), so
 * the figures are computed in memory from the events; a province would move them into SQL.
 */
import { publicMessage, type PublicMessage, type ViewContext } from '../../lib/messages/public-view.ts';
import type { Runtime } from '../runtime.ts';
import { loadMessages } from './repository.ts';

export async function publishedMessages(runtime: Runtime, context: ViewContext): Promise<PublicMessage[]> {
  const rows = await runtime.store.db
    .selectFrom('messages')
    .select('id')
    .where('published', '=', 1)
    .where('consent', '=', 1)
    .where('state', '=', 'closed')
    .execute();
  if (rows.length === 0) return [];
  const loaded = await loadMessages(runtime.store.db, { ids: rows.map((r) => r.id) });
  return loaded.map(({ record }) => publicMessage(record, context)).sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
}

export async function publishedMessage(runtime: Runtime, context: ViewContext, number: string): Promise<PublicMessage | undefined> {
  const row = await runtime.store.db
    .selectFrom('messages')
    .select('id')
    .where('number', '=', number)
    .where('published', '=', 1)
    .where('consent', '=', 1)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  if (!row) return undefined;
  const [loaded] = await loadMessages(runtime.store.db, { ids: [row.id] });
  return loaded && publicMessage(loaded.record, context);
}

/** Messages per task: how many concern it, and how many of those are published. */
export async function countsByTask(db: Runtime['store']['db']): Promise<Map<string, { total: number; published: number }>> {
  const rows = await db
    .selectFrom('messages')
    .select(['task', (eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.sum<number>('published').as('published')])
    .where('task', 'is not', null)
    .groupBy('task')
    .execute();
  return new Map(rows.map((r) => [r.task!, { total: Number(r.total), published: Number(r.published ?? 0) }]));
}
