// The evaluator's small-count rule (spec: Small-count suppression): across municipalities, any count
// from 1 to 4 is shown as "<5", so that no single citizen can be picked out. Applied to a whole report
// object (formats: Report JSON), recognising numbers by their key:
//
// - counts: `n`, `missing`, `started`, `followedUp`, `count`, `citizens` and every value under
//   `counts` — 1..4 becomes "<5"; 0 stays 0 (nobody to identify).
// - percentages: `pct[code]` becomes "<5" when `counts[code]` was suppressed, because pct × n would
//   give the count back.
// - values computed from few people: when an object's population (`n`, or `citizens` for a spending
//   category) is 1..4, every other non-count number directly in it (a mean, a kroner sum) becomes
//   "<5" too, read as "based on fewer than 5": the mean age of one person is that person's age.
//   Counts keep their own rule, so "<5" never stands for a count of 5 or more.
//
// - free text: the reasons a case was terminated early are left out (`anonymiseReport`), since a
//   reason is written about one person and may name them.
//
// Not covered (document, do not rely on): a lone suppressed count can still be derived by
// subtraction (n minus the other counts, or all minus the other municipalities). The rule is the
// evaluator's primary suppression; secondary suppression would need the whole table at once.

import type { CompletionFigure, Report } from './report.ts';

export const SMALL = '<5';
export type Small = typeof SMALL;

/** The shape of T with every number possibly replaced by "<5". */
export type Anonymised<T> = T extends number
  ? number | Small
  : T extends readonly (infer U)[]
    ? readonly Anonymised<U>[]
    : T extends object
      ? { [K in keyof T]: Anonymised<T[K]> }
      : T;

const COUNT_KEYS = new Set(['n', 'missing', 'started', 'followedUp', 'count', 'citizens']);
const POPULATION_KEYS = ['n', 'citizens'] as const;

function isSmall(count: number): boolean {
  return count >= 1 && count <= 4;
}

/** One count under the rule. */
export function suppress(count: number): number | Small {
  return isSmall(count) ? SMALL : count;
}

/** Applies the rule to a report (or any part of it) and returns a new object; the input is untouched. */
export function anonymise<T>(value: T): Anonymised<T> {
  return walk(value) as Anonymised<T>;
}

function walk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') return walkObject(value as Record<string, unknown>);
  return value;
}

function walkObject(obj: Record<string, unknown>): Record<string, unknown> {
  const smallPopulation = POPULATION_KEYS.some((k) => typeof obj[k] === 'number' && isSmall(obj[k]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v !== 'number') out[key] = walk(v);
    else if (COUNT_KEYS.has(key)) out[key] = suppress(v);
    else out[key] = smallPopulation ? SMALL : v;
  }
  if (isRecord(obj.counts)) {
    out.counts = mapNumbers(obj.counts, (count) => suppress(count));
    if (isRecord(obj.pct)) out.pct = suppressPct(obj.counts, obj.pct);
  }
  return out;
}

function suppressPct(counts: Record<string, unknown>, pct: Record<string, unknown>) {
  return mapNumbers(pct, (p, code) => {
    const count = counts[code];
    return typeof count === 'number' && isSmall(count) ? SMALL : p;
  });
}

function mapNumbers(
  obj: Record<string, unknown>,
  f: (n: number, key: string) => number | Small,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, typeof v === 'number' ? f(v, k) : walk(v)]),
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export type AnonymisedReport = Anonymised<Report>;

/** The evaluator's view of a report: termination reasons left out, then the small-count rule. */
export function anonymiseReport(report: Report): AnonymisedReport {
  const withoutReasons = ({ reasons: _reasons, ...figure }: CompletionFigure): CompletionFigure => figure;
  const byMunicipality = Object.fromEntries(
    Object.entries(report.completion.byMunicipality).map(([m, f]) => [m, withoutReasons(f)]),
  );
  return anonymise({
    ...report,
    completion: { all: withoutReasons(report.completion.all), byMunicipality },
  });
}
