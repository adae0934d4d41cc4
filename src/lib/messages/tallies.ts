/**
 * Running totals (累计数) behind the public figures: each message contributes a tally of counts
 * (received, accepted, replied, closed on time, ratings, reply-time buckets…) under its submission
 * month, handling unit and type. The store keeps the sums per (month, unit, type) and every action
 * adds the difference between the message's tally after and before it, in the same transaction; the
 * statistics page then sums a few hundred rows instead of reading every message. A rebuild from the
 * events recomputes the same sums (and a test holds the two to each other).
 */
import type { IsoMonth } from '../calendar/dates.ts';
import type { MessageState } from './state-machine.ts';
import { pleased } from './ratings.ts';
import type { MessageFacts } from './stats.ts';

/** Reply-time buckets in working days: within 2, 5, 10, 15, and later. */
export const REPLY_BUCKETS = [
  { label: '2 个工作日内', max: 2 },
  { label: '3–5 个工作日', max: 5 },
  { label: '6–10 个工作日', max: 10 },
  { label: '11–15 个工作日', max: 15 },
  { label: '超过 15 个工作日', max: Infinity },
] as const;

/** The counts one message contributes, or a sum of them. */
export interface Tally {
  received: number;
  accepted: number;
  rejected: number;
  replied: number;
  closed: number;
  closedOnTime: number;
  /** Replies whose working days are known, their sum, and how many fall in each of REPLY_BUCKETS. */
  timedReplies: number;
  replyDaysSum: number;
  replyBuckets: number[];
  ratings: number;
  pleased: number;
}

/** Where a message's tally is kept: its submission month (China time), its handling unit ('' before assignment), its type. */
export interface TallyKey {
  month: IsoMonth;
  unit: string;
  type: string;
}

export const TALLY_COUNTERS = [
  'received',
  'accepted',
  'rejected',
  'replied',
  'closed',
  'closedOnTime',
  'timedReplies',
  'replyDaysSum',
  'ratings',
  'pleased',
] as const satisfies readonly Exclude<keyof Tally, 'replyBuckets'>[];

const ACCEPTED_STATES: ReadonlySet<MessageState> = new Set(['accepted', 'assigned', 'replied', 'closed']);

export function emptyTally(): Tally {
  return {
    received: 0,
    accepted: 0,
    rejected: 0,
    replied: 0,
    closed: 0,
    closedOnTime: 0,
    timedReplies: 0,
    replyDaysSum: 0,
    replyBuckets: REPLY_BUCKETS.map(() => 0),
    ratings: 0,
    pleased: 0,
  };
}

/** Which reply-time bucket a number of working days falls in. */
export function bucketOf(days: number): number {
  return REPLY_BUCKETS.findIndex((b) => days <= b.max);
}

/** One message's contribution. */
export function tallyOf(facts: MessageFacts): Tally {
  const tally = emptyTally();
  tally.received = 1;
  const accepted = ACCEPTED_STATES.has(facts.state);
  tally.accepted = accepted ? 1 : 0;
  tally.rejected = facts.state === 'rejected' ? 1 : 0;
  tally.replied = accepted && facts.replied ? 1 : 0;
  tally.closed = facts.state === 'closed' ? 1 : 0;
  tally.closedOnTime = facts.state === 'closed' && facts.closedOnTime === true ? 1 : 0;
  if (accepted && facts.replied && facts.workingDaysToReply !== null) {
    tally.timedReplies = 1;
    tally.replyDaysSum = facts.workingDaysToReply;
    tally.replyBuckets[bucketOf(facts.workingDaysToReply)] = 1;
  }
  tally.ratings = facts.ratings.length;
  tally.pleased = facts.ratings.filter(pleased).length;
  return tally;
}

export function keyOf(facts: MessageFacts): TallyKey {
  return { month: facts.submittedOn.slice(0, 7), unit: facts.unit ?? '', type: facts.type };
}

/** a + sign × b, counter by counter. */
export function combine(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  const out = emptyTally();
  for (const counter of TALLY_COUNTERS) out[counter] = a[counter] + sign * b[counter];
  out.replyBuckets = a.replyBuckets.map((n, i) => n + sign * (b.replyBuckets[i] ?? 0));
  return out;
}

export function isZero(tally: Tally): boolean {
  return TALLY_COUNTERS.every((c) => tally[c] === 0) && tally.replyBuckets.every((n) => n === 0);
}

export function sameKey(a: TallyKey, b: TallyKey): boolean {
  return a.month === b.month && a.unit === b.unit && a.type === b.type;
}

/**
 * What an action changes in the totals: the tally taken away from where the message was counted
 * and added where it is counted now (the same place, unless it changed unit). Zero changes are left out.
 */
export function tallyChanges(before: MessageFacts | null, after: MessageFacts): { key: TallyKey; delta: Tally }[] {
  const added = { key: keyOf(after), delta: tallyOf(after) };
  if (!before) return [added];
  const removed = { key: keyOf(before), delta: combine(emptyTally(), tallyOf(before), -1) };
  if (sameKey(removed.key, added.key)) {
    const delta = combine(added.delta, removed.delta);
    return isZero(delta) ? [] : [{ key: added.key, delta }];
  }
  return [removed, added];
}
