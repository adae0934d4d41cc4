/**
 * 登录: one answer for an unknown login and a wrong password (and a disabled account), taking as
 * long either way; failures throttled in the store (throttle.ts); a new session at every sign-in.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseLogin, type StaffAccount } from '../../lib/staff/accounts.ts';
import type { Runtime } from '../runtime.ts';
import { findAccount } from './accounts.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { startSession } from './sessions.ts';
import { clearFailures, recordFailure, signInThrottle, SLOW_MS } from './throttle.ts';
import { logStaffEvent } from '../audit/staff-log.ts';

export type SignInResult =
  | { ok: true; token: string; account: StaffAccount }
  | { ok: false; status: 400 | 401 | 429; message: string; field: 'login' | 'password'; retryAfterSeconds?: number };

export const WRONG = '登录名或密码不正确';

export async function signIn(runtime: Runtime, input: { login: unknown; password: unknown }, address: string, previousToken?: string): Promise<SignInResult> {
  const login = normaliseLogin(input.login);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!login) return { ok: false, status: 400, message: '请填写登录名', field: 'login' };
  if (!password) return { ok: false, status: 400, message: '请填写密码', field: 'password' };
  const db = runtime.store.db;
  const throttle = await signInThrottle(db, login, address);
  if (throttle.kind === 'refuse')
    return {
      ok: false,
      status: 429,
      message: `登录失败次数过多，请 ${Math.ceil(throttle.retryAfterSeconds / 60)} 分钟后再试`,
      field: 'login',
      retryAfterSeconds: throttle.retryAfterSeconds,
    };
  if (throttle.slow) await sleep(SLOW_MS);
  const account = await findAccount(db, { login });
  const matches = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
  if (!account || !matches || account.disabled) {
    await recordFailure(db, login, address);
    await logStaffEvent(runtime, { kind: 'sign_in_failed', actor: null, subject: login, detail: address });
    return { ok: false, status: 401, message: WRONG, field: 'login' };
  }
  await clearFailures(db, login, address);
  await logStaffEvent(runtime, { kind: 'sign_in', actor: account.id, subject: account.id, detail: address });
  const { passwordHash: _, ...signedIn } = account;
  return { ok: true, token: await startSession(runtime, account.id, previousToken), account: signedIn };
}
