import { describe, expect, it } from 'vitest';
import { beijingLongDateTime, beijingMinute, beijingShortDateTime } from './beijing-time.ts';

describe('instants in Beijing time', () => {
  it('shows the day and time in Beijing, not in the server’s zone, across midnight UTC', () => {
    // 16:30 UTC on 29 November is half past midnight on the 30th in Beijing.
    expect(beijingLongDateTime('2026-11-29T16:30:00.000Z')).toBe('2026年11月30日 00:30');
    expect(beijingShortDateTime('2026-11-29T16:30:00.000Z')).toBe('2026/11/30 00:30');
    expect(beijingMinute('2026-11-29T16:30:00.000Z')).toBe('2026-11-30 00:30');
  });

  it('writes the month and day without leading zeros in the long form, with them in the short one, as the platform does', () => {
    const longForm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });
    const shortForm = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const instant of ['2026-01-01T00:00:00Z', '2026-06-15T12:34:56Z', '2026-12-31T15:59:59Z', '2027-02-28T16:00:00.123Z']) {
      expect(beijingLongDateTime(instant)).toBe(longForm.format(new Date(instant)));
      expect(beijingShortDateTime(instant)).toBe(shortForm.format(new Date(instant)));
    }
    expect(beijingLongDateTime('2026-06-15T12:34:56Z')).toBe('2026年6月15日 20:34');
  });
});
