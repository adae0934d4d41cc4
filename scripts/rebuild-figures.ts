/**
 * npm run figures:rebuild: recount the running totals behind /messages/stats from every message's
 * events, and the console's queue counts from the messages, replacing what the store holds. The
 * server keeps them current by itself; this is for a check ("do the totals still agree?") or after
 * restoring a store by hand.
 */
import { createRuntime } from '../src/server/runtime.ts';
import { readTallies, rebuildTallies } from '../src/server/messages/tallies.ts';
import { overallFigures } from '../src/lib/messages/stats.ts';
import { readQueueCounts, rebuildQueueCounts } from '../src/server/messages/queue-counts.ts';

const runtime = await createRuntime();
try {
  const before = overallFigures(await readTallies(runtime.store.db));
  const counted = await runtime.store.db.transaction().execute((trx) => rebuildTallies(trx, runtime.rules));
  const after = overallFigures(await readTallies(runtime.store.db));
  const same = JSON.stringify(before) === JSON.stringify(after);
  console.log(`已按办理记录重新统计 ${counted} 条留言：${same ? '与原有累计数一致。' : '原有累计数与重新统计的结果不一致，已改为重新统计的结果。'}`);
  if (!same) console.log('原有：', JSON.stringify(before), '\n现在：', JSON.stringify(after));
  const keptQueues = await readQueueCounts(runtime.store.db);
  await runtime.store.db.transaction().execute((trx) => rebuildQueueCounts(trx, runtime));
  const recountedQueues = await readQueueCounts(runtime.store.db);
  const differing = [...new Set([...keptQueues.keys(), ...recountedQueues.keys()])].filter((q) => (keptQueues.get(q) ?? 0) !== (recountedQueues.get(q) ?? 0));
  console.log(
    differing.length === 0
      ? '督办台各队列的件数与重新统计的结果一致。'
      : `督办台队列件数不一致，已改为重新统计的结果：${differing.map((q) => `${q} ${keptQueues.get(q) ?? 0} → ${recountedQueues.get(q) ?? 0}`).join('，')}`,
  );
} finally {
  await runtime.stop();
}
