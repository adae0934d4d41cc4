/**
 * Staff accounts, sessions and sign-in throttling on both databases: one answer for an unknown
 * login and a wrong password; a one-time password to change; sessions that end when idle, when
 * too old, at sign-out and at once when the account is disabled; failed sign-ins counted in the
 * store (so two servers count together) without letting a stranger lock an account out.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { changePassword, createAccount, setDisabled } from '../../src/server/auth/accounts.ts';
import { endSession, sessionOf, startSession } from '../../src/server/auth/sessions.ts';
import { signIn, WRONG } from '../../src/server/auth/sign-in.ts';
import { signInThrottle } from '../../src/server/auth/throttle.ts';
import { describeOnBackends } from './backends.ts';

const GOOD = '望澜区督办公开2026春';

describeOnBackends('staff sign-in', (runtime, run, block) => {
  // A second server on the same store, as behind a balancer.
  let second: Runtime;
  beforeAll(async () => {
    const env = block.env();
    if (env) second = await createRuntime(env);
  });
  afterAll(async () => {
    await second?.stop();
  });

  const account = async (login: string, role = 'dispatcher', unit?: string) => {
    const created = await createAccount(runtime(), { login, name: '测试人员', role, unit });
    if (!created.ok) throw new Error(created.message);
    return created;
  };

  run('a one-time password signs in once to set a real one; unknown logins and wrong passwords get the same answer', async () => {
    const { account: a, oneTimePassword } = await account('zhang');
    const first = await signIn(runtime(), { login: 'ＺＨＡＮＧ ', password: oneTimePassword }, '192.0.2.1');
    expect(first.ok && first.account.mustChangePassword).toBe(true);
    expect(await changePassword(runtime(), a.id, 'zhang123456')).toEqual({ ok: false, message: '密码不能包含登录名' });
    expect(await changePassword(runtime(), a.id, GOOD)).toEqual({ ok: true });
    expect(await signIn(runtime(), { login: 'zhang', password: oneTimePassword }, '192.0.2.1')).toMatchObject({ ok: false, status: 401, message: WRONG });
    expect(await signIn(runtime(), { login: 'nobody', password: GOOD }, '192.0.2.1')).toMatchObject({ ok: false, status: 401, message: WRONG });
    expect(await createAccount(runtime(), { login: 'handler1', name: '承办', role: 'handler', unit: 'no-such-unit' })).toMatchObject({ ok: false });
    const ok = await signIn(runtime(), { login: 'zhang', password: GOOD }, '192.0.2.1');
    expect(ok.ok && ok.account.mustChangePassword).toBe(false);
  });

  run('sessions end when idle, when too old, at sign-out, when replaced at sign-in, and at once when the account is disabled', async () => {
    const { account: a } = await account('zhao');
    const now = Date.now();
    const token = await startSession(runtime(), a.id, undefined, now);
    expect((await sessionOf(second, token, now + 60_000))?.account.login).toBe('zhao');
    expect(await sessionOf(runtime(), token, now + 60_000 + 31 * 60_000)).toBeNull(); // idle 31 minutes after its last use
    const old = await startSession(runtime(), a.id, undefined, now);
    for (let t = now; t < now + 12 * 3_600_000; t += 20 * 60_000) expect(await sessionOf(runtime(), old, t)).not.toBeNull();
    expect(await sessionOf(runtime(), old, now + 12 * 3_600_000 + 1)).toBeNull(); // 12 hours in all
    const before = await startSession(runtime(), a.id, undefined);
    const after = await startSession(runtime(), a.id, before);
    expect(await sessionOf(runtime(), before)).toBeNull();
    expect(await sessionOf(runtime(), after)).not.toBeNull();
    await endSession(runtime(), after);
    expect(await sessionOf(runtime(), after)).toBeNull();
    const live = await startSession(runtime(), a.id, undefined);
    await setDisabled(runtime(), a.id, true);
    expect(await sessionOf(second, live)).toBeNull();
    expect(await signIn(runtime(), { login: 'zhao', password: 'anything-at-all' }, '192.0.2.9')).toMatchObject({ ok: false, message: WRONG });
  });

  run('failed sign-ins are counted across servers; a stranger cannot lock the owner out', async () => {
    const { account: a, oneTimePassword } = await account('qian');
    await changePassword(runtime(), a.id, GOOD);
    // A stranger guesses from one address, alternating between the two servers.
    for (let i = 0; i < 5; i += 1)
      expect((await signIn(i % 2 ? second : runtime(), { login: 'qian', password: `guess-${i}-xyz` }, '203.0.113.66')).ok).toBe(false);
    expect(await signIn(second, { login: 'qian', password: GOOD }, '203.0.113.66')).toMatchObject({ ok: false, status: 429 });
    // The owner, from their own desk, still signs in.
    expect((await signIn(runtime(), { login: 'qian', password: GOOD }, '198.51.100.20')).ok).toBe(true);
    expect(oneTimePassword).not.toBe(GOOD);
    // Guessing from many addresses is slowed, not refused.
    for (let i = 0; i < 10; i += 1) await signIn(runtime(), { login: 'qian', password: 'wrong-password' }, `203.0.113.${100 + i}`);
    expect(await signInThrottle(second.store.db, 'qian', '198.51.100.20')).toEqual({ kind: 'go', slow: true });
    // One address trying many logins is refused after 20 failures.
    for (let i = 0; i < 20; i += 1) await signIn(runtime(), { login: `user${i}`, password: 'wrong-password' }, '203.0.113.200');
    expect(await signIn(second, { login: 'qian', password: GOOD }, '203.0.113.200')).toMatchObject({ ok: false, status: 429 });
  });
});
