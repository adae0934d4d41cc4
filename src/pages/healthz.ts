/** The health check for monitors (rules in src/server/health.ts): JSON, 200 or 503, never cached. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../server/runtime';
import { healthReport } from '../server/health';
import { siteBuildsControl } from '../server/site-builds/control';

export const prerender = false;

export const GET: APIRoute = async () => {
  const runtime = await getRuntime();
  const builds = siteBuildsControl();
  const { status, report } = await healthReport({
    store: runtime.store,
    calendarYears: runtime.rules.calendarYears,
    build: builds?.served() ?? null,
    rebuild: builds?.rebuilds() ?? null,
  });
  return new Response(`${JSON.stringify(report, null, 2)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
