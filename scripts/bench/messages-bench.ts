/**
 * npm run bench:messages [-- --seconds 10 --connections 50 --runs 3]
 *
 * Submission throughput and latency on the embedded store (SQLite, WAL, synchronous=FULL) with 50
 * concurrent clients, beside a bare Node `http` server doing the same insert, in one run on this
 * machine. duban is measured through its real path: Open311 POST (JSON) and the HTML form POST,
 * each with validation, a solved proof of work (checked and recorded against replay), rate limits
 * (set high enough not to refuse), the tracking-number counter, and the message and event rows.
 * Goals (≥ 1,500 messages/s, p99 ≤ 50 ms, ≥ 0.5 × the bare server) are printed, never asserted.
 * Needs a build: npm run build first. To profile duban's side: BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'
 * (the arguments go to the servers started, not to this script) and `-- --only open311` (or form, bare, floor).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { newChallenge } from '../../src/server/anti-abuse/altcha.ts';
import { median } from './scaling.ts';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const connections = Number(values.connections);
const secret = randomBytes(32).toString('hex');

async function start(script: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => (/listening|网站已启动/i.test(d.toString()) ? ok() : undefined));
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

/** Submissions with their proofs solved in advance, so the load generator spends no time on them. */
async function payloads(count: number, form: boolean): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const challenge = await newChallenge(secret, 20);
    const solution = await solveChallenge({ challenge, deriveKey });
    const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    const title = `性能测试留言第 ${i} 条`;
    const content = `这是性能测试提交的留言内容，用来测量提交吞吐量和延迟，序号 ${i}。`;
    bodies.push(
      form
        ? new URLSearchParams({
            type: 'complaint',
            title,
            content,
            phone: '13800000000',
            consent: 'yes',
            altcha,
            idempotency_key: randomBytes(12).toString('base64url'),
          }).toString()
        : JSON.stringify({ service_code: 'complaint', 'attribute[title]': title, description: content, phone: '13800000000', altcha }),
    );
  }
  return bodies;
}

interface Figures {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

async function load(label: string, url: string, bodies: string[] | null, contentType = ''): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: bodies
      ? [
          {
            method: 'POST',
            headers: { 'content-type': contentType },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ]
      : [{ method: 'GET' }],
  });
  const ok = result['2xx'];
  if (bodies && next > bodies.length) console.warn(`  注意：${label || url} 发送了 ${next} 个请求，多于 ${bodies.length} 份提交，有重复`);
  return { label, rate: ok / seconds, p50: result.latency.p50, p99: result.latency.p99, ok, other: result.non2xx + result.errors + result.timeouts };
}

// Enough for 3,750 submissions a second on each route, so no body is sent twice in a round: a form body sent again
// carries the same idempotency key and is answered from the store (a cheaper request), and a proof sent again is refused.
// Until 2026-11-29 the form had a third of this, so rounds above 1,250/s ended with repeats.
const estimate = 2_500 * seconds * 1.5;
console.log(`准备 ${Math.round(estimate * 2)} 份已完成人机验证的提交…`);
const jsonBodies = await payloads(estimate, false);
const formBodies = await payloads(estimate, true);

const dataDirs: string[] = [];
const measure = async (script: string, port: number, env: NodeJS.ProcessEnv, run: (base: string) => Promise<Figures>): Promise<Figures> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  dataDirs.push(dataDir);
  const child = await start(script, port, { DATA_DIR: dataDir, ...env });
  try {
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
};

const dubanEnv = {
  DUBAN_SECRET: secret,
  RATE_LIMIT_PER_CLIENT: '100000000',
  RATE_LIMIT_TOTAL: '100000000',
  // The GET subject asks from one address as fast as it can: the per-client read limit would answer 429.
  RATE_LIMIT_READS: '100000000',
  RATE_LIMIT_READS_BURST: '100000000',
  ALTCHA_COST: '20',
};
const serve = join(root, 'scripts', 'serve.ts');
const allSubjects = [
  {
    key: 'bare',
    label: 'bare Node http, same insert',
    run: () => measure(join(root, 'scripts', 'bench', 'bare-insert-server.ts'), 4701, {}, (base) => load('', base, jsonBodies, 'application/json')),
  },
  {
    key: 'open311',
    label: 'duban Open311 POST (JSON)',
    run: () => measure(serve, 4702, dubanEnv, (base) => load('', `${base}/open311/v2/requests.json`, jsonBodies, 'application/json')),
  },
  {
    key: 'form',
    label: 'duban form POST (HTML receipt)',
    run: () => measure(serve, 4703, dubanEnv, (base) => load('', `${base}/messages/new`, formBodies, 'application/x-www-form-urlencoded')),
  },
  // Not a submission: the same server answering its cheapest on-demand endpoint (no store, no checks), to show how much of each request is the framework's.
  {
    key: 'floor',
    label: 'duban GET services.json (framework floor, no insert)',
    run: () => measure(serve, 4704, dubanEnv, (base) => load('', `${base}/open311/v2/services.json`, null)),
  },
];

const subjects = allSubjects.filter((subject) => !values.only || values.only.split(',').includes(subject.key));

// Rounds interleave the subjects, so drift in the machine's speed touches all of them alike; each figure is the median round.
const rounds: Figures[][] = subjects.map(() => []);
for (let round = 1; round <= runs; round += 1) {
  for (const [index, subject] of subjects.entries()) rounds[index]!.push({ ...(await subject.run()), label: subject.label });
  console.log(`  第 ${round} / ${runs} 轮完成`);
}
for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });

const results = rounds.map((list, index) => ({
  key: subjects[index]!.key,
  label: list[0]!.label,
  rate: median(list.map((r) => r.rate)),
  rates: list.map((r) => r.rate),
  p50: median(list.map((r) => r.p50)),
  p99: median(list.map((r) => r.p99)),
  other: list.reduce((sum, r) => sum + r.other, 0),
}));
const bare = results.find((r) => r.key === 'bare');
console.log(`\n留言提交基准（${connections} 个并发连接，每项每轮 ${seconds} 秒，${runs} 轮取中位数，${cpus().length} 核，SQLite WAL + synchronous=FULL）\n`);
console.log('| 服务 | 成功请求/秒（中位数） | 各轮 | p50 ms | p99 ms | 非 2xx/错误 | 对比裸服务器 |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const r of results)
  console.log(
    `| ${r.label} | ${r.rate.toFixed(0)} | ${r.rates.map((x) => x.toFixed(0)).join(' / ')} | ${r.p50} | ${r.p99} | ${r.other} | ${bare ? `${(r.rate / bare.rate).toFixed(2)}×` : '—'} |`,
  );
const open311 = results.find((r) => r.key === 'open311');
if (open311 && bare) {
  console.log('\n目标（仅报告，不作断言）：');
  console.log(`- ≥ 1,500 条/秒：${open311.rate >= 1500 ? '达到' : '未达到'}（Open311 中位数 ${open311.rate.toFixed(0)} 条/秒）`);
  console.log(`- p99 ≤ 50 ms：${open311.p99 <= 50 ? '达到' : '未达到'}（${open311.p99} ms）`);
  console.log(`- ≥ 0.5 × 裸服务器：${open311.rate / bare.rate >= 0.5 ? '达到' : '未达到'}（${(open311.rate / bare.rate).toFixed(2)}×）`);
}
