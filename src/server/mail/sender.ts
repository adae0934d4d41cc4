/**
 * The sender: delivers due notices from the outbox, e-mail through SMTP (nodemailer) and text messages
 * (短信) through the gateway named by SMS_WEBHOOK_URL, with retries and back-off (1, 5, 30 minutes, 2
 * and 12 hours, then daily; given up after 8 tries and shown in the console). Several servers may run
 * it at once: each notice is claimed for two minutes by one of them before it is sent, and marked sent
 * right after, so it goes out once. Only a crash between the other side accepting it and the mark can
 * send it again (an e-mail's Message-ID is the same, so mail clients show it once).
 *
 * A notice carrying a new query code holds a seed, not the code: the code is derived here, put into
 * the text as it leaves, and the seed is erased once the notice is sent or given up (decision 015).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { QUERY_CODE_SLOT } from '../../lib/messages/notices.ts';
import { displayQueryCode } from '../../lib/messages/tracking.ts';
import type { OutboxTable } from '../db/schema.ts';
import { queryCodeFromSeed } from '../messages/query-codes.ts';
import type { Runtime } from '../runtime.ts';
import type { Selectable } from 'kysely';

const BACKOFF_MINUTES = [1, 5, 30, 120, 720, 1440, 1440, 1440];
const CLAIM_MS = 120_000;
const BATCH = 20;
const GATEWAY_TIMEOUT_MS = 10_000;

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/** A text-message gateway: sends one text to one mobile number, or throws. */
export interface TextGateway {
  send(to: string, text: string): Promise<void>;
}

/**
 * The gateway behind SMS_WEBHOOK_URL: a POST of `{"to":"138…","text":"…"}` as JSON, answered with any
 * 2xx status. Operators put a small adapter to their SMS provider (with its templates and keys) there.
 */
export function webhookGateway(url: string): TextGateway {
  return {
    async send(to, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`短信网关答复 ${response.status}`);
    },
  };
}

export interface Delivery {
  sent: number;
  failed: number;
}

type Notice = Selectable<OutboxTable>;

/** The notice's text as it leaves: a re-sent query code filled in from its seed. */
function textOf(runtime: Runtime, notice: Notice): string {
  if (notice.code_seed === null) return notice.body;
  return notice.body.replaceAll(QUERY_CODE_SLOT, displayQueryCode(queryCodeFromSeed(runtime.secret, notice.code_seed)));
}

/** Send what is due now on one channel; returns how many went and how many failed this time. */
async function deliverChannel(
  runtime: Runtime,
  channel: 'email' | 'sms',
  send: (notice: Notice, text: string) => Promise<void>,
  now: number,
): Promise<Delivery> {
  const db = runtime.store.db;
  const at = new Date(now).toISOString();
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('channel', '=', channel)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const delivery: Delivery = { sent: 0, failed: 0 };
  for (const notice of due) {
    const claimed = await db
      .updateTable('outbox')
      .set({ claimed_until: new Date(now + CLAIM_MS).toISOString() })
      .where('id', '=', notice.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await send(notice, textOf(runtime, notice));
      await db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: new Date().toISOString(), claimed_until: null, code_seed: null })
        .where('id', '=', notice.id)
        .execute();
      delivery.sent += 1;
    } catch (error) {
      const attempts = notice.attempts + 1;
      const minutes = BACKOFF_MINUTES[attempts - 1];
      const givenUp = minutes === undefined || attempts >= BACKOFF_MINUTES.length;
      await db
        .updateTable('outbox')
        .set({
          attempts,
          status: givenUp ? 'failed' : 'pending',
          next_attempt_at: new Date(now + (minutes ?? 0) * 60_000).toISOString(),
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          claimed_until: null,
          // A code that could not be sent is of no use to anyone: forget it (the citizen may ask again).
          ...(givenUp ? { code_seed: null } : {}),
        })
        .where('id', '=', notice.id)
        .execute();
      delivery.failed += 1;
    }
  }
  return delivery;
}

/** Send the e-mails due now. */
export function deliverDue(runtime: Runtime, transport: Pick<Transporter, 'sendMail'>, now = Date.now()): Promise<Delivery> {
  return deliverChannel(
    runtime,
    'email',
    async (notice, text) => {
      await transport.sendMail({
        from: runtime.config.mail.from,
        to: notice.recipient,
        subject: notice.subject,
        text,
        messageId: `<outbox-${notice.id}@duban>`,
      });
    },
    now,
  );
}

/** Send the text messages due now. */
export function deliverDueTexts(runtime: Runtime, gateway: TextGateway, now = Date.now()): Promise<Delivery> {
  return deliverChannel(runtime, 'sms', (notice, text) => gateway.send(notice.recipient, text), now);
}
