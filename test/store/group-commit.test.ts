import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/server/db/open.ts';
import { appendChained, verifyChain } from '../../src/server/audit/chain.ts';
import { readQueueCounts } from '../../src/server/messages/queue-counts.ts';
import { BACKENDS, backendEnv, postgresReachable } from './harness.ts';

for (const backend of BACKENDS) {
  describe(`group commit on ${backend}`, () => {
    let store: Store | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      if (backend === 'postgres' && !(await postgresReachable())) return;
      const env = await backendEnv(backend);
      cleanup = env.cleanup;
      store = await openStore({ databaseUrl: env.env.DATABASE_URL, dataDir: env.env.DATA_DIR! });
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('shares one transaction among concurrent writers, undoes a failing one alone, and answers after commit', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      const write = (key: string, fail = false) =>
        s.writes.run(async (trx) => {
          await trx.insertInto('store_state').values({ key, value: 'x' }).execute();
          if (fail) throw new Error(`unit ${key} failed`);
          return key;
        });
      const results = await Promise.allSettled([write('a'), write('b'), write('c', true), write('d'), write('a')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
      const keys = (await s.db.selectFrom('store_state').select('key').where('key', 'in', ['a', 'b', 'c', 'd']).orderBy('key').execute()).map((r) => r.key);
      expect(keys).toEqual(['a', 'b', 'd']);
    });

    it('a unit alone in its transaction that fails leaves nothing behind', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      await expect(
        s.writes.run(async (trx) => {
          await trx.insertInto('store_state').values({ key: 'solo', value: 'x' }).execute();
          throw new Error('solo failed');
        }),
      ).rejects.toThrow('solo failed');
      expect(await s.db.selectFrom('store_state').select('key').where('key', '=', 'solo').execute()).toEqual([]);
    });

    it('a unit that fails at the database (duplicate key) leaves the others committed', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      await s.db.insertInto('store_state').values({ key: 'taken', value: '1' }).execute();
      const results = await Promise.allSettled(
        ['taken', 'free-1', 'free-2'].map((key) => s.writes.run((trx) => trx.insertInto('store_state').values({ key, value: '2' }).execute())),
      );
      expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
      const count = await sql<{ n: number }>`select count(*) as n from store_state where key in ('free-1', 'free-2')`.execute(s.db);
      expect(Number(count.rows[0]!.n)).toBe(2);
    });

    it('adds up the running totals its units leave to the end, once, without those of a unit that failed', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      const count = (unit: string, delta: number, fail = false) =>
        s.writes.run(async (trx, batch) => {
          await trx
            .insertInto('store_state')
            .values({ key: `count-${unit}-${delta}`, value: 'x' })
            .execute();
          batch.addToCounters([{ table: 'queue_counts', key: { queue: 'new', unit }, delta: { count: delta } }]);
          if (fail) throw new Error('failed after counting');
          return delta;
        });
      // Started in one tick, so they share one batch: the failure makes it run again, each unit in its savepoint.
      const results = await Promise.allSettled([
        count('batch-a', 1),
        count('batch-a', 2),
        count('batch-a', 40, true),
        count('batch-b', 5),
        count('batch-b', -5),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((await readQueueCounts(s.db, 'batch-a')).get('new')).toBe(3);
      // Changes that cancel out count nothing.
      expect((await readQueueCounts(s.db, 'batch-b')).has('new')).toBe(false);
    });

    it('fails only the unit whose running totals cannot be written', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      const count = (unit: string, column: string) =>
        s.writes.run(async (_trx, batch) => {
          batch.addToCounters([{ table: 'queue_counts', key: { queue: 'new', unit }, delta: { [column]: 1 } }]);
          return unit;
        });
      const results = await Promise.allSettled([count('broken-a', 'count'), count('broken-b', 'no_such_column'), count('broken-c', 'count')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await readQueueCounts(s.db, 'broken-a')).get('new')).toBe(1);
      expect((await readQueueCounts(s.db, 'broken-c')).get('new')).toBe(1);
    });

    it('passes the audit chain’s end from unit to unit, and forgets the hash of a unit that failed', async (ctx) => {
      if (!store) return ctx.skip();
      const s = store;
      const secret = 'group-commit-test-secret';
      const before = await s.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const log = (subject: string, fail = false) =>
        s.writes.run(async (trx, batch) => {
          const values = { at: '2026-11-29T10:00:00.000Z', kind: 'test', actor: 'tester', subject, detail: null };
          await appendChained(trx, { secret, dialect: s.dialect, lastHashes: batch.lastHashes }, 'audit_log', values);
          if (fail) throw new Error('failed after chaining');
          return subject;
        });
      const results = await Promise.allSettled([log('一'), log('二'), log('三', true), log('四'), log('五')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const subjects = (await s.db.selectFrom('audit_log').select('subject').orderBy('id').execute()).map((r) => r.subject);
      expect(subjects.slice(Number(before.n))).toEqual(['一', '二', '四', '五']);
      expect(await verifyChain(s.db, secret, 'audit_log')).toEqual({ ok: true, rows: Number(before.n) + 4 });
    });
  });
}
