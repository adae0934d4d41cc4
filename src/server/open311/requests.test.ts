import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readRequestQuery } from './requests.ts';

describe('Open311 request query', () => {
  it('answers an out-of-range date with an error naming the parameter, never an exception', () => {
    for (const [name, value] of [
      ['end_date', '-271821-04-20T00:00:00Z'],
      ['start_date', '+275760-09-13T00:00:00Z'],
      ['end_date', '0001-01-01T00:00:00Z'],
      ['start_date', '+010000-01-01T00:00:00Z'],
    ]) {
      const parsed = readRequestQuery(new URLSearchParams({ [name!]: value! }));
      expect(parsed, value).toEqual({ errors: [`${name}：日期超出范围，应在 1970 年到 9999 年之间`] });
    }
  });

  it('never throws, whatever the dates', () => {
    const date = fc.oneof(
      fc.string(),
      fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }).map((t) => new Date(t).toISOString()),
      fc.constantFrom('2026-11-01', '2026-11-01T00:00:00+08:00', 'Sat, 28 Nov 2026 00:00:00 GMT', ''),
    );
    fc.assert(
      fc.property(date, date, (start, end) => {
        const parsed = readRequestQuery(new URLSearchParams({ start_date: start, end_date: end }));
        if ('errors' in parsed) return;
        // Whatever was accepted can be compared with the stored ISO times: four-digit years, valid instants.
        for (const value of [parsed.query.start!, parsed.query.end!]) {
          expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T/);
          expect(Number.isNaN(Date.parse(value))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the last 90 days by default', () => {
    const parsed = readRequestQuery(new URLSearchParams(), Date.UTC(2026, 10, 28));
    expect(parsed).toMatchObject({ query: { start: '2026-08-30T00:00:00.000Z', end: '2026-11-28T00:00:00.000Z' } });
  });
});
