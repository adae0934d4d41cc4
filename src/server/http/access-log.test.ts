import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loggedPath, noteRoute, withAccessLog, type AccessLogLine } from './access-log.ts';

describe('loggedPath', () => {
  const page = { method: 'GET', status: 200 };

  it('drops the query string whole', () => {
    expect(loggedPath('/tasks/ND-2026-001/?q=13812345678&code=ABCDE-FGHJK', page)).toBe('/tasks/ND-2026-001/');
    expect(loggedPath('/search/?q=%E5%BC%A0%E4%B8%89', page)).toBe('/search/');
  });

  it('writes an on-demand route as the route, never its parameters', () => {
    expect(loggedPath('/messages/13812345678', { ...page, route: '/messages/[number]' })).toBe('/messages/[number]');
    expect(loggedPath('/open311/v2/requests/LY20261117-0001.json', { ...page, route: '/open311/v2/requests/[id].[format]' })).toBe(
      '/open311/v2/requests/[id].[format]',
    );
  });

  it('keeps the path of a built file that was served', () => {
    expect(loggedPath('/_astro/index.B4c9xYz1.css', page)).toBe('/_astro/index.B4c9xYz1.css');
    expect(loggedPath('/ranking/2026-07/', { method: 'HEAD', status: 304 })).toBe('/ranking/2026-07/');
  });

  it('hides every segment of an unknown path that could carry a number, a code, a name or text', () => {
    const missing = { method: 'GET', status: 404 };
    expect(loggedPath('/13812345678', missing)).toBe('/*');
    expect(loggedPath('/call/138-1234-5678/now', missing)).toBe('/call/*/now');
    expect(loggedPath('/messages/track/ABCDE-FGHJK', missing)).toBe('/messages/track/*');
    expect(loggedPath('/messages/track/abcdefghjk/', missing)).toBe('/messages/track/*/');
    expect(loggedPath('/%E5%BC%A0%E4%B8%89/', missing)).toBe('/*/');
    expect(loggedPath('/张三', missing)).toBe('/*');
    expect(loggedPath('/wp-login.php', missing)).toBe('/wp-login.php');
    // A path that the server refused is not a file, whatever the status.
    expect(loggedPath('/13812345678', { method: 'OPTIONS', status: 204 })).toBe('/*');
    expect(loggedPath('/13812345678', { method: 'POST', status: 303 })).toBe('/*');
  });
});

describe('withAccessLog', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(listener: RequestListener): Promise<{ url: string; lines: AccessLogLine[] }> {
    const lines: AccessLogLine[] = [];
    server = createServer(withAccessLog(listener, (line) => lines.push(JSON.parse(line) as AccessLogLine)));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
  }

  it('writes one line per request with the id the response carries, the route, the status and the bytes sent', async () => {
    const body = gzipSync(Buffer.from('留言内容'.repeat(50)));
    const { url, lines } = await serve((request, response) => {
      if (request.url!.startsWith('/messages/')) {
        // The page side notes its route from deep inside asynchronous work.
        void Promise.resolve().then(() => {
          noteRoute('/messages/[number]');
          response.writeHead(404, { 'Content-Type': 'text/plain' });
          response.write('没有');
          response.end('这条留言');
        });
        return;
      }
      response.end(body);
    });
    const first = await fetch(`${url}/tasks/?q=secret`);
    await first.arrayBuffer();
    const second = await fetch(`${url}/messages/13812345678?code=ABCDEFGHJK`);
    await second.text();
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/tasks/', status: 200, bytes: body.length, id: first.headers.get('x-request-id') });
    expect(lines[1]).toMatchObject({
      method: 'GET',
      path: '/messages/[number]',
      status: 404,
      bytes: Buffer.byteLength('没有这条留言'),
      id: second.headers.get('x-request-id'),
    });
    expect(lines[0]!.id).not.toBe(lines[1]!.id);
    for (const line of lines) {
      expect(Date.parse(line.time)).not.toBeNaN();
      expect(line.ms).toBeGreaterThanOrEqual(0);
      expect(Object.keys(line).sort()).toEqual(['bytes', 'id', 'method', 'ms', 'path', 'status', 'time']);
    }
  });

  it('marks a response cut off before it ended', async () => {
    const { url, lines } = await serve((_request, response) => {
      response.writeHead(200);
      response.write('half');
      setTimeout(() => response.destroy(), 20);
    });
    await fetch(`${url}/slow`)
      .then((r) => r.text())
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual([expect.objectContaining({ path: '/slow', status: null, aborted: true })]);
  });
});
