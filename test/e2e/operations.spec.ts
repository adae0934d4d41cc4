/**
 * What an operator relies on, against started servers: `GET /healthz`; the access log, which must
 * never hold a phone number, a query code, a name or a message's text however they are planted; and
 * SIGTERM during a submission load, after which every acknowledged message is stored and no request
 * got a 5xx (src/server/health.ts, src/server/http/access-log.ts, src/server/http/shutdown.ts).
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { rawRequest, solvedProof, startServer, type RawAnswer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const root = join(import.meta.dirname, '..', '..');

test('GET /healthz: the store answers, the calendar years, the build and its age, the version; nothing private', async () => {
  const server = await startServer(4674);
  try {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = (await response.json()) as Record<string, unknown> & { build: { builtAt: string; ageSeconds: number; version: string } };
    const years = readdirSync(join(root, 'content', 'calendar'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => Number(f.slice(0, 4)));
    expect(report).toMatchObject({ status: 'ok', store: { ok: true, dialect: 'sqlite' }, calendar: { years } });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(report.build.version).toBe(version);
    const built = Date.parse(report.build.builtAt);
    expect(built).toBeLessThanOrEqual(Date.now());
    expect(report.build.ageSeconds).toBe(Math.round((Date.parse(report.checkedAt as string) - built) / 1000));
    const text = JSON.stringify(report);
    expect(text).not.toContain(server.dataDir);
    expect(text).not.toMatch(/duban\.sqlite|secret/);
  } finally {
    await server.kill('SIGTERM');
  }
});

const PHONE = '13912345678';
const NAME = '欧阳锦绣';
const TEXT = '凤栖巷七号楼下水道堵塞已经三天';
const FAKE_CODE = 'KMNPQ-RSTUV';

const send = rawRequest;

/** Everything the planted words may look like in a log: as typed, percent-encoded, without separators. */
function plantedForms(code: string): string[] {
  const words = [PHONE, '139-1234-5678', NAME, TEXT, FAKE_CODE, FAKE_CODE.replace('-', ''), code, code.replace('-', '')];
  return words.flatMap((w) => [w, w.toLowerCase(), encodeURIComponent(w), encodeURIComponent(w).toLowerCase()]);
}

test('the access log: one JSON line per request with its id, never a phone number, query code, name or message text', async () => {
  const server = await startServer(4675);
  try {
    // A real message, so a real query code exists to plant.
    const form = new URLSearchParams({
      type: 'complaint',
      title: `${NAME}反映${TEXT}`,
      content: `我是${NAME}，电话 ${PHONE}。${TEXT}，请尽快处理。`,
      name: NAME,
      phone: PHONE,
      consent: 'yes',
      idempotency_key: `access-log-${randomBytes(8).toString('hex')}`,
      altcha: await solvedProof(server.url),
    });
    const submitted = await send(server, '/messages/new', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: `${server.url}/messages/new?phone=${PHONE}` },
      body: form.toString(),
    });
    expect(submitted.status).toBe(201);
    const number = /id="receipt-number"[^>]*>\s*([^<\s]+)/.exec(submitted.body)![1]!;
    const code = /id="receipt-code"[^>]*>\s*([^<]+?)\s*</.exec(submitted.body)![1]!.replace(/\s/g, '');
    expect(code).toMatch(/^[2-9A-Z]{5}-?[2-9A-Z]{5}$/);

    const planted: [string, string, Record<string, string>?, string?][] = [
      // In paths.
      ['GET', `/messages/${PHONE}`],
      ['GET', `/${PHONE}/`],
      ['GET', '/call/139-1234-5678'],
      ['GET', `/messages/track/${code}`],
      ['GET', `/messages/track/${FAKE_CODE.toLowerCase()}`],
      ['GET', `/${encodeURIComponent(NAME)}`],
      ['GET', `/messages/${encodeURIComponent(TEXT)}/`],
      ['OPTIONS', `/messages/${PHONE}`],
      ['DELETE', `/tasks/${encodeURIComponent(NAME)}`],
      // In query strings.
      ['GET', `/messages/?q=${encodeURIComponent(`${NAME} ${PHONE}`)}`],
      ['GET', `/messages/track?number=${number}&code=${code}`],
      ['GET', `/tasks/?phone=${PHONE}&name=${encodeURIComponent(NAME)}`],
      ['GET', `/messages/search.json?q=${encodeURIComponent(TEXT)}`],
      ['GET', `/open311/v2/requests.json?service_request_id=${number}&phone=${PHONE}`],
      // In form bodies.
      ['POST', '/messages/track', { 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ number, code }).toString()],
      ['POST', '/messages/resend-code', { 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ number, phone: PHONE }).toString()],
      ['POST', '/open311/v2/requests.json', { 'Content-Type': 'application/json' }, JSON.stringify({ description: TEXT, phone: PHONE, name: NAME })],
      // In headers.
      [
        'GET',
        '/messages/',
        {
          Referer: `${server.url}/messages/track?code=${code}&phone=${PHONE}&name=${encodeURIComponent(NAME)}`,
          'User-Agent': `Mozilla/5.0 ${PHONE} ${FAKE_CODE}`,
          'X-Forwarded-For': PHONE,
          Cookie: `code=${code}; phone=${PHONE}`,
          'X-Note': encodeURIComponent(TEXT),
        },
      ],
    ];
    const answers: RawAnswer[] = [];
    for (const [method, path, headers, body] of planted) answers.push(await send(server, path, { method, headers, body }));
    const home = await send(server, '/');
    await new Promise((r) => setTimeout(r, 300));

    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { time: string; id: string; method: string; path: string; status: number; ms: number; bytes: number });
    expect(lines.length).toBeGreaterThanOrEqual(planted.length + 2);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['bytes', 'id', 'method', 'ms', 'path', 'status', 'time']);
      expect(line.path).not.toContain('?');
    }
    // Each answer's X-Request-Id names its line, with its status.
    for (const answer of [...answers, home, submitted]) {
      const id = answer.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const line = lines.find((l) => l.id === id)!;
      expect(line, id).toBeTruthy();
      expect(line.status).toBe(answer.status);
    }
    const lineOf = (answer: RawAnswer) => lines.find((l) => l.id === answer.headers['x-request-id'])!;
    expect(lineOf(home)).toMatchObject({ method: 'GET', path: '/', status: 200 });
    expect(lineOf(home).bytes).toBeGreaterThan(1000);
    expect(lineOf(submitted)).toMatchObject({ method: 'POST', path: '/messages/new', status: 201 });
    expect(lineOf(answers[0]!)).toMatchObject({ path: '/messages/[number]' });

    const log = server.output();
    for (const word of plantedForms(code)) expect(log, word).not.toContain(word);
    expect(log).not.toContain(number.replace('LY', '')); // tracking numbers are not secret, but are not paths the log keeps either
  } finally {
    await server.kill('SIGTERM');
  }
});

