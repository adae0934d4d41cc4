import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';
import { supervisionDimensions, supervisionPath } from './filters.ts';
import { evaluateSupervisionRecords, type SupervisionRecord } from './status.ts';

const record = (id: string, date: string, kind: SupervisionRecord['kind'], units: string[]): SupervisionRecord => ({
  id,
  number: id,
  title: id,
  kind,
  date,
  issuer: '督查室',
  foundBy: 'written',
  tasks: [],
  units,
  requirement: '报告',
  reportWithinWorkingDays: kind === 'order' ? 5 : undefined,
  reports: [],
});
const records = evaluateSupervisionRecords(
  [record('a', '2026-10-12', 'order', ['housing']), record('b', '2026-11-18', 'reminder', ['housing', 'water']), record('c', '2026-11-20', 'order', ['water'])],
  '2026-11-23',
  buildCalendar([year2026]),
);
const dims = supervisionDimensions(
  [
    { id: 'housing', label: '区住建局' },
    { id: 'water', label: '区水务局' },
  ],
  records,
);
const matching = (key: string, value: string) =>
  records
    .filter((r) =>
      dims
        .find((d) => d.key === key)!
        .valuesOf(r)
        .includes(value),
    )
    .map((r) => r.id);

describe('filtering supervision records', () => {
  it('by kind, computed status, every unit named and the month issued', () => {
    expect(matching('kind', 'order')).toEqual(['c', 'a']);
    expect(matching('status', 'overdue')).toEqual(['a']);
    expect(matching('status', 'awaiting')).toEqual(['c']);
    expect(matching('status', 'no-report')).toEqual(['b']);
    expect(matching('unit', 'water')).toEqual(['c', 'b']);
    expect(matching('month', '2026-11')).toEqual(['c', 'b']);
  });

  it('offers the months that have records, newest first, in Chinese', () => {
    expect(dims.find((d) => d.key === 'month')!.values).toEqual([
      { id: '2026-11', label: '2026年11月' },
      { id: '2026-10', label: '2026年10月' },
    ]);
  });

  it('gives each filter and page an address of its own', () => {
    expect(supervisionPath(undefined)).toBe('/supervision/');
    expect(supervisionPath({ key: 'status', value: 'overdue' })).toBe('/supervision/status/overdue/');
    expect(supervisionPath({ key: 'unit', value: 'water' }, 2)).toBe('/supervision/unit/water/page/2/');
  });
});
