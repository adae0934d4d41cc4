import { describe, expect, it } from 'vitest';
import { pubDateOfDay, pubDateOfInstant } from './pub-date.ts';

describe('PubDate', () => {
  it('keeps a content file’s day as it is, without a made-up time', () => {
    expect(pubDateOfDay('2026-03-01')).toBe('2026-03-01');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => pubDateOfDay('2026-02-30')).toThrow('2026-02-30');
    expect(() => pubDateOfDay('2026/03/01')).toThrow();
  });

  it('writes an instant in Beijing time to the minute', () => {
    expect(pubDateOfInstant('2026-11-20T02:05:59.900Z')).toBe('2026-11-20 10:05');
  });

  it('puts an answer given at 23:30 UTC on the next Beijing day', () => {
    expect(pubDateOfInstant('2026-11-23T23:30:00Z')).toBe('2026-11-24 07:30');
  });

  it('reads an instant written with an offset', () => {
    expect(pubDateOfInstant('2026-11-20T10:05:00+08:00')).toBe('2026-11-20 10:05');
  });

  it('refuses what is not an instant', () => {
    expect(() => pubDateOfInstant('soon')).toThrow('soon');
  });
});
