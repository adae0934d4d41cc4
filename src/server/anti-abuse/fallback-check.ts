/**
 * The check for browsers without JavaScript (proof of work needs scripts): a small sum written in
 * Chinese numerals, which a person answers at a glance and a screen reader reads aloud. The
 * question travels in a signed token with its expiry; the answer is never in the page. Submissions
 * through this path get tighter rate limits (see config.ts), and a wrong answer uses the question up
 * and counts toward them, so guessing through the small range of sums is no faster than asking.
 */
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { keyedHash } from '../secret.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const LIFETIME_MS = 30 * 60 * 1000;

export interface FallbackQuestion {
  question: string;
  token: string;
}

export function newQuestion(secret: string, now = Date.now()): FallbackQuestion {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const id = randomUUID();
  const expires = now + LIFETIME_MS;
  const body = `${id}.${expires}.${keyedHash(secret, 'fallback-answer', `${id}:${a + b}`)}`;
  return { question: `${NUMERALS[a]}加${NUMERALS[b]}等于多少？`, token: `${body}.${keyedHash(secret, 'fallback-token', body)}` };
}

export type FallbackCheck =
  | { ok: true; id: string; expiresAt: string }
  /** A wrong answer to a genuine question: `id` names the question, to be used up. */
  | { ok: false; reason: 'wrong'; id: string; expiresAt: string }
  | { ok: false; reason: 'missing' | 'expired' | 'invalid' };

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function checkAnswer(secret: string, token: unknown, answer: unknown, now = Date.now()): FallbackCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [id, expires, answerHash, signature] = parts as [string, string, string, string];
  if (!equal(signature, keyedHash(secret, 'fallback-token', `${id}.${expires}.${answerHash}`))) return { ok: false, reason: 'invalid' };
  if (Number(expires) < now) return { ok: false, reason: 'expired' };
  const question = { id: `q:${id}`, expiresAt: new Date(Number(expires)).toISOString() };
  const typed = typeof answer === 'string' ? answer.normalize('NFKC').trim() : '';
  if (typed === '') return { ok: false, reason: 'missing' };
  if (!/^\d{1,2}$/.test(typed) || !equal(answerHash, keyedHash(secret, 'fallback-answer', `${id}:${Number(typed)}`)))
    return { ok: false, reason: 'wrong', ...question };
  return { ok: true, ...question };
}
