/**
 * `GET /healthz`, for monitors and load balancers: whether the store answers (a trivial query with a
 * short time-out), the holiday calendar years on file, the build being served (its stamp, build.json) and
 * its age, the version, and the server's rebuilds: the daily time, one running, the last success and the
 * last failure with why (src/server/site-builds/rebuilder.ts). A failed rebuild leaves the status 200: the old
 * build is still served and messages are still taken; a monitor should alert on `rebuild.lastFailure`. 200 when the store answers, 503 when it does not: a server that cannot reach its store
 * cannot take a message, so it should be taken out of rotation and looked at.
 *
 * Nothing private and nothing a stranger could use: no paths, no database address, no error text from
 * the driver (it can name hosts and files), no counts of messages.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { today } from '../lib/calendar/dates.ts';
import { calendarReminder } from '../lib/calendar/readiness.ts';

import type { BuildStamp } from './site-builds/folders.ts';
import type { RebuildStatus } from './site-builds/rebuilder.ts';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checkedAt: string;
  store: { ok: true; dialect: string; ms: number } | { ok: false; dialect: string; problem: string };
  /** The years on file, and from 1 November a reminder while next year's file is missing (lib/calendar/readiness.ts). */
  calendar: { years: number[]; reminder: string | null };
  build: { builtAt: string; ageSeconds: number; version: string; commit: string | null; asOf: string } | null;
  /** Null when the site is not served by scripts/serve.ts. */
  rebuild: RebuildStatus | null;
}

/** How long the store has to answer `select 1`. */
export const STORE_TIMEOUT_MS = 2000;

type StoreAnswer = { ok: true; ms: number } | { ok: false; problem: string };

/** Whether the store answers a trivial query within `timeoutMs`. */
export async function storeAnswers(db: Kysely<Database>, timeoutMs = STORE_TIMEOUT_MS): Promise<StoreAnswer> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<StoreAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: `存储在 ${timeoutMs} 毫秒内没有应答` }), timeoutMs);
    timer.unref();
  });
  const asked = sql`select 1 as one`
    .execute(db)
    .then((): StoreAnswer => ({ ok: true, ms: Math.round((performance.now() - started) * 10) / 10 }))
    .catch((): StoreAnswer => ({ ok: false, problem: '存储无法查询' }));
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthFacts {
  store: { db: Kysely<Database>; dialect: string };
  calendarYears: readonly { year: number }[];
  build: BuildStamp | null;
  rebuild?: RebuildStatus | null;
  now?: Date;
  timeoutMs?: number;
}

/** The report and its status code. */
export async function healthReport({
  store,
  calendarYears,
  build,
  rebuild = null,
  now = new Date(),
  timeoutMs,
}: HealthFacts): Promise<{ status: 200 | 503; report: HealthReport }> {
  const answer = await storeAnswers(store.db, timeoutMs);
  const report: HealthReport = {
    status: answer.ok ? 'ok' : 'unavailable',
    checkedAt: now.toISOString(),
    store: answer.ok ? { ok: true, dialect: store.dialect, ms: answer.ms } : { ok: false, dialect: store.dialect, problem: answer.problem },
    calendar: {
      years: calendarYears.map((c) => c.year).sort((a, b) => a - b),
      reminder: calendarReminder(
        today('Asia/Shanghai', now),
        calendarYears.map((c) => c.year),
      ),
    },
    build: build && {
      builtAt: build.builtAt,
      ageSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(build.builtAt)) / 1000)),
      version: build.version,
      commit: build.commit,
      asOf: build.asOf,
    },
    rebuild,
  };
  return { status: answer.ok ? 200 : 503, report };
}
