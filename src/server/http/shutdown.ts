/**
 * Stopping on SIGTERM (systemd, a container runtime, a deploy script) without breaking a promise:
 * a message acknowledged is stored, and a request already received gets its answer.
 *
 * 1. Stop listening: new connections are refused from here on (a client retries elsewhere or later).
 * 2. Requests in flight run to their end. Each answer from now on says `Connection: close`, and a
 *    kept-alive connection with no request on it is closed, so no new request starts on an old one.
 * 3. After the grace time (SHUTDOWN_GRACE_SECONDS), connections still busy are cut: a request that has
 *    not finished by then is not acknowledged, and a client that retries with its idempotency key
 *    gets the same message (decision 006), never a second one.
 * 4. Housekeeping stops, waiting for a run under way (a notice being sent, overdue messages being urged).
 * 5. The store is closed, so every commit is on disk, and the process exits 0.
 */
import type { Server, ServerResponse } from 'node:http';

export interface Drain {
  /** Requests being answered now. */
  readonly inFlight: number;
  /** Steps 1–3: resolves when every connection has ended, with how many requests were cut off at the grace time. */
  drain(graceMs: number): Promise<{ cut: number }>;
}

/** Follow the requests in flight on `server` from now on (call before it listens). */
export function drainable(server: Server): Drain {
  const active = new Set<ServerResponse>();
  let draining = false;
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_request, response: ServerResponse) => {
    active.add(response);
    if (draining && !response.headersSent) response.setHeader('Connection', 'close');
    response.once('close', () => {
      active.delete(response);
      if (draining) closeIdle();
    });
  });
  return {
    get inFlight() {
      return active.size;
    },
    drain(graceMs) {
      draining = true;
      for (const response of active) if (!response.headersSent) response.setHeader('Connection', 'close');
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          const cut = active.size;
          server.closeAllConnections();
          resolve({ cut });
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ cut: 0 });
        });
        server.closeIdleConnections();
      });
    },
  };
}

export interface ShutdownSteps {
  drain: Drain;
  graceMs: number;
  /** Step 4. */
  stopHousekeeping: () => Promise<void>;
  /** Step 5. */
  closeStore: () => Promise<void>;
  log?: (line: string) => void;
}

/** Steps 1–5 (see the header comment); the caller exits once it resolves. */
export async function shutDown({ drain, graceMs, stopHousekeeping, closeStore, log = console.log }: ShutdownSteps, signal = 'SIGTERM'): Promise<void> {
  log(`收到 ${signal}：不再接受新连接，等待 ${drain.inFlight} 个进行中的请求完成（最多 ${graceMs / 1000} 秒）。`);
  const housekeeping = stopHousekeeping();
  const { cut } = await drain.drain(graceMs);
  if (cut > 0) log(`等待 ${graceMs / 1000} 秒后仍有 ${cut} 个请求未完成，已断开；这些请求没有得到确认，客户端可用同一个幂等键重试。`);
  await housekeeping;
  await closeStore();
  log('已停止：请求已处理完，定时任务已停止，存储已关闭。');
}
