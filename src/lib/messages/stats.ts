/**
 * The public figures of the message queue (留言办理统计): received, accepted, replied, reply rate,
 * on-time rate, working days to reply (as a distribution, not only a mean) and satisfaction, per
 * unit and per month. Every rate carries its numerator and denominator so the page can show
 * "12 / 15 件"; a rate with no denominator is null, never 0 % or 100 %.
 *
 * 办理回复率 = replied ÷ accepted; 按时办结率 = closed within the limit ÷ closed;
 * 满意率 = (满意 + 基本满意) ÷ rated.
 */
import type { IsoDate, IsoMonth } from '../calendar/dates.ts';
import type { MessageState } from './state-machine.ts';
import { pleased } from './ratings.ts';
import type { Rating } from './vocabulary.ts';

/** What the figures need of one message, computed by the caller from its record and deadline. */
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

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0. */
  value: number | null;
}

/** Reply-time buckets in working days: within 2, 5, 10, 15, and later. */
export const REPLY_BUCKETS = [
  { label: '2 个工作日内', max: 2 },
  { label: '3–5 个工作日', max: 5 },
  { label: '6–10 个工作日', max: 10 },
  { label: '11–15 个工作日', max: 15 },
  { label: '超过 15 个工作日', max: Infinity },
] as const;

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

const ACCEPTED_STATES: ReadonlySet<MessageState> = new Set(['accepted', 'assigned', 'replied', 'closed']);

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export function figuresOf(messages: readonly MessageFacts[]): Figures {
  const accepted = messages.filter((m) => ACCEPTED_STATES.has(m.state));
  const replied = accepted.filter((m) => m.replied);
  const closed = messages.filter((m) => m.state === 'closed');
  const onTime = closed.filter((m) => m.closedOnTime === true);
  const ratings = messages.flatMap((m) => m.ratings);
  const replyDays = replied.map((m) => m.workingDaysToReply).filter((d): d is number => d !== null);
  const distribution = REPLY_BUCKETS.map(() => 0);
  for (const days of replyDays) distribution[REPLY_BUCKETS.findIndex((b) => days <= b.max)]! += 1;
  return {
    received: messages.length,
    accepted: accepted.length,
    rejected: messages.filter((m) => m.state === 'rejected').length,
    replied: replied.length,
    closed: closed.length,
    replyRate: rate(replied.length, accepted.length),
    onTimeRate: rate(onTime.length, closed.length),
    satisfaction: rate(ratings.filter(pleased).length, ratings.length),
    averageWorkingDaysToReply: replyDays.length ? replyDays.reduce((a, b) => a + b, 0) / replyDays.length : null,
    replyTimeDistribution: distribution,
  };
}

export interface UnitFigures {
  unit: string;
  figures: Figures;
  /** 1-based rank by on-time rate, then reply rate, then satisfaction; null when too few messages to rank. */
  rank: number | null;
}

/** Per-unit figures; a unit with fewer than `minToRank` accepted messages is listed but not ranked. */
export function figuresByUnit(messages: readonly MessageFacts[], minToRank: number): UnitFigures[] {
  const byUnit = Map.groupBy(
    messages.filter((m) => m.unit !== null),
    (m) => m.unit!,
  );
  const rows = [...byUnit].map(([unit, list]) => ({ unit, figures: figuresOf(list), rank: null as number | null }));
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
export function figuresByMonth(messages: readonly MessageFacts[]): { month: IsoMonth; figures: Figures }[] {
  const byMonth = Map.groupBy(messages, (m): IsoMonth => m.submittedOn.slice(0, 7));
  return [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, list]) => ({ month, figures: figuresOf(list) }));
}
