import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean1, percent, roundRatio } from './rounding.ts';

describe('percent and means', () => {
  it('rounds shares at .5 upwards, exactly', () => {
    expect(percent(1, 8)).toBe(13); // 12.5 %
    expect(percent(1, 200)).toBe(1); // 0.5 %
    expect(percent(3, 8)).toBe(38); // 37.5 %
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
    expect(percent(22, 98)).toBe(22); // Figure 6.3: 22.4 %
    expect(percent(46, 98)).toBe(47); // 46.9 %
  });

  it('gives means with one decimal', () => {
    expect(mean1(301, 10)).toBe(30.1);
    expect(mean1(61, 2)).toBe(30.5);
    expect(mean1(121, 4)).toBe(30.3); // 30.25
    expect(mean1(-9, 4)).toBe(-2.3); // -2.25, away from zero
    expect(mean1(5, 0)).toBeNull();
  });

  it('refuses non-integers and a zero denominator', () => {
    expect(() => roundRatio(1.5, 2)).toThrow(RangeError);
    expect(() => roundRatio(1, 0)).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('percent stays within 0..100 and matches exact rational rounding', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([count, n]) => {
          const p = percent(count, n);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
          // |count·100/n − p| ≤ 1/2, and exactly 1/2 only when rounded up.
          const twice = 2 * (count * 100 - p * n);
          expect(twice).toBeLessThan(n);
          expect(twice).toBeGreaterThanOrEqual(-n);
        },
      ),
    );
  });

  it('roundRatio is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        expect(roundRatio(-a, b, 1)).toBe(-roundRatio(a, b, 1) + 0);
      }),
    );
  });
});
