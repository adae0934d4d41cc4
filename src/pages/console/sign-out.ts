/** 退出登录: ends the session (the gate has checked its CSRF token) and returns to the sign-in page. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../../data/messages';
import { endSession, SESSION_COOKIE } from '../../server/auth/sessions';
import { logStaffEvent } from '../../server/audit/staff-log';

export const prerender = false;

export const POST: APIRoute = async ({ cookies, redirect, locals }) => {
  const runtime = await getRuntime();
  await endSession(runtime, cookies.get(SESSION_COOKIE)?.value);
  if (locals.staff) await logStaffEvent(runtime, { kind: 'sign_out', actor: locals.staff.account.id, subject: locals.staff.account.id });
  cookies.delete(SESSION_COOKIE, { path: '/console' });
  return redirect('/console/sign-in', 303);
};
