/**
 * A citizen's submission, from the form or the Open311 interface: validate → idempotency →
 * proof that a person is there → rate limits → one durable transaction. The citizen is given the
 * tracking number and query code only after that transaction has committed (with SQLite's
 * synchronous=FULL or PostgreSQL's synchronous_commit, that means it is on disk).
 *
 * A resubmission with the same idempotency key and the same content (a double click, a retry after
 * a dropped connection) returns the first message's receipt again, query code included: the code
 * is derived from the key with the server's secret, and only its hash and the key's hash are stored.
 */
import { randomUUID } from 'node:crypto';
import { parseSubmission, type FieldErrors, type SubmissionChoices } from '../../../lib/messages/submission.ts';
import { formatTrackingNumber } from '../../../lib/messages/tracking.ts';
import { chinaDate } from '../../../lib/calendar/dates.ts';
import { checkPayload } from '../../anti-abuse/altcha.ts';
import { checkAnswer } from '../../anti-abuse/fallback-check.ts';
import type { Runtime } from '../../runtime.ts';
import { keyedHash } from '../../secret.ts';
import { queryCodeFor, queryCodeHash } from '../query-codes.ts';
import { storedDueDate } from '../deadline-of.ts';
import { findByIdempotency, insertEvent, insertMessage, nextSequence, useChallenge, type MessageRow } from '../repository.ts';
import { tallyCounterChanges } from '../tallies.ts';
import { indexText } from '../text-search.ts';
import { placeOf, queueCounterChanges } from '../queue-counts.ts';
import { factsOf } from '../../../lib/messages/stats.ts';
import { tallyChanges } from '../../../lib/messages/tallies.ts';

export type Channel = 'form' | 'form-noscript' | 'open311';

export type Proof = { kind: 'pow'; payload: unknown } | { kind: 'question'; token: unknown; answer: unknown };

export interface SubmitInput {
  fields: Record<string, unknown>;
  choices: SubmissionChoices;
  channel: Channel;
  client: string;
  idempotencyKey: unknown;
  proof: Proof;
  /** When it was submitted; defaults to now. Only the demo data sets it. */
  at?: string;
}

export type SubmitErrors = FieldErrors & { check?: string; idempotency?: string };

