/**
 * The public figures of the message queue (留言办理统计): received, accepted, replied, reply rate,
 * on-time rate, working days to reply (as a distribution, not only a mean) and satisfaction, per
 * unit and per month. Every rate carries its numerator and denominator so the page can show
 * "12 / 15 件"; a rate with no denominator is null, never 0 % or 100 %.
 *
 * 办理回复率 = replied ÷ accepted; 按时办结率 = closed within the limit ÷ closed;
 * 满意率 = (满意 + 基本满意) ÷ ratings given (every rating counts).
 *
 * The figures are computed from tallies (tallies.ts): the running totals the store keeps per
 * (month, unit, type), so a page of figures never reads every message.
 */
import { chinaDate, type IsoDate, type IsoMonth } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { closedOnTime, deadlineOf, workingDaysToReply, type DeadlineSettings } from './deadlines.ts';
import { ratingsOf } from './ratings.ts';
import type { MessageState } from './state-machine.ts';
import { combine, emptyTally, tallyOf, type Tally, type TallyKey } from './tallies.ts';
import type { MessageRecord } from './types.ts';
import type { Rating } from './vocabulary.ts';

export { REPLY_BUCKETS } from './tallies.ts';

/** What the figures need of one message, derived from its record and deadline by `factsOf`. */
export interface MessageFacts {
  type: string;
  unit: string | null;
  state: MessageState;
  submittedOn: IsoDate;
  replied: boolean;
  closedOnTime: boolean | null;
  workingDaysToReply: number | null;
  /** Every rating given (a message reopened after 不满意 and rated again has two); all of them count. */
  ratings: readonly Rating[];
}

/** The facts of one message; nothing personal leaves this function. */
export function factsOf(
  record: Pick<MessageRecord, 'type' | 'unit' | 'state' | 'submittedAt' | 'closedAt' | 'events'>,
  deadlines: DeadlineSettings,
  calendar: WorkingCalendar,
): MessageFacts {
  const deadline = deadlineOf(record, deadlines, calendar);
  const replyEvent = record.events.findLast((e) => e.event === 'reply');
  return {
    type: record.type,
    unit: record.unit,
    state: record.state,
    submittedOn: chinaDate(record.submittedAt),
    replied: record.state === 'replied' || record.state === 'closed',
    closedOnTime: record.closedAt && deadline.kind === 'set' ? closedOnTime(record.closedAt, deadline.due) : null,
    workingDaysToReply: replyEvent && deadline.kind === 'set' ? workingDaysToReply(deadline.start, replyEvent.at, calendar) : null,
    ratings: ratingsOf(record.events).map((r) => r.rating),
  };
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0. */
  value: number | null;
}

export interface Figures {
  received: number;
  accepted: number;
  rejected: number;
  replied: number;
  closed: number;
  replyRate: Rate;
  onTimeRate: Rate;
  satisfaction: Rate;
  averageWorkingDaysToReply: number | null;
  replyTimeDistribution: number[];
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The figures of a tally (one message's, or the running totals of many). */
export function figuresOfTally(t: Tally): Figures {
  return {
    received: t.received,
    accepted: t.accepted,
    rejected: t.rejected,
    replied: t.replied,
    closed: t.closed,
    replyRate: rate(t.replied, t.accepted),
    onTimeRate: rate(t.closedOnTime, t.closed),
    satisfaction: rate(t.pleased, t.ratings),
    averageWorkingDaysToReply: t.timedReplies ? t.replyDaysSum / t.timedReplies : null,
    replyTimeDistribution: [...t.replyBuckets],
  };
}

/** The figures of a list of messages (tests, small lists): the same sums the store keeps. */
export function figuresOf(messages: readonly MessageFacts[]): Figures {
  return figuresOfTally(messages.map(tallyOf).reduce((a, b) => combine(a, b), emptyTally()));
}

/** Running totals as the store keeps them: one tally per (month, unit, type). */
export interface TallyRow extends TallyKey {
  tally: Tally;
}

const sumOf = (rows: readonly TallyRow[]) => rows.reduce((sum, row) => combine(sum, row.tally), emptyTally());

/** The figures over all rows. */
export function overallFigures(rows: readonly TallyRow[]): Figures {
  return figuresOfTally(sumOf(rows));
}

export interface UnitFigures {
  unit: string;
  figures: Figures;
  /** 1-based rank by on-time rate, then reply rate, then satisfaction; null when too few messages to rank. */
  rank: number | null;
}

/** Per-unit figures; a unit with fewer than `minToRank` accepted messages is listed but not ranked. Messages not yet assigned belong to no unit. */
export function figuresByUnit(tallies: readonly TallyRow[], minToRank: number): UnitFigures[] {
  const byUnit = Map.groupBy(
    tallies.filter((t) => t.unit !== ''),
    (t) => t.unit,
  );
  // A unit whose messages have all moved to other units keeps rows of zeros; it has nothing to show.
  const rows = [...byUnit]
    .map(([unit, list]) => ({ unit, figures: figuresOfTally(sumOf(list)), rank: null as number | null }))
    .filter((row) => row.figures.received > 0);
  const key = (f: Figures) => [f.onTimeRate.value ?? -1, f.replyRate.value ?? -1, f.satisfaction.value ?? -1];
  const ranked = rows
    .filter((r) => r.figures.accepted >= minToRank)
    .sort((a, b) => {
      const [ka, kb] = [key(a.figures), key(b.figures)];
      for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
      return a.unit.localeCompare(b.unit);
    });
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank = previous && key(previous.figures).every((v, i) => v === key(row.figures)[i]) ? previous.rank : index + 1;
  });
  const unranked = rows.filter((r) => r.rank === null).sort((a, b) => b.figures.received - a.figures.received || a.unit.localeCompare(b.unit));
  return [...ranked, ...unranked];
}

/** Per-month figures by submission month, oldest first. */
export function figuresByMonth(tallies: readonly TallyRow[]): { month: IsoMonth; figures: Figures }[] {
  const byMonth = Map.groupBy(tallies, (t) => t.month);
  return [...byMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ month, figures: figuresOfTally(sumOf(list)) }))
    .filter((row) => row.figures.received > 0);
}
