/**
 * What every console request passes before its page runs: a valid session (else to the sign-in
 * page), a chosen password (else to the password page), and on every POST the session's CSRF token
 * (the origin check alone is not enough for staff actions). Sign-in itself has no session yet; the
 * cross-site rule (cross-site.ts) guards it. A POST's form is read here once and handed to the page
 * (`locals.posted`), so no page reads the body again.
 */
import type { Runtime } from '../runtime.ts';
import { readPostedForm, type PostedForm } from '../http/body.ts';
import { csrfMatches, sessionOf, type StaffSession } from './sessions.ts';

export const SIGN_IN_PATH = '/console/sign-in';
export const PASSWORD_PATH = '/console/password';
const OPEN_PATHS = new Set([SIGN_IN_PATH]);
const WHILE_CHANGING_PASSWORD = new Set([PASSWORD_PATH, '/console/sign-out']);

/** Pass (with the session, and a POST's form read once for the page), redirect, or refuse. */
export type Gate =
  | { kind: 'pass'; session: StaffSession | null; posted?: PostedForm }
  | { kind: 'redirect'; to: string }
  | { kind: 'refuse'; status: 400 | 403 | 408 | 413 | 415; message: string };

const pathOf = (pathname: string) => (pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);

export async function consoleGate(runtime: Runtime, request: Request, pathname: string, sessionToken: string | undefined): Promise<Gate> {
  const path = pathOf(pathname);
  const session = await sessionOf(runtime, sessionToken);
  const posted = request.method === 'POST' ? await readPostedForm(request) : undefined;
  if (OPEN_PATHS.has(path)) return { kind: 'pass', session, posted };
  if (!session) return { kind: 'redirect', to: SIGN_IN_PATH };
  if (session.account.mustChangePassword && !WHILE_CHANGING_PASSWORD.has(path)) return { kind: 'redirect', to: PASSWORD_PATH };
  // A body that cannot be read (too large, not UTF-8, cut off) carries no token either; say which it was.
  if (posted && !posted.ok) return { kind: 'refuse', status: posted.error.status, message: posted.error.message };
  if (posted && !csrfMatches(session.csrfToken, posted.fields.csrf))
    return { kind: 'refuse', status: 403, message: '表单已过期或不是从本站提交的，请刷新页面后重试。' };
  return { kind: 'pass', session, posted };
}
