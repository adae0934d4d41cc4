/**
 * Fixed-window rate limits kept in memory: per client address and overall. A refusal says when to
 * try again (Retry-After). Limits are per server process; several processes behind one database
 * each count their own (documented in the README).
 */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

const MAX_KEYS = 100_000;

export class RateLimiter {
  #windows = new Map<string, { start: number; count: number }>();

  /** Count one event for `key`; refuse when `limit` events already happened in the current window. */
  take(key: string, limit: number, windowMs: number, now = Date.now()): Take {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (!window && this.#windows.size >= MAX_KEYS) this.#prune(now, windowMs);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    window.count += 1;
    return { ok: true };
  }

  /** Whether `key` is at its limit now, without counting anything (for limits on failures, counted only once they happen). */
  check(key: string, limit: number, windowMs: number, now = Date.now()): Take {
    const window = this.#windows.get(key);
    if (!window || now - window.start >= windowMs || window.count < limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
  }

  /** Give back one event (the request turned out not to count, e.g. it failed validation before any work). */
  refund(key: string): void {
    const window = this.#windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  #prune(now: number, windowMs: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= windowMs) this.#windows.delete(key);
    if (this.#windows.size >= MAX_KEYS) this.#windows.clear();
  }
}
