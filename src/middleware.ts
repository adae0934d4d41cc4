/**
 * For the on-demand routes only: tell the access log the route, hold each client to the read limit and
 * refuse cross-site posts (src/server/http/request-checks.ts),
 * let any site read Open311 (GET) from a browser, pass console requests through the staff gate
 * (src/server/auth/console-gate.ts: session, password, CSRF). The security headers (CSP, nosniff…) are the
 * front door's, on every response, static or not (src/server/http/security-headers.ts). Astro's own origin check is off because it would refuse Open311's API clients too. Methods
 * are settled before this, at the front door (src/server/http/methods.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { refusalBeforePage } from './server/http/request-checks.ts';
import { noteRoute } from './server/http/access-log.ts';
import { consoleGate } from './server/auth/console-gate.ts';
import { SESSION_COOKIE } from './server/auth/sessions.ts';
import { getRuntime } from './server/runtime.ts';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { request, url } = context;
  noteRoute(context.routePattern);
  const runtime = await getRuntime();
  const refusal = refusalBeforePage(context, runtime.config, runtime.rules.settings.siteName);
  if (refusal) return refusal;
  const staffArea = url.pathname === '/console' || url.pathname.startsWith('/console/');
  if (staffArea) {
    const gate = await consoleGate(runtime, request, url.pathname, context.cookies.get(SESSION_COOKIE)?.value);
    if (gate.kind === 'redirect') return context.redirect(gate.to, 303);
    if (gate.kind === 'refuse') return new Response(gate.message, { status: gate.status, headers: TEXT });
    if (gate.session) context.locals.staff = gate.session;
    context.locals.posted = gate.posted;
  }
  const response = await next();
  if (staffArea) response.headers.set('Cache-Control', 'no-store');
  if (url.pathname.startsWith('/open311/') && (request.method === 'GET' || request.method === 'HEAD')) response.headers.set('Access-Control-Allow-Origin', '*');
  return response;
});
