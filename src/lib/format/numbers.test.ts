import { describe, expect, it } from 'vitest';
import { longDate, monthLabel, percent, rateParts, rateText } from './numbers.ts';

describe('figures', () => {
  it('writes a rate with its denominator', () => {
    expect(rateText(12, 15)).toBe('12 / 15 项（80.0%）');
    expect(rateText(0, 0)).toBe('0 / 0 项');
  });

  it('splits a rate for a figure card, with no share when nothing was counted', () => {
    expect(rateParts(20, 85)).toEqual({ count: '20 / 85 项', share: '（23.5%）' });
    expect(rateParts(0, 0, '件')).toEqual({ count: '0 / 0 件', share: undefined });
  });

  it('never shows 100% for a rate that is not whole', () => {
    expect(percent(999, 1000)).toBe('99.9%');
    expect(percent(1999, 2000)).toBe('99.9%');
    expect(percent(1, 1)).toBe('100.0%');
  });

  it('writes dates and months the Chinese way', () => {
    expect(longDate('2026-09-03')).toBe('2026年9月3日');
    expect(monthLabel('2026-01')).toBe('2026年1月');
  });
});
