/**
 * 申请延期: a unit's handler asks the office for a later due day, with a reason and the day it
 * proposes; the office grants it (批准延期, the `extend` event, usually with the proposed day) or
 * declines it (不同意延期) with a reason. One request is pending at a time.
 *
 * Whether a request is pending is read from the events, like the due day: the latest request counts
 * until the office grants or declines it, or the unit answers or returns the message (a reply, a
 * return; closing needs a reply first). The store's `extension_requested_at` column is only the index
 * of this (the 延期申请 queue), written by every command from this function.
 *
 * A granted day is a day, not a count: the message is due at 24:00 on it, whatever kind of day it is
 * (docs/decisions/013). `newDueExplained` says so on the page, so a proposed Saturday is not a surprise.
 */
import type { IsoDate } from '../calendar/dates.ts';
import { kindOfDay, weekdayName, type WorkingCalendar } from '../calendar/working-days.ts';
import { longDate } from '../format/numbers.ts';
import type { MessageEvent } from './state-machine.ts';
import type { MessageRecord } from './types.ts';

export interface ExtensionRequest {
  at: string;
  /** The handler's account id. */
  by: string | null;
  /** The day proposed. */
  newDue: IsoDate;
  /** Why, in the handler's words; for the office only (the office writes the public reason when it grants). */
  reason: string | null;
}

/** Events that settle a request: the office's answer, or the message leaving the unit's hands. */
const SETTLING: ReadonlySet<MessageEvent> = new Set(['extend', 'decline_extension', 'reply', 'return']);

/** The request waiting for the office's answer, or null. */
export function pendingExtensionRequest(message: Pick<MessageRecord, 'state' | 'events'>): ExtensionRequest | null {
  if (message.state !== 'assigned') return null;
  for (let i = message.events.length - 1; i >= 0; i -= 1) {
    const event = message.events[i]!;
    if (event.event === 'request_extension') return event.newDue ? { at: event.at, by: event.actor, newDue: event.newDue, reason: event.internalNote } : null;
    if (SETTLING.has(event.event)) return null;
  }
  return null;
}

/** Why a proposed day cannot be asked for now (in words), or null: it must be later than the current due day and than today. */
export function proposedDueProblem(newDue: IsoDate, currentDue: IsoDate | null, today: IsoDate): string | null {
  if (currentDue && newDue <= currentDue) return `申请的期限应晚于当前期限 ${currentDue}`;
  if (newDue <= today) return `申请的期限应晚于今天（${today}）`;
  return null;
}

/** What a new due day means, in words: the end of that day, not moved to the next working day when it is a weekend or a holiday. */
export function newDueExplained(calendar: WorkingCalendar, due: IsoDate): string {
  const day = `${longDate(due)}（${weekdayName(due)}）`;
  const kind = kindOfDay(calendar, due);
  if (kind.working === null) return `期限到 ${day}24 时为止；${kind.reason}，无法判断这天是否工作日。`;
  if (kind.working) return `期限到 ${day}24 时为止。`;
  return `期限到 ${day}24 时为止；这天是${kind.reason}，不是工作日，期限也不顺延到下一个工作日。`;
}
