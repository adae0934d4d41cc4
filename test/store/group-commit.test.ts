import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/server/db/open.ts';
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
  });
}
