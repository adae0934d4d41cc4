/**
 * The running totals, on both databases: the figures behind /messages/stats and the console's
 * queue counts, kept by every action in its own transaction, agree with a recount (from the events;
 * with each queue's own query) after any mix of submissions, moves between units, replies,
 * closings, ratings, reopenings, publishing and requests for extensions.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { act } from '../../src/server/messages/commands/index.ts';
import { readTallies, rebuildTallies } from '../../src/server/messages/tallies.ts';
import { readQueueCounts, rebuildQueueCounts } from '../../src/server/messages/queue-counts.ts';
import { queueQuery } from '../../src/server/messages/queues.ts';
import { STANDING_QUEUES } from '../../src/lib/messages/queue-counts.ts';
import type { QueueDefinition } from '../../src/lib/messages/queues.ts';
import { figuresByMonth, figuresByUnit, overallFigures } from '../../src/lib/messages/stats.ts';
import { CITIZEN, DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';
const UNITS = ['water', 'housing'] as const;

describeOnBackends('running totals', (runtime, run) => {
  /** A queue's messages of one unit ('' for none yet), counted by the queue's own query. */
  const queueCountBySql = async (queue: QueueDefinition, unit: string) => {
    const row = await queueQuery(runtime().store.db, runtime(), queue, { asOf: '2026-11-01' })
      .select.where((eb) => (unit ? eb('unit', '=', unit) : eb('unit', 'is', null)))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  run('kept by the actions, agree with a recount from the events', async () => {
    const step = fc.record({
      message: fc.nat({ max: 5 }),
      move: fc.constantFrom('handle', 'return', 'reject', 'rate', 'reopen', 'extend', 'publish', 'request', 'decline'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('complaint', 'help'), { minLength: 1, maxLength: 6 }),
        fc.array(step, { maxLength: 25 }),
        fc.nat({ max: 1 }),
        async (types, steps, unitIndex) => {
          const numbers: string[] = [];
          for (const [i, type] of types.entries()) {
            numbers.push((await submitted(runtime(), { type, title: `留言 ${i} 号` }, { at: `2026-${i % 2 ? '10' : '11'}-0${1 + i}T02:00:00Z` })).number);
          }
          for (const { message, move } of steps) {
            const n = numbers[message % numbers.length]!;
            const unit = UNITS[(message + unitIndex) % 2]!;
            if (move === 'handle') {
              await act(runtime(), DISPATCHER, n, 'accept', {});
              await act(runtime(), DISPATCHER, n, 'assign', { unit });
              await act(runtime(), handlerOf(unit), n, 'reply', { reply: '已处理。' });
              await act(runtime(), DISPATCHER, n, 'approve', {});
            } else if (move === 'return') await act(runtime(), handlerOf(unit), n, 'return', { reason: '不属本单位' });
            else if (move === 'reject') await act(runtime(), DISPATCHER, n, 'reject', { reason: '不属于受理范围' });
            else if (move === 'rate') await act(runtime(), CITIZEN, n, 'rate', { rating: message % 2 ? 'unsatisfied' : 'satisfied' });
            else if (move === 'reopen') await act(runtime(), DISPATCHER, n, 'reopen', {});
            else if (move === 'publish') {
              await act(runtime(), DISPATCHER, n, 'redact', {});
              await act(runtime(), DISPATCHER, n, 'publish', {});
            } else if (move === 'request') await act(runtime(), handlerOf(unit), n, 'request_extension', { newDue: '2099-01-01', reason: '需要协调' });
            else if (move === 'decline') await act(runtime(), DISPATCHER, n, 'decline_extension', { reason: '请按期办结' });
            else await act(runtime(), DISPATCHER, n, 'extend', { newDue: '2099-01-01', reason: '需要时间' });
          }
          const kept = await readTallies(runtime().store.db);
          await runtime()
            .store.db.transaction()
            .execute((trx) => rebuildTallies(trx, runtime().rules));
          const recounted = await readTallies(runtime().store.db);
          expect(overallFigures(kept)).toEqual(overallFigures(recounted));
          expect(figuresByUnit(kept, 1)).toEqual(figuresByUnit(recounted, 1));
          expect(figuresByMonth(kept)).toEqual(figuresByMonth(recounted));

          const keptQueues = await readQueueCounts(runtime().store.db);
          await runtime()
            .store.db.transaction()
            .execute((trx) => rebuildQueueCounts(trx, runtime()));
          expect(Object.fromEntries(keptQueues)).toEqual(Object.fromEntries(await readQueueCounts(runtime().store.db)));
          for (const unit of ['', ...UNITS]) {
            const one = await readQueueCounts(runtime().store.db, unit);
            for (const queue of STANDING_QUEUES) expect(one.get(queue.id) ?? 0, `${queue.id} / ${unit || '未交办'}`).toBe(await queueCountBySql(queue, unit));
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
