/**
 * The running totals behind /messages/stats, on both databases: kept by every action in its own
 * transaction, they agree with a recount from the events after any mix of submissions, moves
 * between units, replies, closings, ratings and reopenings.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { act } from '../../src/server/messages/commands/index.ts';
import { readTallies, rebuildTallies } from '../../src/server/messages/tallies.ts';
import { figuresByMonth, figuresByUnit, overallFigures } from '../../src/lib/messages/stats.ts';
import { CITIZEN, DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';
const UNITS = ['water', 'housing'] as const;

describeOnBackends('running totals', (runtime, run) => {
  run('kept by the actions, agree with a recount from the events', async () => {
    const step = fc.record({ message: fc.nat({ max: 5 }), move: fc.constantFrom('handle', 'return', 'reject', 'rate', 'reopen', 'extend') });
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
        },
      ),
      { numRuns: 8 },
    );
  });
});
