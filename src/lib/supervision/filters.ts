/** Ways the supervision records can be filtered; each value is its own static page, like the exposure board. */
import { pagedPath } from '../format/paging.ts';
import { monthLabel } from '../format/numbers.ts';
import type { EvaluatedSupervision } from './status.ts';
import { SUPERVISION_KINDS, SUPERVISION_STATUS_LABEL, SUPERVISION_STATUSES } from './vocabulary.ts';

export type SupervisionDimensionKey = 'kind' | 'status' | 'unit' | 'month';

export interface SupervisionDimension {
  key: SupervisionDimensionKey;
  label: string;
  values: { id: string; label: string }[];
  /** The values of this dimension a record has (a record may concern several units). */
  valuesOf: (r: EvaluatedSupervision) => readonly string[];
}

/** The months records were issued in, newest first, as `YYYY-MM` with their Chinese label. */
function monthsOf(records: readonly EvaluatedSupervision[]): { id: string; label: string }[] {
  const months = [...new Set(records.map((r) => r.date.slice(0, 7)))].sort().reverse();
  return months.map((m) => ({ id: m, label: monthLabel(m) }));
}

export function supervisionDimensions(units: readonly { id: string; label: string }[], records: readonly EvaluatedSupervision[]): SupervisionDimension[] {
  return [
    { key: 'kind', label: '督办类型', values: [...SUPERVISION_KINDS], valuesOf: (r) => [r.kind] },
    { key: 'status', label: '办理状态', values: SUPERVISION_STATUSES.map((s) => ({ id: s, label: SUPERVISION_STATUS_LABEL[s] })), valuesOf: (r) => [r.status] },
    { key: 'unit', label: '承办单位', values: [...units], valuesOf: (r) => r.units },
    { key: 'month', label: '下发月份', values: monthsOf(records), valuesOf: (r) => [r.date.slice(0, 7)] },
  ];
}

export function supervisionPath(filter: { key: SupervisionDimensionKey; value: string } | undefined, page = 1): string {
  return pagedPath(filter ? `/supervision/${filter.key}/${filter.value}/` : '/supervision/', page);
}
