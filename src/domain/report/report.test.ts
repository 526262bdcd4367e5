// Each figure (spec: Figures) on the hand-computed pilot of report.fixture.ts. Percentages are worked out
// in the comments; ".5" rounds away from zero (1 of 8 = 12.5 % → 13).
import { describe, expect, it } from 'vitest';
import { aggregateCases } from '../../../tests/support/report-cases.ts';
import { EMPTY_REPORT_ROWS } from './report-rows.ts';
import { buildReport, formatGeneratedAt, type Report } from './report.ts';
import {
  GENERATED_AT,
  PILOT,
  PILOT_SELECTION,
  end,
  reportCase,
  start,
} from '../../../tests/support/report.fixture.ts';

const report: Report = buildReport({
  generatedAt: GENERATED_AT,
  selection: PILOT_SELECTION,
  rows: aggregateCases(PILOT),
});
const [all, aarhus, halsnaes] = [
  (k: keyof Report) => (report[k] as { all: unknown }).all,
  (k: keyof Report) => (report[k] as { byMunicipality: Record<string, unknown> }).byMunicipality['751'],
  (k: keyof Report) => (report[k] as { byMunicipality: Record<string, unknown> }).byMunicipality['250'],
];

describe('report header and bases', () => {
  it('says when and for which municipalities, sorted by code', () => {
    expect(report.generatedAt).toBe('2026-01-31T12:00:00Z');
    expect(report.selection).toEqual({ municipalities: ['250', '751'] });
    expect(Object.keys(report)).toEqual([
      'generatedAt',
      'selection',
      'participants',
      'gender',
      'age',
      'goalCategories',
      'startDistance',
      'endDistance',
      'change',
      'supportBelief',
      'supportAssessment',
      'spending',
      'completion',
      'education',
      'incomeSource',
      'wellbeing',
      'purchasesByPaymentMethod',
    ]);
  });

  it('counts started and followed-up cases (participants)', () => {
    expect(report.participants).toEqual({
      all: { started: 12, followedUp: 10 },
      byMunicipality: { '250': { started: 2, followedUp: 2 }, '751': { started: 10, followedUp: 8 } },
    });
  });
});

describe('figures on the started base', () => {
  it('gender: 7 of 10 men in Aarhus; 8 of 12 = 66.7 → 67 % in all', () => {
    expect(all('gender')).toEqual({
      n: 12,
      missing: 0,
      counts: { male: 8, female: 4 },
      pct: { male: 67, female: 33 },
    });
    expect(aarhus('gender')).toMatchObject({ counts: { male: 7, female: 3 }, pct: { male: 70, female: 30 } });
    expect(halsnaes('gender')).toMatchObject({ pct: { male: 50, female: 50 } });
  });

  it('age: mean in completed years with one decimal; 327 / 12 = 27.25 → 27.3', () => {
    expect(all('age')).toEqual({ n: 12, missing: 0, mean: 27.3 });
    expect(aarhus('age')).toEqual({ n: 10, missing: 0, mean: 24.6 });
    expect(halsnaes('age')).toEqual({ n: 2, missing: 0, mean: 40.5 });
  });

  it('education: not recorded is missing, "uoplyst" is an answer; 1 of 8 = 12.5 → 13 %', () => {
    expect(aarhus('education')).toEqual({
      n: 8,
      missing: 2,
      counts: { primary: 4, upper_secondary: 3, higher: 0, unknown: 1 },
      pct: { primary: 50, upper_secondary: 38, higher: 0, unknown: 13 },
    });
    expect(all('education')).toEqual({
      n: 10,
      missing: 2,
      counts: { primary: 5, upper_secondary: 3, higher: 1, unknown: 1 },
      pct: { primary: 50, upper_secondary: 30, higher: 10, unknown: 10 },
    });
  });

  it('incomeSource: every code present; 5 of 8 = 62.5 → 63 %', () => {
    expect(aarhus('incomeSource')).toEqual({
      n: 8,
      missing: 2,
      counts: {
        cash_benefit: 5,
        education_benefit: 0,
        resource_course: 0,
        disability_pension: 3,
        student_grant: 0,
        employment: 0,
        other: 0,
      },
      pct: {
        cash_benefit: 63,
        education_benefit: 0,
        resource_course: 0,
        disability_pension: 38,
        student_grant: 0,
        employment: 0,
        other: 0,
      },
    });
    expect(all('incomeSource')).toMatchObject({ n: 10, pct: { cash_benefit: 60, student_grant: 10 } });
  });

  it('completion: with the reasons for ending early; 2 of 12 = 16.7 → 17 %', () => {
    expect(all('completion')).toEqual({
      n: 12,
      missing: 0,
      counts: { completed: 8, terminated_early: 2, active: 2 },
      pct: { completed: 67, terminated_early: 17, active: 17 },
      reasons: [
        { reason: 'Flyttet fra kommunen', count: 1 },
        { reason: 'Ønskede ikke at fortsætte', count: 1 },
      ],
    });
    expect(halsnaes('completion')).toMatchObject({ counts: { completed: 2 }, reasons: [] });
  });

  it('spending: granted, spent and returned in kroner, per category with purchases and citizens', () => {
    const s = report.spending.all;
    expect([s.n, s.grantedKr, s.spentKr, s.returnedKr]).toEqual([12, 580_000, 28_234.75, 43_765.5]);
    expect(s.byCategory.transport).toEqual({ kr: 8_234.5, count: 3, citizens: 2 });
    expect(s.byCategory.housing).toEqual({ kr: 12_000.25, count: 1, citizens: 1 });
    expect(s.byCategory.debt).toEqual({ kr: 0, count: 0, citizens: 0 });
    expect(Object.keys(s.byCategory)).toHaveLength(11);
    expect(report.spending.byMunicipality['250']).toMatchObject({
      n: 2,
      grantedKr: 80_000,
      spentKr: 2_000,
      returnedKr: 0,
      byCategory: { transport: { kr: 2_000, count: 1, citizens: 1 } },
    });
  });
});

