/**
 * Staff accounts (工作人员账号) as the console sees them, and the rules on what may be typed into
 * them: a login of letters, digits, dots, hyphens and underscores; a password long enough to
 * resist guessing, checked without any network service.
 */
import type { StaffRole } from '../messages/permissions.ts';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'dispatcher', 'handler'];
export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = { admin: '管理员', dispatcher: '督办员', handler: '承办员' };

export interface StaffAccount {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  /** The unit a handler works for; null for dispatchers and admins. */
  unit: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
}

export const MIN_PASSWORD_LENGTH = 10;

/** A staff e-mail address (for notices), or null when none is given; full-width signs read as half-width. */
export function normaliseEmail(value: unknown): { email: string | null } | { problem: string } {
  const email = typeof value === 'string' ? value.normalize('NFKC').trim() : '';
  if (email === '') return { email: null };
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/.test(email) && email.length <= 100
    ? { email }
    : { problem: '电子邮箱格式不正确，例如 li@water.example.gov.cn；可以不填' };
}

/** A login as stored: trimmed, full-width letters as half-width, lower case. */
export function normaliseLogin(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : '';
}

export function loginProblem(login: string): string | null {
  if (login === '') return '请填写登录名';
  if (!/^[a-z0-9][a-z0-9._-]{1,31}$/.test(login)) return '登录名应为 2 到 32 个字母、数字、点、连字符或下划线，以字母或数字开头';
  return null;
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string, login: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if ([...password].length > 200) return '密码最多 200 个字符';
  if (new Set(password).size < 4) return '密码不能由少数几个字符重复组成';
  if (login && password.toLowerCase().includes(login)) return '密码不能包含登录名';
  return null;
}

/** Whether a role needs a unit (a handler works for exactly one), and the problem when the pair does not fit. */
export function roleUnitProblem(role: unknown, unit: string | null, unitIds: ReadonlySet<string>): string | null {
  if (typeof role !== 'string' || !STAFF_ROLES.includes(role as StaffRole)) return '角色应为管理员、督办员或承办员';
  if (role === 'handler') {
    if (!unit) return '承办员须指定所在单位';
    if (!unitIds.has(unit)) return `单位「${unit}」不存在，请从单位列表中选择`;
  } else if (unit) return '只有承办员需要指定单位';
  return null;
}

/** Only admins manage accounts (create, disable, reset, change role or unit). */
export function mayManageAccounts(account: Pick<StaffAccount, 'role'>): boolean {
  return account.role === 'admin';
}

/** The supervision office and admins see the outbox (notices waiting or failed) and act on them by hand when mail is not set up. */
export function maySeeOutbox(account: Pick<StaffAccount, 'role'>): boolean {
  return account.role !== 'handler';
}
