import { describe, expect, it } from 'vitest';
import { isLimitedRead, readLimitRefusal, TokenBuckets, tooManyReads } from './read-limit.ts';

const LIMIT = { perMinute: 60, burst: 5 };

describe('TokenBuckets', () => {
  it('lets a burst through, then one read per refill', () => {
    const buckets = new TokenBuckets();
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i += 1) expect(buckets.take('a', LIMIT, t0).ok).toBe(true);
    expect(buckets.take('a', LIMIT, t0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // 60 a minute: one more a second.
    expect(buckets.take('a', LIMIT, t0 + 1000).ok).toBe(true);
    expect(buckets.take('a', LIMIT, t0 + 1000).ok).toBe(false);
    // Another client is not held back.
    expect(buckets.take('b', LIMIT, t0 + 1000).ok).toBe(true);
  });

  it('refills to the burst and no further', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 5; i += 1) buckets.take('a', LIMIT, 0);
    let allowed = 0;
    for (let i = 0; i < 20; i += 1) if (buckets.take('a', LIMIT, 3_600_000).ok) allowed += 1;
    expect(allowed).toBe(5);
  });

  it('says how long until the next read at a slow rate', () => {
    const buckets = new TokenBuckets();
    const slow = { perMinute: 2, burst: 1 };
    expect(buckets.take('a', slow, 0).ok).toBe(true);
    expect(buckets.take('a', slow, 0)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(buckets.take('a', slow, 20_000)).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('a sustained stream is held to the refill rate', () => {
    const buckets = new TokenBuckets();
    let allowed = 0;
    // 20 requests a second for a minute.
    for (let ms = 0; ms < 60_000; ms += 50) if (buckets.take('a', LIMIT, ms).ok) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(66);
  });
});

describe('which reads are limited', () => {
  it('counts GET and HEAD of on-demand routes, not posts, the console or the health check', () => {
    for (const path of ['/messages/', '/messages/stats', '/messages/search.json', '/messages/challenge', '/open311/v2/requests.json']) {
      expect(isLimitedRead('GET', path), path).toBe(true);
      expect(isLimitedRead('HEAD', path), path).toBe(true);
    }
    expect(isLimitedRead('POST', '/messages/new')).toBe(false);
    for (const path of ['/console', '/console/', '/console/queues/new', '/healthz']) expect(isLimitedRead('GET', path), path).toBe(false);
  });
});

describe('the refusal, as the route answers', () => {
  it('is a Chinese page for pages', async () => {
    const response = tooManyReads('/messages/', 42, '望澜区<督办>');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>错误：请求过于频繁 - 望澜区&#60;督办&#62;</title>');
    expect(html).toContain('请 42 秒后再试');
  });

  it('is JSON for the JSON endpoints and the challenge', async () => {
    for (const path of ['/messages/search.json', '/messages/challenge']) {
      const response = tooManyReads(path, 3, '站');
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ error: '请求过于频繁，请 3 秒后再试。' });
    }
  });

  it("is Open311's error list, in JSON or XML", async () => {
    const json = tooManyReads('/open311/v2/requests.json', 3, '站');
    expect(await json.json()).toEqual([{ code: 429, description: '请求过于频繁，请 3 秒后再试。' }]);
    const xml = tooManyReads('/open311/v2/services/complaint.xml', 3, '站');
    expect(xml.headers.get('content-type')).toMatch(/xml/);
    expect(await xml.text()).toContain('<code>429</code>');
    expect(xml.headers.get('retry-after')).toBe('3');
  });

  it('counts per client and lets the rest through', () => {
    const buckets = new TokenBuckets();
    const ask = (client: string, method = 'GET', pathname = '/messages/') =>
      readLimitRefusal(buckets, { perMinute: 1, burst: 2 }, { method, pathname, client, siteName: '站' }, 0);
    expect(ask('a')).toBeNull();
    expect(ask('a')).toBeNull();
    expect(ask('a')?.status).toBe(429);
    expect(ask('a', 'POST', '/messages/new')).toBeNull();
    expect(ask('a', 'GET', '/console/')).toBeNull();
    expect(ask('b')).toBeNull();
  });
});
