/** The system's own 督办: an assigned message past its due day is urged, and urged again every few working days while it stays overdue. */
import { today } from '../../lib/calendar/dates.ts';
import { shouldAutoUrge } from '../../lib/messages/deadlines.ts';
import type { Runtime } from '../runtime.ts';
import { urge } from './commands/urge.ts';
import { loadMessages } from './repository.ts';

export async function urgeOverdue(runtime: Runtime, asOf = today()): Promise<number> {
  const { store, rules } = runtime;
  let urged = 0;
  for (const { row, record } of await loadMessages(store.db, { openOnly: true })) {
    if (!shouldAutoUrge(record, row.due_date, asOf, rules.deadlines, rules.calendar)) continue;
    const result = await urge(runtime, { kind: 'system' }, row.number, {});
    if (result.ok) urged += 1;
  }
  return urged;
}
