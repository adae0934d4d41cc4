/**
 * The ways the board can be filtered. Each value gets its own static page (so filtering works with
 * JavaScript off, on any web server); the list script combines them in the browser.
 */
import { STATUS_LABEL, STATUS_ORDER, WARNING_LABEL, WARNING_ORDER } from '../format/labels.ts';
import type { EvaluatedTask } from './types.ts';

export type DimensionKey = 'ledger' | 'category' | 'unit' | 'status' | 'warning';

export interface FilterValue {
  id: string;
  label: string;
}

export interface Dimension {
  key: DimensionKey;
  label: string;
  values: FilterValue[];
  /** The value of this dimension a task has. */
  valueOf: (task: EvaluatedTask) => string;
}

export interface NamedLists {
  ledgers: readonly FilterValue[];
  categories: readonly FilterValue[];
  units: readonly FilterValue[];
}

export function dimensions(lists: NamedLists): Dimension[] {
  return [
    { key: 'ledger', label: '台账', values: [...lists.ledgers], valueOf: (t) => t.ledger },
    { key: 'category', label: '任务类别', values: [...lists.categories], valueOf: (t) => t.category },
    { key: 'unit', label: '牵头单位', values: [...lists.units], valueOf: (t) => t.leadUnit },
    { key: 'status', label: '任务状态', values: STATUS_ORDER.map((s) => ({ id: s, label: STATUS_LABEL[s] })), valueOf: (t) => t.status },
    { key: 'warning', label: '预警颜色', values: WARNING_ORDER.map((w) => ({ id: w, label: WARNING_LABEL[w] })), valueOf: (t) => t.warning },
  ];
}

export type SortKey = 'code' | 'deadline';
export const SORT_LABEL: Record<SortKey, string> = { code: '按任务编号', deadline: '按截止日期（最近的在前）' };

/** Rows on one list page; longer lists are split into numbered pages. */
export const LIST_PAGE_SIZE = 100;

/** Address of a list page: all tasks or one filter value, in one of the two orders, page 1 or later. */
export function listPath(filter: { key: DimensionKey; value: string } | undefined, sort: SortKey, page = 1): string {
  const base = filter ? `/tasks/${filter.key}/${filter.value}/` : '/tasks/';
  const sorted = sort === 'deadline' ? `${base}by-deadline/` : base;
  return page > 1 ? `${sorted}page/${page}/` : sorted;
}

/** How many list pages `count` tasks fill (at least one, which may say there are none). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
}

/** The page numbers worth linking from page `current` of `last`: the ends and two either side. */
export function pageLinks(current: number, last: number): (number | 'gap')[] {
  const wanted = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - wanted[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}
