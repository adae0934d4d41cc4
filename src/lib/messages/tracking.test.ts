import { describe, expect, it } from 'vitest';
import { displayQueryCode, formatTrackingNumber, normaliseQueryCode, normaliseTrackingNumber, queryCodeFromBytes } from './tracking.ts';

describe('tracking numbers', () => {
  it('are the prefix, the day and a four-digit sequence', () => {
    expect(formatTrackingNumber('LY', '2026-11-23', 7)).toBe('LY20261123-0007');
    expect(formatTrackingNumber('LY', '2026-11-23', 12345)).toBe('LY20261123-12345');
  });
  it('forgive case, spaces and full-width characters when typed', () => {
    expect(normaliseTrackingNumber(' ly20261123－0007 ')).toBe('LY20261123-0007');
    expect(normaliseTrackingNumber('LY2026-0007')).toBeNull();
    expect(normaliseTrackingNumber(7)).toBeNull();
  });
});

describe('query codes', () => {
  it('use no look-alike characters and round-trip through their display form', () => {
    const code = queryCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(normaliseQueryCode(displayQueryCode(code).toLowerCase())).toBe(code);
  });
  it('refuse what cannot be a code', () => {
    expect(normaliseQueryCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseQueryCode('ABC')).toBeNull();
    expect(normaliseQueryCode(null)).toBeNull();
  });
});