test('ACCESS_LOG=0 turns the access log off', async () => {
  const server = await startServer(4676, { ACCESS_LOG: '0' });
  try {
    const response = await fetch(`${server.url}/messages/`);
    expect(response.headers.get('x-request-id')).toBeNull();
    await fetch(`${server.url}/`);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.output()).not.toMatch(/^\{/m);
  } finally {
    await server.kill('SIGTERM');
  }
});

/** A submission whose body is still arriving when the server is told to stop: half of it now, the rest on `finish`. */
function slowSubmission(url: string, body: string): { answer: Promise<RawAnswer>; finish: () => void } {
  const bytes = Buffer.from(body);
  const req = httpRequest(`${url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) },
  });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, bytes.length >> 1));
  return { answer, finish: () => req.end(bytes.subarray(bytes.length >> 1)) };
}

test('SIGTERM during a submission load: requests in flight are answered, every acknowledged message is stored, no 5xx, exit 0', async () => {
  const server = await startServer(4677, { SHUTDOWN_GRACE_SECONDS: '20' });
  const CLIENTS = 30;
  // Proofs solved before the load, so that after the stop every request is a submission.
  const proofs = await Promise.all(Array.from({ length: CLIENTS * 40 }, () => solvedProof(server.url)));
  // Requests surely in flight at the signal: their bodies are half sent before the load starts (well within the
  // server's 10-second limit for a whole request), and the rest only after the signal.
  const slowProofs = await Promise.all([1, 2, 3].map(() => solvedProof(server.url)));
  const slow = slowProofs.map((altcha, n) =>
    slowSubmission(
      server.url,
      JSON.stringify({
        service_code: 'complaint',
        'attribute[title]': `停机测试慢速提交第 ${n + 1} 条`,
        description: `这条留言的内容在停机信号之后才发送完，序号 ${n + 1}。`,
        phone: '13800000000',
        altcha,
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 200));
  const acknowledged = new Map<string, string>();
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  // The signal comes once the load is well under way (a count of messages stored, not a time: a fast server had
  // taken all 1,200 before a fixed 800 ms were up), so most of it is still to come.
  let underWay!: () => void;
  const loadUnderWay = new Promise<void>((resolve) => (underWay = resolve));
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  const client = async (id: number) => {
    for (let i = 0; i < 40; i += 1) {
      const key = `sigterm-${id}-${i}-${randomBytes(6).toString('hex')}`;
      let response: Response;
      try {
        response = await fetch(`${server.url}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({
            service_code: 'complaint',
            'attribute[title]': `停机测试第 ${id} 号客户第 ${i} 条`,
            description: `这是停机测试提交的留言内容，客户 ${id}，序号 ${i}。`,
            phone: '13800000000',
            altcha: proofs[id * 40 + i],
          }),
        });
      } catch (error) {
        // Refused or reset once the server has stopped listening: fine, and this client is done.
        failures.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
        return;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) {
        const [created] = (await response.json()) as { service_request_id: string }[];
        acknowledged.set(key, created!.service_request_id);
        if (acknowledged.size === CLIENTS * 2) underWay();
      } else {
        await response.text();
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));
  await Promise.race([loadUnderWay, load]);
  server.process.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  for (const request of slow) request.finish();
  const slowAnswers = await Promise.all(slow.map((request) => request.answer));
  await load;
  expect(await exited).toBe(0);
  // Requests whose bodies were still arriving at the signal are answered, and what they acknowledge is stored.
  expect(slowAnswers.map((answer) => answer.status)).toEqual([201, 201, 201]);
  for (const [index, answer] of slowAnswers.entries())
    acknowledged.set(`slow-${index}`, (JSON.parse(answer.body) as { service_request_id: string }[])[0]!.service_request_id);

  expect(
    [...statuses.keys()].filter((status) => status >= 500),
    JSON.stringify([...statuses]),
  ).toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(0);
  expect(failures.length).toBeGreaterThan(0); // the load outlived the server
  const db = new Database(join(server.dataDir, 'duban.sqlite'), { readonly: true });
  const stored = new Set((db.prepare("select number from messages where title like '停机测试%'").all() as { number: string }[]).map((r) => r.number));
  db.close();
  for (const number of acknowledged.values()) expect(stored.has(number), number).toBe(true);
  const output = server.output();
  expect(output).toMatch(/收到 SIGTERM：不再接受新连接/);
  expect(output).toMatch(/已停止：请求已处理完，定时任务已停止，存储已关闭。/);
  expect(output).not.toMatch(/Could not render|TypeError|\n\s+at /);
});
