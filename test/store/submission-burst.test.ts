/**
 * A burst of submissions sharing group commits, on both databases, with a replayed proof and a
 * double-sent form among them: every other message is stored once, the double-sent one answers
 * with the first's receipt, the events' hash chain verifies, and the running totals the batches
 * wrote at their ends agree with a recount.
 */
import { expect } from 'vitest';
import { verifyChain } from '../../src/server/audit/chain.ts';
import { submitMessage, type SubmitInput } from '../../src/server/messages/commands/submit.ts';
import { readTallies, rebuildTallies } from '../../src/server/messages/tallies.ts';
import { readQueueCounts, rebuildQueueCounts } from '../../src/server/messages/queue-counts.ts';
import { overallFigures } from '../../src/lib/messages/stats.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import type { Runtime } from '../../src/server/runtime.ts';
import { DISPATCHER, solvedPayload } from './harness.ts';
import { describeOnBackends } from './backends.ts';

/** The running totals as kept agree with a recount of every message (tallies from the events, queues by their own queries). */
async function expectTotalsAsRecounted(rt: Runtime): Promise<void> {
  const db = rt.store.db;
  const keptTallies = overallFigures(await readTallies(db));
  const keptQueues = await readQueueCounts(db);
  await db.transaction().execute(async (trx) => {
    await rebuildTallies(trx, rt.rules);
    await rebuildQueueCounts(trx, rt);
  });
  expect(keptTallies).toEqual(overallFigures(await readTallies(db)));
  expect(keptQueues).toEqual(await readQueueCounts(db));
}

describeOnBackends('a burst of submissions', (runtime, run) => {
  run('is stored once each, chained and counted as a recount would', async () => {
    const rt = runtime();
    const input = async (i: number, overrides: Partial<SubmitInput> = {}): Promise<SubmitInput> => ({
      fields: {
        type: i % 3 ? 'complaint' : 'help',
        title: `同一时刻的留言 ${i}`,
        content: `第 ${i} 位群众在同一时刻提交的留言，ＡＢＣ１２３。`,
        phone: '13800000000',
        consent: i % 2 === 0,
      },
      choices: { types: ['consultation', 'help', 'complaint', 'suggestion', 'report'], units: ['water', 'housing'], tasks: [] },
      channel: 'open311',
      client: `198.51.100.${i}`,
      idempotencyKey: `burst-key-${String(i).padStart(12, '0')}`,
      proof: { kind: 'pow', payload: await solvedPayload(rt.secret) },
      ...overrides,
    });
    const inputs = await Promise.all(Array.from({ length: 12 }, (_, i) => input(i)));
    // The same form sent twice (same key, same content, a fresh proof), and another form replaying message 1's proof.
    const doubleSent = { ...inputs[0]!, proof: { kind: 'pow' as const, payload: await solvedPayload(rt.secret) } };
    const replay = await input(99, { proof: inputs[1]!.proof });
    const results = await Promise.all([...inputs, doubleSent, replay].map((i) => submitMessage(rt, i)));

    const created = results.filter((r) => r.kind === 'created');
    expect(created).toHaveLength(12);
    expect(new Set(created.map((r) => r.kind === 'created' && r.number)).size).toBe(12);
    const first = results[0]!;
    const second = results[12]!;
    // One of the two copies is stored, the other answers with its receipt (whichever the batch took first).
    expect([first.kind, second.kind].sort()).toEqual(['created', 'repeat']);
    expect(
      first.kind !== 'invalid' && first.kind !== 'refused' && second.kind !== 'invalid' && second.kind !== 'refused' && first.number === second.number,
    ).toBe(true);
    expect(results[13]).toEqual({ kind: 'invalid', errors: { check: '这次人机验证已经用过，请重新验证' } });

    const db = rt.store.db;
    const messages = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(messages.n)).toBe(12);
    expect(await verifyChain(db, rt.secret, 'message_events')).toEqual({ ok: true, rows: 12 });

    expect(overallFigures(await readTallies(db)).received).toBe(12);
    await expectTotalsAsRecounted(rt);
  });

  run('without a failure, shares commits with a staff action and still chains and counts as a recount would', async () => {
    const rt = runtime();
    const { number: earlier } = await submitMessage(rt, {
      fields: { type: 'complaint', title: '先到的留言', content: '先到的一条留言，等待受理。', phone: '13800000000', consent: true },
      choices: { types: ['complaint'], units: ['water'], tasks: [] },
      channel: 'form',
      client: '203.0.113.1',
      idempotencyKey: null,
      proof: { kind: 'pow', payload: await solvedPayload(rt.secret) },
    }).then((r) => (r.kind === 'created' ? r : Promise.reject(new Error(JSON.stringify(r)))));
    const inputs: SubmitInput[] = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => ({
        fields: { type: 'suggestion', title: `建议 ${i}`, content: `关于望澜路第 ${i} 段的建议，请研究。`, phone: '13900000000', consent: true },
        choices: { types: ['suggestion'], units: ['water'], tasks: [] },
        channel: 'open311' as const,
        client: `203.0.113.${10 + i}`,
        idempotencyKey: null,
        proof: { kind: 'pow' as const, payload: await solvedPayload(rt.secret) },
      })),
    );
    const [accepted, ...results] = await Promise.all([act(rt, DISPATCHER, earlier, 'accept', {}), ...inputs.map((i) => submitMessage(rt, i))]);
    expect(accepted.ok).toBe(true);
    expect(results.every((r) => r.kind === 'created')).toBe(true);

    const db = rt.store.db;
    const events = await db
      .selectFrom('message_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await verifyChain(db, rt.secret, 'message_events')).toEqual({ ok: true, rows: Number(events.n) });
    await expectTotalsAsRecounted(rt);
  });
});
