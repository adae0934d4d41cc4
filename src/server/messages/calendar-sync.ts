/**
 * When a holiday calendar file changes (the State Council publishes next year's, or corrects
 * this year's), the due days of open messages are recomputed at the next start, and each change is
 * recorded on the message's timeline so nobody finds a date moved without a word.
 */
import { sql } from 'kysely';
import { today } from '../../lib/calendar/dates.ts';
import type { Runtime } from '../runtime.ts';
import { storedDueDate } from './deadline-of.ts';
import { insertEvent, loadMessages, readState, writeState } from './repository.ts';
import { rebuildTallies } from './tallies.ts';

const KEY = 'calendar_fingerprint';

/** Returns how many open messages got a new due day. */
export async function syncCalendar(runtime: Runtime): Promise<number> {
  const { store, rules } = runtime;
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(20261123)`.execute(trx);
    const previous = await readState(trx, KEY);
    if (previous === rules.calendarFingerprint) return 0;
    const now = new Date().toISOString();
    let changed = 0;
    // Open messages a batch at a time: a province's open queue does not fit in one query's parameters.
    for (let after = 0; ;) {
      const batch = await loadMessages(trx, { openOnly: true, afterId: after, limit: 1000 });
      if (batch.length === 0) break;
      after = batch.at(-1)!.row.id;
      for (const { row, record } of batch) {
        const due = storedDueDate(rules, record);
        if (due === row.due_date) continue;
        changed += 1;
        await trx.updateTable('messages').set({ due_date: due, updated_at: now }).where('id', '=', row.id).execute();
        const note = row.due_date
          ? due
            ? `节假日安排调整，办理期限由 ${row.due_date} 改为 ${due}`
            : `节假日安排调整，办理期限 ${row.due_date} 已超出已录入的日历，待录入后重新计算`
          : `节假日安排已更新，办理期限确定为 ${due}`;
        await insertEvent(trx, { secret: runtime.secret, dialect: store.dialect }, row.id, {
          event: 'recompute_deadline',
          at: now,
          role: 'system',
          from: record.state,
          to: record.state,
          note,
        });
      }
    }
    // Working days to reply and on-time closings are counted on the calendar: recount the totals on the corrected one.
    await rebuildTallies(trx, rules);
    await writeState(trx, KEY, rules.calendarFingerprint);
    await writeState(trx, 'calendar_synced_on', today());
    return changed;
  });
}
