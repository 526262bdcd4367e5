import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SMALL, anonymise, anonymiseReport, suppress } from './anonymise.ts';
import { aggregateCases } from '../../../tests/support/report-cases.ts';
import { buildReport } from './report.ts';
import { GENERATED_AT, PILOT, PILOT_SELECTION } from '../../../tests/support/report.fixture.ts';
import { buildFigure } from '../../../tests/support/report-reference.ts';
import { BELIEF, GENDER } from './scales.ts';

describe('suppress', () => {
  it('hides 1 to 4, shows 0 and 5 and up', () => {
    expect([0, 1, 2, 3, 4, 5, 98].map(suppress)).toEqual([0, SMALL, SMALL, SMALL, SMALL, 5, 98]);
  });
});

describe('anonymise', () => {
  it('hides small counts in a figure and the percentages that would reveal them', () => {
    const f = buildFigure(GENDER, [
      ...Array<'male'>(17).fill('male'),
      'female',
      'female',
      'female',
      null,
      null,
    ]);
    expect(anonymise(f)).toEqual({
      n: 20,
      missing: SMALL,
      counts: { male: 17, female: SMALL },
      pct: { male: 85, female: SMALL },
    });
  });

  it('hides n itself when it is small, and keeps zero counts', () => {
    const f = buildFigure(BELIEF, ['high', 'high', 'partly']);
    expect(anonymise(f)).toEqual({
      n: SMALL,
      missing: 0,
      counts: { very_high: 0, high: SMALL, partly: SMALL, low: 0, very_low: 0 },
      pct: { very_high: 0, high: SMALL, partly: SMALL, low: 0, very_low: 0 },
    });
  });

  it('walks a whole report: participants, means over few people and spending categories', () => {
    const report = {
      generatedAt: '2026-01-31T12:00:00Z',
      selection: { municipalities: ['250', '751'] },
      participants: {
        all: { started: 30, followedUp: 29 },
        byMunicipality: { '250': { started: 4, followedUp: 4 } },
      },
      age: { all: { n: 30, mean: 30.2 }, byMunicipality: { '250': { n: 4, mean: 41.5 } } },
      wellbeing: { all: { n: 2, startMean: 40, endMean: 52, meanChange: 12 } },
      spending: {
        all: {
          n: 30,
          grantedKr: 1_500_000,
          spentKr: 900_000.5,
          byCategory: {
            transport: { kr: 20_000, count: 12, citizens: 9 },
            debt: { kr: 7_000.25, count: 6, citizens: 1 },
            business: { kr: 0, count: 0, citizens: 0 },
          },
        },
      },
    };
    expect(anonymise(report)).toEqual({
      generatedAt: '2026-01-31T12:00:00Z',
      selection: { municipalities: ['250', '751'] },
      participants: {
        all: { started: 30, followedUp: 29 },
        byMunicipality: { '250': { started: SMALL, followedUp: SMALL } },
      },
      age: { all: { n: 30, mean: 30.2 }, byMunicipality: { '250': { n: SMALL, mean: SMALL } } },
      wellbeing: { all: { n: SMALL, startMean: SMALL, endMean: SMALL, meanChange: SMALL } },
      spending: {
        all: {
          n: 30,
          grantedKr: 1_500_000,
          spentKr: 900_000.5,
          byCategory: {
            transport: { kr: 20_000, count: 12, citizens: 9 },
            // One citizen's debt: the amount is theirs; the purchase count (6) is not small.
            debt: { kr: SMALL, count: 6, citizens: SMALL },
            business: { kr: 0, count: 0, citizens: 0 },
          },
        },
      },
    });
    expect(report.age.byMunicipality['250'].n).toBe(4); // the input is untouched
  });
});

describe('properties', () => {
  it('no count or share of 1 to 4 people survives, and nothing else changes', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...BELIEF.codes)), { maxLength: 60 }), (answers) => {
        const f = buildFigure(BELIEF, answers);
        const a = anonymise(f);
        for (const code of BELIEF.codes) {
          const c = f.counts[code];
          expect(a.counts[code]).toBe(c >= 1 && c <= 4 ? SMALL : c);
          expect(a.pct[code]).toBe(c >= 1 && c <= 4 ? SMALL : f.pct[code]);
        }
        expect(a.n).toBe(suppress(f.n));
        expect(a.missing).toBe(suppress(f.missing));
      }),
    );
  });
});

describe('anonymiseReport', () => {
  const report = buildReport({
    generatedAt: GENERATED_AT,
    selection: PILOT_SELECTION,
    rows: aggregateCases(PILOT),
  });
  const a = anonymiseReport(report);

  it('hides every count of 1 to 4 in the pilot, and the shares and means built on them', () => {
    expect(a.generatedAt).toBe('2026-01-31T12:00:00Z');
    expect(a.selection).toEqual({ municipalities: ['250', '751'] });
    expect(a.participants).toEqual({
      all: { started: 12, followedUp: 10 },
      byMunicipality: { '250': { started: SMALL, followedUp: SMALL }, '751': { started: 10, followedUp: 8 } },
    });
    expect(a.gender.byMunicipality['751']).toEqual({
      n: 10,
      missing: 0,
      counts: { male: 7, female: SMALL },
      pct: { male: 70, female: SMALL },
    });
    expect(a.age.byMunicipality['250']).toEqual({ n: SMALL, missing: 0, mean: SMALL });
    expect(a.age.all).toEqual({ n: 12, missing: 0, mean: 27.3 });
    expect(a.wellbeing.byMunicipality['751']).toEqual({
      n: SMALL,
      missing: 5,
      startMean: SMALL,
      endMean: SMALL,
      meanChange: SMALL,
    });
    expect(a.wellbeing.all).toEqual({ n: 5, missing: 5, startMean: 50.4, endMean: 62.4, meanChange: 12 });
    expect(a.spending.all.byCategory.transport).toEqual({ kr: SMALL, count: SMALL, citizens: SMALL });
    expect(a.spending.all).toMatchObject({ n: 12, grantedKr: 580_000, spentKr: 28_234.75 });
    expect(a.startDistance.byMunicipality['751']?.pct).toEqual({
      very_far: SMALL,
      far: SMALL,
      some_way: SMALL,
      close: SMALL,
    });
  });

  it('leaves out the free-text reasons for ending early, and leaves the report itself alone', () => {
    expect(a.completion.all).toEqual({
      n: 12,
      missing: 0,
      counts: { completed: 8, terminated_early: SMALL, active: SMALL },
      pct: { completed: 67, terminated_early: SMALL, active: SMALL },
    });
    expect('reasons' in (a.completion.byMunicipality['751'] ?? {})).toBe(false);
    expect(JSON.stringify(a)).not.toContain('Flyttet');
    expect(report.completion.all.reasons).toHaveLength(2);
  });
});
