/**
 * A message's timeline: its events in order. The public one (track page, reply board) leaves out
 * internal notes, staff names and drafts of answers; the staff one (console) shows everything,
 * with who acted. A unit's request for an extension and the office's refusal of one are shown to the
 * public as facts only: the day asked for and both reasons are internal (docs/decisions/013); a granted
 * extension shows its new day and the office's reason. Saved drafts are not events at all.
 */
import type { EventRecord } from './types.ts';
import { EVENT_LABELS, RATING_LABELS } from './vocabulary.ts';

export interface TimelineEntry {
  at: string;
  label: string;
  detail: string | null;
  /** Staff timeline only: who acted, and what they noted for staff. */
  who?: string;
  internal?: string | null;
}

/** Events that are bookkeeping for staff rather than news for the citizen (a new query code is the citizen's own business, not the board's). */
const HIDDEN_EVENTS = new Set(['unpublish', 'redact', 'resend_code']);

export function publicTimeline(events: readonly EventRecord[], unitName: (id: string) => string): TimelineEntry[] {
  return events
    .filter((event) => !HIDDEN_EVENTS.has(event.event))
    .map((event) => {
      const parts: string[] = [];
      if (event.event === 'assign' && event.unit) parts.push(`交由${unitName(event.unit)}办理`);
      if (event.event === 'extend' && event.newDue) parts.push(`期限延至 ${event.newDue}`);
      if (event.event === 'decline_extension') parts.push('仍按原期限办理');
      if (event.event === 'urge') parts.push(event.role === 'system' ? '已超过办理期限，系统自动督办' : '督查室督办');
      if (event.event === 'rate' && event.rating) parts.push(RATING_LABELS[event.rating]);
      if (event.note) parts.push(event.note);
      return { at: event.at, label: EVENT_LABELS[event.event], detail: parts.length ? parts.join('；') : null };
    });
}

const ROLE_WORDS = { citizen: '留言人', system: '系统', dispatcher: '督办员', handler: '承办员', admin: '管理员' } as const;

/** Everything, for staff: the public entry of each event, with who acted, internal notes and each version of an answer. */
export function staffTimeline(
  events: readonly EventRecord[],
  unitName: (id: string) => string,
  staffName: (accountId: string) => string | null,
): TimelineEntry[] {
  const shown = publicTimeline(events, unitName);
  let i = 0;
  return events.map((event) => {
    const entry = HIDDEN_EVENTS.has(event.event) ? { at: event.at, label: EVENT_LABELS[event.event], detail: event.note } : shown[i++]!;
    const name = event.actor ? staffName(event.actor) : null;
    const answer = event.event === 'reply' && event.reply ? `答复：${event.reply}` : null;
    const asked = event.event === 'request_extension' && event.newDue ? `申请延至 ${event.newDue}` : null;
    return {
      ...entry,
      who: name ? `${ROLE_WORDS[event.role]} ${name}` : ROLE_WORDS[event.role],
      internal: [asked, event.internalNote, answer].filter(Boolean).join('；') || null,
    };
  });
}
