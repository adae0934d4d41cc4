/**
 * For the on-demand routes only: refuse cross-site posts (rules in src/server/http/cross-site.ts),
 * let any site read Open311 (GET) from a browser, and add the headers every dynamic response should
 * carry. Astro's own origin check is off because it would refuse Open311's API clients too. Methods
 * are settled before this, at the front door (src/server/http/methods.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { crossSiteRefusal } from './server/http/cross-site.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { request, url } = context;
  const refusal = crossSiteRefusal(request.method, url.pathname, request.headers.get('origin'), url.host);
  if (refusal) return new Response(refusal, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const response = await next();
  if (url.pathname.startsWith('/open311/') && (request.method === 'GET' || request.method === 'HEAD')) response.headers.set('Access-Control-Allow-Origin', '*');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  return response;
});
