import { describe, expect, it } from 'vitest';
import { beijingLongDateTime, beijingShortDateTime } from './beijing-time.ts';

describe('instants in Beijing time', () => {
  it('shows the day and time in Beijing, not in the server’s zone, across midnight UTC', () => {
    // 16:30 UTC on 29 November is half past midnight on the 30th in Beijing.
    expect(beijingLongDateTime('2026-11-29T16:30:00.000Z')).toBe('2026年11月30日 00:30');
    expect(beijingShortDateTime('2026-11-29T16:30:00.000Z')).toBe('2026/11/30 00:30');
  });

  it('gives the same text on every call (the formatters are shared, not worn out)', () => {
    const instants = ['2026-01-01T00:00:00Z', '2026-06-15T12:34:56Z', '2026-12-31T15:59:59Z'];
    const first = instants.map(beijingLongDateTime);
    expect(instants.map(beijingLongDateTime)).toEqual(first);
    expect(first).toEqual(['2026年1月1日 08:00', '2026年6月15日 20:34', '2026年12月31日 23:59']);
  });
});
