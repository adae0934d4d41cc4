/**
 * Statements written once by the query builder and run with new values each time (src/server/db/prepared.ts),
 * on both databases: each run writes its own values, inside a transaction or not, and a builder that does
 * anything with a value but pass it on is refused the first time it runs, before it can write wrong data.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { preparedStatement } from '../../src/server/db/prepared.ts';
import { describeOnBackends } from './backends.ts';

type Challenge = { id: string; expires_at: string };
const useOnce = preparedStatement(['id', 'expires_at'], (db, values: Challenge) =>
  db
    .insertInto('used_challenges')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing()),
);
const readBack = preparedStatement(['id'], (db, { id }: { id: string }) => db.selectFrom('used_challenges').select(['id', 'expires_at']).where('id', '=', id));

describeOnBackends('a prepared statement', (runtime, run) => {
  run('writes each run’s own values, and says when a row was not written', async () => {
    const { db } = runtime().store;
    const ids = ['ＡＢＣ１２３', 'abc123', '测试，挑战 一', "o'brien ? $1 \\"];
    for (const [index, id] of ids.entries()) {
      const result = await useOnce.execute(db, { id, expires_at: `2026-12-0${index + 1}T00:00:00.000Z` });
      expect(Number(result.numAffectedRows)).toBe(1);
    }
    expect(Number((await useOnce.execute(db, { id: ids[2]!, expires_at: '2027-01-01T00:00:00.000Z' })).numAffectedRows)).toBe(0);
    for (const [index, id] of ids.entries())
      expect((await readBack.execute(db, { id })).rows).toEqual([{ id, expires_at: `2026-12-0${index + 1}T00:00:00.000Z` }]);
  });

  run('runs inside a transaction and is undone with it', async () => {
    const { db } = runtime().store;
    const trx = await db.startTransaction().execute();
    await useOnce.execute(trx, { id: 'rolled-back', expires_at: '2026-12-01T00:00:00.000Z' });
    expect((await readBack.execute(trx, { id: 'rolled-back' })).rows).toHaveLength(1);
    await trx.rollback().execute();
    expect((await readBack.execute(db, { id: 'rolled-back' })).rows).toEqual([]);
  });

  run('refuses a run that leaves a value out (rather than writing NULL) or brings one without a slot', async () => {
    const { db } = runtime().store;
    await expect(useOnce.execute(db, { id: 'no-expiry' } as Challenge)).rejects.toThrow(/缺少「expires_at」/);
    expect((await readBack.execute(db, { id: 'no-expiry' })).rows).toEqual([]);
    const extra = { id: 'extra', expires_at: '2026-12-01T00:00:00.000Z', note: '多余' } as Challenge;
    await expect(useOnce.execute(db, extra)).rejects.toThrow(/没有「note」的位置/);
    expect((await readBack.execute(db, { id: 'extra' })).rows).toEqual([]);
  });

  run('refuses a builder that changes a value, writes it into the SQL text or does not bind it', async () => {
    const { db } = runtime().store;
    const changed = preparedStatement(['id', 'expires_at'], (db, values: Challenge) =>
      db.insertInto('used_challenges').values({ id: values.id.trim().toLowerCase(), expires_at: values.expires_at }),
    );
    await expect(changed.execute(db, { id: ' X ', expires_at: '2026-12-01T00:00:00.000Z' })).rejects.toThrow(/改动了占位值/);
    const inlined = preparedStatement(['id'], (db, { id }: { id: string }) => db.selectFrom('used_challenges').selectAll().where('id', '=', sql.lit(id)));
    await expect(inlined.execute(db, { id: 'x' })).rejects.toThrow(/写进了 SQL 文本/);
    const counted = preparedStatement(['id', 'expires_at'], (db, values: Challenge) =>
      db.insertInto('used_challenges').values({ id: String(values.id.length), expires_at: values.expires_at }),
    );
    await expect(counted.execute(db, { id: 'y', expires_at: '2026-12-01T00:00:00.000Z' })).rejects.toThrow(/没有用到「id」/);
    expect((await readBack.execute(db, { id: '1' })).rows).toEqual([]);
  });
});
