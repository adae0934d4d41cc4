/**
 * The outbox (发件箱): notices are queued here by the action that causes them, in the same
 * transaction as its event, so a notice exists if and only if its event does. A citizen's e-mail
 * address is read for it as a recorded use of their contact details (purpose 通知).
 */
import type { MessageEvent } from '../../lib/messages/state-machine.ts';
import type { MessageRecord } from '../../lib/messages/types.ts';
import { noticesFor } from '../../lib/messages/notices.ts';
import { stageDeadline } from '../../lib/messages/deadlines.ts';
import { pendingExtensionRequest } from '../../lib/messages/extension-requests.ts';
import type { Db } from '../messages/repository.ts';
import type { Runtime } from '../runtime.ts';

export async function queueNotices(trx: Db, runtime: Runtime, event: MessageEvent, record: MessageRecord, at: string): Promise<void> {
  const { rules, config } = runtime;
  const specs = noticesFor(event, {
    number: record.number,
    title: record.title,
    due: stageDeadline(record, rules.deadlines, rules.calendar)?.due ?? null,
    requestedDue: pendingExtensionRequest(record)?.newDue ?? null,
    siteUrl: config.siteUrl,
    siteName: rules.settings.siteName,
  });
  for (const spec of specs) {
    const recipients = spec.to === 'citizen' ? await citizenAddress(trx, record.number, at) : await staffAddresses(trx, spec.to, record.unit);
    for (const recipient of recipients)
      await trx
        .insertInto('outbox')
        .values({
          key: `${record.number}|${event}|${at}|${recipient}`,
          created_at: at,
          recipient,
          subject: spec.subject,
          body: spec.body,
          message_number: record.number,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
  }
}

/** The e-mail addresses of the unit's handlers, or of the office's dispatchers, whose accounts are enabled. */
async function staffAddresses(trx: Db, to: 'unit' | 'office', unit: string | null): Promise<string[]> {
  let query = trx.selectFrom('staff_accounts').select('email').where('disabled', '=', 0).where('email', 'is not', null);
  query = to === 'unit' ? query.where('role', '=', 'handler').where('unit', '=', unit ?? '') : query.where('role', '=', 'dispatcher');
  return (await query.execute()).map((r) => r.email!);
}

/** The citizen's e-mail address, if they gave one; reading it is recorded like any other use of their contact details. */
async function citizenAddress(trx: Db, number: string, at: string): Promise<string[]> {
  const row = await trx.selectFrom('messages').select(['id', 'email']).where('number', '=', number).executeTakeFirst();
  if (!row?.email) return [];
  await trx.insertInto('contact_reads').values({ message_id: row.id, at, role: 'system', account_id: null, unit: null, purpose: 'notice' }).execute();
  return [row.email];
}
