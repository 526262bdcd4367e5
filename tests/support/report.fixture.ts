// Test data: a small pilot in two municipalities whose every figure is worked out by hand in
// src/domain/report/report.test.ts. Twelve started cases: ten in Aarhus (751), of which eight are
// followed up, and two in Halsnæs (250), both followed up. Only for tests; not loaded anywhere else.

import type { ExpenseCategory } from '../../src/domain/expense-category.ts';
import { ore } from '../../src/domain/money.ts';
import type { PaymentMethod } from '../../src/domain/purchase-request.ts';
import type { CitizenEndAnswers, CitizenStartAnswers } from '../../src/domain/questionnaire/instrument.ts';
import type { ReportCase, ReportPayment } from './report-cases.ts';
import type { DistanceEnd, DistanceStart } from '../../src/domain/report/scales.ts';

const kr = (amount: number) => ore(Math.round(amount * 100));
const pay = (
  category: ExpenseCategory,
  amount: number,
  method: PaymentMethod = 'bank_transfer',
): ReportPayment => ({
  category,
  method,
  amount: kr(amount),
});

type Who5 = readonly [number, number, number, number, number] | null;

function who5(items: Who5) {
  if (items === null) return {};
  const [who5_1, who5_2, who5_3, who5_4, who5_5] = items;
  return { who5_1, who5_2, who5_3, who5_4, who5_5 };
}

export function start(
  distance: DistanceStart | null,
  categories: CitizenStartAnswers['goal_categories'],
  w: Who5,
) {
  const answers: CitizenStartAnswers = { ...who5(w), goal_categories: categories };
  return distance === null ? answers : { ...answers, distance };
}

export function end(distance: DistanceEnd | null, w: Who5): CitizenEndAnswers {
  return distance === null ? who5(w) : { ...who5(w), distance };
}

/** A started Aarhus case, completed, nothing recorded; override what a test needs. */
export function reportCase(over: Partial<ReportCase> = {}): ReportCase {
  return {
    municipality: '751',
    gender: 'male',
    ageAtStart: 30,
    completion: 'completed',
    terminationReason: null,
    education: null,
    incomeSource: null,
    granted: kr(50_000),
    returned: kr(0),
    payments: [],
    citizenStart: null,
    supportStart: null,
    citizenEnd: null,
    supportEnd: null,
    ...over,
  };
}

const W2 = [2, 2, 2, 2, 2] as const; // 40

export const PILOT: readonly ReportCase[] = [
  // Aarhus, followed up (c1–c8)
  reportCase({
    ageAtStart: 20,
    education: 'primary',
    incomeSource: 'cash_benefit',
    payments: [pay('transport', 5_000), pay('transport', 1_234.5, 'voucher')],
    returned: kr(43_765.5),
    citizenStart: start('very_far', ['housing', 'education_employment'], W2),
    supportStart: { belief: 'very_high' },
    citizenEnd: end('some_way', [3, 3, 3, 3, 3]), // 40 → 60
    supportEnd: { assessment: 'very_high' },
  }),
  reportCase({
    ageAtStart: 21,
    education: 'primary',
    incomeSource: 'cash_benefit',
    payments: [pay('electronics', 8_000, 'voucher')],
    citizenStart: start('far', ['housing'], [1, 1, 1, 1, 1]),
    supportStart: { belief: 'very_high' },
    citizenEnd: end('close', [2, 2, 1, 1, 1]), // 20 → 28
    supportEnd: { assessment: 'high' },
  }),
  reportCase({
    gender: 'female',
    ageAtStart: 22,
    education: 'primary',
    incomeSource: 'cash_benefit',
    payments: [pay('housing', 12_000.25)],
    citizenStart: start('far', ['education_employment'], [3, 3, 3, 2, 2]),
    supportStart: { belief: 'high' },
    citizenEnd: end('achieved', [3, 3, 3, 2, 2]), // 52 → 52
    supportEnd: { assessment: 'partly' },
  }),
  reportCase({
    ageAtStart: 23,
    education: 'primary',
    incomeSource: 'cash_benefit',
    citizenStart: start('far', ['health', 'housing'], [2, 2, 2, 2, 1]),
    supportStart: { belief: 'high' },
    citizenEnd: { ...end('close', [3, 3, 2, 2, 1]), who5_5: undefined }, // end WHO-5 incomplete
    supportEnd: { assessment: 'partly' },
  }),
  reportCase({
    ageAtStart: 24,
    education: 'upper_secondary',
    incomeSource: 'cash_benefit',
    citizenStart: { ...start('some_way', ['education_employment'], W2), who5_2: undefined },
    supportStart: { belief: 'partly' },
    citizenEnd: end('far', W2),
    supportEnd: { assessment: 'low' },
  }),
  reportCase({
    gender: 'female',
    ageAtStart: 25,
    education: 'upper_secondary',
    incomeSource: 'disability_pension',
    completion: 'terminated_early',
    terminationReason: ' Flyttet fra kommunen ',
    citizenStart: start('some_way', ['social_relations'], null),
    supportStart: { belief: 'partly' },
    citizenEnd: end('close', null),
    supportEnd: { assessment: 'low' },
  }),
  reportCase({
    ageAtStart: 26,
    education: 'upper_secondary',
    incomeSource: 'disability_pension',
    completion: 'terminated_early',
    terminationReason: 'Ønskede ikke at fortsætte',
    citizenStart: start('some_way', ['education_employment', 'finances_debt'], null),
    supportStart: { belief: 'partly' },
    citizenEnd: end('achieved', null),
    supportEnd: { assessment: 'very_low' },
  }),
  reportCase({
    gender: 'female',
    ageAtStart: 27,
    education: 'unknown',
    incomeSource: 'disability_pension',
    citizenStart: start('close', undefined, null), // no goal categories
    supportStart: null,
    citizenEnd: end(null, null), // saved, but nothing answered yet
    supportEnd: { assessment: 'very_low' },
  }),
  // Aarhus, still active, not followed up: their start answers stay out of the questionnaire figures.
  reportCase({
    ageAtStart: 28,
    completion: 'active',
    citizenStart: start('far', ['housing'], [5, 5, 5, 5, 5]),
    supportStart: { belief: 'very_low' },
  }),
  reportCase({ ageAtStart: 30, completion: 'active', citizenStart: start('far', ['health'], null) }),
  // Halsnæs (c9, c10)
  reportCase({
    municipality: '250',
    ageAtStart: 40,
    education: 'primary',
    incomeSource: 'student_grant',
    granted: kr(40_000),
    payments: [pay('transport', 2_000)],
    citizenStart: start('close', ['housing'], [3, 3, 3, 3, 3]),
    supportStart: { belief: 'high' },
    citizenEnd: end('close', [4, 4, 4, 3, 3]), // 60 → 72
    supportEnd: { assessment: 'very_high' },
  }),
  reportCase({
    municipality: '250',
    gender: 'female',
    ageAtStart: 41,
    education: 'higher',
    incomeSource: 'cash_benefit',
    granted: kr(40_000),
    citizenStart: start('far', ['independence'], [4, 4, 4, 4, 4]),
    supportStart: { belief: 'partly' },
    citizenEnd: end('achieved', [5, 5, 5, 5, 5]), // 80 → 100
    supportEnd: { assessment: 'very_high' },
  }),
];

export const PILOT_SELECTION = { municipalities: ['751', '250'] };
export const GENERATED_AT = new Date('2026-01-31T12:00:00.123Z');
