/**
 * Messages stored before their submission event recorded its time limit (migration 002) are
 * given the limit the settings name now, once: from then on each keeps it, whatever the settings
 * say later. Every message submitted since records its own limit at submission.
 */
import type { Runtime } from '../runtime.ts';
import { readState, writeState } from './repository.ts';

const KEY = 'submission_limits_recorded';

export async function recordLimitsOfEarlierMessages(runtime: Runtime): Promise<void> {
  const { store, rules } = runtime;
  await store.db.transaction().execute(async (trx) => {
    if ((await readState(trx, KEY)) === '1') return;
    for (const [type, days] of Object.entries(rules.deadlines.limits)) {
      await trx
        .updateTable('message_events')
        .set({ limit_days: days })
        .where('event', '=', 'submit')
        .where('limit_days', 'is', null)
        .where('message_id', 'in', (eb) => eb.selectFrom('messages').select('id').where('type', '=', type))
        .execute();
    }
    await writeState(trx, KEY, '1');
  });
}
