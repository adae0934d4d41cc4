/**
 * Serving, judged from outside (issue 11, decision 020): every page of the sitemap and every on-demand
 * route carries the security headers; its CSP allows exactly the inline scripts the page carries; static
 * files come precompressed by negotiation (and decode to the built file, byte for byte); hashed assets
 * are immutable, pages revalidate and answer 304. Against the test server (`npm run build:test` first),
 * and a server of its own with an https public address for HSTS.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { siteDir } from './helpers.ts';
import { startServer } from './spawn-server.ts';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose answer is read as sent: not decoded, redirects not followed. */
function raw(url: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpRequest(new URL(url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const decode = ({ headers, body }: Raw): Buffer =>
  headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;

const scriptHashes = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc=/.test(m[1]!))
    .map((m) => `'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);

/** The headers every response must carry; for a page, a CSP that allows each of its inline scripts and no other inline code. */
function expectSecured(path: string, response: Raw): void {
  const h = response.headers;
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
  expect(scriptSrc, path).not.toContain("'unsafe-inline'");
  expect(h['x-content-type-options'], path).toBe('nosniff');
  expect(h['x-frame-options'], path).toBe('DENY');
  expect(h['referrer-policy'], path).toMatch(/^(strict-origin-when-cross-origin|same-origin|no-referrer|strict-origin)$/);
  expect(h['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  if (/text\/html/.test(String(h['content-type'])) && response.body.length) {
    for (const hash of scriptHashes(decode(response).toString('utf8'))) expect(scriptSrc, `${path}: inline script ${hash}`).toContain(hash);
  }
}

test.describe('headers on every response', () => {
  test.describe.configure({ timeout: 120_000 });

  test('every page of the sitemap: security headers, its inline scripts allowed by hash, no HSTS on a plain-HTTP site', async ({ baseURL }) => {
    const sitemap = (await raw(`${baseURL}/sitemap-0.xml`)).body.toString();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths.length).toBeGreaterThan(100);
    for (const path of [...paths, '/sitemap-index.xml', '/robots.txt', '/calendar.ics', '/data/tasks.json', '/data/tasks.csv', '/favicon.svg']) {
      const response = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(response.status, path).toBeLessThan(400);
      expectSecured(path, response);
      expect(response.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  test('every on-demand route, the 404 page, refusals and the CMS', async ({ baseURL }) => {
    const board = (await raw(`${baseURL}/messages/`)).body.toString();
    const number = board.match(/href="\/messages\/(LY\d{8}-\d{4})\/"/)![1]!;
    const requests: [string, number, string?][] = [
      ['/messages/', 200],
      ['/messages/?q=路灯', 200],
      ['/messages/new', 200],
      ['/messages/new?task=MS-2026-001', 200],
      ['/messages/track', 200],
      ['/messages/resend-code', 200],
      ['/messages/stats', 200],
      [`/messages/${number}/`, 200],
      ['/messages/LY20000101-0001/', 404],
      ['/messages/challenge', 200],
      ['/messages/search.json?q=路', 200],
      ['/open311/v2/services.json', 200],
      ['/open311/v2/services.xml', 200],
      ['/open311/v2/requests.json', 200],
      [`/open311/v2/requests/${number}.xml`, 200],
      ['/console/sign-in', 200],
      ['/console/', 303],
      ['/no-such-page/', 404],
      ['/admin/', 200],
      ['/admin/config.yml', 200],
      ['/', 405, 'POST'],
      ['/tasks/', 204, 'OPTIONS'],
    ];
    for (const [path, status, method] of requests) {
      const response = await raw(`${baseURL}${path}`, { method, headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(response.status, `${method ?? 'GET'} ${path}`).toBe(status);
      expectSecured(path, response);
    }
    // The CMS has its own policy (decision 020): eval for Decap, but framed by nobody.
    const admin = String((await raw(`${baseURL}/admin/`)).headers['content-security-policy']);
    expect(admin).toContain("'unsafe-eval'");
    expect(admin).toContain("frame-ancestors 'none'");
    expect(String((await raw(`${baseURL}/`)).headers['content-security-policy'])).not.toContain("'unsafe-eval'");
  });

  test('HSTS when the public address is https', async () => {
    const server = await startServer(4681, { DUBAN_SITE_URL: 'https://duban.example.gov.cn' });
    try {
      for (const path of ['/', '/tasks/', '/data/tasks.json', '/messages/new', '/console/sign-in', '/no-such-page/']) {
        const response = await raw(`${server.url}${path}`);
        expect(response.headers['strict-transport-security'], path).toBe('max-age=31536000');
        expect(response.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      }
    } finally {
      await server.kill('SIGTERM');
    }
  });
});

test.describe('compression by negotiation', () => {
  test('built files: Brotli, gzip or none as asked, Vary, one type, and the built bytes once decoded', async ({ baseURL }) => {
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const css = home.match(/\/_astro\/[\w.-]+\.css/)![0];
    const search = readFileSync(join(siteDir, 'search', 'index.html'), 'utf8');
    const js = search.match(/\/_astro\/[\w.-]+\.js/)![0];
    const files: [string, string][] = [
      ['/', 'index.html'],
      ['/tasks/MS-2026-001/', 'tasks/MS-2026-001/index.html'],
      [css, css.slice(1)],
      [js, js.slice(1)],
      ['/sitemap-0.xml', 'sitemap-0.xml'],
      ['/data/tasks.json', 'data/tasks.json'],
      ['/data/tasks.csv', 'data/tasks.csv'],
      ['/calendar.ics', 'calendar.ics'],
      ['/bulletins/feed.atom', 'bulletins/feed.atom'],
      ['/pagefind/pagefind.js', 'pagefind/pagefind.js'],
    ];
    for (const [path, file] of files) {
      const built = readFileSync(join(siteDir, file));
      const answers = {
        br: await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } }),
        gzip: await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'gzip, deflate' } }),
        identity: await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'identity' } }),
        refused: await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } }),
      };
      expect(answers.br.headers['content-encoding'], path).toBe('br');
      expect(answers.gzip.headers['content-encoding'], path).toBe('gzip');
      expect(answers.identity.headers['content-encoding'], path).toBeUndefined();
      expect(answers.refused.headers['content-encoding'], path).toBeUndefined();
      expect(answers.br.body.length, path).toBeLessThan(answers.gzip.body.length);
      for (const [name, answer] of Object.entries(answers)) {
        expect(answer.headers.vary, `${path} ${name}`).toBe('Accept-Encoding');
        expect(answer.headers['content-type'], `${path} ${name}`).toBe(answers.identity.headers['content-type']);
        expect(Number(answer.headers['content-length']), `${path} ${name}`).toBe(answer.body.length);
        expect(decode(answer).equals(built), `${path} ${name}: the built file`).toBe(true);
      }
    }
  });

  test('Pagefind’s chunks and wasm (gzip inside) and small files go as they are', async ({ baseURL }) => {
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const meta = `/pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`;
    for (const path of [meta, '/pagefind/wasm.unknown.pagefind', '/pagefind/pagefind-entry.json', '/robots.txt']) {
      const response = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-encoding'], path).toBeUndefined();
      expect(response.body.equals(readFileSync(join(siteDir, path))), path).toBe(true);
    }
  });

  test('on-demand pages are compressed on the fly, once', async ({ baseURL }) => {
    for (const [encoding, path] of [
      ['br', '/messages/'],
      ['gzip', '/messages/stats'],
      ['br', '/open311/v2/requests.json'],
    ] as const) {
      const response = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': encoding } });
      expect(response.headers['content-encoding'], path).toBe(encoding);
      expect(response.headers.vary, path).toMatch(/Accept-Encoding/i);
      const text = decode(response).toString('utf8');
      expect(text, `${path} decodes once to text`).toMatch(/^(<!DOCTYPE html>|<!doctype html>|\[|\{)/);
    }
  });
});

test.describe('caching', () => {
  test('hashed assets are immutable for a year; pages, feeds and data revalidate with ETag and Last-Modified', async ({ baseURL }) => {
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const chunks = ['fragment', 'index', 'filter'].map((folder) => `/pagefind/${folder}/${readdirSync(join(siteDir, 'pagefind', folder))[0]}`);
    for (const path of [home.match(/\/_astro\/[\w.-]+\.css/)![0], ...chunks]) {
      expect((await raw(`${baseURL}${path}`)).headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
    for (const path of [
      '/',
      '/tasks/',
      '/bulletins/feed.rss',
      '/data/tasks.json',
      '/sitemap-0.xml',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.unknown.pagefind',
    ]) {
      const { headers } = await raw(`${baseURL}${path}`);
      expect(headers['cache-control'], path).toBe('no-cache');
      expect(headers.etag, path).toMatch(/^"[\w-]+"$/);
      expect(headers['last-modified'], path).toBeTruthy();
    }
  });

  test('a page asked again answers 304 on If-None-Match or If-Modified-Since, with its headers and no body', async ({ baseURL }) => {
    for (const path of ['/', '/tasks/MS-2026-001/', '/bulletins/']) {
      const first = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br' } });
      const etag = String(first.headers.etag);
      const byTag = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
      expect(byTag.status, path).toBe(304);
      expect(byTag.body.length).toBe(0);
      expect(byTag.headers.etag).toBe(etag);
      expect(byTag.headers['cache-control']).toBe('no-cache');
      expect(byTag.headers.vary).toBe('Accept-Encoding');
      expectSecured(path, byTag);
      const byDate = await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'br', 'If-Modified-Since': String(first.headers['last-modified']) } });
      expect(byDate.status, path).toBe(304);
      const older = new Date(Date.parse(String(first.headers['last-modified'])) - 86_400_000).toUTCString();
      expect((await raw(`${baseURL}${path}`, { headers: { 'If-Modified-Since': older } })).status, path).toBe(200);
      // Another encoding is another representation: its own ETag.
      expect((await raw(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status, path).toBe(200);
    }
  });
});

test('the server bundle carries no content store: on-demand pages name units and tasks from the build’s directory (decision 022)', async ({ request }) => {
  const chunks = join(siteDir, '..', 'server', 'chunks');
  expect(readdirSync(chunks).filter((f) => /data-layer-content/.test(f))).toEqual([]);
  const directory = JSON.parse(readFileSync(join(siteDir, 'data', 'directory.json'), 'utf8')) as { units: { id: string; name: string }[]; tasks: string[][] };
  const [code, title] = directory.tasks[0]!;
  // The reply board narrowed to a task names it, and offers the units that have messages by their names.
  const board = await (await request.get(`/messages/?task=${encodeURIComponent(code!)}`)).text();
  expect(board).toContain(`关于任务「${title}」的网民留言`);
  const services = (await (await request.get('/open311/v2/services/consultation.json')).json()) as {
    attributes: { code: string; values?: { key: string; name: string }[] }[];
  };
  const units = services.attributes.find((a) => a.values?.some((v) => v.key === directory.units[0]!.id));
  expect(units?.values?.map((v) => v.name)).toEqual(directory.units.map((u) => u.name));
});
