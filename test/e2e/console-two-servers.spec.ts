/**
 * Two servers on one PostgreSQL database, as behind a load balancer: a session started on one is
 * honoured by the other, a form from one is accepted by the other (same CSRF token), the queue is
 * the same, an action taken through one is seen through the other, and failed sign-ins are counted
 * together.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createRuntime } from '../../src/server/runtime';
import { changePassword, createAccount } from '../../src/server/auth/accounts';
import { freshPostgresSchema, postgresReachable } from '../store/harness';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

const PASSWORD = '望澜区督办公开2026春';

test('two servers share sessions, CSRF tokens, the queue and the sign-in throttle', async () => {
  test.skip(!(await postgresReachable()), 'PostgreSQL is not reachable at 127.0.0.1:5432');
  const schema = await freshPostgresSchema('two');
  const env = { DATABASE_URL: schema.url, DUBAN_SECRET: randomBytes(32).toString('hex') };
  let a: TestServer | undefined;
  let b: TestServer | undefined;
  try {
    a = await startServer(4623, env);
    b = await startServer(4624, env);
    const runtime = await createRuntime({ ...a.env });
    try {
      const created = await createAccount(runtime, { login: 'twin', name: '两台服务器', role: 'dispatcher' });
      if (!created.ok) throw new Error(created.message);
      await changePassword(runtime, created.account.id, PASSWORD);
    } finally {
      await runtime.stop();
    }

    // Signed in on A…
    const signedIn = await fetch(`${a.url}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ login: 'twin', password: PASSWORD }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    // …a message arrives through A, and B shows it in its queue to the same session.
    const posted = await fetch(`${a.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service_code: 'complaint',
        'attribute[title]': '两台服务器上的留言',
        description: '望澜路北段的路灯已经一周不亮了。',
        phone: '13800000000',
        altcha: await solvedProof(a.url),
      }),
    });
    const { service_request_id: number } = ((await posted.json()) as { service_request_id: string }[])[0]!;
    const queue = await (await fetch(`${b.url}/console/queues/submitted`, { headers: { cookie } })).text();
    expect(queue).toContain(number);
    // A form rendered by B is accepted by A.
    const csrf = /name="csrf" value="([^"]+)"/.exec(queue)![1]!;
    const accepted = await fetch(`${a.url}/console/messages/${number}`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, action: 'accept' }),
      redirect: 'manual',
    });
    expect(accepted.status).toBe(303);
    expect(await (await fetch(`${b.url}/console/messages/${number}`, { headers: { cookie } })).text()).toContain('已受理');
    // Signing out on B ends the session on A.
    const signOut = await fetch(`${b.url}/console/sign-out`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
      redirect: 'manual',
    });
    expect(signOut.status).toBe(303);
    expect((await fetch(`${a.url}/console/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);

    // Failed sign-ins from one address are counted across both servers.
    const attempt = (server: TestServer, password: string) =>
      fetch(`${server.url}/console/sign-in`, {
        method: 'POST',
        body: new URLSearchParams({ login: 'twin', password }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt(i % 2 ? a : b, `wrong-${i}-password`)).status).toBe(401);
    expect((await attempt(a, PASSWORD)).status).toBe(429);
    expect((await attempt(b, PASSWORD)).status).toBe(429);
  } finally {
    await a?.kill('SIGTERM');
    await b?.kill('SIGTERM');
    await schema.drop();
  }
});
