import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { healthReport } from '../../src/server/health.ts';
import { openStore, type Store } from '../../src/server/db/open.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { BACKENDS, backendEnv, postgresReachable } from './harness.ts';

const BUILD = { builtAt: '2026-11-23T00:00:00.000Z', version: '0.1.0', commit: 'abc123', asOf: '2026-11-23', asOfFixed: false };
const NOW = new Date('2026-11-23T01:00:00.000Z');
const YEARS = [{ year: 2026 }, { year: 2025 }];

for (const backend of BACKENDS) {
  describe(`/healthz on ${backend}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    async function open(): Promise<Store | null> {
      if (backend === 'postgres' && !(await postgresReachable())) return null;
      const { env, cleanup } = await backendEnv(backend);
      cleanups.push(cleanup);
      return openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
    }

    it('is 200 with the calendar years, the build and its age while the store answers', async (ctx) => {
      const store = await open();
      if (!store) return ctx.skip();
      const { status, report } = await healthReport({ store, calendarYears: YEARS, build: BUILD, now: NOW });
      await store.close();
      expect(status).toBe(200);
      expect(report).toMatchObject({
        status: 'ok',
        checkedAt: NOW.toISOString(),
        store: { ok: true, dialect: backend },
        calendar: { years: [2025, 2026] },
        build: { builtAt: BUILD.builtAt, ageSeconds: 3600, version: '0.1.0', commit: 'abc123', asOf: '2026-11-23' },
        rebuild: null,
      });
      // 23 November, and 2027 not on file: the operators are told (lib/calendar/readiness.ts).
      expect(report.calendar.reminder ?? '').toContain('content/calendar/2027.yml');
    });

    it('is 503 once the store is closed, and says so without the driver’s words', async (ctx) => {
      const store = await open();
      if (!store) return ctx.skip();
      await store.close();
      const { status, report } = await healthReport({ store, calendarYears: YEARS, build: null, now: NOW });
      expect(status).toBe(503);
      expect(report.status).toBe('unavailable');
      expect(report.store).toEqual({ ok: false, dialect: backend, problem: '存储无法查询' });
      expect(report.build).toBeNull();
      expect(JSON.stringify(report)).not.toMatch(/duban-store-|postgres:\/\/|destroyed/i);
    });

    it('is 503 when the store does not answer in time', async (ctx) => {
      const store = await open();
      if (!store) return ctx.skip();
      // Hold every connection in transactions that wait, as a stuck store would.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holders = Array.from({ length: backend === 'sqlite' ? 1 : 10 }, () => store.db.transaction().execute(() => held));
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const { status, report } = await healthReport({ store, calendarYears: YEARS, build: BUILD, now: NOW, timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(status).toBe(503);
      expect(report.store).toEqual({ ok: false, dialect: backend, problem: '存储在 300 毫秒内没有应答' });
      release();
      await Promise.all(holders);
      await store.close();
    });
  });
}

describe('/healthz with a database that cannot be reached', () => {
  it('is 503', async () => {
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 }) }),
    });
    const { status, report } = await healthReport({ store: { db, dialect: 'postgres' }, calendarYears: [], build: null, timeoutMs: 1500 });
    await db.destroy();
    expect(status).toBe(503);
    expect(report.store).toMatchObject({ ok: false });
    expect(JSON.stringify(report)).not.toContain('127.0.0.1');
  });
});
