import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFigure, buildMultiFigure } from '../../../tests/support/report-reference.ts';
import { figureFromCounts, multiFigureFromCounts } from './figure.ts';
import {
  BELIEF,
  CHANGE,
  COMPLETION,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  GENDER,
  GOAL_CATEGORY,
  INCOME_SOURCE,
} from './scales.ts';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/index.ts';

describe('scales', () => {
  it('list the codes of the specification in order, each with a Danish and an English label', () => {
    expect(DISTANCE_START.codes).toEqual(['very_far', 'far', 'some_way', 'close']);
    expect(DISTANCE_END.codes).toEqual(['very_far', 'far', 'some_way', 'close', 'achieved']);
    const { very_far: veryFar } = DISTANCE_END.labels;
    expect({ da: da[veryFar], en: en[veryFar] }).toEqual({ da: 'Meget langt fra', en: 'Very far from' });
    expect(da[BELIEF.labels.very_high]).toBe('I meget høj grad');
    expect(EDUCATION.codes).toEqual(['primary', 'upper_secondary', 'higher', 'unknown']);
    expect(da[INCOME_SOURCE.labels.student_grant]).toBe('SU');
    expect(GENDER.codes).toEqual(['male', 'female']);
    expect(COMPLETION.codes).toEqual(['completed', 'terminated_early', 'active']);
    expect(CHANGE.codes).toEqual(['achieved', 'closer', 'unchanged', 'further']);
    expect(GOAL_CATEGORY.codes).toHaveLength(8);
    for (const s of [
      DISTANCE_END,
      BELIEF,
      EDUCATION,
      INCOME_SOURCE,
      GENDER,
      COMPLETION,
      CHANGE,
      GOAL_CATEGORY,
    ]) {
      for (const c of s.codes as readonly string[]) {
        const label = (s.labels as Record<string, MessageKey | undefined>)[c];
        expect(label && da[label]).toBeTruthy();
        expect(label && en[label]).toBeTruthy();
      }
    }
  });
});

describe('buildFigure', () => {
  it('counts every code, excludes and counts missing answers, rounds each share', () => {
    const f = buildFigure(DISTANCE_START, [
      'far',
      'far',
      'close',
      null,
      'some_way',
      'far',
      'far',
      'far',
      'far',
    ]);
    expect(f).toEqual({
      n: 8,
      missing: 1,
      counts: { very_far: 0, far: 6, some_way: 1, close: 1 },
      pct: { very_far: 0, far: 75, some_way: 13, close: 13 }, // 12.5 → 13; sums to 101, as in the report
    });
  });

  it('shows 0 % everywhere when nobody answered', () => {
    expect(buildFigure(GENDER, [null, null])).toEqual({
      n: 0,
      missing: 2,
      counts: { male: 0, female: 0 },
      pct: { male: 0, female: 0 },
    });
  });

  it('refuses a code outside the scale', () => {
    expect(() => buildFigure(GENDER, ['other' as 'male'])).toThrow(RangeError);
  });

  it('builds the same figure from counts and a base', () => {
    const f = figureFromCounts(COMPLETION, { completed: 1, terminated_early: 199 }, 200);
    expect(f.pct).toEqual({ completed: 1, terminated_early: 100, active: 0 }); // 0.5 → 1, 99.5 → 100
    expect(f.missing).toBe(0);
    expect(figureFromCounts(GENDER, { male: 3 }, 5)).toMatchObject({
      n: 3,
      missing: 2,
      counts: { female: 0 },
    });
    expect(() => figureFromCounts(GENDER, { male: 6 }, 5)).toThrow(RangeError);
    expect(() => figureFromCounts(GENDER, { man: 1 }, 5)).toThrow(RangeError);
  });
});

describe('buildMultiFigure', () => {
  it('counts cases per category; sums may exceed n; empty or missing answers are missing', () => {
    const f = buildMultiFigure(GOAL_CATEGORY, [
      ['housing', 'education_employment'],
      ['housing'],
      ['health', 'health'], // a repeated code counts once
      [],
      null,
    ]);
    expect(f.n).toBe(3);
    expect(f.missing).toBe(2);
    expect(f.counts).toMatchObject({ housing: 2, education_employment: 1, health: 1, independence: 0 });
    expect(f.pct).toMatchObject({ housing: 67, education_employment: 33, health: 33, independence: 0 });
  });
});

describe('multiFigureFromCounts', () => {
  it('takes n from the cases that answered, not from the sum of the counts', () => {
    const f = multiFigureFromCounts(GOAL_CATEGORY, { housing: 2, education_employment: 1, health: 1 }, 3, 5);
    expect(f).toEqual(
      buildMultiFigure(GOAL_CATEGORY, [
        ['housing', 'education_employment'],
        ['housing'],
        ['health'],
        null,
        [],
      ]),
    );
    expect(f.n).toBe(3);
    expect(f.missing).toBe(2);
  });

  it('refuses a count above the answered cases, answered above the base, or an unknown code', () => {
    expect(() => multiFigureFromCounts(GOAL_CATEGORY, { housing: 4 }, 3, 5)).toThrow(RangeError);
    expect(() => multiFigureFromCounts(GOAL_CATEGORY, { housing: 1 }, 6, 5)).toThrow(RangeError);
    expect(() => multiFigureFromCounts(GOAL_CATEGORY, { pets: 1 }, 3, 5)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const answers = fc.array(fc.option(fc.constantFrom(...BELIEF.codes)), { maxLength: 300 });

  it('single-choice counts sum to n, n + missing is the base, pct within 0..100', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const f = buildFigure(BELIEF, a);
        const counts = Object.values(f.counts);
        expect(counts.reduce((s, c) => s + c, 0)).toBe(f.n);
        expect(f.n + f.missing).toBe(a.length);
        for (const p of Object.values(f.pct)) expect(p >= 0 && p <= 100).toBe(true);
        // Independent rounding keeps the total within one point per code of 100.
        const total = Object.values(f.pct).reduce((s, p) => s + p, 0);
        if (f.n > 0) expect(Math.abs(total - 100)).toBeLessThanOrEqual(BELIEF.codes.length / 2);
      }),
    );
  });

  it('figureFromCounts agrees with buildFigure', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const f = buildFigure(BELIEF, a);
        expect(figureFromCounts(BELIEF, f.counts, a.length)).toEqual(f);
      }),
    );
  });
});
