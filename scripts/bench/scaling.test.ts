import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { median, scalingExponent } from './scaling.ts';

describe('scalingExponent', () => {
  it('finds the power a cost grows by, whatever its constant factor (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), (factor, power) => {
        const points = [2500, 5000, 10_000, 20_000].map((size) => ({ size, cost: factor * size ** power }));
        expect(scalingExponent(points)).toBeCloseTo(power, 6);
      }),
    );
  });

  it('reads a fixed start-up cost plus a linear part as growing slower than linearly', () => {
    const points = [2500, 5000, 10_000, 20_000].map((size) => ({ size, cost: 20 + size / 250 }));
    expect(scalingExponent(points)).toBeGreaterThan(0.5);
    expect(scalingExponent(points)).toBeLessThan(1);
  });

  it('cannot fit one size', () => {
    expect(scalingExponent([{ size: 10_000, cost: 50 }])).toBeNaN();
    expect(scalingExponent([])).toBeNaN();
  });
});

describe('median', () => {
  it('is the middle round of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([88.2, 101.9, 106.1])).toBe(101.9);
    expect(median([106.1, 88.2, 101.9])).toBe(101.9);
    expect(median([56.6, 51.3])).toBeCloseTo(53.95);
    expect(median([7])).toBe(7);
  });
});
