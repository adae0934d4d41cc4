import { describe, expect, it } from 'vitest';
import { caseDimensions, casesPath } from './filters.ts';
import { evaluateCase } from './cases.ts';

describe('exposure filters', () => {
  const dims = caseDimensions([{ id: 'housing', label: '区住建局' }]);
  const c = evaluateCase(
    {
      id: 'e1',
      title: 't',
      kind: 'exposure',
      units: ['housing', 'water'],
      problemType: 'inaction',
      foundBy: 'media',
      date: '2026-09-01',
      measures: ['interview'],
      rectification: { requirement: 'x', deadline: '2026-10-01' },
      tasks: [],
    },
    '2026-11-23',
  );

  it('files a case under each of its units and its computed status', () => {
    expect(dims.find((d) => d.key === 'unit')!.valuesOf(c)).toEqual(['housing', 'water']);
    expect(dims.find((d) => d.key === 'status')!.valuesOf(c)).toEqual(['overdue']);
  });

  it('offers the three rectification statuses, overdue first', () => {
    expect(dims.find((d) => d.key === 'status')!.values.map((v) => v.label)).toEqual(['逾期未整改', '整改中', '已整改']);
  });

  it('builds addresses', () => {
    expect(casesPath({ key: 'status', value: 'overdue' }, 2)).toBe('/exposures/status/overdue/page/2/');
  });
});
