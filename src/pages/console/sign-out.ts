/** 退出登录: ends the session (the gate has checked its CSRF token) and returns to the sign-in page. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../../data/messages';
import { endSession, SESSION_COOKIE } from '../../server/auth/sessions';

export const prerender = false;

export const POST: APIRoute = async ({ cookies, redirect }) => {
  await endSession(await getRuntime(), cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: '/console' });
  return redirect('/console/sign-in', 303);
};
