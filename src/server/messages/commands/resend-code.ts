/**
 * 找回查询码: a citizen who has lost the query code asks for a new one with the tracking number and the
 * telephone number given with the message. The new code goes only to an address on file — the e-mail
 * address, and the mobile where a text gateway is set — never to the page, and replaces the old one:
 * only a keyed hash of the code in force is stored (decisions 006 and 015).
 *
 * The answer is the same whether or not the number exists, the phone matches or an address is on file,
 * so the form tells no one which messages exist or who wrote them. Requests are limited per client
 * address and per tracking number, counted whether they match or not, so the form cannot be used to
 * flood a citizen's inbox or to try phone numbers quickly. Asking the phone as well as the number means
 * that a stranger who knows a tracking number (published ones are public) cannot have the citizen's code
 * replaced. The replacement is an event on the message's record (resend_code, not shown to the public),
 * in the same transaction as the notice in the outbox.
 */
import { normaliseTrackingNumber } from '../../../lib/messages/tracking.ts';
import { canReceiveTexts, parsePhone } from '../../../lib/messages/phone-numbers.ts';
import { refusal } from '../../../lib/messages/permissions.ts';
import type { MessageState } from '../../../lib/messages/state-machine.ts';
import { sql } from 'kysely';
import type { ServerConfig } from '../../config.ts';
import type { Runtime } from '../../runtime.ts';
import { queueQueryCode } from '../../mail/outbox.ts';
import { insertEvent } from '../repository.ts';
import { newCodeSeed, queryCodeFromSeed, queryCodeHash } from '../query-codes.ts';

export type ResendResult =
  | { kind: 'invalid'; errors: { number?: string; phone?: string } }
  | { kind: 'limited'; retryAfterSeconds: number }
  /** Neither e-mail nor text messages are set up on this server: no code can be sent anywhere. */
  | { kind: 'unavailable' }
  /** The one answer to every well-formed request within the limits. */
  | { kind: 'answered' };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How this server can send a new code: by e-mail (SMTP set) and by text message (gateway set). */
export function resendChannels(config: Pick<ServerConfig, 'mail' | 'sms'>): { email: boolean; sms: boolean } {
  return { email: config.mail.smtpUrl !== null, sms: config.sms.webhookUrl !== null };
}

/** Whether the number typed is the one on file: the same, or the same landline without the extension stored with it. */
function samePhone(stored: string, typed: { kind: 'mobile' | 'landline'; value: string }): boolean {
  if (stored === typed.value) return true;
  return typed.kind === 'landline' && typed.value.split('-').length === 2 && stored.startsWith(`${typed.value}-`);
}

export async function resendQueryCode(
  runtime: Runtime,
  client: string,
  input: { number: unknown; phone: unknown },
  at = new Date().toISOString(),
): Promise<ResendResult> {
  const number = normaliseTrackingNumber(input.number);
  const phone = typeof input.phone === 'string' ? parsePhone(input.phone) : ({ ok: false, problem: 'empty' } as const);
  const errors: { number?: string; phone?: string } = {};
  if (!number) errors.number = typeof input.number === 'string' && input.number.trim() ? '留言编号格式不正确，例如 LY20261123-0007' : '请填写留言编号';
  if (!phone.ok)
    errors.phone =
      phone.problem === 'empty'
        ? '请填写留言时登记的联系电话'
        : phone.problem === 'no_area_code'
          ? '固定电话请加上区号，例如 010-12345678'
          : '联系电话应为手机号码或带区号的固定电话，与留言时填写的一致';
  if (!number || !phone.ok) return { kind: 'invalid', errors };

  const channels = resendChannels(runtime.config);
  if (!channels.email && !channels.sms) return { kind: 'unavailable' };

  const { limiter, config } = runtime;
  const clientKey = `resend:${client}`;
  const perClient = limiter.take(clientKey, config.rateLimits.resendsPerClient, HOUR);
  if (!perClient.ok) return { kind: 'limited', retryAfterSeconds: perClient.retryAfterSeconds };
  const perNumber = limiter.take(`resend:#${number}`, config.rateLimits.resendsPerNumber, DAY);
  if (!perNumber.ok) {
    limiter.refund(clientKey);
    return { kind: 'limited', retryAfterSeconds: perNumber.retryAfterSeconds };
  }

  const { store, secret } = runtime;
  await store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select id from messages where number = ${number} for update`.execute(trx);
    const row = await trx.selectFrom('messages').select(['id', 'number', 'state', 'unit', 'phone', 'email']).where('number', '=', number).executeTakeFirst();
    if (!row || !samePhone(row.phone, phone)) return;
    const state = row.state as MessageState;
    if (refusal({ kind: 'citizen' }, 'resend_code', { state, unit: row.unit })) return;
    const to = {
      email: channels.email ? row.email : null,
      mobile: channels.sms && canReceiveTexts(row.phone) ? row.phone : null,
    };
    // Nowhere to send it: keep the old code (the citizen may still have it written down somewhere).
    if (!to.email && !to.mobile) return;
    const seed = newCodeSeed();
    await trx
      .updateTable('messages')
      .set({ query_code_hash: queryCodeHash(secret, queryCodeFromSeed(secret, seed)) })
      .where('id', '=', row.id)
      .execute();
    await insertEvent(trx, { secret, dialect: store.dialect }, row.id, {
      event: 'resend_code',
      at,
      role: 'citizen',
      from: state,
      to: state,
      internalNote: `新查询码发往${[to.email && '电子邮箱', to.mobile && '手机短信'].filter(Boolean).join('和')}，原查询码失效`,
    });
    await queueQueryCode(trx, runtime, row, to, seed, at);
  });
  return { kind: 'answered' };
}
