/**
 * 满意度评价 ratings as history: every rating a citizen gives is an event and stays one. A message
 * that was reopened after 不满意 and closed again can be rated again; both ratings count in the public
 * figures and both are shown on the message page. Nothing here reads a "current rating" column.
 */
import type { Rating } from './vocabulary.ts';
import type { EventRecord } from './types.ts';

export interface GivenRating {
  rating: Rating;
  comment: string | null;
  at: string;
}

/** Every rating given, oldest first. */
export function ratingsOf(events: readonly EventRecord[]): GivenRating[] {
  return events.filter((e) => e.event === 'rate' && e.rating).map((e) => ({ rating: e.rating!, comment: e.note, at: e.at }));
}

/** The rating given since the message was last closed (approved), if any: what a reopening answers to. */
export function ratingSinceClosed(events: readonly EventRecord[]): GivenRating | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.event === 'approve') return null;
    if (event.event === 'rate' && event.rating) return { rating: event.rating, comment: event.note, at: event.at };
  }
  return null;
}

/** Whether the citizen may rate now: the message is closed and not yet rated since it was closed. */
export function mayRate(message: { state: string; events: readonly EventRecord[] }): boolean {
  return message.state === 'closed' && ratingSinceClosed(message.events) === null;
}

/** Whether the citizen was pleased: 满意 and 基本满意 count toward 满意率. */
export function pleased(rating: Rating): boolean {
  return rating === 'satisfied' || rating === 'basically_satisfied';
}
