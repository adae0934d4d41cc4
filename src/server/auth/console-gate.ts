/**
 * What every console request passes before its page runs: a valid session (else to the sign-in
 * page), a chosen password (else to the password page), and on every POST the session's CSRF token
 * (the origin check alone is not enough for staff actions). Sign-in itself has no session yet; the
 * cross-site rule (cross-site.ts) guards it.
 */
import type { Runtime } from '../runtime.ts';
import { readFields } from '../http/body.ts';
import { csrfMatches, sessionOf, type StaffSession } from './sessions.ts';

export const SIGN_IN_PATH = '/console/sign-in';
export const PASSWORD_PATH = '/console/password';
const OPEN_PATHS = new Set([SIGN_IN_PATH]);
const WHILE_CHANGING_PASSWORD = new Set([PASSWORD_PATH, '/console/sign-out']);

export type Gate = { kind: 'pass'; session: StaffSession | null } | { kind: 'redirect'; to: string } | { kind: 'refuse'; status: 403; message: string };

const pathOf = (pathname: string) => (pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);

export async function consoleGate(runtime: Runtime, request: Request, pathname: string, sessionToken: string | undefined): Promise<Gate> {
  const path = pathOf(pathname);
  const session = await sessionOf(runtime, sessionToken);
  if (OPEN_PATHS.has(path)) return { kind: 'pass', session };
  if (!session) return { kind: 'redirect', to: SIGN_IN_PATH };
  if (session.account.mustChangePassword && !WHILE_CHANGING_PASSWORD.has(path)) return { kind: 'redirect', to: PASSWORD_PATH };
  if (request.method === 'POST') {
    let fields: Record<string, unknown> = {};
    try {
      fields = await readFields(request.clone());
    } catch {
      /* an unreadable body carries no token either */
    }
    if (!csrfMatches(session.csrfToken, fields.csrf)) return { kind: 'refuse', status: 403, message: '表单已过期或不是从本站提交的，请刷新页面后重试。' };
  }
  return { kind: 'pass', session };
}
