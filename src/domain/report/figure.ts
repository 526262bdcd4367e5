// The figures of the evaluation report (spec: Figures; formats: Report JSON). A figure is computed on
// a base (started cases, or followed-up cases); those in the base who did not answer are `missing`
// and excluded from n. Each percentage is rounded on its own, as in the report, so a figure's
// percentages may add up to 99 or 101 (Figure 6.5: 52 + 40 + 7).
import type { Scale } from './scales.ts';
import { percent } from './rounding.ts';

export interface Figure<C extends string> {
  readonly n: number;
  readonly missing: number;
  /** Every code of the scale, 0 where none answered. */
  readonly counts: Readonly<Record<C, number>>;
  readonly pct: Readonly<Record<C, number>>;
}

function zeroCounts<C extends string>(s: Scale<C>): Record<C, number> {
  return Object.fromEntries(s.codes.map((c) => [c, 0])) as Record<C, number>;
}

function assertCode<C extends string>(s: Scale<C>, code: string): asserts code is C {
  // Answers are validated at the boundary; a stray code here is a bug, not bad input.
  if (!(s.codes as readonly string[]).includes(code)) throw new RangeError(`Unknown code: ${code}`);
}

function withPct<C extends string>(s: Scale<C>, counts: Record<C, number>, n: number, missing: number) {
  const pct = Object.fromEntries(s.codes.map((c) => [c, percent(counts[c], n)])) as Record<C, number>;
  return { n, missing, counts, pct };
}

/**
 * A single-choice figure from counts already made (e.g. by a GROUP BY), for a base of `base` cases:
 * n is the sum of the counts, missing the rest of the base.
 */
export function figureFromCounts<C extends string>(
  s: Scale<C>,
  given: Readonly<Partial<Record<string, number>>>,
  base: number,
): Figure<C> {
  const counts = zeroCounts(s);
  let n = 0;
  for (const [code, count = 0] of Object.entries(given)) {
    assertCode(s, code);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Bad count for ${code}: ${count}`);
    counts[code] = count;
    n += count;
  }
  if (!Number.isSafeInteger(base) || n > base)
    throw new RangeError(`Counts (${n}) exceed the base (${base})`);
  return withPct(s, counts, n, base - n);
}

/**
 * A multi-select figure from counts already made: `given` holds the cases per code (each case at most
 * once per code), `answered` the cases that chose at least one code, `base` the cases in the base.
 */
export function multiFigureFromCounts<C extends string>(
  s: Scale<C>,
  given: Readonly<Partial<Record<string, number>>>,
  answered: number,
  base: number,
): Figure<C> {
  if (!Number.isSafeInteger(answered) || answered < 0 || !Number.isSafeInteger(base) || answered > base)
    throw new RangeError(`Answered (${answered}) must be a count within the base (${base})`);
  const counts = zeroCounts(s);
  for (const [code, count = 0] of Object.entries(given)) {
    assertCode(s, code);
    if (!Number.isSafeInteger(count) || count < 0 || count > answered)
      throw new RangeError(`Bad count for ${code}: ${count} of ${answered}`);
    counts[code] = count;
  }
  return withPct(s, counts, answered, base - answered);
}
