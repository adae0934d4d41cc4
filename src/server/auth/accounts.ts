/**
 * Staff accounts in the store: created from the command line (the first admin) or by an admin in
 * the console, each with a one-time password that must be changed at first sign-in. Disabling an
 * account ends its sessions at once.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../lib/messages/permissions.ts';
import { loginProblem, normaliseEmail, normaliseLogin, passwordProblem, roleUnitProblem, type StaffAccount } from '../../lib/staff/accounts.ts';
import type { StaffAccountsTable } from '../db/schema.ts';
import type { Db } from '../messages/repository.ts';
import type { Runtime } from '../runtime.ts';
import { hashPassword, oneTimePassword } from './passwords.ts';
import { logStaffEvent } from '../audit/staff-log.ts';

export function toAccount(row: Pick<StaffAccountsTable, 'id' | 'login' | 'name' | 'role' | 'unit' | 'must_change_password' | 'disabled'>): StaffAccount {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role as StaffRole,
    unit: row.unit,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
  };
}

const ACCOUNT_COLUMNS = ['id', 'login', 'name', 'role', 'unit', 'must_change_password', 'disabled'] as const;

export type AccountResult = { ok: true; account: StaffAccount; oneTimePassword?: string } | { ok: false; message: string };

export async function createAccount(
  runtime: Runtime,
  input: { login: unknown; name: unknown; role: unknown; unit?: unknown; email?: unknown },
  by: string | null = null,
  now = new Date().toISOString(),
): Promise<AccountResult> {
  const login = normaliseLogin(input.login);
  const email = normaliseEmail(input.email);
  if ('problem' in email) return { ok: false, message: email.problem };
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const unit = typeof input.unit === 'string' && input.unit.trim() ? input.unit.trim() : null;
  const problem = loginProblem(login) ?? (name ? null : '请填写姓名') ?? roleUnitProblem(input.role, unit, runtime.rules.unitIds);
  if (problem) return { ok: false, message: problem };
  if (await findAccount(runtime.store.db, { login })) return { ok: false, message: `登录名「${login}」已被使用` };
  const password = oneTimePassword();
  const row = {
    id: randomUUID(),
    login,
    name: name.slice(0, 40),
    role: input.role as StaffRole,
    unit,
    email: email.email,
    password_hash: await hashPassword(password),
    must_change_password: 1,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  await runtime.store.db.transaction().execute(async (trx) => {
    await trx.insertInto('staff_accounts').values(row).execute();
    await logStaffEvent(
      runtime,
      { kind: 'account_created', actor: by, subject: row.id, detail: `${row.login} ${row.role}${row.unit ? ` ${row.unit}` : ''}`, at: now },
      trx,
    );
  });
  return { ok: true, account: toAccount(row), oneTimePassword: password };
}

export async function findAccount(db: Db, by: { id?: string; login?: string }): Promise<(StaffAccount & { passwordHash: string }) | undefined> {
  let query = db.selectFrom('staff_accounts').select([...ACCOUNT_COLUMNS, 'password_hash']);
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  if (by.login !== undefined) query = query.where('login', '=', normaliseLogin(by.login));
  const row = await query.executeTakeFirst();
  return row && { ...toAccount(row), passwordHash: row.password_hash };
}

export async function listAccounts(db: Db): Promise<StaffAccount[]> {
  return (await db.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).orderBy('login').execute()).map(toAccount);
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('staff_accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Set a new password chosen by its owner (the one-time password is then spent). */
export async function changePassword(
  runtime: Runtime,
  accountId: string,
  password: string,
  now = new Date().toISOString(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const account = await findAccount(runtime.store.db, { id: accountId });
  if (!account) return { ok: false, message: '账号不存在' };
  const problem = passwordProblem(password, account.login);
  if (problem) return { ok: false, message: problem };
  const passwordHash = await hashPassword(password);
  await runtime.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_accounts')
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    await logStaffEvent(runtime, { kind: 'password_changed', actor: accountId, subject: accountId, at: now }, trx);
  });
  return { ok: true };
}

/** A new one-time password (the account's sessions end; its owner must choose a password at next sign-in). */
export async function resetPassword(
  runtime: Runtime,
  accountId: string,
  by: string | null = null,
  now = new Date().toISOString(),
): Promise<{ ok: true; oneTimePassword: string } | { ok: false; message: string }> {
  if (!(await findAccount(runtime.store.db, { id: accountId }))) return { ok: false, message: '账号不存在' };
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await runtime.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_accounts')
      .set({ password_hash: passwordHash, must_change_password: 1, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('staff_sessions').where('account_id', '=', accountId).execute();
    await logStaffEvent(runtime, { kind: 'password_reset', actor: by, subject: accountId, at: now }, trx);
  });
  return { ok: true, oneTimePassword: password };
}

/** Disable (its sessions end at once) or enable an account. */
export async function setDisabled(
  runtime: Runtime,
  accountId: string,
  disabled: boolean,
  by: string | null = null,
  now = new Date().toISOString(),
): Promise<void> {
  await runtime.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_accounts')
      .set({ disabled: disabled ? 1 : 0, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    if (disabled) await trx.deleteFrom('staff_sessions').where('account_id', '=', accountId).execute();
    await logStaffEvent(runtime, { kind: disabled ? 'account_disabled' : 'account_enabled', actor: by, subject: accountId, at: now }, trx);
  });
}

/** Give an account another role or unit (a handler moving units, a handler becoming a dispatcher); its sessions end, so the new scope applies at once. */
export async function changeRole(
  runtime: Runtime,
  accountId: string,
  input: { role: unknown; unit?: unknown },
  by: string | null = null,
  now = new Date().toISOString(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const unit = typeof input.unit === 'string' && input.unit.trim() ? input.unit.trim() : null;
  const problem = roleUnitProblem(input.role, unit, runtime.rules.unitIds);
  if (problem) return { ok: false, message: problem };
  if (!(await findAccount(runtime.store.db, { id: accountId }))) return { ok: false, message: '账号不存在' };
  await runtime.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_accounts')
      .set({ role: input.role as StaffRole, unit, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('staff_sessions').where('account_id', '=', accountId).execute();
    await logStaffEvent(
      runtime,
      { kind: 'role_changed', actor: by, subject: accountId, detail: `${String(input.role)}${unit ? ` ${unit}` : ''}`, at: now },
      trx,
    );
  });
  return { ok: true };
}
