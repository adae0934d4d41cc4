/**
 * The console's queue filters (unit, type, month, channel, task) and its find box, which takes a
 * tracking number, a phone number (staff only: the console never shows it, only finds by it) or
 * words from the title and content, typed the way people type them (full-width, with spaces or
 * hyphens in a number).
 */
import { digitOf } from './digit-runs.ts';
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

export type Find = { kind: 'none' } | { kind: 'number'; number: string } | { kind: 'phone'; phone: string } | { kind: 'words'; words: string[] };

/** What the find box holds: a tracking number, a mobile number (any spelling), or words. */
export function findOf(q: string): Find {
  if (!q.trim()) return { kind: 'none' };
  const number = normaliseTrackingNumber(q);
  if (number) return { kind: 'number', number };
  const digits = [...q.normalize('NFKC')].map((c) => digitOf(c) ?? (/[\s\-+]/.test(c) ? '' : 'x')).join('');
  const mobile = /^(?:86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile) return { kind: 'phone', phone: mobile[1]! };
  return { kind: 'words', words: searchTerms(q) };
}