describe('purchases by payment method', () => {
  it('counts the purchases paid and the citizens per method, net of refunds; every method appears', () => {
    const p = report.purchasesByPaymentMethod.all;
    expect(p.n).toBe(12);
    // c1's second purchase and c2's were vouchers: the citizen bought them in the shop.
    expect(p.byMethod.voucher).toEqual({ kr: 9_234.5, count: 2, citizens: 2 });
    expect(p.byMethod.bank_transfer).toEqual({ kr: 19_000.25, count: 3, citizens: 3 });
    expect(p.byMethod.invoice).toEqual({ kr: 0, count: 0, citizens: 0 });
    expect(Object.keys(p.byMethod)).toEqual([
      'invoice',
      'requisition',
      'payment_card',
      'bank_transfer',
      'direct_to_citizen',
      'voucher',
    ]);
    expect(report.purchasesByPaymentMethod.byMunicipality['250']).toMatchObject({
      n: 2,
      byMethod: { bank_transfer: { kr: 2_000, count: 1, citizens: 1 }, voucher: { kr: 0, count: 0 } },
    });
  });
});

describe('figures on the followed-up base', () => {
  it('goalCategories: citizens per category, sums exceed n; active cases left out', () => {
    expect(aarhus('goalCategories')).toMatchObject({
      n: 7,
      missing: 1,
      counts: { education_employment: 4, housing: 3, health: 1, independence: 0 },
      pct: { education_employment: 57, housing: 43, health: 14, social_relations: 14, finances_debt: 14 },
    });
    expect(all('goalCategories')).toMatchObject({
      n: 9,
      missing: 1,
      counts: { education_employment: 4, housing: 4, independence: 1 },
      pct: { education_employment: 44, housing: 44, independence: 11 },
    });
  });

  it('startDistance: only followed-up cases; 1 and 3 of 8 = 12.5 and 37.5 → 13 and 38 %', () => {
    expect(aarhus('startDistance')).toEqual({
      n: 8,
      missing: 0,
      counts: { very_far: 1, far: 3, some_way: 3, close: 1 },
      pct: { very_far: 13, far: 38, some_way: 38, close: 13 }, // sums to 102, as rounded each on its own
    });
    expect(all('startDistance')).toMatchObject({
      n: 10,
      pct: { very_far: 10, far: 40, some_way: 30, close: 20 },
    });
  });

  it('endDistance: an end questionnaire without the item counts as missing', () => {
    expect(aarhus('endDistance')).toEqual({
      n: 7,
      missing: 1,
      counts: { very_far: 0, far: 1, some_way: 1, close: 3, achieved: 2 },
      pct: { very_far: 0, far: 14, some_way: 14, close: 43, achieved: 29 },
    });
    expect(all('endDistance')).toMatchObject({ n: 9, missing: 1, counts: { close: 4, achieved: 3 } });
  });

  it('change: end against start, achieved apart from closer', () => {
    expect(aarhus('change')).toEqual({
      n: 7,
      missing: 1,
      counts: { achieved: 2, closer: 4, unchanged: 0, further: 1 },
      pct: { achieved: 29, closer: 57, unchanged: 0, further: 14 },
    });
    expect(halsnaes('change')).toMatchObject({ counts: { achieved: 1, unchanged: 1 } });
    expect(all('change')).toMatchObject({
      n: 9,
      pct: { achieved: 33, closer: 44, unchanged: 11, further: 11 },
    });
  });

  it('supportBelief and supportAssessment: the five levels, missing counted', () => {
    expect(aarhus('supportBelief')).toEqual({
      n: 7,
      missing: 1,
      counts: { very_high: 2, high: 2, partly: 3, low: 0, very_low: 0 },
      pct: { very_high: 29, high: 29, partly: 43, low: 0, very_low: 0 },
    });
    expect(aarhus('supportAssessment')).toMatchObject({
      n: 8,
      missing: 0,
      pct: { very_high: 13, high: 13, partly: 25, low: 25, very_low: 25 },
    });
    expect(all('supportAssessment')).toMatchObject({ n: 10, counts: { very_high: 3 } });
  });

  it('wellbeing: only cases with all five items at start and end; change from the sums', () => {
    // 751: (40→60, 20→28, 52→52): 112/3 = 37.3, 140/3 = 46.7, 28/3 = 9.3 (not 46.7 − 37.3 = 9.4).
    expect(aarhus('wellbeing')).toEqual({
      n: 3,
      missing: 5,
      startMean: 37.3,
      endMean: 46.7,
      meanChange: 9.3,
    });
    expect(halsnaes('wellbeing')).toEqual({ n: 2, missing: 0, startMean: 70, endMean: 86, meanChange: 16 });
    expect(all('wellbeing')).toEqual({ n: 5, missing: 5, startMean: 50.4, endMean: 62.4, meanChange: 12 });
  });
});

