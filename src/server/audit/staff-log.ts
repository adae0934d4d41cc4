/**
 * The staff log (审计日志): sign-ins, failed sign-ins, sign-outs and account changes, appended to a
 * hash chain of its own (chain.ts), in the same transaction as the change it records where there is one.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime.ts';
import { appendChained } from './chain.ts';

export type StaffLogKind =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'account_created'
  | 'account_disabled'
  | 'account_enabled'
  | 'password_reset'
  | 'password_changed'
  | 'role_changed';

export interface StaffLogEntry {
  kind: StaffLogKind;
  /** Who did it: an account id, or `command-line` for `npm run user`. */
  actor: string | null;
  /** Whom or what it concerns: an account id, or the login tried. */
  subject: string | null;
  /** A short fact: the address signed in from, the role given. */
  detail?: string | null;
  at?: string;
}

export async function logStaffEvent(
  runtime: Pick<Runtime, 'secret' | 'store'>,
  entry: StaffLogEntry,
  db: Kysely<Database> | Transaction<Database> = runtime.store.db,
): Promise<void> {
  const values = { at: entry.at ?? new Date().toISOString(), kind: entry.kind, actor: entry.actor, subject: entry.subject, detail: entry.detail ?? null };
  const write = (trx: Kysely<Database> | Transaction<Database>) =>
    appendChained(trx, { secret: runtime.secret, dialect: runtime.store.dialect }, 'audit_log', values);
  if (db === runtime.store.db) await runtime.store.db.transaction().execute(write);
  else await write(db);
}
