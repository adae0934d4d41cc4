/**
 * For the on-demand routes only: refuse cross-site form posts (a page elsewhere submitting to our
 * forms), but let API clients post to Open311, which has no browser origin to check; and add the
 * headers every dynamic response should carry. Astro's own origin check is off because it would
 * refuse those API clients too.
 */
import { defineMiddleware } from 'astro:middleware';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { request, url } = context;
  if (UNSAFE.has(request.method) && !url.pathname.startsWith('/open311/')) {
    const origin = request.headers.get('origin');
    // Compare hosts, not schemes: behind a TLS-terminating proxy the server sees http.
    // "null" (privacy settings, no-referrer pages) is let through like a missing header: every form here
    // is also guarded by its own proof (proof of work, the query code), so a forged post gains nothing.
    if (origin && origin !== 'null' && hostOf(origin) !== url.host) {
      return new Response('跨站提交已被拒绝：请在本站页面上提交表单。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  }
  const response = await next();
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  return response;
});
