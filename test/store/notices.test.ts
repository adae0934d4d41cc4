/**
 * Notices through a real SMTP server started in the test (smtp-server): queued in the outbox with
 * their event, delivered once, retried with back-off when the server cannot be reached, and never
 * sent twice by two senders at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { createAccount } from '../../src/server/auth/accounts.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { deliverDue, smtpTransport } from '../../src/server/mail/sender.ts';
import { contactReadsOf } from '../../src/server/messages/commands/read-contact.ts';
import { backendEnv, DISPATCHER, handlerOf } from './harness.ts';
import { submitted } from './backends.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../smtp-server.ts';

describe('notices', () => {
  let smtp: TestSmtpServer;
  let received: ReceivedMail[];
  let runtime: Runtime;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    received = smtp.received;
    const env = await backendEnv('sqlite', { SMTP_URL: smtp.url, MAIL_FROM: '望澜区督办公开 <noreply@example.org>' });
    cleanup = env.cleanup;
    runtime = await createRuntime(env.env);
  });
  afterAll(async () => {
    await runtime?.stop();
    await cleanup?.();
    await smtp?.close();
  });

  it('tell the unit’s handlers of an assignment and the citizen of the closing, once each, through SMTP', async () => {
    await createAccount(runtime, { login: 'li', name: '李承办', role: 'handler', unit: 'water', email: 'li@water.example.org' });
    await createAccount(runtime, { login: 'no-mail', name: '无邮箱', role: 'handler', unit: 'water' });
    const { number } = await submitted(runtime, { email: 'citizen@example.net' });
    await act(runtime, DISPATCHER, number, 'accept', {});
    await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' });
    const transport = smtpTransport(runtime.config.mail.smtpUrl!);
    // Two senders at once (two servers): the assignment notice still goes out once.
    const [a, b] = await Promise.all([deliverDue(runtime, transport), deliverDue(runtime, transport)]);
    expect(a.sent + b.sent).toBe(1);
    expect(received.map((r) => r.to)).toEqual([['li@water.example.org']]);
    expect(received[0]!.text).toContain(`/console/messages/${number}`);
    expect((await deliverDue(runtime, transport)).sent).toBe(0);

    await act(runtime, handlerOf('water'), number, 'reply', { reply: '已修复。' });
    await act(runtime, DISPATCHER, number, 'approve', {});
    expect((await deliverDue(runtime, transport)).sent).toBe(1);
    expect(received.at(-1)!.to).toEqual(['citizen@example.net']);
    expect(received.at(-1)!.text).toContain(`您提交的留言 ${number} 已经办结`);
    expect(received.at(-1)!.text).not.toContain('已修复');
    // The system's use of the citizen's address is on the record.
    expect((await contactReadsOf(runtime, number)).map((r) => [r.role, r.purpose])).toEqual([['system', 'notice']]);
    transport.close();
  });

  it('keep a notice the SMTP server cannot take, and try again later with back-off', async () => {
    const { number } = await submitted(runtime, { email: 'later@example.net' });
    await act(runtime, DISPATCHER, number, 'accept', {});
    await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' });
    const nowhere = smtpTransport('smtp://127.0.0.1:1');
    const now = Date.now();
    expect(await deliverDue(runtime, nowhere, now)).toEqual({ sent: 0, failed: 1 });
    const row = await runtime.store.db.selectFrom('outbox').selectAll().where('message_number', '=', number).executeTakeFirstOrThrow();
    expect([row.status, row.attempts, row.next_attempt_at > new Date(now + 30_000).toISOString()]).toEqual(['pending', 1, true]);
    // Not due yet: nothing is tried; once due, it goes.
    expect(await deliverDue(runtime, smtpTransport(runtime.config.mail.smtpUrl!), now + 10_000)).toEqual({ sent: 0, failed: 0 });
    expect((await deliverDue(runtime, smtpTransport(runtime.config.mail.smtpUrl!), now + 61_000)).sent).toBe(1);
    nowhere.close();
  });
});
