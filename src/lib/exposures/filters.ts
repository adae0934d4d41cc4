/** Ways the exposure board can be filtered; each value is its own static page, like the task lists. */
import { pagedPath } from '../format/paging.ts';
import { CASE_KINDS, PROBLEM_TYPES } from './vocabulary.ts';
import type { EvaluatedCase } from './cases.ts';
import { RECTIFICATION_LABEL, RECTIFICATION_ORDER } from './vocabulary.ts';

export type CaseDimensionKey = 'unit' | 'problem' | 'status' | 'kind';

export interface CaseDimension {
  key: CaseDimensionKey;
  label: string;
  values: { id: string; label: string }[];
  /** The values of this dimension a case has (a case may concern several units). */
  valuesOf: (c: EvaluatedCase) => readonly string[];
}

export function caseDimensions(units: readonly { id: string; label: string }[]): CaseDimension[] {
  return [
    { key: 'kind', label: '案例类型', values: [...CASE_KINDS], valuesOf: (c) => [c.kind] },
    {
      key: 'status',
      label: '整改状态',
      values: RECTIFICATION_ORDER.filter((s) => s !== 'none').map((s) => ({ id: s, label: RECTIFICATION_LABEL[s] })),
      valuesOf: (c) => [c.rectificationStatus],
    },
    { key: 'problem', label: '问题类型', values: [...PROBLEM_TYPES], valuesOf: (c) => (c.problemType ? [c.problemType] : []) },
    { key: 'unit', label: '涉及单位', values: [...units], valuesOf: (c) => c.units },
  ];
}

export function casesPath(filter: { key: CaseDimensionKey; value: string } | undefined, page = 1): string {
  return pagedPath(filter ? `/exposures/${filter.key}/${filter.value}/` : '/exposures/', page);
}
