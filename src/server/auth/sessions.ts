/**
 * Staff sessions, kept in the store so several servers share them. The cookie carries a random
 * token; the store keeps only its keyed hash. A session ends at sign-out, after 30 minutes idle or
 * 12 hours in all (settings of the machine: SESSION_IDLE_MINUTES, SESSION_MAX_HOURS), and at once
 * when its account is disabled. Every state-changing console form carries a CSRF token derived from
 * the session token, so a page elsewhere cannot post for a signed-in member of staff even where the
 * browser sends our cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffAccount } from '../../lib/staff/accounts.ts';
import type { Runtime } from '../runtime.ts';
import { keyedHash } from '../secret.ts';
import { toAccount } from './accounts.ts';

export const SESSION_COOKIE = 'duban_session';
/** How often a session's last activity is written (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const tokenHash = (runtime: Runtime, token: string) => keyedHash(runtime.secret, 'staff-session', token);

/** A new session for the account; the token goes into the cookie, once. A session the browser already had is ended (rotation at sign-in). */
export async function startSession(runtime: Runtime, accountId: string, previousToken: string | undefined, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date(now).toISOString();
  await runtime.store.db.transaction().execute(async (trx) => {
    if (previousToken) await trx.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(runtime, previousToken)).execute();
    await trx
      .insertInto('staff_sessions')
      .values({
        token_hash: tokenHash(runtime, token),
        account_id: accountId,
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now + runtime.config.sessions.maxMs).toISOString(),
      })
      .execute();
  });
  return token;
}

export interface StaffSession {
  account: StaffAccount;
  /** The token every console form must carry back. */
  csrfToken: string;
}

/** The session a cookie token belongs to, if it is still valid; ends it when it has run out. */
export async function sessionOf(runtime: Runtime, token: string | undefined, now = Date.now()): Promise<StaffSession | null> {
  if (!token || token.length > 100) return null;
  const db = runtime.store.db;
  const hash = tokenHash(runtime, token);
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_sessions.account_id')
    .select([
      'staff_sessions.last_seen_at',
      'staff_sessions.expires_at',
      'staff_accounts.id',
      'login',
      'name',
      'role',
      'unit',
      'must_change_password',
      'disabled',
    ])
    .where('staff_sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const idle = Date.parse(row.last_seen_at) + runtime.config.sessions.idleMs <= now;
  if (row.disabled === 1 || idle || Date.parse(row.expires_at) <= now) {
    await db.deleteFrom('staff_sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS)
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('token_hash', '=', hash)
      .execute();
  return { account: toAccount(row), csrfToken: csrfTokenOf(runtime, token) };
}

export async function endSession(runtime: Runtime, token: string | undefined): Promise<void> {
  if (token) await runtime.store.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(runtime, token)).execute();
}

export function csrfTokenOf(runtime: Runtime, sessionToken: string): string {
  return keyedHash(runtime.secret, 'csrf', sessionToken);
}

/** Whether a posted CSRF token belongs to this session. */
export function csrfMatches(expected: string, posted: unknown): boolean {
  return typeof posted === 'string' && posted.length === expected.length && timingSafeEqual(Buffer.from(posted), Buffer.from(expected));
}
