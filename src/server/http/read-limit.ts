/**
 * A generous per-client limit on reads of the pages and APIs made on demand (the message board and
 * its pages, search, statistics, Open311 GETs, the proof-of-work challenge): each one queries the
 * store, and a few clients asking `/messages/?q=<random>` as fast as they can would otherwise slow
 * everyone's submissions. Built pages and files are not limited (they never reach this), nor the staff
 * console (signed-in staff, often many behind one office address, every request checked by session)
 * or `/healthz` (monitors).
 *
 * A token bucket per client address: `burst` reads at once, refilled at `perMinute`, so a person
 * reading and searching as they type (four requests a second at most, src/scripts/message-search.ts)
 * never meets it, while a script asking without pause is slowed to the refill rate. A refusal is a
 * 429 with `Retry-After`, in the form the route answers in: Open311's error list (JSON or XML), JSON
 * for the JSON endpoints, a short Chinese page for pages. Counted per server process, in memory.
 */
import { open311Errors } from '../open311/respond.ts';

export interface ReadLimit {
  /** Reads refilled per minute (the sustained rate). */
  perMinute: number;
  /** Reads allowed at once after a pause (the bucket's size). */
  burst: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

const MAX_KEYS = 100_000;

/** Token buckets by key, kept in memory; a full bucket is forgotten when room is needed. */
export class TokenBuckets {
  #buckets = new Map<string, { tokens: number; at: number }>();

  take(key: string, { perMinute, burst }: ReadLimit, now = Date.now()): Take {
    const perMs = perMinute / 60_000;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= MAX_KEYS) this.#prune(now, perMs, burst);
      bucket = { tokens: burst, at: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  #prune(now: number, perMs: number, burst: number): void {
    for (const [key, bucket] of this.#buckets) if (bucket.tokens + (now - bucket.at) * perMs >= burst) this.#buckets.delete(key);
    if (this.#buckets.size >= MAX_KEYS) this.#buckets.clear();
  }
}

/** Whether a request to an on-demand route counts as a read under this limit. */
export function isLimitedRead(method: string, pathname: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/console' || pathname.startsWith('/console/')) return false;
  return pathname !== '/healthz' && pathname !== '/healthz/';
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The 429 answer, shaped as the route answers: Open311 errors, JSON, or a page. */
export function tooManyReads(pathname: string, retryAfterSeconds: number, siteName: string): Response {
  const message = `请求过于频繁，请 ${retryAfterSeconds} 秒后再试。`;
  const headers = { ...NO_STORE, 'Retry-After': String(retryAfterSeconds) };
  if (pathname.startsWith('/open311/')) return open311Errors(pathname.endsWith('.xml') ? 'xml' : 'json', 429, [message], headers);
  if (pathname.endsWith('.json') || pathname === '/messages/challenge')
    return new Response(JSON.stringify({ error: message }), { status: 429, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  const name = escapeHtml(siteName);
  const page = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>错误：请求过于频繁 - ${name}</title>
</head>
<body>
<main>
<h1>请求过于频繁</h1>
<p>${escapeHtml(message)}这个限制按访问地址计算，用来保证所有人都能正常留言和查询。</p>
<p><a href="/">返回${name}首页</a></p>
</main>
</body>
</html>
`;
  return new Response(page, { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** Count one read by `client`; a 429 response when it is over the limit, null when it may go on. */
export function readLimitRefusal(
  buckets: TokenBuckets,
  limit: ReadLimit,
  request: { method: string; pathname: string; client: string; siteName: string },
  now = Date.now(),
): Response | null {
  if (!isLimitedRead(request.method, request.pathname)) return null;
  const taken = buckets.take(`read:${request.client}`, limit, now);
  return taken.ok ? null : tooManyReads(request.pathname, taken.retryAfterSeconds, request.siteName);
}
