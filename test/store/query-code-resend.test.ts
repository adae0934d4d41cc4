/**
 * 找回查询码 (decision 015) and landline numbers, on both databases: a new code goes through the outbox
 * to the address on file and replaces the old one; the answer is the same for an unknown number, a wrong
 * phone or no address; requests are limited per client and per number; the code is never stored, only
 * a seed until the notice is sent; a text gateway gets the code where one is set. Landlines are stored in
 * one form and found by the console however they are typed.
 */
import { expect, vi } from 'vitest';
import type { Transporter } from 'nodemailer';
import type { Runtime } from '../../src/server/runtime.ts';
import { submitMessage } from '../../src/server/messages/commands/submit.ts';
import { trackMessage } from '../../src/server/messages/commands/track.ts';
import { resendQueryCode } from '../../src/server/messages/commands/resend-code.ts';
import { deliverDue, deliverDueTexts } from '../../src/server/mail/sender.ts';
import { contactReadsOf, readContactDetails } from '../../src/server/messages/commands/read-contact.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { queuePage } from '../../src/server/messages/queues.ts';
import { queueById } from '../../src/lib/messages/queues.ts';
import { readQueueFilter } from '../../src/lib/messages/queue-filter.ts';
import { publicTimeline } from '../../src/lib/messages/timeline.ts';
import { QUERY_CODE_SLOT } from '../../src/lib/messages/notices.ts';
import { DISPATCHER, solvedPayload } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