describe('missing answers and the followed-up base', () => {
  it('counts a followed-up case without a start questionnaire as missing, and leaves out one not followed up', () => {
    const r = buildReport({
      generatedAt: GENERATED_AT,
      selection: { municipalities: ['751'] },
      rows: aggregateCases([
        reportCase({ citizenStart: null, citizenEnd: end('close', null) }),
        reportCase({ citizenStart: start('far', ['housing'], null), citizenEnd: end('far', null) }),
        reportCase({ citizenStart: start('very_far', ['health'], null), citizenEnd: null }),
      ]),
    });
    expect(r.participants.all).toEqual({ started: 3, followedUp: 2 });
    expect(r.startDistance.all).toEqual({
      n: 1,
      missing: 1,
      counts: { very_far: 0, far: 1, some_way: 0, close: 0 },
      pct: { very_far: 0, far: 100, some_way: 0, close: 0 },
    });
    expect(r.goalCategories.all).toMatchObject({ n: 1, missing: 1, counts: { housing: 1, health: 0 } });
    expect(r.change.all).toMatchObject({ n: 1, missing: 1, counts: { unchanged: 1 } });
    expect(r.endDistance.all).toMatchObject({ n: 2, missing: 0 });
  });
});

describe('buildReport', () => {
  it('shows a selected municipality without cases with zeros and empty means', () => {
    const r = buildReport({
      generatedAt: GENERATED_AT,
      selection: { municipalities: ['751', '621'] },
      rows: aggregateCases([reportCase()]),
    });
    expect(r.participants.byMunicipality['621']).toEqual({ started: 0, followedUp: 0 });
    expect(r.age.byMunicipality['621']).toEqual({ n: 0, missing: 0, mean: null });
    expect(r.gender.byMunicipality['621']).toEqual({
      n: 0,
      missing: 0,
      counts: { male: 0, female: 0 },
      pct: { male: 0, female: 0 },
    });
  });

  it('refuses rows of a municipality outside the selection, and a figure larger than its base', () => {
    const rows = aggregateCases(PILOT);
    const selection = { municipalities: ['751'] };
    expect(() => buildReport({ generatedAt: GENERATED_AT, selection, rows })).toThrow(
      /250 is not in the selection/,
    );
    const tooMany = {
      ...EMPTY_REPORT_ROWS,
      startDistance: [{ municipality: '751', code: 'far' as const, count: 1 }],
    };
    expect(() => buildReport({ generatedAt: GENERATED_AT, selection, rows: tooMany })).toThrow(RangeError);
    expect(() =>
      buildReport({
        generatedAt: GENERATED_AT,
        selection: { municipalities: ['75'] },
        rows: EMPTY_REPORT_ROWS,
      }),
    ).toThrow(RangeError);
  });

  it('gives the same report for rows in any order and split into pieces', () => {
    const rows = aggregateCases(PILOT);
    const reversed = Object.fromEntries(
      Object.entries(rows).map(([k, v]) => [k, [...(v as unknown[])].reverse()]),
    );
    expect(
      buildReport({
        generatedAt: GENERATED_AT,
        selection: PILOT_SELECTION,
        rows: reversed as unknown as typeof rows,
      }),
    ).toEqual(report);
  });

  it('formats the generation time as UTC without milliseconds', () => {
    expect(formatGeneratedAt(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 999)))).toBe('2026-01-02T03:04:05Z');
  });
});
