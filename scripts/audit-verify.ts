/**
 * npm run audit:verify: walk the append-only logs (every message's events, and the staff log) from
 * their first rows and say whether each chain holds; a broken one is named by table and row id.
 * Exits 1 when a chain is broken, so it can run from cron or a monitoring check.
 */
import { CHAIN_LABELS as NAMES, verifyChain, type ChainedTable } from '../src/server/audit/chain.ts';
import { createRuntime } from '../src/server/runtime.ts';

const runtime = await createRuntime();
let broken = false;
try {
  for (const table of Object.keys(NAMES) as ChainedTable[]) {
    const verdict = await verifyChain(runtime.store.db, runtime.secret, table);
    if (verdict.ok) console.log(`${NAMES[table]}（${table}）：${verdict.rows} 行，哈希链完整。`);
    else {
      broken = true;
      console.error(`${NAMES[table]}（${table}）：第 ${verdict.id} 行起哈希链断开：${verdict.reason}。此前的 ${verdict.rows} 行完整。`);
    }
  }
} finally {
  await runtime.stop();
}
process.exit(broken ? 1 : 0);
