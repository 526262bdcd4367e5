// The figures of the evaluation report (SPEC §4, FORMATS.md "Report JSON"). A figure is computed on
// a base (started cases, or followed-up cases); those in the base who did not answer are `missing`
// and excluded from n. Each percentage is rounded on its own, as in the report, so a figure's
// percentages may add up to 99 or 101 (Figure 6.5: 52 + 40 + 7).
import { DISTANCE_END, type Change, type DistanceEnd, type DistanceStart, type Scale } from './scales.ts';
import { mean1, percent } from './rounding.ts';

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

/** A single-choice figure from one answer per case in the base; null = not answered. */
export function buildFigure<C extends string>(s: Scale<C>, answers: readonly (C | null)[]): Figure<C> {
  const counts = zeroCounts(s);
  let n = 0;
  for (const a of answers) {
    if (a === null) continue;
    assertCode(s, a);
    counts[a] += 1;
    n += 1;
  }
  return withPct(s, counts, n, answers.length - n);
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
 * A multi-select figure (goal categories, Figure 6.1): n = cases that chose at least one code; each
 * code counts a case at most once, so counts may add up to more than n. An empty choice counts as
 * not answered, since a long-term goal always has at least one category.
 */
export function buildMultiFigure<C extends string>(
  s: Scale<C>,
  answers: readonly (readonly C[] | null)[],
): Figure<C> {
  const counts = zeroCounts(s);
  let n = 0;
  for (const a of answers) {
    if (a === null || a.length === 0) continue;
    n += 1;
    for (const code of new Set(a)) {
      assertCode(s, code);
      counts[code] += 1;
    }
  }
  return withPct(s, counts, n, answers.length - n);
}

/** Figure 6.4: where the citizen ended compared with where they started (very_far < … < achieved). */
export function changeOf(start: DistanceStart, end: DistanceEnd): Change;
export function changeOf(start: DistanceStart | null, end: DistanceEnd | null): Change | null;
export function changeOf(start: DistanceStart | null, end: DistanceEnd | null): Change | null {
  if (start === null || end === null) return null;
  if (end === 'achieved') return 'achieved';
  const delta = DISTANCE_END.codes.indexOf(end) - DISTANCE_END.codes.indexOf(start);
  if (delta > 0) return 'closer';
  return delta === 0 ? 'unchanged' : 'further';
}

/** WHO-5 well-being index: the five items (0–5 each) summed and multiplied by 4 (0–100). */
export function who5Score(items: readonly (number | null)[]): number | null {
  if (items.length !== 5) throw new RangeError(`WHO-5 has 5 items, got ${items.length}`);
  let sum = 0;
  for (const item of items) {
    if (item === null) return null;
    if (!Number.isInteger(item) || item < 0 || item > 5)
      throw new RangeError(`WHO-5 item out of range: ${item}`);
    sum += item;
  }
  return sum * 4;
}

export interface MeanSummary {
  readonly n: number;
  readonly mean: number | null;
}

/** Mean age (completed years at start, Table 5.2) or any other integer measure, one decimal. */
export function meanOf(values: readonly number[]): MeanSummary {
  const sum = values.reduce((s, v) => s + v, 0);
  return { n: values.length, mean: mean1(sum, values.length) };
}

export interface WellbeingSummary {
  readonly n: number;
  readonly startMean: number | null;
  readonly endMean: number | null;
  readonly meanChange: number | null;
}

/** WHO-5 at start and end, for the cases that have a full score at both (others are left out). */
export function wellbeingSummary(
  pairs: readonly { start: number | null; end: number | null }[],
): WellbeingSummary {
  const full = pairs.filter((p): p is { start: number; end: number } => p.start !== null && p.end !== null);
  const start = full.reduce((s, p) => s + p.start, 0);
  const end = full.reduce((s, p) => s + p.end, 0);
  const n = full.length;
  // The mean change is computed from the sums, not as the difference of two rounded means.
  return { n, startMean: mean1(start, n), endMean: mean1(end, n), meanChange: mean1(end - start, n) };
}
