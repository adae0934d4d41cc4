/**
 * Behind a reverse proxy and in front of none, against started servers: whose address the limits
 * count (src/server/http/client-address.ts), which Origin is ours (cross-site.ts), and the per-client
 * limit on reads of on-demand routes (read-limit.ts). The test's requests all come from 127.0.0.1;
 * with TRUSTED_PROXIES=127.0.0.1 the test plays the proxy and writes X-Forwarded-For as a proxy would
 * (whatever the client sent, then the address it saw).
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { rawRequest, solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

const PUBLIC = 'https://duban.example.gov.cn';
const LOOKUPS = 3;
const SUBMISSIONS = 2;

let proxied: TestServer;
let direct: TestServer;

test.beforeAll(async () => {
  const limits = { RATE_LIMIT_LOOKUPS: String(LOOKUPS), RATE_LIMIT_LOOKUPS_PER_NUMBER: '100000', RATE_LIMIT_PER_CLIENT: String(SUBMISSIONS) };
  [proxied, direct] = await Promise.all([
    startServer(4671, { ...limits, TRUSTED_PROXIES: '127.0.0.1', DUBAN_SITE_URL: PUBLIC }),
    startServer(4672, { ...limits, DUBAN_SITE_URL: 'http://localhost:4672' }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([proxied?.kill('SIGTERM'), direct?.kill('SIGTERM')]);
});

const send = rawRequest;

const randomHop = () => `${1 + (randomBytes(1)[0]! % 223)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** A look-up of a message that does not exist: a failed look-up, counted per client. */
const wrongLookup = (server: TestServer, headers: Record<string, string>) =>
  send(server, '/messages/track', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ number: 'LY20261102-0001', code: 'AAAAA-AAAAA' }).toString(),
  });

test('through a trusted proxy, a client cannot dodge the look-up limit by rotating the first hop', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i += 1) statuses.push((await wrongLookup(proxied, { 'X-Forwarded-For': `${randomHop()}, 203.0.113.7` })).status);
  expect(statuses.slice(0, LOOKUPS)).toEqual(Array(LOOKUPS).fill(404));
  expect(statuses.slice(LOOKUPS)).toEqual(Array(20 - LOOKUPS).fill(429));
  // The header is read: another address the proxy saw is another client.
  expect((await wrongLookup(proxied, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(404);
  // A chain of proxies: the trusted hops are skipped.
  expect((await wrongLookup(proxied, { 'X-Forwarded-For': `${randomHop()}, 203.0.113.7, 127.0.0.1` })).status).toBe(429);
});

test('through a trusted proxy, submissions are counted by the address the proxy saw', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < SUBMISSIONS + 2; i += 1) {
    const answer = await send(proxied, '/open311/v2/requests.json', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `${randomHop()}, 198.51.100.9`,
        'Idempotency-Key': `proxy-test-${i}-${randomBytes(8).toString('hex')}`,
      },
      body: JSON.stringify({
        service_code: 'complaint',
        'attribute[title]': `代理测试第 ${i} 条`,
        description: '经过反向代理提交的测试留言，用来检验按客户端地址计数。',
        phone: '13800000000',
        altcha: await solvedProof(proxied.url),
      }),
    });
    statuses.push(answer.status);
  }
  expect(statuses).toEqual([...Array(SUBMISSIONS).fill(201), 429, 429]);
});

test('without a trusted proxy, X-Forwarded-For is ignored whatever it says', async () => {
  const statuses: number[] = [];
  // Every request claims another client, first hop and last: all of them are 127.0.0.1.
  for (let i = 0; i < 8; i += 1) statuses.push((await wrongLookup(direct, { 'X-Forwarded-For': `${randomHop()}, ${randomHop()}` })).status);
  expect(statuses).toEqual([...Array(LOOKUPS).fill(404), ...Array(8 - LOOKUPS).fill(429)]);
});

