/**
 * The defects an independent probe found on the public message side, each tried again over HTTP
 * against a real server: odd methods, out-of-range dates, XML that must stay well-formed, slow
 * bodies, the no-script question, cross-site posts and what Open311 lets browsers do.
 */
import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SaxesParser } from 'saxes';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer(4614, { REQUEST_TIMEOUT_SECONDS: '2', RATE_LIMIT_NOSCRIPT_PER_CLIENT: '3' });
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
});

/** A request with any method (fetch refuses TRACE and CONNECT); resolves with status, headers and body. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request written by hand, for what no client library sends (an unknown method, a bare CONNECT, a body that never ends). */
function rawLine(line: string, rest = '\r\n'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1\r\n${rest}`));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
}

const PAGES = [
  '/',
  '/tasks/',
  '/messages/',
  '/messages/stats',
  '/messages/new',
  '/messages/track',
  '/open311/v2/requests.json',
  '/open311/v2/services.xml',
  '/favicon.svg',
];

test('methods a route does not take get 405 with Allow, on static and on-demand routes alike', async () => {
  for (const path of PAGES) {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      const answer = await raw(method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.allow, `${method} ${path}`).toMatch(/^GET, HEAD, (POST, )?OPTIONS$/);
    }
    const options = await raw('OPTIONS', path);
    expect(options.status).toBe(204);
    expect(options.headers.allow).toContain('GET');
  }
  expect((await raw('POST', '/tasks/')).status).toBe(405);
  expect((await raw('PUT', '/messages/new')).headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  for (const line of ['FOO /messages/ HTTP/1.1', 'CONNECT 127.0.0.1:22 HTTP/1.1', 'BREW /messages/ HTTP/1.1']) {
    const answer = await rawLine(line);
    expect(answer, line).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer, line).toMatch(/\r\nAllow: GET, HEAD/);
  }
  expect(server.output()).not.toMatch(/Could not render|TypeError|\n\s+at /);
});

test('an out-of-range date is a 400 naming the parameter', async () => {
  for (const [name, value] of [
    ['end_date', '-271821-04-20T00:00:00Z'],
    ['start_date', '+275760-09-13T00:00:00Z'],
  ]) {
    for (const format of ['json', 'xml']) {
      const response = await fetch(`${server.url}/open311/v2/requests.${format}?${name}=${encodeURIComponent(value!)}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`${name}：日期超出范围`);
    }
  }
});

test('every XML answer is well-formed: echoed ids, and stored text XML cannot carry', async () => {
  const echoed = await fetch(`${server.url}/open311/v2/requests/%01%02%EF%BF%BE.xml`);
  expect(echoed.status).toBe(404);
  wellFormed(await echoed.text());

  // Such text is refused at input, naming the field…
  const refused = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': '路灯不亮\uFFFE',
      description: '望澜路北段的路灯已经一周不亮了。',
      phone: '13800000000',
      altcha: await solvedProof(server.url),
    }),
  });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('attribute[title]：标题含有无法保存的特殊字符');

  // …and a row that has it anyway (stored before the rule) does not break the lists it is in.
  const created = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': '路灯不亮',
      description: '望澜路北段的路灯已经一周不亮了。',
      phone: '13800000000',
      'attribute[consent]': 'yes',
      altcha: await solvedProof(server.url),
    }),
  });
  const { service_request_id: number } = ((await created.json()) as { service_request_id: string }[])[0]!;
  const db = new Database(join(server.dataDir, 'duban.sqlite'));
  db.prepare(`update messages set state = 'closed', published = 1, reply = ?, content = ?, closed_at = submitted_at where number = ?`).run(
    '已修复\uFFFF\u0001',
    '旧数据\uFFFE里的字符',
    number,
  );
  db.close();
  for (const path of ['/open311/v2/requests.xml', `/open311/v2/requests/${number}.xml`, `/open311/v2/requests.xml?service_request_id=${number}`]) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, path).toBe(200);
    const xml = await response.text();
    expect(xml).toContain(number);
    wellFormed(xml);
  }
});

test('a slow body is cut off within seconds, with one line in the log per client and no stack trace', async () => {
  const before = server.output().split('\n').length;
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 30 }, () =>
      rawLine('POST /messages/new HTTP/1.1', 'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\ntitle='),
    ),
  );
  const took = Date.now() - started;
  for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(took).toBeLessThan(10_000);
  await new Promise((r) => setTimeout(r, 300));
  const lines = server
    .output()
    .split('\n')
    .slice(before - 1)
    .filter((line) => line && !line.startsWith('{')); // the access log's JSON lines aside
  expect(lines.length).toBeLessThanOrEqual(30);
  for (const line of lines) expect(line).toMatch(/^请求超时已断开：/);
});

