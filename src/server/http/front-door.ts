/**
 * The HTTP server in front of the built site's handler: it settles what must be settled before a
 * page runs. Methods a route does not take get 405 with `Allow` (also TRACE, CONNECT and methods
 * Node's parser does not know, which would otherwise reach the adapter and fail there). A request
 * whose headers and body have not all arrived within the time-out is answered 408 and closed, with
 * one line in the log, so slow clients cannot hold connections open for minutes. Text responses
 * (pages, styles, scripts, feeds, JSON) go out compressed to clients that accept it (brotli or gzip),
 * so a phone on a slow line gets a third of the bytes; a proxy in front may do this instead. With
 * `serving` (src/server/http/site-serving.ts) every response gets the security headers, and the built
 * site's files are sent precompressed, before any of them reaches the handler or on-the-fly compression.
 *
 * The handler and the serving are those of the site being served when the request starts (`current`,
 * asked once per request), so the server can switch to a new build under way (src/server/site-builds/).
 */
import compression from 'compression';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { allowedMethods, methodVerdict } from './methods.ts';
import { withAccessLog } from './access-log.ts';
import type { SiteServing } from './site-serving.ts';

export interface FrontDoorOptions {
  /** How long a client may take to send a whole request, headers and body. */
  requestTimeoutMs: number;
  log?: (line: string) => void;
  /** Where the access log's JSON lines go (src/server/http/access-log.ts); none when unset. */
  accessLog?: ((line: string) => void) | undefined;
}

/** The site answering: the built handler, and the security headers and built files of the same build. */
export interface CurrentSite {
  handler: RequestListener;
  serving?: SiteServing | undefined;
}

const TEXT = 'text/plain; charset=utf-8';

function pathOf(target: string | undefined): string {
  const path = (target ?? '/').split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function decodes(target: string | undefined): boolean {
  try {
    decodeURI(target ?? '/');
    return true;
  } catch {
    return false;
  }
}

/** An address that is not valid percent-encoding (/%E4%B8) names no page: 400, as the adapter's standalone handler answered it. */
function badAddress(response: ServerResponse): void {
  response.writeHead(400, { 'Content-Type': TEXT, 'Cache-Control': 'no-store' });
  response.end('地址中的编码有误（% 后应为两位十六进制数字），请检查链接。');
}

/** A raw response on a socket the HTTP parser gave up on (or never handed to a request handler). */
function answerRaw(socket: Duplex, status: string, headers: Record<string, string>, body: string): void {
  if (!socket.writable) return void socket.destroy();
  const head = Object.entries({ ...headers, 'Content-Type': TEXT, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status}\r\n${head}\r\n${body}`);
}

const clientOf = (request: IncomingMessage | undefined, socket: Duplex & { remoteAddress?: string }) =>
  request?.socket.remoteAddress ?? socket.remoteAddress ?? '?';

export function createFrontDoor(current: () => CurrentSite, { requestTimeoutMs, log = console.warn, accessLog }: FrontDoorOptions): Server {
  // compression is written for Express but needs only Node's request and response.
  const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  const logged = (listener: RequestListener) => (accessLog ? withAccessLog(listener, accessLog) : listener);
  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 10_000),
      // Node checks the time-outs at this interval; its default (30 s) would let a slow client stay three times as long.
      connectionsCheckingInterval: Math.min(1000, requestTimeoutMs),
    },
    logged((request, response) => {
      const { handler, serving } = current();
      serving?.secure(request, response);
      const verdict = methodVerdict(request.method ?? '', pathOf(request.url));
      const dynamic = () => (decodes(request.url) ? compress(request, response, () => void handler(request, response)) : badAddress(response));
      if (verdict.kind === 'pass') return serving ? serving.serveFile(request, response, dynamic) : dynamic();
      const status = verdict.kind === 'options' ? 204 : 405;
      response.writeHead(status, { Allow: verdict.allow, 'Content-Type': TEXT, 'Cache-Control': 'no-store' });
      response.end(status === 405 ? `不支持 ${request.method} 请求；这个地址只接受 ${verdict.allow}。` : undefined);
    }),
  );
  // CONNECT never reaches the request handler: Node hands over the raw socket.
  server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    const allow = allowedMethods(pathOf(request.url)).join(', ');
    answerRaw(socket, '405 Method Not Allowed', { Allow: allow }, `不支持 CONNECT 请求；这个地址只接受 ${allow}。`);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { remoteAddress?: string }) => {
    if (error.code === 'HPE_INVALID_METHOD') {
      const allow = allowedMethods('/').join(', ');
      return answerRaw(socket, '405 Method Not Allowed', { Allow: allow }, `不支持这种请求方法；只接受 ${allow}（提交表单和 Open311 用 POST）。`);
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      log(`请求超时已断开：${clientOf(undefined, socket)} 在 ${requestTimeoutMs / 1000} 秒内没有发完请求`);
      return answerRaw(socket, '408 Request Timeout', {}, `请求在 ${requestTimeoutMs / 1000} 秒内没有发送完整，连接已关闭。`);
    }
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    answerRaw(socket, '400 Bad Request', {}, '请求格式有误。');
  });
  return server;
}
