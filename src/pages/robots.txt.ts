import type { APIRoute } from 'astro';

/** Points crawlers at the sitemap, at this deployment's own address (DUBAN_SITE_URL); keeps them out of the staff console and the CMS. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /console/\nDisallow: /admin/\nSitemap: ${new URL('/sitemap.xml', site ?? 'http://localhost:4321').href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
