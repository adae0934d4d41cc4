/**
 * The access log: one JSON line per request on stdout, for the operators (journald, a log shipper):
 * `{"time","id","method","path","status","ms","bytes"}`. Every response carries the same id in
 * `X-Request-Id`, so a citizen's or a monitor's report can be matched to its line. ACCESS_LOG=0 turns
 * it off (a proxy in front may keep its own).
 *
 * What it never holds: a phone number, a query code, a name or a message's text. Those travel in form
 * bodies (never read here), in query strings (dropped whole: `?q=` carries search words, a mistyped
 * link may carry a code) and in headers (none is logged, not even Referer or User-Agent, nor the
 * client's address). The path is logged only where the site, not the visitor, chose its words:
 *
 * - an on-demand page or API: its route, as written in src/pages (`/messages/[number]`), not the path;
 * - a built file that was served (GET or HEAD answered 2xx or 3xx): its path, the name the site gave it;
 * - anything else (a 404, a refused method, …): the path with every segment that could carry such
 *   words written `*` (a segment is kept only if it is short ASCII without digits and not shaped like
 *   a query code).
 *
 * `bytes` counts the body as sent (after compression); `ms` runs until the response has been handed
 * to the socket. A response cut off before it ended (the client went away, a time-out) has
 * `"status": null` and `"aborted": true`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** What the page side tells the log about a request (set from src/middleware.ts). */
interface RequestNote {
  route?: string;
}

const KEY = Symbol.for('duban.access-log.context');
type Holder = { [KEY]?: AsyncLocalStorage<RequestNote> };

/** One store for the front door and the built site's bundle, which load separate copies of this module. */
function notes(): AsyncLocalStorage<RequestNote> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RequestNote>();
  return holder[KEY];
}

/** Record which on-demand route answers the request being handled (a no-op outside a logged request, e.g. at build). */
export function noteRoute(pattern: string): void {
  const note = notes().getStore();
  if (note) note.route = pattern;
}

export interface AccessLogLine {
  time: string;
  id: string;
  method: string;
  path: string;
  status: number | null;
  ms: number;
  bytes: number;
  aborted?: true;
}

const SAFE_SEGMENT = /^[A-Za-z._~-]{1,64}$/;
/** A query code typed whole (ten letters of its alphabet) or in its two groups of five; case-insensitive. */
const CODE_TEN = /^[2-9A-HJKMNP-Z]{10}$/i;
const CODE_FIVE = /^[2-9A-HJKMNP-Z]{5}$/i;

function keptSegment(segment: string): boolean {
  if (segment === '') return true;
  if (!SAFE_SEGMENT.test(segment)) return false;
  const tokens = segment.split(/[._~-]/);
  return !tokens.some((token, i) => CODE_TEN.test(token) || (CODE_FIVE.test(token) && CODE_FIVE.test(tokens[i + 1] ?? '')));
}

/** The path for the log line: see the header comment. `target` is the request line's target, query included. */
export function loggedPath(target: string | undefined, answer: { route?: string | undefined; method: string; status: number | null }): string {
  if (answer.route) return answer.route;
  const path = (target ?? '/').split(/[?#]/)[0]!.slice(0, 300) || '/';
  const served = answer.status !== null && answer.status >= 200 && answer.status < 400;
  if (served && (answer.method === 'GET' || answer.method === 'HEAD')) return path;
  return path
    .split('/')
    .map((segment) => (keptSegment(segment) ? segment : '*'))
    .join('/');
}

function sizeOf(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (ArrayBuffer.isView(chunk)) return chunk.byteLength;
  return 0;
}

/**
 * Wraps the server's request listener: an id for every request (`X-Request-Id`), the route noted by
 * the page side, the body bytes counted as they leave (wrapped before compression wraps them), and
 * one line written when the response is done or cut off.
 */
export function withAccessLog(listener: RequestListener, write: (line: string) => void): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const time = new Date().toISOString();
    const id = randomUUID();
    response.setHeader('X-Request-Id', id);
    let bytes = 0;
    const { write: writeBody, end: endBody } = response;
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      bytes += sizeOf(chunk, rest[0]);
      return (writeBody as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') bytes += sizeOf(chunk, rest[0]);
      return (endBody as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse['end'];
    const note: RequestNote = {};
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const method = request.method ?? '-';
      const status = response.writableFinished ? response.statusCode : null;
      const line: AccessLogLine = {
        time,
        id,
        method,
        path: loggedPath(request.url, { route: note.route, method, status }),
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        bytes: method === 'HEAD' ? 0 : bytes,
      };
      if (status === null) line.aborted = true;
      write(`${JSON.stringify(line)}\n`);
    };
    response.once('finish', finish);
    response.once('close', finish);
    notes().run(note, () => listener(request, response));
  };
}
