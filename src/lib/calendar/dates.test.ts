import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, chinaDayStart, chinaMonthRange, daysBetween, isIsoDate, monthBounds, monthsBetween, today } from './dates.ts';

describe('calendar dates', () => {
  it('rejects days that do not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026/09/30')).toBe(false);
    expect(isIsoDate('2026-9-30')).toBe(false);
  });

  it('counts whole days across month and year ends', () => {
    expect(daysBetween('2026-09-30', '2026-10-23')).toBe(23);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-10-23', '2026-09-30')).toBe(-23);
  });

  it('adding days and counting them agree for any date and offset', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        const start = d.toISOString().slice(0, 10);
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });

  it('takes today in China Standard Time, not UTC', () => {
    // 2026-11-22 17:30 UTC is already 2026-11-23 in Beijing.
    expect(today('Asia/Shanghai', new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
  });

  it('moves by months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('bounds months, February included', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('China day and month boundaries as instants', () => {
  it('a China day begins at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-11-01')).toBe('2026-10-31T16:00:00.000Z');
    expect(chinaMonthRange('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    // 23:30 UTC on the last day of a month is already the next month in China.
    const { from, to } = chinaMonthRange('2026-11');
    expect('2026-11-30T23:30:00.000Z' >= to).toBe(true);
    expect('2026-10-31T16:30:00.000Z' >= from).toBe(true);
  });
});
