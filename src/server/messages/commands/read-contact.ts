/**
 * 查看联系方式: a citizen's contact details (name, phone, e-mail as given) are read through this one
 * function, which lets only the staff who need them (the supervision office, the handler of the unit
 * the message is assigned to) have them, and records who read which message's details, when and for
 * what, in the same transaction (《个人信息保护法》). No other query selects the phone or e-mail.
 */
import { mayReadContact, roleOf, type Actor } from '../../../lib/messages/permissions.ts';
import type { MessageState } from '../../../lib/messages/state-machine.ts';
import type { Runtime } from '../../runtime.ts';

/** Why the details are read: to reply, to call the citizen back, or to pass the message to another body. */
export const CONTACT_PURPOSES = { reply: '答复', callback: '回访', transfer: '转办' } as const;
/** The system's own use: an e-mail notice to the citizen (recorded, never chosen by staff). */
export const NOTICE_PURPOSE = { notice: '通知' } as const;
export type ContactPurpose = keyof typeof CONTACT_PURPOSES;

export interface ContactDetails {
  name: string | null;
  phone: string;
  email: string | null;
}

export type ContactResult = { ok: true; contact: ContactDetails } | { ok: false; status: 400 | 403 | 404; message: string };

export async function readContactDetails(
  runtime: Runtime,
  actor: Actor,
  number: string,
  purpose: unknown,
  at = new Date().toISOString(),
): Promise<ContactResult> {
  if (typeof purpose !== 'string' || !(purpose in CONTACT_PURPOSES)) return { ok: false, status: 400, message: '请选择查看联系方式的用途：答复、回访或转办' };
  return runtime.store.db.transaction().execute(async (trx): Promise<ContactResult> => {
    const scope = await trx.selectFrom('messages').select(['id', 'state', 'unit']).where('number', '=', number).executeTakeFirst();
    if (!scope) return { ok: false, status: 404, message: `没有编号为 ${number} 的留言` };
    if (!mayReadContact(actor, { state: scope.state as MessageState, unit: scope.unit }))
      return { ok: false, status: 403, message: '您无权查看这条留言的联系方式' };
    const contact = await trx.selectFrom('messages').select(['author_name', 'phone', 'email']).where('id', '=', scope.id).executeTakeFirstOrThrow();
    await trx
      .insertInto('contact_reads')
      .values({
        message_id: scope.id,
        at,
        role: roleOf(actor),
        account_id: actor.kind === 'staff' ? actor.accountId : null,
        unit: actor.kind === 'staff' ? (actor.unitCode ?? null) : null,
        purpose,
      })
      .execute();
    return { ok: true, contact: { name: contact.author_name, phone: contact.phone, email: contact.email } };
  });
}

/** Who read a message's contact details, oldest first: for the console's record and for a citizen who asks. */
export async function contactReadsOf(runtime: Runtime, number: string) {
  return runtime.store.db
    .selectFrom('contact_reads')
    .innerJoin('messages', 'messages.id', 'contact_reads.message_id')
    .select(['contact_reads.at', 'contact_reads.role', 'contact_reads.account_id', 'contact_reads.unit', 'contact_reads.purpose'])
    .where('messages.number', '=', number)
    .orderBy('contact_reads.id')
    .execute();
}
