/**
 * The ways the board can be filtered. Each value gets its own static page (so filtering works with
 * JavaScript off, on any web server); the list script combines them in the browser.
 */
import { STATUS_LABEL, STATUS_ORDER, WARNING_LABEL, WARNING_ORDER } from '../tasks/vocabulary.ts';
import type { EvaluatedTask } from './types.ts';
import { pagedPath } from '../format/paging.ts';

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

/** Address of a list page: all tasks or one filter value, in one of the two orders, page 1 or later. */
export function listPath(filter: { key: DimensionKey; value: string } | undefined, sort: SortKey, page = 1): string {
  const base = filter ? `/tasks/${filter.key}/${filter.value}/` : '/tasks/';
  return pagedPath(sort === 'deadline' ? `${base}by-deadline/` : base, page);
}

/**
 * A dimension with more values than this (a province's hundreds of 牵头单位) has a page of its own listing them,
 * linked from the filters in place of its values: its links would otherwise be most of every list page (200 units
 * made 20 KB of each of a 10,000-task board's 1,454 list pages, and about a tenth of its build).
 */
export const MOST_VALUES_IN_FILTERS = 30;

/** Whether the filters link to the dimension's own page instead of listing its values. */
export function hasOwnPage(dimension: Pick<Dimension, 'values'>): boolean {
  return dimension.values.length > MOST_VALUES_IN_FILTERS;
}

/** Address of a dimension's own page, whose links keep the order of the list it was opened from. */
export function dimensionPath(key: DimensionKey, sort: SortKey): string {
  return `/tasks/${key}/${sort === 'deadline' ? 'by-deadline/' : ''}`;
}
