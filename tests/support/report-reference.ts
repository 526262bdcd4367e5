// Per-case versions of the report's figures and summaries: the product computes every figure from SQL
// aggregates (src/domain/report/figure.ts figureFromCounts, summary.ts meanFromSum and
// wellbeingFromSums); these take one answer or value per case instead, so tests can state a figure by
// its cases and check the aggregate versions against them. Test code only.

import type { CitizenEndAnswers, CitizenStartAnswers } from '../../src/domain/questionnaire/instrument.ts';
import { who5ScoreOf } from '../../src/domain/questionnaire/who5.ts';
import type { Figure } from '../../src/domain/report/figure.ts';
import { percent } from '../../src/domain/report/rounding.ts';
import type { Scale } from '../../src/domain/report/scales.ts';
import {
  meanFromSum,
  wellbeingFromSums,
  type MeanSummary,
  type WellbeingSummary,
} from '../../src/domain/report/summary.ts';

function zeroCounts<C extends string>(s: Scale<C>): Record<C, number> {
  return Object.fromEntries(s.codes.map((c) => [c, 0])) as Record<C, number>;
}

function assertCode<C extends string>(s: Scale<C>, code: string): asserts code is C {
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

/** Mean of integer values, one per case in the base; null = not known. */
export function meanOf(values: readonly (number | null)[]): MeanSummary {
  const known = values.filter((v): v is number => v !== null);
  return meanFromSum(
    known.reduce((s, v) => s + v, 0),
    known.length,
    values.length,
  );
}

/** WHO-5 from one score pair per case in the base; a case lacking either score is missing. */
export function wellbeingSummary(
  pairs: readonly { readonly start: number | null; readonly end: number | null }[],
): WellbeingSummary {
  const full = pairs.filter((p): p is { start: number; end: number } => p.start !== null && p.end !== null);
  return wellbeingFromSums(
    full.reduce((s, p) => s + p.start, 0),
    full.reduce((s, p) => s + p.end, 0),
    full.length,
    pairs.length,
  );
}

export interface Who5Pair {
  /** WHO-5 score 0–100 at start, null unless all five items were answered. */
  readonly start: number | null;
  readonly end: number | null;
  /** end − start, null unless both scores exist. */
  readonly change: number | null;
}

/** A case's WHO-5 scores at start and end and the change between them (spec: Figures; `wellbeing`). */
export function who5Pair(start: CitizenStartAnswers | null, end: CitizenEndAnswers | null): Who5Pair {
  const s = start === null ? null : who5ScoreOf(start);
  const e = end === null ? null : who5ScoreOf(end);
  return { start: s, end: e, change: s === null || e === null ? null : e - s };
}
