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
import { sql, type Insertable } from 'kysely';
import type { MessagesTable } from '../../src/server/db/schema.ts';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { changePassword, createAccount } from '../../src/server/auth/accounts.ts';
import { rebuildTallies } from '../../src/server/messages/tallies.ts';
import { freshPostgresSchema, postgresReachable } from '../../test/store/harness.ts';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: { messages: { type: 'string', default: '1000000' }, backend: { type: 'string', default: 'both' }, requests: { type: 'string', default: '100' } },
});
const COUNT = Number(values.messages);
const REQUESTS = Number(values.requests);
const PASSWORD = '性能测试账号密码2026';
const UNITS = ['water', 'housing', 'transport', 'education', 'health', 'urban-management', 'ecology', 'market-regulation', 'civil-affairs', 'lanxi-street'];
const TYPES = ['consultation', 'help', 'complaint', 'suggestion', 'report'];
const WORDS = ['路灯', '停水', '噪音', '垃圾', '井盖', '停车', '学校', '医院', '公交', '物业'];

/** Deterministic pseudo-random numbers, so every run builds the same store. */
let seed = 20261128;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const perDay = new Map<number, number>();
/** The day's next tracking-number sequence, as the real counter would give it. */
const nextOfDay = (day: Date) => {
  const n = (perDay.get(day.getTime()) ?? 0) + 1;
  perDay.set(day.getTime(), n);
  return n;
};

async function generate(runtime: Runtime): Promise<void> {
  perDay.clear();
  const db = runtime.store.db;
  const started = Date.now();
  const BATCH = 500;
  for (let from = 0; from < COUNT; from += BATCH) {
    const messages: Insertable<MessagesTable>[] = [];
    for (let i = from; i < Math.min(COUNT, from + BATCH); i += 1) {
      const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / COUNT) * 330) * 86_400_000);
      const at = new Date(day.getTime() + 2 * 3_600_000 + (i % 3600) * 1000).toISOString();
      const r = random();
      const state = r < 0.02 ? 'submitted' : r < 0.04 ? 'accepted' : r < 0.16 ? 'assigned' : r < 0.2 ? 'replied' : r < 0.97 ? 'closed' : 'rejected';
      const unit = state === 'submitted' || state === 'accepted' || state === 'rejected' ? null : pick(UNITS);
      const word = pick(WORDS);
      messages.push({
        number: `LY${day.toISOString().slice(0, 10).replaceAll('-', '')}-${String(nextOfDay(day)).padStart(4, '0')}`,
        type: pick(TYPES),
        state,
        target_unit: null,
        unit,
        task: null,
        title: `${word}问题反映 ${i}`,
        content: `关于${word}的问题已经持续一段时间，希望有关部门尽快处理。编号 ${i}。`,
        author_name: null,
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        email: null,
        consent: random() < 0.8 ? 1 : 0,
        published: state === 'closed' && random() < 0.6 ? 1 : 0,
        channel: 'form',
        submitted_at: at,
        due_date: state === 'closed' || state === 'rejected' ? null : new Date(day.getTime() + 20 * 86_400_000).toISOString().slice(0, 10),
        reply: state === 'replied' || state === 'closed' ? `已处理${word}问题。` : null,
        replied_at: state === 'replied' || state === 'closed' ? at : null,
        closed_at: state === 'closed' ? new Date(day.getTime() + 10 * 86_400_000).toISOString() : null,
        rating: state === 'closed' && random() < 0.3 ? pick(['satisfied', 'basically_satisfied', 'unsatisfied']) : null,
        rating_comment: null,
        query_code_hash: 'bench',
        idempotency_hash: `bench-${i}`,
        content_hash: 'bench',
        updated_at: at,
        public_text: null,
      });
    }
    for (const m of messages) if (m.published) m.public_text = `${m.number}\n${m.title}\n${m.content}\n${m.reply}`.toLowerCase();
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('messages').values(messages).returning(['id', 'state', 'submitted_at', 'unit']).execute();
      const events = ids.flatMap((m) => {
        const base = {
          message_id: m.id,
          at: m.submitted_at,
          actor: null,
          note: null,
          internal_note: null,
          new_due: null,
          rating: null,
          limit_days: null,
          reply: null,
          repeat_of: null,
          prev_hash: null,
          hash: null,
          unit: null as string | null,
        };
        const list: (typeof base & { event: string; role: string; from_state: string | null; to_state: string })[] = [
          { ...base, event: 'submit', role: 'citizen', from_state: null, to_state: 'submitted' },
        ];
        if (m.state !== 'submitted' && m.state !== 'rejected')
          list.push({ ...base, event: 'accept', role: 'dispatcher', from_state: 'submitted', to_state: 'accepted' });
        if (m.unit) list.push({ ...base, event: 'assign', role: 'dispatcher', from_state: 'accepted', to_state: 'assigned', unit: m.unit });
        if (m.state === 'replied' || m.state === 'closed') list.push({ ...base, event: 'reply', role: 'handler', from_state: 'assigned', to_state: 'replied' });
        if (m.state === 'closed') list.push({ ...base, event: 'approve', role: 'dispatcher', from_state: 'replied', to_state: 'closed' });
        return list;
      });
      for (let e = 0; e < events.length; e += 500)
        await trx
          .insertInto('message_events')
          .values(events.slice(e, e + 500))
          .execute();
    });
    if ((from / BATCH) % 200 === 0)
      process.stdout.write(`  ${from.toLocaleString()} / ${COUNT.toLocaleString()} messages (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  process.stdout.write(`  generated ${COUNT.toLocaleString()} messages in ${Math.round((Date.now() - started) / 1000)} s; counting the running totals…\n`);
  await db.transaction().execute((trx) => rebuildTallies(trx, runtime.rules));
  if (runtime.store.dialect === 'postgres') await sql`analyze`.execute(db);
  else await sql`analyze`.execute(db);
}

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
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, DUBAN_SECRET: randomBytes(32).toString('hex'), ...(schema ? { DATABASE_URL: schema.url } : {}) };
  console.log(`\n${backend}: building a store of ${COUNT.toLocaleString()} messages`);
  const runtime = await createRuntime({ ...process.env, ...env });
  let server: ChildProcess | undefined;
  try {
    await generate(runtime);
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
        'console home (9 queue counts)',
        '/console/',
        get('/console/'),
        () =>
          Promise.all(
            ['submitted', 'accepted', 'assigned', 'replied', 'closed'].map((s) =>
              db
                .selectFrom('messages')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('state', '=', s)
                .executeTakeFirst(),
            ),
          ),
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
          db
            .selectFrom('messages')
            .select(['number'])
            .where('state', '=', 'closed')
            .where(sql<boolean>`lower(title) like '%路灯%'`)
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
          db
            .selectFrom('messages')
            .select(['id'])
            .where('published', '=', 1)
            .where(sql<boolean>`public_text like '%井盖%'`)
            .orderBy('closed_at', 'desc')
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
