/** The health check for monitors (rules in src/server/health.ts): JSON, 200 or 503, never cached. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../server/runtime';
import { healthReport, type BuildStamp } from '../server/health';

export const prerender = false;

/** Set at build by src/integrations/build-stamp.ts; absent only where that did not run. */
declare const __DUBAN_BUILD__: BuildStamp | undefined;
const build = typeof __DUBAN_BUILD__ === 'undefined' ? null : __DUBAN_BUILD__;

export const GET: APIRoute = async () => {
  const runtime = await getRuntime();
  const { status, report } = await healthReport({ store: runtime.store, calendarYears: runtime.rules.calendarYears, build });
  return new Response(`${JSON.stringify(report, null, 2)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
