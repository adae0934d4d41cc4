/**
 * The shipped deployment, run here: Debian's nginx with deploy/nginx/duban.conf (only its ports, names
 * and file paths changed to fit a test), a self-signed certificate made for the test, and the Node
 * server behind it as `npm run serve` starts it, told to believe nginx (TRUSTED_PROXIES). Checked
 * through nginx: plain HTTP is sent to HTTPS; pages come over TLS compressed, with their caching and
 * security headers (HSTS too, the public address being https); the client address the server limits by
 * is the one nginx saw, whatever the client wrote into X-Forwarded-For; and a citizen, in the browser,
 * submits a message and tracks it. Needs nginx and openssl (`.ci/run` installs them).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as plainRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { passProofOfWork } from './helpers';
import { startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

const NODE_PORT = 4641;
const HTTP_PORT = 4642;
const HTTPS_PORT = 4643;
const SITE = `https://localhost:${HTTPS_PORT}`;
const LOOKUP_LIMIT = 5;
const root = join(import.meta.dirname, '..', '..');

let dir: string;
let certificate: Buffer;
let nginx: ChildProcess;
let server: TestServer;

/** deploy/nginx/duban.conf with this test's ports, name and files, and nothing else changed. */
function siteConfig(): string {
  const shipped = readFileSync(join(root, 'deploy', 'nginx', 'duban.conf'), 'utf8');
  const replaced = shipped
    .replace(/^\s*listen \[::\]:.*\n/gm, '') // the test machine may have no IPv6
    .replace('listen 80;', `listen 127.0.0.1:${HTTP_PORT};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`)
    .replaceAll('server_name duban.example.gov.cn;', 'server_name localhost;')
    .replace('return 301 https://$host$request_uri;', `return 301 https://$host:${HTTPS_PORT}$request_uri;`)
    .replace('server 127.0.0.1:4321;', `server 127.0.0.1:${NODE_PORT};`)
    .replace('/etc/duban/tls/fullchain.pem', join(dir, 'cert.pem'))
    .replace('/etc/duban/tls/privkey.pem', join(dir, 'key.pem'));
  for (const left of ['duban.example.gov.cn', '/etc/duban/', ':4321;', 'listen 80;', 'listen 443']) expect(replaced, left).not.toContain(left);
  return replaced;
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not listen on ${port}: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTPS request to nginx, trusting only the test's certificate; optionally a form post, from another loopback address. */
function get(path: string, options: { headers?: Record<string, string>; localAddress?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.form && new URLSearchParams(options.form).toString();
    const headers = body ? { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE } : options.headers;
    const req = request(`${SITE}${path}`, { method: body ? 'POST' : 'GET', ca: certificate, headers, localAddress: options.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-nginx-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' }); // prettier-ignore
  certificate = readFileSync(join(dir, 'cert.pem'));
  writeFileSync(join(dir, 'duban.conf'), siteConfig());
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      'daemon off;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      `  include ${join(dir, 'duban.conf')};`,
      '}',
    ].join('\n'),
  );
  execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')]); // the shipped configuration is valid
  server = await startServer(NODE_PORT, {
    DUBAN_SITE_URL: SITE,
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_LOOKUPS: String(LOOKUP_LIMIT),
    RATE_LIMIT_LOOKUPS_PER_NUMBER: '1000',
  });
  nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(HTTP_PORT);
});

test.afterAll(async () => {
  nginx?.kill('SIGQUIT');
  await server?.kill('SIGTERM');
});

test('plain HTTP is sent to HTTPS', async () => {
  const { status, location } = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    plainRequest({ host: '127.0.0.1', port: HTTP_PORT, path: '/tasks/?x=1', headers: { Host: 'localhost' } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, location: res.headers.location });
    })
      .on('error', reject)
      .end();
  });
  expect(status).toBe(301);
  expect(location).toBe(`${SITE}/tasks/?x=1`);
});

test('pages come over TLS compressed, with caching and security headers, HSTS included', async () => {
  const plain = await get('/', { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.status).toBe(200);
  expect(plain.body.toString()).toContain('<html lang="zh-CN"');
  for (const [encoding, decode] of [
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const) {
    const packed = await get('/', { headers: { 'Accept-Encoding': encoding } });
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(decode(packed.body).equals(plain.body)).toBe(true);
  }
  for (const path of ['/', '/tasks/', '/messages/', '/messages/new', '/console/sign-in']) {
    const { status, headers } = await get(path);
    expect(status, path).toBe(200);
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{7,}/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    expect(headers['referrer-policy'], path).toBeTruthy();
    expect(headers.server, path).toBe('nginx'); // server_tokens off: no version
  }
  const home = (await get('/')).body.toString();
  const asset = home.match(/\/_astro\/[\w.-]+\.css/)![0];
  expect((await get(asset)).headers['cache-control']).toMatch(/immutable/);
  const first = await get('/tasks/');
  const etag = first.headers.etag as string;
  expect(etag).toBeTruthy();
  expect((await get('/tasks/', { headers: { 'If-None-Match': etag } })).status).toBe(304);
});

test('the server limits by the address nginx saw, not the one the client wrote', async () => {
  const statuses: number[] = [];
  const wrongLookup = (i: number) => ({ number: `LY20260101-${String(i).padStart(4, '0')}`, code: 'AAAAA-AAAAA' }); // well-formed, wrong
  for (let i = 1; i <= LOOKUP_LIMIT + 2; i += 1) {
    // A different first hop every time, as a client dodging a limit would write it.
    const { status } = await get('/messages/track', { localAddress: '127.0.0.2', headers: { 'X-Forwarded-For': `203.0.113.${i}` }, form: wrongLookup(i) });
    statuses.push(status);
  }
  expect(statuses.at(-1), statuses.join(' ')).toBe(429);
  // Another client (another address nginx sees) is not held back by that one.
  expect((await get('/messages/track', { localAddress: '127.0.0.3', form: wrongLookup(1) })).status).not.toBe(429);
});

test('a citizen submits a message and tracks it through nginx', async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${SITE}/messages/new`);
  await page.getByLabel('咨询').check();
  await page.getByLabel('标题').fill('咨询老旧小区加装电梯的补贴');
  await page.getByLabel('留言内容').fill('请问望澜区老旧小区加装电梯，居民可以申请哪些补贴，向哪个部门申请？');
  await page.getByLabel('手机号码').fill('１３９００００５６７８');
  await passProofOfWork(page);
  await page.getByRole('button', { name: '提交留言' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '留言已提交' })).toBeVisible();
  const number = (await page.locator('#receipt-number').textContent())!.trim();
  const code = (await page.locator('#receipt-code').textContent())!.replace(/\s/g, '');
  await page.goto(`${SITE}/messages/track`);
  await page.getByLabel('留言编号').fill(number);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('咨询老旧小区加装电梯的补贴');
  await expect(page.getByText(number).first()).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});
