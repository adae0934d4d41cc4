/**
 * npm run bench:console [-- --messages 1000000 --backend sqlite|postgres|both --requests 100]
 *
 * A store of N messages with their events (a large city's year of online messages at 1,000,000),
 * generated directly in SQL, then the p95 of every console queue page with its counts, a unit's
 * queue, the find box (words), a message page, and the public pages that read the store
 * (`/messages/`, `/messages/stats`, Open311 `requests.json`), each beside the bare SQL query that
 * fetches the same rows, in one run. Goals (p95 ≤ 100 ms for pages, ≤ 300 ms for the text search)
 * are printed, never asserted. Needs a build: npm run build first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRuntime } from '../../src/server/runtime.ts';
import { changePassword, createAccount } from '../../src/server/auth/accounts.ts';
import { messagesMatching, newestHitsFirst } from '../../src/server/messages/text-search.ts';
import { generateMessages } from './console-store.ts';
import { freshPostgresSchema, postgresReachable } from '../../test/store/harness.ts';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: { messages: { type: 'string', default: '1000000' }, backend: { type: 'string', default: 'both' }, requests: { type: 'string', default: '100' } },
});
const COUNT = Number(values.messages);
const REQUESTS = Number(values.requests);
const PASSWORD = '性能测试账号密码2026';
async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => (/网站已启动/.test(d.toString()) ? ok() : undefined));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;

async function timeIt(fn: () => Promise<unknown>, n: number): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return p95(times);
}

async function bench(backend: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-console-bench-'));
  const schema = backend === 'postgres' ? await freshPostgresSchema('bench') : undefined;
  const env: NodeJS.ProcessEnv = {
    DATA_DIR: dataDir,
    DUBAN_SECRET: randomBytes(32).toString('hex'),
    // One client asks every page in turn: the per-client read limit would answer 429.
    RATE_LIMIT_READS: '100000000',
    RATE_LIMIT_READS_BURST: '100000000',
    ...(schema ? { DATABASE_URL: schema.url } : {}),
  };
  console.log(`\n${backend}: building a store of ${COUNT.toLocaleString()} messages`);
  const runtime = await createRuntime({ ...process.env, ...env });
  let server: ChildProcess | undefined;
  try {
    await generateMessages(runtime, COUNT);
    const created = await createAccount(runtime, { login: 'bench', name: '性能测试', role: 'dispatcher' });
    if (!created.ok) throw new Error(created.message);
    await changePassword(runtime, created.account.id, PASSWORD);
    server = await startServer(env, 4690);
    const base = 'http://127.0.0.1:4690';
    const signIn = await fetch(`${base}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ login: 'bench', password: PASSWORD }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const sample = (await runtime.store.db.selectFrom('messages').select('number').where('state', '=', 'assigned').limit(1).executeTakeFirstOrThrow()).number;
    const get =
      (path: string, withCookie = true) =>
      async () => {
        const response = await fetch(`${base}${path}`, { headers: withCookie ? { cookie } : {} });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        await response.arrayBuffer();
      };
    const db = runtime.store.db;
    const rows: [string, string, () => Promise<unknown>, () => Promise<unknown>, number][] = [
      [
        'console home (10 queue counts)',
        '/console/',
        get('/console/'),
        () =>
          Promise.all([
            db
              .selectFrom('queue_counts')
              .select((eb) => ['queue', eb.fn.sum('count').as('n')])
              .groupBy('queue')
              .execute(),
            db
              .selectFrom('messages')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('state', 'in', ['submitted', 'accepted', 'assigned'])
              .where('due_date', '<', '2026-11-29')
              .executeTakeFirst(),
          ]),
        100,
      ],
      [
        'queue 办理中, first page',
        '/console/queues/assigned',
        get('/console/queues/assigned'),
        () => db.selectFrom('messages').select(['number', 'title']).where('state', '=', 'assigned').orderBy('due_date').limit(50).execute(),
        100,
      ],
      [
        'queue 已办结, page 50',
        '/console/queues/closed?page=50',
        get('/console/queues/closed?page=50'),
        () =>
          db.selectFrom('messages').select(['number', 'title']).where('state', '=', 'closed').orderBy('updated_at', 'desc').limit(50).offset(2450).execute(),
        100,
      ],
      [
        'queue of one unit',
        '/console/queues/assigned?unit=water',
        get('/console/queues/assigned?unit=water'),
        () => db.selectFrom('messages').select(['number']).where('state', '=', 'assigned').where('unit', '=', 'water').orderBy('due_date').limit(50).execute(),
        100,
      ],
      [
        'find: words',
        '/console/queues/closed?q=路灯',
        get(`/console/queues/closed?q=${encodeURIComponent('路灯 问题')}`),
        () =>
          messagesMatching(db, runtime.store.dialect, 'message_words', ['路灯', '问题'])
            .select.select(['number'])
            .where('state', '=', 'closed')
            .orderBy(newestHitsFirst)
            .limit(50)
            .execute(),
        300,
      ],
      [
        'find: phone',
        '/console/queues/closed?q=<phone>',
        get('/console/queues/closed?q=13910000500'),
        () => db.selectFrom('messages').select(['number']).where('phone', '=', '13910000500').execute(),
        100,
      ],
      [
        'message page',
        `/console/messages/<n>`,
        get(`/console/messages/${sample}`),
        () =>
          db
            .selectFrom('message_events')
            .selectAll()
            .innerJoin('messages', 'messages.id', 'message_events.message_id')
            .where('messages.number', '=', sample)
            .execute(),
        100,
      ],
      [
        'public board',
        '/messages/',
        get('/messages/', false),
        () => db.selectFrom('messages').select(['id']).where('published', '=', 1).orderBy('closed_at', 'desc').limit(20).execute(),
        100,
      ],
      [
        'public board search',
        '/messages/?q=井盖',
        get(`/messages/?q=${encodeURIComponent('井盖')}`, false),
        () =>
          messagesMatching(db, runtime.store.dialect, 'board_words', ['井盖'])
            .select.select(['messages.id'])
            .where('published', '=', 1)
            .orderBy(newestHitsFirst)
            .limit(20)
            .execute(),
        300,
      ],
      ['public statistics', '/messages/stats', get('/messages/stats', false), () => db.selectFrom('message_tallies').selectAll().execute(), 100],
      [
        'Open311 requests.json',
        '/open311/v2/requests.json',
        get('/open311/v2/requests.json', false),
        () =>
          db
            .selectFrom('messages')
            .select(['id'])
            .where('state', 'in', ['accepted', 'assigned', 'replied', 'closed'])
            .orderBy('submitted_at', 'desc')
            .limit(1000)
            .execute(),
        100,
      ],
    ];
    console.log(`\n${backend}, ${COUNT.toLocaleString()} messages, p95 of ${REQUESTS} requests each (one client):`);
    console.log('page'.padEnd(34) + 'p95 page'.padStart(12) + 'p95 bare SQL'.padStart(14) + 'goal'.padStart(9));
    for (const [label, , page, bare, goal] of rows) {
      const pageP95 = await timeIt(page, REQUESTS);
      const sqlP95 = await timeIt(bare, REQUESTS);
      console.log(
        `${label.padEnd(34)}${`${pageP95.toFixed(1)} ms`.padStart(12)}${`${sqlP95.toFixed(1)} ms`.padStart(14)}${`${goal} ms`.padStart(9)}${pageP95 <= goal ? '  met' : '  missed'}`,
      );
    }
  } finally {
    server?.kill('SIGTERM');
    await runtime.stop();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const backend of values.backend === 'both' ? (['sqlite', 'postgres'] as const) : [values.backend as 'sqlite' | 'postgres']) {
  if (backend === 'postgres' && !(await postgresReachable())) {
    console.log('\nPostgreSQL 不可用，跳过 PostgreSQL 基准。');
    continue;
  }
  await bench(backend);
}
