/**
 * What the public pages read besides the board (board.ts) and the figures (tallies.ts): one
 * published message as its public view, and the message counts per task for the task pages.
 */
import { publicMessage, type PublicMessage, type ViewContext } from '../../lib/messages/public-view.ts';
import type { Runtime } from '../runtime.ts';
import { loadMessages } from './repository.ts';

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
