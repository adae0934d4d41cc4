/**
 * Crash test: fifty clients submit at once while the server is killed with SIGKILL at random
 * moments and restarted. A client that got no answer retries with the same idempotency key, as a
 * browser resubmitting does. Afterwards every acknowledged tracking number is in the store, and
 * every submission is in it exactly once. Run on SQLite and on PostgreSQL.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freshPostgresSchema, postgresReachable } from '../store/harness';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const CLIENTS = 50;
const PER_CLIENT = 20;
const KILLS = 8;

async function hammer(server: TestServer): Promise<{ acknowledged: Map<string, string>; kills: number }> {
  const acknowledged = new Map<string, string>(); // idempotency key → tracking number
  let kills = 0;
  let running = true;
  const killer = (async () => {
    while (running && kills < KILLS) {
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 900));
      if (!running) break;
      await server.kill('SIGKILL');
      kills += 1;
      await server.restart();
    }
  })();
  const client = async (id: number) => {
    for (let i = 0; i < PER_CLIENT; i += 1) {
      const key = `crash-${id}-${i}-${randomBytes(6).toString('hex')}`;
      let proof: string | undefined;
      for (;;) {
        try {
          proof ??= await solvedProof(server.url);
          const response = await fetch(`${server.url}/open311/v2/requests.json`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify({
              service_code: 'complaint',
              'attribute[title]': `崩溃测试第 ${id} 号客户第 ${i} 条`,
              description: `这是崩溃测试提交的留言内容，客户 ${id}，序号 ${i}。`,
              phone: '13800000000',
              altcha: proof,
            }),
          });
          if (response.status === 201 || response.status === 200) {
            const [created] = (await response.json()) as { service_request_id: string }[];
            acknowledged.set(key, created!.service_request_id);
            break;
          }
          throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
          await new Promise((r) => setTimeout(r, 50)); // the server is down: try again with the same key
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));
  running = false;
  await killer;
  return { acknowledged, kills };
}

function expectIntact(acknowledged: Map<string, string>, stored: string[], kills: number) {
  expect(kills).toBeGreaterThan(0);
  expect(acknowledged.size).toBe(CLIENTS * PER_CLIENT);
  const numbers = [...acknowledged.values()];
  expect(new Set(numbers).size, 'one number per submission').toBe(numbers.length);
  const inStore = new Set(stored);
  expect(stored.length, 'no duplicates in the store').toBe(inStore.size);
  for (const number of numbers) expect(inStore.has(number), number).toBe(true);
  expect(stored.length, 'every submission stored exactly once').toBe(CLIENTS * PER_CLIENT);
}

test('SQLite: nothing acknowledged is lost and nothing is stored twice across SIGKILLs', async () => {
  const server = await startServer(4621);
  try {
    const { acknowledged, kills } = await hammer(server);
    await server.kill('SIGKILL');
    const db = new Database(join(server.dataDir, 'duban.sqlite'), { readonly: true });
    const stored = (db.prepare("select number from messages where title like '崩溃测试%'").all() as { number: string }[]).map((r) => r.number);
    db.close();
    expectIntact(acknowledged, stored, kills);
  } finally {
    await server.kill('SIGKILL');
  }
});

test('PostgreSQL: nothing acknowledged is lost and nothing is stored twice across SIGKILLs', async () => {
  test.skip(!(await postgresReachable()), 'PostgreSQL is not reachable at 127.0.0.1:5432');
  const schema = await freshPostgresSchema('crash');
  const server = await startServer(4622, { DATABASE_URL: schema.url, DUBAN_SECRET: randomBytes(32).toString('hex') });
  try {
    const { acknowledged, kills } = await hammer(server);
    await server.kill('SIGKILL');
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const stored = (await client.query<{ number: string }>("select number from messages where title like '崩溃测试%'")).rows.map((r) => r.number);
    await client.end();
    expectIntact(acknowledged, stored, kills);
  } finally {
    await server.kill('SIGKILL');
    await schema.drop();
  }
});
