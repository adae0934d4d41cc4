/**
 * The public timeline of a message: its events in order, minus internal notes and staff names.
 * What the citizen and the public read on the track page and the reply board.
 */
import type { EventRecord } from './types.ts';
import { EVENT_LABELS, RATING_LABELS } from './vocabulary.ts';

export interface TimelineEntry {
  at: string;
  label: string;
  detail: string | null;
}

/** Events that are bookkeeping for staff rather than news for the citizen. */
const HIDDEN_EVENTS = new Set(['unpublish']);

export function publicTimeline(events: readonly EventRecord[], unitName: (id: string) => string): TimelineEntry[] {
  return events
    .filter((event) => !HIDDEN_EVENTS.has(event.event))
    .map((event) => {
      const parts: string[] = [];
      if (event.event === 'assign' && event.unit) parts.push(`交由${unitName(event.unit)}办理`);
      if (event.event === 'extend' && event.newDue) parts.push(`期限延至 ${event.newDue}`);
      if (event.event === 'urge') parts.push(event.role === 'system' ? '已超过办理期限，系统自动督办' : '督查室督办');
      if (event.event === 'rate' && event.rating) parts.push(RATING_LABELS[event.rating]);
      if (event.note) parts.push(event.note);
      return { at: event.at, label: EVENT_LABELS[event.event], detail: parts.length ? parts.join('；') : null };
    });
}
