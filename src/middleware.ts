/**
 * For the on-demand routes only: refuse cross-site posts (rules in src/server/http/cross-site.ts),
 * let any site read Open311 (GET) from a browser, pass console requests through the staff gate
 * (src/server/auth/console-gate.ts: session, password, CSRF), and add the headers every dynamic
 * response should carry. Astro's own origin check is off because it would refuse Open311's API clients too. Methods
 * are settled before this, at the front door (src/server/http/methods.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { crossSiteRefusal } from './server/http/cross-site.ts';
import { consoleGate } from './server/auth/console-gate.ts';
import { SESSION_COOKIE } from './server/auth/sessions.ts';
import { getRuntime } from './server/runtime.ts';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { request, url } = context;
  const refusal = crossSiteRefusal(request.method, url.pathname, request.headers.get('origin'), url.host);
  if (refusal) return new Response(refusal, { status: 403, headers: TEXT });
  const staffArea = url.pathname === '/console' || url.pathname.startsWith('/console/');
  if (staffArea) {
    const gate = await consoleGate(await getRuntime(), request, url.pathname, context.cookies.get(SESSION_COOKIE)?.value);
    if (gate.kind === 'redirect') return context.redirect(gate.to, 303);
    if (gate.kind === 'refuse') return new Response(gate.message, { status: gate.status, headers: TEXT });
    if (gate.session) context.locals.staff = gate.session;
    context.locals.posted = gate.posted;
  }
  const response = await next();
  if (staffArea) response.headers.set('Cache-Control', 'no-store');
  if (url.pathname.startsWith('/open311/') && (request.method === 'GET' || request.method === 'HEAD')) response.headers.set('Access-Control-Allow-Origin', '*');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  return response;
});
