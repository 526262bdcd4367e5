import { describe, expect, it } from 'vitest';
import { meanOf, wellbeingSummary } from '../../../tests/support/report-reference.ts';
import { meanFromSum, wellbeingFromSums } from './summary.ts';

describe('means', () => {
  it('give one decimal, half away from zero, and count what is missing', () => {
    expect(meanOf([23, 24, 24, 23])).toEqual({ n: 4, missing: 0, mean: 23.5 });
    expect(meanOf([30, null, 31, 30, 30])).toEqual({ n: 4, missing: 1, mean: 30.3 }); // 30.25
    expect(meanFromSum(61, 2, 2)).toEqual({ n: 2, missing: 0, mean: 30.5 });
    expect(meanOf([])).toEqual({ n: 0, missing: 0, mean: null });
    expect(meanOf([null, null])).toEqual({ n: 0, missing: 2, mean: null });
  });

  it('refuses n above the base', () => {
    expect(() => meanFromSum(60, 2, 1)).toThrow(RangeError);
    expect(() => meanFromSum(60, -1, 1)).toThrow(RangeError);
  });
});

describe('wellbeing', () => {
  it('uses cases with both scores; the mean change comes from the sums', () => {
    const s = wellbeingSummary([
      { start: 40, end: 52 },
      { start: 36, end: 36 },
      { start: 20, end: null },
      { start: null, end: 80 },
      { start: 44, end: 60 },
    ]);
    // start 120/3 = 40, end 148/3 = 49.33, change 28/3 = 9.33
    expect(s).toEqual({ n: 3, missing: 2, startMean: 40, endMean: 49.3, meanChange: 9.3 });
  });

  it('rounds a negative mean change away from zero', () => {
    expect(wellbeingFromSums(90, 81, 4, 6)).toEqual({
      n: 4,
      missing: 2,
      startMean: 22.5,
      endMean: 20.3, // 20.25
      meanChange: -2.3, // -2.25
    });
  });

  it('has no means without cases', () => {
    expect(wellbeingSummary([{ start: null, end: 40 }])).toEqual({
      n: 0,
      missing: 1,
      startMean: null,
      endMean: null,
      meanChange: null,
    });
  });
});