const CODE = /[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/;

/** A transport that keeps what it is given, in place of SMTP. */
function keepingTransport(): { transport: Pick<Transporter, 'sendMail'>; sent: { to: string; text: string }[] } {
  const sent: { to: string; text: string }[] = [];
  return {
    sent,
    transport: {
      sendMail: async (mail: { to?: unknown; text?: unknown }) => {
        sent.push({ to: String(mail.to), text: String(mail.text) });
        return {} as never;
      },
    } as Pick<Transporter, 'sendMail'>,
  };
}

async function outboxOf(runtime: Runtime, number: string) {
  return runtime.store.db.selectFrom('outbox').selectAll().where('message_number', '=', number).orderBy('id').execute();
}

async function codeHash(runtime: Runtime, number: string): Promise<string> {
  return (await loadMessage(runtime.store.db, number))!.row.query_code_hash;
}

const tracks = async (runtime: Runtime, number: string, code: string) => (await trackMessage(runtime, `track-${code}`, number, code)).kind === 'found';

describeOnBackends(
  'a new query code by e-mail',
  (runtime, run) => {
    run('goes through the outbox to the address on file; the old code stops working and the new one works; the code itself is never stored', async () => {
      const { number, queryCode } = await submitted(runtime(), { email: 'lost.code@example.net', phone: '0571-8765 4321 转 808' });
      expect(await tracks(runtime(), number, queryCode)).toBe(true);

      // The phone as typed another way, and without the extension.
      expect(await resendQueryCode(runtime(), 'client-a', { number: number.toLowerCase(), phone: '（0571）87654321' })).toEqual({ kind: 'answered' });
      const [queued] = await outboxOf(runtime(), number);
      expect(queued).toMatchObject({ channel: 'email', recipient: 'lost.code@example.net', status: 'pending' });
      expect(queued!.code_seed).not.toBeNull();
      expect(queued!.body).toContain(QUERY_CODE_SLOT);
      expect(queued!.body).not.toMatch(CODE);
      // Already the old code is gone: only the hash of the new one is on the message.
      expect(await tracks(runtime(), number, queryCode)).toBe(false);

      const { transport, sent } = keepingTransport();
      expect(await deliverDue(runtime(), transport)).toEqual({ sent: 1, failed: 0 });
      expect(sent).toHaveLength(1);
      expect(sent[0]!.to).toBe('lost.code@example.net');
      const newCode = CODE.exec(sent[0]!.text)![0];
      expect(newCode.replace('-', '')).not.toBe(queryCode);
      expect(await tracks(runtime(), number, newCode)).toBe(true);
      expect(await tracks(runtime(), number, queryCode)).toBe(false);

      // Sent: the seed is forgotten, and nothing stored holds the code.
      const [after] = await outboxOf(runtime(), number);
      expect(after).toMatchObject({ status: 'sent', code_seed: null });
      expect(JSON.stringify(after)).not.toContain(newCode);

      // On the record, for staff, not on the public timeline; the use of the address is recorded.
      const { record } = (await loadMessage(runtime().store.db, number))!;
      expect(record.events.at(-1)).toMatchObject({ event: 'resend_code', role: 'citizen', from: 'submitted', to: 'submitted' });
      expect(publicTimeline(record.events, (id) => id).map((e) => e.label)).not.toContain('重新发送查询码');
      expect((await contactReadsOf(runtime(), number)).map((r) => [r.role, r.purpose])).toEqual([['system', 'notice']]);
    });

    run('a repeat of the same form afterwards no longer shows the old code', async () => {
      const fields = {
        type: 'complaint',
        title: '路灯不亮',
        content: '望澜路北段的路灯已经一周不亮了。',
        phone: '13800001111',
        email: 'repeat@example.net',
        consent: true,
      };
      const choices = { types: ['complaint'], units: [], tasks: [] };
      const submit = async () =>
        submitMessage(runtime(), {
          fields,
          choices,
          channel: 'form',
          client: 'repeat',
          idempotencyKey: 'resend-repeat-key-0001',
          proof: { kind: 'pow', payload: await solvedPayload(runtime().secret) },
        });
      const first = await submit();
      expect(first.kind).toBe('created');
      expect(await submit()).toMatchObject({ kind: 'repeat', queryCode: first.kind === 'created' ? first.queryCode : '' });
      await resendQueryCode(runtime(), 'client-b', { number: first.kind === 'created' ? first.number : '', phone: '138 0000 1111' });
      expect(await submit()).toMatchObject({ kind: 'repeat', queryCode: null });
    });

    run('answers the same for an unknown number, a wrong phone and a message without an e-mail address, and changes nothing', async () => {
      const withMail = await submitted(runtime(), { email: 'kept@example.net', phone: '13800002222' });
      const withoutMail = await submitted(runtime(), { phone: '13800003333' });
      const hashes = [await codeHash(runtime(), withMail.number), await codeHash(runtime(), withoutMail.number)];
      const answers = [
        await resendQueryCode(runtime(), 'client-c', { number: 'LY20260101-9999', phone: '13800002222' }),
        await resendQueryCode(runtime(), 'client-c', { number: withMail.number, phone: '13800009999' }),
        await resendQueryCode(runtime(), 'client-c', { number: withoutMail.number, phone: '13800003333' }),
      ];
      expect(answers).toEqual([{ kind: 'answered' }, { kind: 'answered' }, { kind: 'answered' }]);
      expect([await codeHash(runtime(), withMail.number), await codeHash(runtime(), withoutMail.number)]).toEqual(hashes);
      expect(await outboxOf(runtime(), withMail.number)).toEqual([]);
      expect(await outboxOf(runtime(), withoutMail.number)).toEqual([]);
      expect(await tracks(runtime(), withMail.number, withMail.queryCode)).toBe(true);
      expect(await tracks(runtime(), withoutMail.number, withoutMail.queryCode)).toBe(true);
      expect((await loadMessage(runtime().store.db, withMail.number))!.record.events.map((e) => e.event)).toEqual(['submit']);
    });

    run('a later request replaces a code still waiting to be sent, even in the same millisecond: only the latest goes out, and works', async () => {
      const { number } = await submitted(runtime(), { email: 'twice@example.net', phone: '13800004444' });
      // Both within the same millisecond (a double click on a fast server): each is a notice of its own.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      try {
        await resendQueryCode(runtime(), 'client-d', { number, phone: '13800004444' });
        await resendQueryCode(runtime(), 'client-e', { number, phone: '13800004444' });
      } finally {
        vi.useRealTimers();
      }
      expect((await outboxOf(runtime(), number)).map((n) => [n.status, n.code_seed === null])).toEqual([
        ['superseded', true],
        ['pending', false],
      ]);
      const { transport, sent } = keepingTransport();
      await deliverDue(runtime(), transport);
      expect(sent.filter((m) => m.to === 'twice@example.net')).toHaveLength(1);
      expect(await tracks(runtime(), number, CODE.exec(sent.at(-1)!.text)![0])).toBe(true);
    });

    run('names what is wrong with the form, field by field', async () => {
      expect(await resendQueryCode(runtime(), 'client-f', { number: '', phone: '' })).toEqual({
        kind: 'invalid',
        errors: { number: '请填写留言编号', phone: '请填写留言时登记的联系电话' },
      });
      expect(await resendQueryCode(runtime(), 'client-f', { number: 'LY2026', phone: '8765 4321' })).toMatchObject({
        kind: 'invalid',
        errors: { number: expect.stringMatching(/格式不正确/), phone: expect.stringMatching(/区号/) },
      });
    });

    run('landlines are stored in one form, read back by staff, and found by the console however they are typed', async () => {
      const { number } = await submitted(runtime(), { title: '座机留言测试', phone: '（０５７１）８７６５ ４３２１ 转 ８０８' });
      const contact = await readContactDetails(runtime(), DISPATCHER, number, 'reply');
      expect(contact.ok && contact.contact.phone).toBe('0571-87654321-808');
      const found = async (q: string) =>
        (await queuePage(runtime(), queueById('submitted')!, { asOf: '2026-11-23', filter: readQueueFilter(new URLSearchParams({ q })) }, 1, 50)).map(
          (r) => r.number,
        );
      expect(await found('0571 8765 4321')).toContain(number);
      expect(await found('0571-87654321 转 808')).toContain(number);
      expect(await found('0571-87654321 转 809')).not.toContain(number);
    });
  },
  { SMTP_URL: 'smtp://127.0.0.1:1' },
);

