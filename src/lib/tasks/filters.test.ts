import { describe, expect, it } from 'vitest';
import { dimensionPath, dimensions, hasOwnPage, listPath, MOST_VALUES_IN_FILTERS } from './filters.ts';

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

  it('gives a dimension with many values a page of its own, in either order, and keeps a district’s units in the filters', () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `unit-${i + 1}`, label: `第${i + 1}单位` }));
    const unitsOf = (n: number) => dimensions({ ledgers: [], categories: [], units: units(n) }).find((d) => d.key === 'unit')!;
    expect(hasOwnPage(unitsOf(28))).toBe(false); // the sample district
    expect(hasOwnPage(unitsOf(MOST_VALUES_IN_FILTERS))).toBe(false);
    expect(hasOwnPage(unitsOf(MOST_VALUES_IN_FILTERS + 1))).toBe(true);
    expect(hasOwnPage(unitsOf(200))).toBe(true);
    expect(dimensionPath('unit', 'code')).toBe('/tasks/unit/');
    expect(dimensionPath('unit', 'deadline')).toBe('/tasks/unit/by-deadline/');
    // Never the address of a list: a value's list is one level further down.
    expect(listPath({ key: 'unit', value: 'unit-1' }, 'code')).not.toBe(dimensionPath('unit', 'code'));
  });
});
