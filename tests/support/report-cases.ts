// The report's rows from plain per-case records: the reference the SQL aggregations are checked
// against (tests/integration/report.test.ts), and the input for the small data sets of the report's
// unit tests (src/domain/report/*.test.ts). Test code only. One case gives at most one row per
// key with count 1; `buildReport` adds rows up, so no grouping is needed here.
//
// Pass only cases that reached `active`, the started ones (spec: Bases); a case is followed up when it has a
// `citizen_end` questionnaire (`citizenEnd` not null), even one saved part-way: its unanswered items
// are then missing. The questionnaire figures look only at followed-up cases (2020 evaluation report, §6.1:
// 98 of 101).

import type { ExpenseCategory } from '../../src/domain/expense-category.ts';
import { sumOre, ZERO_ORE, type Ore } from '../../src/domain/money.ts';
import type { PaymentMethod } from '../../src/domain/purchase-request.ts';
import type {
  CitizenEndAnswers,
  CitizenStartAnswers,
  SupportEndAnswers,
  SupportStartAnswers,
} from '../../src/domain/questionnaire/instrument.ts';
import { who5Pair } from './report-reference.ts';
import type {
  CountRow,
  PaymentMethodRow,
  ReportRows,
  SpendingCategoryRow,
  SpendingTotalsRow,
} from '../../src/domain/report/report-rows.ts';
import type { Completion, Education, Gender, IncomeSource } from '../../src/domain/report/scales.ts';

export interface ReportPayment {
  readonly category: ExpenseCategory;
  /** How it was paid (a voucher: the citizen bought it themselves in the shop). */
  readonly method: PaymentMethod;
  /** Net of refunds. */
  readonly amount: Ore;
}

export interface ReportCase {
  readonly municipality: string;
  /** From the CPR number. */
  readonly gender: Gender | null;
  /** Completed years at the start date. */
  readonly ageAtStart: number | null;
  readonly completion: Completion;
  /** Only read for a case terminated early. */
  readonly terminationReason: string | null;
  /** Intake baseline; null = not recorded (missing). */
  readonly education: Education | null;
  readonly incomeSource: IncomeSource | null;
  readonly granted: Ore;
  readonly returned: Ore;
  readonly payments: readonly ReportPayment[];
  /** Null = no such questionnaire. */
  readonly citizenStart: CitizenStartAnswers | null;
  readonly supportStart: SupportStartAnswers | null;
  readonly citizenEnd: CitizenEndAnswers | null;
  readonly supportEnd: SupportEndAnswers | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

function one<C extends string>(municipality: string, code: C | null | undefined): CountRow<C>[] {
  return code === null || code === undefined ? [] : [{ municipality, code, count: 1 }];
}

export function aggregateCases(cases: readonly ReportCase[]): ReportRows {
  const rows: Mutable<ReportRows> = {
    participants: [],
    gender: [],
    age: [],
    goalCategories: [],
    goalCategoriesAnswered: [],
    startDistance: [],
    endDistance: [],
    distancePairs: [],
    supportBelief: [],
    supportAssessment: [],
    spendingTotals: [],
    spendingByCategory: [],
    completion: [],
    terminationReasons: [],
    education: [],
    incomeSource: [],
    wellbeing: [],
    purchasesByPaymentMethod: [],
  };
  for (const c of cases) {
    addStarted(rows, c);
    if (c.citizenEnd !== null) addFollowedUp(rows, c, c.citizenEnd);
  }
  return rows;
}

function addStarted(rows: Mutable<ReportRows>, c: ReportCase): void {
  const m = c.municipality;
  rows.participants.push({ municipality: m, started: 1, followedUp: c.citizenEnd === null ? 0 : 1 });
  rows.gender.push(...one(m, c.gender));
  if (c.ageAtStart !== null) rows.age.push({ municipality: m, n: 1, sum: c.ageAtStart });
  rows.completion.push(...one(m, c.completion));
  const reason = c.terminationReason?.trim() ?? '';
  if (c.completion === 'terminated_early' && reason !== '')
    rows.terminationReasons.push({ municipality: m, reason, count: 1 });
  rows.education.push(...one(m, c.education));
  rows.incomeSource.push(...one(m, c.incomeSource));
  rows.spendingTotals.push(spendingTotals(c));
  rows.spendingByCategory.push(...spendingByCategory(c));
  rows.purchasesByPaymentMethod.push(...purchasesByPaymentMethod(c));
}

function addFollowedUp(rows: Mutable<ReportRows>, c: ReportCase, end: CitizenEndAnswers): void {
  const m = c.municipality;
  const start = c.citizenStart;
  const categories = start?.goal_categories ?? [];
  if (categories.length > 0) {
    rows.goalCategoriesAnswered.push({ municipality: m, n: 1 });
    for (const code of new Set(categories)) rows.goalCategories.push({ municipality: m, code, count: 1 });
  }
  rows.startDistance.push(...one(m, start?.distance));
  rows.endDistance.push(...one(m, end.distance));
  if (start?.distance !== undefined && end.distance !== undefined)
    rows.distancePairs.push({ municipality: m, start: start.distance, end: end.distance, count: 1 });
  rows.supportBelief.push(...one(m, c.supportStart?.belief));
  rows.supportAssessment.push(...one(m, c.supportEnd?.assessment));
  const who5 = who5Pair(start, end);
  if (who5.start !== null && who5.end !== null)
    rows.wellbeing.push({ municipality: m, n: 1, startSum: who5.start, endSum: who5.end });
}

function spendingTotals(c: ReportCase): SpendingTotalsRow {
  const spent = sumOre(c.payments.map((p) => p.amount));
  return { municipality: c.municipality, granted: c.granted, spent, returned: c.returned };
}

function spendingByCategory(c: ReportCase): SpendingCategoryRow[] {
  const byCategory = new Map<ExpenseCategory, { amount: Ore; count: number }>();
  for (const p of c.payments) {
    const sum = byCategory.get(p.category) ?? { amount: ZERO_ORE, count: 0 };
    byCategory.set(p.category, { amount: sumOre([sum.amount, p.amount]), count: sum.count + 1 });
  }
  return [...byCategory].map(([category, { amount, count }]) => ({
    municipality: c.municipality,
    category,
    amount,
    count,
    citizens: 1,
  }));
}

function purchasesByPaymentMethod(c: ReportCase): PaymentMethodRow[] {
  const byMethod = new Map<PaymentMethod, { amount: Ore; count: number }>();
  for (const p of c.payments) {
    const sum = byMethod.get(p.method) ?? { amount: ZERO_ORE, count: 0 };
    byMethod.set(p.method, { amount: sumOre([sum.amount, p.amount]), count: sum.count + 1 });
  }
  return [...byMethod].map(([method, { amount, count }]) => ({
    municipality: c.municipality,
    method,
    amount,
    count,
    citizens: 1,
  }));
}