test('behind a proxy that rewrites Host, a form posted from the public origin is accepted; others are refused', async () => {
  const post = (origin: string, host: string) => wrongLookup(proxied, { Origin: origin, Host: host, 'X-Forwarded-For': randomHop() }).then((a) => a.status);
  // nginx's $host drops the port; an upstream name is common too.
  expect(await post(PUBLIC, 'duban.example.gov.cn')).toBe(404);
  expect(await post(PUBLIC, '127.0.0.1:4671')).toBe(404);
  expect(await post(`${PUBLIC}:443`, 'backend')).toBe(404);
  // Behind the proxy, matching the rewritten Host proves nothing.
  expect(await post('http://127.0.0.1:4671', '127.0.0.1:4671')).toBe(403);
  expect(await post('http://duban.example.gov.cn', 'duban.example.gov.cn')).toBe(403);
  expect(await post('https://elsewhere.example', 'duban.example.gov.cn')).toBe(403);
});

test('reached directly, the public origin and the Host the browser used are both ours (localhost against 127.0.0.1)', async () => {
  const post = (origin: string, host: string) =>
    send(direct, '/messages/rate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, Host: host },
      body: new URLSearchParams({ number: 'LY20261102-0001', code: 'AAAAA-AAAAA', rating: 'satisfied' }).toString(),
    }).then((a) => a.status);
  expect(await post('http://localhost:4672', '127.0.0.1:4672')).not.toBe(403);
  expect(await post('http://127.0.0.1:4672', '127.0.0.1:4672')).not.toBe(403);
  expect(await post('http://127.0.0.1:4672', 'localhost:4672')).toBe(403);
  expect(await post('https://elsewhere.example', '127.0.0.1:4672')).toBe(403);
});

test.describe('the per-client limit on reads', () => {
  let limited: TestServer;
  test.beforeAll(async () => {
    limited = await startServer(4673, { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_READS: '6', RATE_LIMIT_READS_BURST: '4' });
  });
  test.afterAll(async () => {
    await limited?.kill('SIGTERM');
  });

  const as = (client: string) => ({ 'X-Forwarded-For': client });

  test('a client searching without pause gets 429 with Retry-After, in the form each route answers in', async () => {
    const client = as('203.0.113.50');
    for (let i = 0; i < 4; i += 1) expect((await send(limited, `/messages/?q=${randomBytes(4).toString('hex')}`, { headers: client })).status).toBe(200);
    const page = await send(limited, `/messages/?q=${randomBytes(4).toString('hex')}`, { headers: client });
    expect(page.status).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toMatch(/<title>错误：请求过于频繁/);
    expect(page.body).toMatch(/请 \d+ 秒后再试/);

    const search = await send(limited, '/messages/search.json?q=路灯', { headers: client });
    expect(search.status).toBe(429);
    expect(JSON.parse(search.body)).toEqual({ error: expect.stringMatching(/^请求过于频繁/) });
    const challenge = await send(limited, '/messages/challenge', { headers: client });
    expect(challenge.status).toBe(429);
    expect(challenge.headers['content-type']).toMatch(/json/);
    const open311 = await send(limited, '/open311/v2/requests.json', { headers: client });
    expect(open311.status).toBe(429);
    expect(JSON.parse(open311.body)).toEqual([{ code: 429, description: expect.stringMatching(/^请求过于频繁/) }]);
    const xml = await send(limited, '/open311/v2/services.xml', { headers: client });
    expect(xml.status).toBe(429);
    expect(xml.body).toContain('<code>429</code>');
    for (const answer of [search, challenge, open311, xml]) expect(answer.headers['retry-after']).toBeTruthy();
  });

  test('built pages and files, posts, the health check and other clients are not held back', async () => {
    const client = as('203.0.113.51');
    while ((await send(limited, '/messages/stats', { headers: client })).status !== 429);
    const home = await send(limited, '/', { headers: client });
    expect(home.status).toBe(200);
    const stylesheet = home.body.match(/\/_astro\/[\w.-]+\.css/)![0];
    for (const path of ['/tasks/', '/about/', stylesheet, '/data/tasks.json']) expect((await send(limited, path, { headers: client })).status, path).toBe(200);
    expect((await send(limited, '/healthz', { headers: client })).status).toBe(200);
    expect((await wrongLookup(limited, client)).status).toBe(404);
    expect((await send(limited, '/messages/', { headers: as('203.0.113.52') })).status).toBe(200);
  });
});
