import { describe, expect, it } from 'vitest';
import { dimensions, listPath } from './filters.ts';

describe('filters', () => {
  it('offers every status and colour, and the named lists given', () => {
    const dims = dimensions({ ledgers: [{ id: 'annual', label: '年度' }], categories: [], units: [{ id: 'housing', label: '住建局' }] });
    expect(dims.map((d) => d.key)).toEqual(['ledger', 'category', 'unit', 'status', 'warning']);
    expect(dims.find((d) => d.key === 'warning')!.values.map((v) => v.id)).toEqual(['red', 'yellow', 'green', 'done']);
  });

  it('builds list addresses for each filter and order', () => {
    expect(listPath(undefined, 'code')).toBe('/tasks/');
    expect(listPath(undefined, 'deadline')).toBe('/tasks/by-deadline/');
    expect(listPath({ key: 'warning', value: 'red' }, 'deadline')).toBe('/tasks/warning/red/by-deadline/');
    expect(listPath({ key: 'unit', value: 'housing' }, 'code', 3)).toBe('/tasks/unit/housing/page/3/');
    expect(listPath(undefined, 'code', 1)).toBe('/tasks/');
  });
});
