/**
 * The system's own 督办: a message past the day it is working to (受理, 交办 or 答复) is urged, and
 * urged again every few working days while it stays overdue. Only overdue messages are read (by the
 * due-day index), a batch at a time, so the sweep costs what is late, not what is open.
 */
import { today } from '../../lib/calendar/dates.ts';
import { shouldAutoUrge } from '../../lib/messages/deadlines.ts';
import type { Runtime } from '../runtime.ts';
import { urge } from './commands/urge.ts';
import { loadMessages } from './repository.ts';

const BATCH = 500;

export async function urgeOverdue(runtime: Runtime, asOf = today()): Promise<number> {
  const { store, rules } = runtime;
  let urged = 0;
  for (let after = 0; ;) {
    const ids = await store.db
      .selectFrom('messages')
      .select('id')
      .where('state', 'in', ['submitted', 'accepted', 'assigned'])
      .where('due_date', '<', asOf)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (ids.length === 0) return urged;
    after = ids.at(-1)!.id;
    for (const { row, record } of await loadMessages(store.db, { ids: ids.map((r) => r.id) })) {
      if (!shouldAutoUrge(record, row.due_date, asOf, rules.deadlines, rules.calendar)) continue;
      const result = await urge(runtime, { kind: 'system' }, row.number, {});
      if (result.ok) urged += 1;
    }
  }
}
