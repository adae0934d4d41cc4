/**
 * The outbox (发件箱): notices are queued here by the action that causes them, in the same
 * transaction as its event, so a notice exists if and only if its event does. A citizen's e-mail
 * address is read for it as a recorded use of their contact details (purpose 通知).
 *
 * A re-sent query code (decision 015) is a notice like the others, by e-mail and, where a gateway is
 * set, by text message; it is queued with a seed in place of the code (sender.ts fills it in).
 */
import { randomUUID } from 'node:crypto';
import type { MessageEvent } from '../../lib/messages/state-machine.ts';
import type { MessageRecord } from '../../lib/messages/types.ts';
import { noticesFor, queryCodeNotice } from '../../lib/messages/notices.ts';
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

/** Where a new query code can go for this message: its e-mail address if there is one and mail is set up, its mobile if a text gateway is. */
export interface CodeRecipients {
  email: string | null;
  /** A mobile number, only when a text gateway is configured. */
  mobile: string | null;
}

/**
 * Queue a new query code for a message, to each recipient given, with the seed it is derived from, in the
 * caller's transaction. Earlier code notices still waiting are dropped: their codes no longer work.
 * Reading the citizen's contact details for it is recorded (purpose 通知).
 */
export async function queueQueryCode(
  trx: Db,
  runtime: Runtime,
  message: { id: number; number: string },
  to: CodeRecipients,
  seed: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('outbox')
    .set({ status: 'superseded', code_seed: null, claimed_until: null })
    .where('message_number', '=', message.number)
    .where('status', '=', 'pending')
    .where('code_seed', 'is not', null)
    .execute();
  const facts = { number: message.number, siteUrl: runtime.config.siteUrl, siteName: runtime.rules.settings.siteName };
  const sends = [
    ...(to.email ? [{ channel: 'email' as const, recipient: to.email }] : []),
    ...(to.mobile ? [{ channel: 'sms' as const, recipient: to.mobile }] : []),
  ];
  // Each request is a notice of its own, even two within the same millisecond (the second replaces the first).
  const request = randomUUID();
  for (const { channel, recipient } of sends) {
    const notice = queryCodeNotice(channel, facts);
    await trx
      .insertInto('outbox')
      .values({
        key: `${message.number}|resend_code|${at}|${channel}|${request}`,
        created_at: at,
        recipient,
        subject: notice.subject,
        body: notice.body,
        message_number: message.number,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        channel,
        code_seed: seed,
      })
      .execute();
  }
  if (sends.length > 0)
    await trx.insertInto('contact_reads').values({ message_id: message.id, at, role: 'system', account_id: null, unit: null, purpose: 'notice' }).execute();
}
