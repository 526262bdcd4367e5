// The two figures that are means rather than shares (spec: Figures): age at start (Table 5.2) and WHO-5
// well-being at start and end. Both are computed from integer sums, so the mean of all municipalities
// is exact (sum of sums / sum of n), never a mean of rounded means. One decimal, half away from zero.
// Like every figure they say how many in the base they leave out (`missing`), an addition to
// the format's `{ n, mean }` and `{ n, startMean, endMean, meanChange }` that it allows
// (formats: Report JSON).

import { mean1 } from './rounding.ts';

export interface MeanSummary {
  readonly n: number;
  readonly missing: number;
  /** Null when n = 0. */
  readonly mean: number | null;
}

export interface WellbeingSummary {
  readonly n: number;
  readonly missing: number;
  readonly startMean: number | null;
  readonly endMean: number | null;
  readonly meanChange: number | null;
}

function assertCount(name: string, x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${name} must be a count, got ${x}`);
}

function assertWithin(n: number, base: number): void {
  assertCount('n', n);
  assertCount('base', base);
  if (n > base) throw new RangeError(`n (${n}) exceeds the base (${base})`);
}

/** Mean of n integer values given as their sum, for a base of `base` cases. */
export function meanFromSum(sum: number, n: number, base: number): MeanSummary {
  assertWithin(n, base);
  return { n, missing: base - n, mean: mean1(sum, n) };
}

/**
 * WHO-5 for the n cases with a full score at start and at end, given the sums of their scores. The
 * mean change is computed from the sums, not as the difference of two rounded means.
 */
export function wellbeingFromSums(
  startSum: number,
  endSum: number,
  n: number,
  base: number,
): WellbeingSummary {
  assertWithin(n, base);
  return {
    n,
    missing: base - n,
    startMean: mean1(startSum, n),
    endMean: mean1(endSum, n),
    meanChange: mean1(endSum - startSum, n),
  };
}