export type SubmitResult =
  | { kind: 'created'; number: string; queryCode: string; submittedAt: string }
  /** The same form again: its receipt, with the code unless a new one has been sent since (then null: only the new one works). */
  | { kind: 'repeat'; number: string; queryCode: string | null; submittedAt: string }
  | { kind: 'invalid'; errors: SubmitErrors }
  | { kind: 'refused'; status: 409 | 429; message: string; retryAfterSeconds?: number };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * A fresh idempotency key: the one the form carries, or the server's own when a client sends none.
 * randomUUID draws on a pool Node refills in bulk (random bytes asked for one by one cost a system
 * call each, 2 % of the intake's CPU).
 */
export function newIdempotencyKey(): string {
  return randomUUID();
}
const HOUR = 3_600_000;
const MINUTE = 60_000;

const PROOF_ERRORS = {
  missing: '请完成人机验证后再提交',
  invalid: '人机验证未通过，请重新验证',
  expired: '人机验证已过期，请重新验证',
  wrong: '验证题答案不正确；已换了一道新题，请计算后填写',
  used: '这次人机验证已经用过，请重新验证',
} as const;

const created = (row: Pick<MessageRow, 'number' | 'submitted_at'>, queryCode: string): SubmitResult => ({
  kind: 'created',
  number: row.number,
  queryCode,
  submittedAt: row.submitted_at,
});
const repeated = (row: Pick<MessageRow, 'number' | 'submitted_at'>, queryCode: string | null): SubmitResult => ({
  kind: 'repeat',
  number: row.number,
  queryCode,
  submittedAt: row.submitted_at,
});

export async function submitMessage(runtime: Runtime, input: SubmitInput): Promise<SubmitResult> {
  const { secret, config, rules, limiter, store } = runtime;
  const parsed = parseSubmission(input.fields, input.choices);
  if (
    input.idempotencyKey !== undefined &&
    input.idempotencyKey !== null &&
    input.idempotencyKey !== '' &&
    (typeof input.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(input.idempotencyKey))
  )
    return { kind: 'invalid', errors: { ...(parsed.ok ? {} : parsed.errors), idempotency: '提交标识（idempotency key）应为 16 到 100 个字母、数字、- 或 _' } };
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };

  const key = typeof input.idempotencyKey === 'string' && input.idempotencyKey !== '' ? input.idempotencyKey : newIdempotencyKey();
  const idempotencyHash = keyedHash(secret, 'idempotency', key);
  const contentHash = keyedHash(secret, 'content', JSON.stringify(parsed.value));
  const queryCode = queryCodeFor(secret, key);

  // A repeat shows the code again, unless the citizen has had a new one sent since (decision 015): then the old one no longer works.
  const earlierReceipt = (existing: Pick<MessageRow, 'number' | 'submitted_at' | 'content_hash' | 'query_code_hash'>): SubmitResult =>
    existing.content_hash === contentHash
      ? repeated(existing, existing.query_code_hash === queryCodeHash(secret, queryCode) ? queryCode : null)
      : { kind: 'refused', status: 409, message: '这份表单已经提交过一条内容不同的留言。请重新打开留言页面填写新的留言。' };
  const repeat = async (): Promise<SubmitResult | undefined> => {
    const existing = await findByIdempotency(store.db, idempotencyHash);
    return existing && earlierReceipt(existing);
  };

  // The proof is checked (signature, solution, expiry) before touching the store; whether it was
  // already used, and whether this form was already submitted, are checked inside the write.
  const check = input.proof.kind === 'pow' ? await checkPayload(secret, input.proof.payload) : checkAnswer(secret, input.proof.token, input.proof.answer);
  const noScript = input.proof.kind === 'question';
  const clientKey = `submit:${noScript ? 'q' : 'p'}:${input.client}`;
  const takeClient = () => limiter.take(clientKey, noScript ? config.rateLimits.perClientNoScript : config.rateLimits.perClient, HOUR);
  const tooOften = (retryAfterSeconds: number): SubmitResult => ({
    kind: 'refused',
    status: 429,
    message: '您提交得太频繁了，请稍后再试。',
    retryAfterSeconds,
  });
  if (!check.ok) {
    const earlier = await repeat();
    if (earlier) return earlier;
    if (check.reason === 'wrong') {
      // A wrong answer uses the question up (the form shows a new one) and counts as a try, so the
      // few possible sums cannot be tried one after another.
      await store.writes.run((trx) => useChallenge(trx, check.id, check.expiresAt));
      const counted = takeClient();
      if (!counted.ok) return tooOften(counted.retryAfterSeconds);
    }
    return { kind: 'invalid', errors: { check: PROOF_ERRORS[check.reason] } };
  }

  const perClient = takeClient();
  if (!perClient.ok) return (await repeat()) ?? tooOften(perClient.retryAfterSeconds);
  const total = limiter.take('submit:all', config.rateLimits.total, MINUTE);
  if (!total.ok) {
    limiter.refund(clientKey);
    return (await repeat()) ?? { kind: 'refused', status: 429, message: '当前提交的人较多，请稍后再试。', retryAfterSeconds: total.retryAfterSeconds };
  }

  const now = input.at ?? new Date().toISOString();
  const day = chinaDate(now);
  const value = parsed.value;
  try {
    const outcome = await store.writes.run(async (trx, batch) => {
      // A proof already used is either a repeat of this very form (answer with its receipt) or a replay.
      // A repeat carrying a fresh proof fails on the unique idempotency key below and is answered in the catch.
      if (!(await useChallenge(trx, check.id, check.expiresAt))) {
        const existing = await findByIdempotency(trx, idempotencyHash);
        return existing ? { kind: 'earlier' as const, row: existing } : { kind: 'used' as const };
      }
      const sequence = await nextSequence(trx, store.dialect, day);
      const number = formatTrackingNumber(rules.settings.messages.trackingPrefix, day, sequence);
      const submitEvent = {
        event: 'submit' as const,
        at: now,
        role: 'citizen' as const,
        from: null,
        to: 'submitted' as const,
        note: null,
        internalNote: null,
        actor: null,
        // The promise made now: a later change of the settings does not move this message's deadline.
        limitDays: rules.deadlines.limits[value.type] ?? null,
      };
      const id = await insertMessage(trx, store.dialect, {
        number,
        type: value.type,
        state: 'submitted',
        // A type may name the unit it goes to when the citizen picks none (网站纠错: the site's own office).
        target_unit: value.unit ?? rules.settings.messages.types.find((t) => t.id === value.type)?.unit ?? null,
        unit: null,
        task: value.task,
        title: value.title,
        content: value.content,
        author_name: value.name,
        phone: value.phone,
        email: value.email,
        consent: value.consent ? 1 : 0,
        published: 0,
        channel: input.channel,
        submitted_at: now,
        due_date: storedDueDate(rules, { type: value.type, state: 'submitted', events: [submitEvent] }),
        query_code_hash: queryCodeHash(secret, queryCode),
        idempotency_hash: idempotencyHash,
        content_hash: contentHash,
        updated_at: now,
      });
      await indexText(trx, store.dialect, 'message_words', id, `${value.title}\n${value.content}`);
      await insertEvent(trx, { secret, dialect: store.dialect, lastHashes: batch.lastHashes }, id, submitEvent);
      const facts = factsOf(
        { type: value.type, unit: null, state: 'submitted', submittedAt: now, closedAt: null, events: [submitEvent] },
        rules.deadlines,
        rules.calendar,
      );
      // The running totals are added once for the whole batch, before its COMMIT.
      batch.addToCounters([
        ...tallyCounterChanges(tallyChanges(null, facts)),
        ...queueCounterChanges(null, placeOf({ state: 'submitted', unit: null, rating: null, consent: value.consent ? 1 : 0, published: 0 }, [submitEvent])),
      ]);
      return { kind: 'created' as const, row: { number, submitted_at: now } };
    });
    if (outcome.kind === 'used') return { kind: 'invalid', errors: { check: PROOF_ERRORS.used } };
    if (outcome.kind === 'earlier') {
      limiter.refund(clientKey);
      return earlierReceipt(outcome.row);
    }
    return created(outcome.row, queryCode);
  } catch (error) {
    // Two copies of one submission racing: the unique key let one in; answer the other with its receipt.
    const raced = await repeat();
    if (raced) return raced;
    throw error;
  }
}
