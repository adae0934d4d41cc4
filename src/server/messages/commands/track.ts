/**
 * The citizen's own look at a message: tracking number + query code. Failed look-ups are limited per
 * client address and per tracking number (a query code is a secret; guessing must be slow, also when
 * spread over many addresses); look-ups that succeed count toward nothing, so a family or an office
 * behind one address is not locked out because someone mistyped. A wrong number and a wrong code get
 * the same answer, so the page does not confirm which numbers exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { normaliseQueryCode, normaliseTrackingNumber } from '../../../lib/messages/tracking.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import type { Runtime } from '../../runtime.ts';
import { keyedHash } from '../../secret.ts';
import { loadMessage } from '../repository.ts';
import { rate } from './rate.ts';

export type TrackResult =
  | { kind: 'found'; record: MessageRecord }
  | { kind: 'invalid'; errors: { number?: string; code?: string } }
  | { kind: 'not_found' }
  | { kind: 'limited'; retryAfterSeconds: number };

const FAILURE_WINDOW_MS = 15 * 60_000;

export async function trackMessage(runtime: Runtime, client: string, numberInput: unknown, codeInput: unknown): Promise<TrackResult> {
  const number = normaliseTrackingNumber(numberInput);
  const code = normaliseQueryCode(codeInput);
  const errors: { number?: string; code?: string } = {};
  if (!number) errors.number = typeof numberInput === 'string' && numberInput.trim() ? '留言编号格式不正确，例如 LY20261123-0007' : '请填写留言编号';
  if (!code) errors.code = typeof codeInput === 'string' && codeInput.trim() ? '查询码应为 10 位字母和数字，例如 7PWV6-CU4C6' : '请填写查询码';
  if (!number || !code) return { kind: 'invalid', errors };
  const { limiter, config } = runtime;
  const limits = [
    { key: `lookup-failed:${client}`, limit: config.rateLimits.failedLookups },
    { key: `lookup-failed:#${number}`, limit: config.rateLimits.failedLookupsPerNumber },
  ];
  for (const { key, limit } of limits) {
    const state = limiter.check(key, limit, FAILURE_WINDOW_MS);
    if (!state.ok) return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
  }
  const found = await loadMessage(runtime.store.db, number);
  const expected = Buffer.from(keyedHash(runtime.secret, 'query-code-hash', code));
  const stored = Buffer.from(found?.row.query_code_hash ?? '0'.repeat(expected.length));
  if (!found || stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    for (const { key, limit } of limits) limiter.take(key, limit, FAILURE_WINDOW_MS);
    return { kind: 'not_found' };
  }
  return { kind: 'found', record: found.record };
}

/** The citizen rates the answer to a closed message, once, proving ownership with the query code. */
export async function rateMessage(
  runtime: Runtime,
  client: string,
  input: { number: unknown; code: unknown; rating: unknown; comment: unknown },
): Promise<TrackResult | { kind: 'rate_error'; record: MessageRecord; message: string }> {
  const tracked = await trackMessage(runtime, client, input.number, input.code);
  if (tracked.kind !== 'found') return tracked;
  const result = await rate(runtime, { kind: 'citizen' }, tracked.record.number, { rating: input.rating, comment: input.comment });
  if (!result.ok) return { kind: 'rate_error', record: tracked.record, message: result.message };
  return { kind: 'found', record: result.record };
}
