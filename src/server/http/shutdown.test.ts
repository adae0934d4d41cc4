import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable, shutDown } from './shutdown.ts';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function get(port: number, path: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('draining on SIGTERM', () => {
  let server: Server;
  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  /** A server whose answers take `?ms=` milliseconds. */
  async function start(): Promise<{ port: number; drain: ReturnType<typeof drainable> }> {
    server = createServer((req, res) => {
      const ms = Number(new URL(req.url!, 'http://x').searchParams.get('ms') ?? 0);
      setTimeout(() => res.end(`done after ${ms}`), ms);
    });
    const drain = drainable(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, drain };
  }

  it('finishes requests in flight, closes kept-alive connections and refuses new ones', async () => {
    const { port, drain } = await start();
    const agent = new Agent({ keepAlive: true });
    expect((await get(port, '/?ms=0', agent)).connection).toBe('keep-alive'); // an idle kept-alive connection stays behind
    const slow = get(port, '/?ms=300');
    await sleep(50);
    expect(drain.inFlight).toBe(1);
    const drained = drain.drain(5000);
    const answer = await slow;
    expect(answer).toEqual({ status: 200, connection: 'close', body: 'done after 300' });
    expect(await drained).toEqual({ cut: 0 });
    await expect(get(port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('cuts what is still running at the grace time, and says how many', async () => {
    const { port, drain } = await start();
    const slow = get(port, '/?ms=2000').catch((error: NodeJS.ErrnoException) => error.code);
    await sleep(50);
    const started = Date.now();
    expect(await drain.drain(200)).toEqual({ cut: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await slow).toBe('ECONNRESET');
  });

  it('stops housekeeping and closes the store after the last request, in that order', async () => {
    const { port, drain } = await start();
    const steps: string[] = [];
    const slow = get(port, '/?ms=200');
    await sleep(50);
    const lines: string[] = [];
    await shutDown({
      drain,
      graceMs: 5000,
      stopHousekeeping: async () => {
        await sleep(10);
        steps.push('housekeeping stopped');
      },
      closeStore: async () => {
        steps.push(`store closed with ${drain.inFlight} in flight`);
      },
      log: (line) => lines.push(line),
    });
    expect((await slow).body).toBe('done after 200');
    expect(steps).toEqual(['housekeeping stopped', 'store closed with 0 in flight']);
    expect(lines[0]).toMatch(/^收到 SIGTERM：不再接受新连接，等待 1 个进行中的请求完成/);
    expect(lines.at(-1)).toMatch(/已停止/);
  });
});