describeOnBackends(
  'requests for a new query code',
  (runtime, run) => {
    run('are limited per tracking number and per client, whether or not they match a message', async () => {
      const { number } = await submitted(runtime(), { email: 'flood@example.net', phone: '13800005555' });
      expect((await resendQueryCode(runtime(), 'one', { number, phone: '13800005555' })).kind).toBe('answered');
      expect((await resendQueryCode(runtime(), 'two', { number, phone: '13800000000' })).kind).toBe('answered');
      // A third request for this number, from anywhere, waits a day; so does one for a number that does not exist.
      const third = await resendQueryCode(runtime(), 'three', { number, phone: '13800005555' });
      expect(third).toMatchObject({ kind: 'limited' });
      expect(third.kind === 'limited' && third.retryAfterSeconds).toBeGreaterThan(3600);
      for (const client of ['x', 'y'])
        expect((await resendQueryCode(runtime(), client, { number: 'LY20260101-0001', phone: '13800000000' })).kind).toBe('answered');
      expect((await resendQueryCode(runtime(), 'z', { number: 'LY20260101-0001', phone: '13800000000' })).kind).toBe('limited');
      // One client: three requests an hour, for any numbers.
      for (const n of ['LY20260102-0001', 'LY20260102-0002', 'LY20260102-0003'])
        expect((await resendQueryCode(runtime(), 'busy', { number: n, phone: '13800000000' })).kind).toBe('answered');
      expect((await resendQueryCode(runtime(), 'busy', { number: 'LY20260102-0004', phone: '13800000000' })).kind).toBe('limited');
      // Only the first request sent anything.
      expect((await outboxOf(runtime(), number)).length).toBe(1);
    });
  },
  { SMTP_URL: 'smtp://127.0.0.1:1', RATE_LIMIT_RESENDS: '3', RATE_LIMIT_RESENDS_PER_NUMBER: '2' },
);

describeOnBackends(
  'a new query code by text message',
  (runtime, run) => {
    run('goes to the mobile on file through the gateway; a landline without e-mail gets nothing', async () => {
      const mobile = await submitted(runtime(), { phone: '+86 139 2001 0008' });
      expect((await resendQueryCode(runtime(), 'sms-a', { number: mobile.number, phone: '13920010008' })).kind).toBe('answered');
      const [queued] = await outboxOf(runtime(), mobile.number);
      expect(queued).toMatchObject({ channel: 'sms', recipient: '13920010008' });
      const texts: { to: string; text: string }[] = [];
      expect(await deliverDueTexts(runtime(), { send: async (to, text) => void texts.push({ to, text }) })).toEqual({ sent: 1, failed: 0 });
      expect(texts[0]!.to).toBe('13920010008');
      expect(await tracks(runtime(), mobile.number, CODE.exec(texts[0]!.text)![0])).toBe(true);
      expect(await tracks(runtime(), mobile.number, mobile.queryCode)).toBe(false);

      const landline = await submitted(runtime(), { phone: '010-12345678' });
      await resendQueryCode(runtime(), 'sms-b', { number: landline.number, phone: '010 1234 5678' });
      expect(await outboxOf(runtime(), landline.number)).toEqual([]);
      expect(await tracks(runtime(), landline.number, landline.queryCode)).toBe(true);
    });

    run('a gateway that fails is retried later, and a code given up on is forgotten', async () => {
      const { number } = await submitted(runtime(), { phone: '13920010009' });
      await resendQueryCode(runtime(), 'sms-c', { number, phone: '13920010009' });
      const failing = {
        send: async () => {
          throw new Error('网关不可用');
        },
      };
      let now = Date.now();
      for (let attempt = 0; attempt < 8; attempt += 1) {
        await deliverDueTexts(runtime(), failing, now);
        now += 2 * 24 * 3_600_000;
      }
      const [row] = await outboxOf(runtime(), number);
      expect(row).toMatchObject({ status: 'failed', code_seed: null, attempts: 8 });
    });
  },
  { SMTP_URL: '', SMS_WEBHOOK_URL: 'http://127.0.0.1:1/sms' },
);
