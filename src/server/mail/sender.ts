/**
 * The sender: delivers due notices from the outbox through SMTP (nodemailer), with retries and
 * back-off (1, 5, 30 minutes, 2 and 12 hours, then daily; given up after 8 tries and shown in the
 * console). Several servers may run it at once: each notice is claimed for two minutes by one of them
 * before it is sent, and marked sent right after, so it goes out once. Only a crash between the SMTP
 * server accepting it and the mark can send it again (its Message-ID is the same, so mail clients
 * show it once).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Runtime } from '../runtime.ts';

const BACKOFF_MINUTES = [1, 5, 30, 120, 720, 1440, 1440, 1440];
const CLAIM_MS = 120_000;
const BATCH = 20;

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

export interface Delivery {
  sent: number;
  failed: number;
}

/** Send what is due now; returns how many went and how many failed this time. */
export async function deliverDue(runtime: Runtime, transport: Pick<Transporter, 'sendMail'>, now = Date.now()): Promise<Delivery> {
  const db = runtime.store.db;
  const at = new Date(now).toISOString();
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
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
      await transport.sendMail({
        from: runtime.config.mail.from,
        to: notice.recipient,
        subject: notice.subject,
        text: notice.body,
        messageId: `<outbox-${notice.id}@duban>`,
      });
      await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date().toISOString(), claimed_until: null }).where('id', '=', notice.id).execute();
      delivery.sent += 1;
    } catch (error) {
      const attempts = notice.attempts + 1;
      const minutes = BACKOFF_MINUTES[attempts - 1];
      await db
        .updateTable('outbox')
        .set({
          attempts,
          status: minutes === undefined || attempts >= BACKOFF_MINUTES.length ? 'failed' : 'pending',
          next_attempt_at: new Date(now + (minutes ?? 0) * 60_000).toISOString(),
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          claimed_until: null,
        })
        .where('id', '=', notice.id)
        .execute();
      delivery.failed += 1;
    }
  }
  return delivery;
}
