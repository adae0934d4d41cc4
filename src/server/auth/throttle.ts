/**
 * Failed sign-ins, counted in the store so every server sees the same numbers, in fixed windows of
 * 15 minutes. A guesser is stopped without letting a stranger lock an account out:
 * - one address trying one login: refused after 5 failures (the stranger locks out only themself);
 * - one address trying many logins: refused after 20 failures;
 * - one login tried from many addresses: never refused, only slowed (each answer waits 2 seconds
 *   once it has had 10 failures), so its owner can still sign in from their own desk.
 * A successful sign-in clears that address's count for that login.
 */
import { sql } from 'kysely';
import type { Db } from '../messages/repository.ts';

export const WINDOW_MS = 15 * 60_000;
const PAIR_LIMIT = 5;
const ADDRESS_LIMIT = 20;
const SLOW_AFTER = 10;
export const SLOW_MS = 2_000;

const keys = (login: string, address: string) => ({ pair: `pair:${login}|${address}`, address: `addr:${address}`, login: `login:${login}` });

async function countOf(db: Db, key: string, now: number): Promise<{ failures: number; retryAfterSeconds: number }> {
  const row = await db.selectFrom('sign_in_failures').select(['window_start', 'failures']).where('key', '=', key).executeTakeFirst();
  if (!row || Date.parse(row.window_start) + WINDOW_MS <= now) return { failures: 0, retryAfterSeconds: 0 };
  return { failures: Number(row.failures), retryAfterSeconds: Math.ceil((Date.parse(row.window_start) + WINDOW_MS - now) / 1000) };
}

export type Throttle = { kind: 'go'; slow: boolean } | { kind: 'refuse'; retryAfterSeconds: number };

/** Whether a sign-in from `address` for `login` may be tried now. */
export async function signInThrottle(db: Db, login: string, address: string, now = Date.now()): Promise<Throttle> {
  const k = keys(login, address);
  const [pair, byAddress, byLogin] = await Promise.all([countOf(db, k.pair, now), countOf(db, k.address, now), countOf(db, k.login, now)]);
  if (pair.failures >= PAIR_LIMIT) return { kind: 'refuse', retryAfterSeconds: pair.retryAfterSeconds };
  if (byAddress.failures >= ADDRESS_LIMIT) return { kind: 'refuse', retryAfterSeconds: byAddress.retryAfterSeconds };
  return { kind: 'go', slow: byLogin.failures >= SLOW_AFTER };
}

/** One more failure under `key`, atomically (two servers counting at once lose nothing); a window that has ended starts again. */
async function bump(db: Db, key: string, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - WINDOW_MS).toISOString();
  await db
    .insertInto('sign_in_failures')
    .values({ key, window_start: at, failures: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when sign_in_failures.window_start <= ${cutoff} then 1 else sign_in_failures.failures + 1 end`,
        window_start: sql<string>`case when sign_in_failures.window_start <= ${cutoff} then ${at} else sign_in_failures.window_start end`,
      }),
    )
    .execute();
}

export async function recordFailure(db: Db, login: string, address: string, now = Date.now()): Promise<void> {
  const k = keys(login, address);
  for (const key of [k.pair, k.address, k.login]) await bump(db, key, now);
}

export async function clearFailures(db: Db, login: string, address: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', keys(login, address).pair).execute();
}
