/**
 * Planted data: names, phone numbers, ID numbers and e-mail addresses written into messages (and
 * into staff replies and ratings) must never appear in clear on a public page, in the Open311
 * output, or in the built search index, whatever their spelling.
 */
import { expect, test } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime } from '../../src/server/runtime';
import { act } from '../../src/server/messages/commands/index';
import { CITIZEN, DISPATCHER, handlerOf } from '../fixtures/actors';
import { digitOf } from '../../src/lib/messages/digit-runs';
import { siteDir } from './helpers';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const NAME = '欧阳秀梅';
const PHONE = '13987654321';
const ID = '53010219800101567X';
const EMAIL = 'planted.person@example.org';
const LANDLINE = '087163334444';
/** Each secret and the ways it is written into the messages. */
const SECRETS = [NAME, PHONE, ID, EMAIL, LANDLINE];

let server: TestServer;
const numbers: string[] = [];
const codes: string[] = [];

test.beforeAll(async () => {
  server = await startServer(4612);
  const plants = [
    { title: `找${NAME}反映漏水`, content: `我是${NAME}，电话 139 8765 4321，身份证 ${ID}，邮箱 ${EMAIL}，座机 0871-6333 4444。` },
    { title: `回电${PHONE}`, content: `请打 +86-139-8765-4321 或发邮件到 ${EMAIL.toUpperCase()}，证件号 ${ID.toLowerCase()}。` },
    { title: '全角号码测试留言', content: `电话１３９８７６５４３２１，身份证 530102 19800101 567X，联系人${NAME}。` },
    {
      title: '电话一三九八七六五四三二一',
      content: `手机 139 - 8765 - 4321，或 139.8765.4321、139_8765_4321，邮箱 planted.person (at) example.org，或 planted.person＠example．org。`,
    },
  ];
  for (const [i, plant] of plants.entries()) {
    const viaForm = i % 2 === 0;
    const body = viaForm
      ? new URLSearchParams({
          type: 'complaint',
          title: plant.title,
          content: plant.content,
          name: NAME,
          phone: PHONE,
          email: EMAIL,
          consent: 'yes',
          altcha: await solvedProof(server.url),
        })
      : JSON.stringify({
          service_code: 'complaint',
          'attribute[title]': plant.title,
          description: plant.content,
          last_name: '欧阳',
          first_name: '秀梅',
          phone: PHONE,
          email: EMAIL,
          'attribute[consent]': 'yes',
          altcha: await solvedProof(server.url),
        });
    const response = await fetch(`${server.url}${viaForm ? '/messages/new' : '/open311/v2/requests.json'}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': viaForm ? 'application/x-www-form-urlencoded' : 'application/json' },
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    if (viaForm) {
      numbers.push(/id="receipt-number">([^<]+)</.exec(text)![1]!);
      codes.push(/id="receipt-code">([^<]+)</.exec(text)![1]!);
    } else {
      const [created] = JSON.parse(text) as { service_request_id: string; query_code: string }[];
      numbers.push(created!.service_request_id);
      codes.push(created!.query_code);
    }
  }
  // Staff handle and publish them, and the citizen rates one, each writing the secrets again.
  const runtime = await createRuntime({ ...server.env });
  try {
    for (const number of numbers) {
      const steps = [
        () => act(runtime, DISPATCHER, number, 'accept', {}),
        () => act(runtime, DISPATCHER, number, 'assign', { unit: 'water' }),
        () => act(runtime, DISPATCHER, number, 'extend', { newDue: '2026-12-31', reason: `需联系${NAME}（139/8765/4321）现场查看` }),
        () => act(runtime, handlerOf('water'), number, 'reply', { reply: `已电话联系${NAME}（${PHONE}），并发邮件至 ${EMAIL}，核对证件 ${ID}。` }),
        () => act(runtime, DISPATCHER, number, 'approve', {}),
        () => act(runtime, DISPATCHER, number, 'redact', {}),
        () => act(runtime, DISPATCHER, number, 'publish', {}),
        () => act(runtime, CITIZEN, number, 'rate', { rating: 'unsatisfied', comment: `请再联系 一三九 八七六五 四三二一 或 planted.person @ example. org` }),
      ];
      for (const [i, step] of steps.entries()) {
        const done = await step();
        expect(done.ok, `${number} step ${i}: ${done.ok ? '' : done.message}`).toBe(true);
      }
    }
  } finally {
    await runtime.stop();
  }
});

test.afterAll(async () => {
  await server.kill('SIGTERM');
});

/** Text read the way masking must read it: full-width as half-width, Chinese numerals as digits, (at) as @, separators gone. */
function squeeze(text: string): string {
  return [...text.normalize('NFKC')]
    .map((c) => digitOf(c) ?? c)
    .join('')
    .replace(/[([【]\s*at\s*[)\]】]/gi, '@')
    .replace(/[\s\-\u200B._,/·]/g, '')
    .toLowerCase();
}

/** The secrets a response body shows, however they are spelled in it. */
function leaks(body: string): string[] {
  const squeezed = squeeze(body);
  return SECRETS.filter((secret) => body.includes(secret) || squeezed.includes(squeeze(secret)));
}

test('the planted messages are published, with every secret masked on every public page', async () => {
  const board = await (await fetch(`${server.url}/messages/`)).text();
  for (const number of numbers) expect(board).toContain(number);
  expect(board).toContain('欧**'); // the author's name, masked
  const paths = [
    '/messages/',
    `/messages/?q=${encodeURIComponent(NAME)}`,
    `/messages/?q=${PHONE}`,
    `/messages/?q=${encodeURIComponent(EMAIL)}`,
    '/messages/stats',
    ...numbers.map((n) => `/messages/${n}/`),
  ];
  for (const path of paths) {
    const body = await (await fetch(`${server.url}${path}`)).text();
    // The search box shows the searcher's own query back to them; that is not the message leaking.
    const withoutQueryEcho = body.replace(/(name="q" value=")[^"]*"/, '$1"');
    expect(leaks(withoutQueryEcho), path).toEqual([]);
  }
  expect(await (await fetch(`${server.url}/messages/?q=${PHONE}`)).text()).toContain('没有符合条件的留言');
});

test('the Open311 output never carries a secret, in JSON or XML', async () => {
  for (const format of ['json', 'xml']) {
    for (const path of [
      `/open311/v2/requests.${format}`,
      `/open311/v2/requests.${format}?service_request_id=${numbers.join(',')}`,
      ...numbers.map((n) => `/open311/v2/requests/${n}.${format}`),
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).toContain(numbers[0]!.slice(0, 2));
      expect(leaks(body), path).toEqual([]);
    }
  }
});

test("the citizen's own tracking page shows the message masked too", async () => {
  for (const [i, number] of numbers.entries()) {
    const response = await fetch(`${server.url}/messages/track`, {
      method: 'POST',
      body: new URLSearchParams({ number, code: codes[i]! }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const body = await response.text();
    expect(body).toContain('办理过程');
    // The page repeats the number and code the citizen typed (for the rating form); nothing else of theirs.
    expect(leaks(body), number).toEqual([]);
  }
});

test('the built search index holds none of the secrets', async () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(siteDir, 'pagefind'));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const raw = readFileSync(file);
    let text: string;
    try {
      text = gunzipSync(raw).toString('utf8');
    } catch {
      text = raw.toString('utf8');
    }
    expect(leaks(text), file).toEqual([]);
  }
});
