import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBuiltSite, serveBuiltFile } from './static-files.ts';

const PAGE = `<!doctype html><html><head><script>mark()</script></head><body>${'督办公开 '.repeat(400)}</body></html>`;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-static-'));
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  };
  write('index.html', PAGE);
  write('index.html.br', brotliCompressSync(PAGE));
  write('index.html.gz', gzipSync(PAGE));
  write('_astro/a.B1.css', 'body{color:red}');
  write('feed.rss', '<rss>old</rss>'.repeat(200));
  write('feed.rss.gz', gzipSync('<rss>stale</rss>'.repeat(200)));
  // A copy older than its file is ignored.
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'feed.rss.gz'), old, old);
  write('pagefind/index/zh_1.pf_index', gzipSync('index'));
  write('tasks/index.html', '<html><body>公示栏</body></html>');
  const site = scanBuiltSite(dir);
  server = createServer((request, response) =>
    serveBuiltFile(site, request, response, () => {
      response.writeHead(418, { 'Content-Type': 'text/plain' });
      response.end('handler');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${base}${path}`);

/** The response as sent (fetch would decode it). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('scanning the built site', () => {
  it('finds the files and their fresh copies', () => {
    const site = scanBuiltSite(dir);
    expect(site.files.get('/index.html')!.encodings).toEqual(['br', 'gzip']);
    expect(site.files.get('/feed.rss')!.encodings).toEqual([]);
    expect(site.files.has('/index.html.br')).toBe(false);
    expect(site.precompressed).toBe(1);
  });
});

describe('serving by negotiation', () => {
  it('Brotli, gzip or the file itself, each the same page once decoded, with Vary and one content type', async () => {
    const plain = await raw('/', { 'Accept-Encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toBe(PAGE);
    const br = await raw('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const gz = await raw('/', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    for (const response of [plain, br, gz]) {
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(Number(response.headers.get('content-length'))).toBe(response.body.length);
    }
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(gunzipSync(gz.body).toString()).toBe(PAGE);
    expect(new Set([plain, br, gz].map((r) => r.headers.get('etag'))).size).toBe(3);
  });

  it('a copy older than its file is not sent, and a file without copies does not vary', async () => {
    const feed = await raw('/feed.rss', { 'Accept-Encoding': 'gzip' });
    expect(feed.headers.get('content-encoding')).toBeNull();
    expect(feed.body.toString()).toContain('<rss>old</rss>');
    expect(feed.headers.get('vary')).toBeNull();
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  });

  it('hashed assets and Pagefind chunks are immutable; Pagefind’s own gzip is sent as it is', async () => {
    expect((await get('/_astro/a.B1.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const chunk = await raw('/pagefind/index/zh_1.pf_index', { 'Accept-Encoding': 'br, gzip' });
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-encoding')).toBeNull();
  });

  it('folders by their index with or without the slash; the rest goes on to the handler', async () => {
    expect(await (await get('/tasks')).text()).toContain('公示栏');
    expect(await (await get('/tasks/')).text()).toContain('公示栏');
    expect((await get('/messages/')).status).toBe(418);
    expect((await get('/index.html.br')).status).toBe(418);
    expect((await get('/%E0%A4%A')).status).toBe(418);
  });
});

describe('conditional requests', () => {
  it('304 on the ETag of the variant asked for, also in a list; 200 on another variant’s ETag', async () => {
    const first = await raw('/', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await raw('/', { 'Accept-Encoding': 'br', 'If-None-Match': `"nope", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect((await raw('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status).toBe(200);
  });

  it('304 on If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    const first = await raw('/', {});
    const modified = first.headers.get('last-modified')!;
    expect((await raw('/', { 'If-Modified-Since': modified })).status).toBe(304);
    expect((await raw('/', { 'If-Modified-Since': new Date(Date.parse(modified) - 86_400_000).toUTCString() })).status).toBe(200);
  });

  it('HEAD answers the headers without the body; a range is honoured on the file as it is', async () => {
    const head = await fetch(`${base}/`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(await head.text()).toBe('');
    const part = await raw('/', { 'Accept-Encoding': 'identity', Range: 'bytes=0-14' });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe('<!doctype html>');
    expect((await raw('/', { 'Accept-Encoding': 'br', Range: 'bytes=0-14' })).status).toBe(200);
  });
});
