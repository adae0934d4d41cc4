/**
 * The console's queue filters (unit, type, month, channel, task) and its find box, which takes a
 * tracking number, a mobile or landline number (staff only: the console never shows it, only finds by it) or
 * words from the title and content, typed the way people type them (full-width, with spaces or
 * hyphens in a number).
 */
import { phoneToFind } from './phone-numbers.ts';
import { searchTerms } from './board-filter.ts';
import { normaliseTrackingNumber } from './tracking.ts';

export interface QueueFilter {
  unit: string;
  type: string;
  month: string;
  channel: string;
  task: string;
  q: string;
}

export const CHANNEL_LABELS: Readonly<Record<string, string>> = { form: '网页表单', 'form-noscript': '网页表单（无脚本）', open311: 'Open311 接口' };

export function readQueueFilter(params: URLSearchParams): QueueFilter {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 100);
  return {
    unit: get('unit'),
    type: get('type'),
    month: /^\d{4}-\d{2}$/.test(get('month')) ? get('month') : '',
    channel: get('channel'),
    task: get('task'),
    q: get('q'),
  };
}

/** Whether any filter or the find box is set (an unfiltered queue's count is a running total). */
export function hasFilter(filter: QueueFilter | undefined): boolean {
  return filter !== undefined && Object.values(filter).some(Boolean);
}

export type Find =
  | { kind: 'none' }
  | { kind: 'number'; number: string }
  /** `withExtensions`: a landline typed without an extension also finds it stored with one. */
  | { kind: 'phone'; phone: string; withExtensions: boolean }
  | { kind: 'words'; words: string[] };

/** What the find box holds: a tracking number, a mobile or landline number (any spelling the form accepts), or words. */
export function findOf(q: string): Find {
  if (!q.trim()) return { kind: 'none' };
  const number = normaliseTrackingNumber(q);
  if (number) return { kind: 'number', number };
  const phone = phoneToFind(q);
  if (phone) return { kind: 'phone', phone: phone.value, withExtensions: phone.prefix };
  return { kind: 'words', words: searchTerms(q) };
}
