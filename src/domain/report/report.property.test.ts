// Properties of the whole report over random pilots: bases, the per-municipality breakdown adding up
// to `all`, and the evaluator's rule never letting a count of 1 to 4 through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXPENSE_CATEGORIES } from '../expense-category.ts';
import { ore } from '../money.ts';
import { GOAL_CATEGORIES } from '../plan.ts';
import { PAYMENT_METHODS } from '../purchase-request.ts';
import { SMALL, anonymiseReport } from './anonymise.ts';
import { aggregateCases, type ReportCase } from '../../../tests/support/report-cases.ts';
import { buildReport, type Report } from './report.ts';
import { end, start } from '../../../tests/support/report.fixture.ts';
import {
  BELIEF,
  COMPLETION,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  GENDER,
  INCOME_SOURCE,
} from './scales.ts';

const MUNICIPALITIES = ['250', '621', '751'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const code = <C extends string>(codes: readonly C[]) => maybe(fc.constantFrom(...codes));
const item = fc.integer({ min: 0, max: 5 });
const who5 = maybe(fc.tuple(item, item, item, item, item));
const amount = fc.integer({ min: 0, max: 5_000_000 }).map(ore);

const reportCaseArb: fc.Arbitrary<ReportCase> = fc.record({
  municipality: fc.constantFrom(...MUNICIPALITIES),
  gender: code(GENDER.codes),
  ageAtStart: maybe(fc.integer({ min: 18, max: 80 })),
  completion: fc.constantFrom(...COMPLETION.codes),
  terminationReason: maybe(fc.constantFrom('Flyttet', 'Afsoning', ' ')),
  education: code(EDUCATION.codes),
  incomeSource: code(INCOME_SOURCE.codes),
  granted: amount,
  returned: amount,
  payments: fc.array(
    fc.record({
      category: fc.constantFrom(...EXPENSE_CATEGORIES),
      method: fc.constantFrom(...PAYMENT_METHODS),
      amount,
    }),
    { maxLength: 3 },
  ),
  citizenStart: maybe(
    fc
      .tuple(code(DISTANCE_START.codes), fc.subarray([...GOAL_CATEGORIES]), who5)
      .map(([d, categories, w]) => start(d, categories, w)),
  ),
  supportStart: maybe(code(BELIEF.codes).map((belief) => (belief === null ? {} : { belief }))),
  citizenEnd: maybe(fc.tuple(code(DISTANCE_END.codes), who5).map(([d, w]) => end(d, w))),
  supportEnd: maybe(code(BELIEF.codes).map((assessment) => (assessment === null ? {} : { assessment }))),
});

const pilotArb = fc.array(reportCaseArb, { maxLength: 40 });

function build(cases: readonly ReportCase[]): Report {
  return buildReport({
    generatedAt: new Date(0),
    selection: { municipalities: MUNICIPALITIES },
    rows: aggregateCases(cases),
  });
}

const SCALE_FIGURES = [
  ['gender', 'started'],
  ['education', 'started'],
  ['incomeSource', 'started'],
  ['completion', 'started'],
  ['startDistance', 'followedUp'],
  ['endDistance', 'followedUp'],
  ['change', 'followedUp'],
  ['supportBelief', 'followedUp'],
  ['supportAssessment', 'followedUp'],
  ['goalCategories', 'followedUp'],
] as const;

interface AnyFigure {
  n: number;
  missing: number;
  counts: Record<string, number>;
  pct: Record<string, number>;
}

describe('report properties', () => {
  it('n + missing is the base, per municipality and in all; all is the sum of the municipalities', () => {
    fc.assert(
      fc.property(pilotArb, (cases) => {
        const r = build(cases);
        expect(r.participants.all.started).toBe(cases.length);
        for (const [key, base] of SCALE_FIGURES) {
          const figure = r[key] as unknown as { all: AnyFigure; byMunicipality: Record<string, AnyFigure> };
          const places = [['all', figure.all] as const, ...Object.entries(figure.byMunicipality)];
          for (const [m, f] of places) {
            const participants = m === 'all' ? r.participants.all : r.participants.byMunicipality[m];
            expect(f.n + f.missing).toBe(participants?.[base]);
          }
          for (const c of Object.keys(figure.all.counts)) {
            const sum = MUNICIPALITIES.reduce((s, m) => s + (figure.byMunicipality[m]?.counts[c] ?? 0), 0);
            expect(figure.all.counts[c]).toBe(sum);
          }
        }
        expect(r.wellbeing.all.n + r.wellbeing.all.missing).toBe(r.participants.all.followedUp);
        // Every purchase has one method and one category: the two figures count the same purchases.
        const byMethod = Object.values(r.purchasesByPaymentMethod.all.byMethod);
        const byCategory = Object.values(r.spending.all.byCategory);
        const total = (xs: readonly { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
        expect(total(byMethod)).toBe(total(byCategory));
        expect(r.purchasesByPaymentMethod.all.n).toBe(r.participants.all.started);
      }),
      { numRuns: 60 },
    );
  });

  it('the shares of a single-choice figure are its counts over n, rounded, within 0–100', () => {
    fc.assert(
      fc.property(pilotArb, (cases) => {
        const f = build(cases).endDistance.all;
        const counts = Object.values(f.counts);
        expect(counts.reduce((s, c) => s + c, 0)).toBe(f.n);
        for (const c of DISTANCE_END.codes) {
          if (f.n === 0) expect(f.pct[c]).toBe(0);
          else expect(Math.abs(f.pct[c] - (100 * f.counts[c]) / f.n)).toBeLessThanOrEqual(0.5);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('anonymised, no count of 1 to 4 is left, nor a share or mean of so few', () => {
    const COUNT_KEYS = new Set(['n', 'missing', 'started', 'followedUp', 'count', 'citizens']);
    const check = (value: unknown, key: string, parent: Record<string, unknown> | null): void => {
      if (typeof value === 'number' && (COUNT_KEYS.has(key) || key.startsWith('counts.')))
        expect(value >= 1 && value <= 4).toBe(false);
      if (typeof value === 'number' && key.startsWith('pct.') && parent !== null)
        expect((parent.counts as Record<string, unknown>)[key.slice(4)]).not.toBe(SMALL);
      if (value === null || typeof value !== 'object') return;
      const obj = value as Record<string, unknown>;
      // Few people: a mean or a kroner sum over them is hidden too (counts keep their own rule).
      if (obj.n === SMALL || obj.citizens === SMALL) {
        const shown = Object.entries(obj).filter(([k, v]) => typeof v === 'number' && !COUNT_KEYS.has(k));
        expect(shown).toEqual([]);
      }
      for (const [k, v] of Object.entries(obj)) {
        if (k === 'counts' || k === 'pct') {
          for (const [c, x] of Object.entries(v as Record<string, unknown>)) check(x, `${k}.${c}`, obj);
        } else check(v, k, obj);
      }
    };
    fc.assert(
      fc.property(pilotArb, (cases) => {
        const a = anonymiseReport(build(cases));
        check(a, '', null);
        expect(JSON.stringify(a)).not.toContain('Flyttet');
      }),
      { numRuns: 60 },
    );
  });
});