test('a wrong answer to the no-script question uses it up: the same question cannot be answered again', async () => {
  const form = async (body?: URLSearchParams) => {
    const response = await fetch(
      `${server.url}/messages/new`,
      body ? { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } : {},
    );
    const html = await response.text();
    const token = /name="question_token" value="([^"]+)"/.exec(html)![1]!;
    const [, a, b] = /([一二三四五六七八九])加([一二三四五六七八九])等于多少/.exec(html)!;
    const sum = '零一二三四五六七八九'.indexOf(a!) + '零一二三四五六七八九'.indexOf(b!);
    return { status: response.status, html, token, sum };
  };
  const fields = { type: 'complaint', title: '路灯不亮', content: '望澜路北段的路灯已经一周不亮了。', phone: '13800000000' };
  const first = await form();
  const wrong = await form(new URLSearchParams({ ...fields, question_token: first.token, answer: String(first.sum + 1) }));
  expect(wrong.status).toBe(400);
  expect(wrong.html).toContain('已换了一道新题');
  expect(wrong.token).not.toBe(first.token);
  const replay = await form(new URLSearchParams({ ...fields, question_token: first.token, answer: String(first.sum) }));
  expect(replay.status).toBe(400);
  expect(replay.html).toContain('这次人机验证已经用过');
  // Wrong answers count toward the no-script limit (3 here): the third try from this address is refused.
  const third = await fetch(`${server.url}/messages/new`, {
    method: 'POST',
    body: new URLSearchParams({ ...fields, question_token: replay.token, answer: String(replay.sum + 1) }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(third.status).toBe(400);
  const fourth = await fetch(`${server.url}/messages/new`, {
    method: 'POST',
    body: new URLSearchParams({ ...fields, question_token: replay.token, answer: String(replay.sum) }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(fourth.status).toBe(429);
});

test('Origin: null may look a message up but not rate it or submit one', async () => {
  const post = (path: string, origin: string, body: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(body),
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  const lookup = await post('/messages/track', 'null', { number: 'LY20261102-0001', code: 'AAAAA-AAAAA' });
  expect(lookup.status).toBe(404);
  for (const path of ['/messages/rate', '/messages/new']) {
    const refused = await post(path, 'null', { number: 'LY20261102-0001', code: 'AAAAA-AAAAA', rating: 'satisfied' });
    expect(refused.status, path).toBe(403);
    expect(await refused.text()).toContain('来源不明的提交已被拒绝');
  }
  expect((await post('/messages/rate', 'https://elsewhere.example', { number: 'x' })).status).toBe(403);
});

test('browsers may read Open311 from any site but not post to it', async () => {
  const read = await fetch(`${server.url}/open311/v2/requests.json`, { headers: { Origin: 'https://elsewhere.example' } });
  expect(read.headers.get('access-control-allow-origin')).toBe('*');
  const body = JSON.stringify({
    service_code: 'complaint',
    'attribute[title]': '路灯不亮',
    description: '望澜路北段的路灯已经一周不亮了。',
    phone: '13800000000',
    altcha: await solvedProof(server.url),
  });
  for (const origin of ['https://elsewhere.example', 'null']) {
    const posted = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body, headers: { Origin: origin, 'Content-Type': 'text/plain' } });
    expect(posted.status, origin).toBe(403);
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
  }
  const fromServer = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
  expect(fromServer.status).toBe(201);
  expect(fromServer.headers.get('access-control-allow-origin')).toBeNull();
});

test('text with comparison signs or markup is accepted and shown as text', async () => {
  const content = '如果 a < b 且 c > d，那么 <b>加粗</b> 和 <script>alert(1)</script> 都只是文字。';
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'consultation',
      'attribute[title]': 'a < b 且 c > d',
      description: content,
      phone: '13800000000',
      altcha: await solvedProof(server.url),
    }),
  });
  expect(response.status).toBe(201);
  const { service_request_id: number, query_code: code } = ((await response.json()) as { service_request_id: string; query_code: string }[])[0]!;
  const page = await (
    await fetch(`${server.url}/messages/track`, {
      method: 'POST',
      body: new URLSearchParams({ number, code }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
  ).text();
  expect(page).toContain('a &lt; b 且 c &gt; d');
  expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(page).not.toContain('<script>alert(1)</script>');
});

test('an address with broken percent-encoding is a 400 in Chinese, for a page, a message route and Open311 alike', async ({ request }) => {
  for (const path of ['/tasks/%E4%B8/', '/messages/%E4%B8', '/open311/v2/requests/%ZZ.json', '/console/%E4']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain('地址中的编码有误');
  }
});
