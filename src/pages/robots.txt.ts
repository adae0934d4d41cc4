import type { APIRoute } from 'astro';

/** Points crawlers at the sitemap, at this deployment's own address (DUBAN_SITE_URL). */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${new URL('/sitemap.xml', site ?? 'http://localhost:4321').href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
