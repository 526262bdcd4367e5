// What the report is computed from: aggregated rows, one per municipality and code, as SQL GROUP BYs
// give them (spec: Evaluation report). Every row names its municipality, so the
// per-municipality breakdown and the total are both sums of rows; a municipality's figure never
// depends on another's. Rows may repeat a key: their counts and sums add up (so a row per case is
// also valid input; see tests/support/report-cases.ts).
//
// Bases (spec: Bases): `participants` gives, per municipality, the cases that reached `active` (started)
// and those of them with a `citizen_end` questionnaire (followed up). Each figure's rows count only
// cases in its base; n is the sum of its counts, and the rest of the base is missing.
//
//   started     gender, age, education, incomeSource, spending, completion, purchasesByPaymentMethod
//   followed up goalCategories, startDistance, endDistance, change, supportBelief,
//               supportAssessment, wellbeing — also the start questionnaires (2020 evaluation report, §6.1:
//               "98 of 101")

import type { ExpenseCategory } from '../expense-category.ts';
import type { Ore } from '../money.ts';
import type { PaymentMethod } from '../purchase-request.ts';
import type {
  Assessment,
  Belief,
  Completion,
  DistanceEnd,
  DistanceStart,
  Education,
  Gender,
  GoalCategory,
  IncomeSource,
} from './scales.ts';

export interface MunicipalityRow {
  /** 3-digit municipality code. */
  readonly municipality: string;
}

export interface ParticipantsRow extends MunicipalityRow {
  readonly started: number;
  readonly followedUp: number;
}

/** Cases in the base that answered `code` (for a multi-select: that chose it). */
export interface CountRow<C extends string> extends MunicipalityRow {
  readonly code: C;
  readonly count: number;
}

/** Cases in the base that answered (for a multi-select: chose at least one code). */
export interface AnsweredRow extends MunicipalityRow {
  readonly n: number;
}

/** Cases in the base with a known value, and the sum of those values (ages in completed years). */
export interface SumRow extends AnsweredRow {
  readonly sum: number;
}

/** Followed-up cases that answered the distance at both start and end. */
export interface DistancePairRow extends MunicipalityRow {
  readonly start: DistanceStart;
  readonly end: DistanceEnd;
  readonly count: number;
}

/** Followed-up cases with a full WHO-5 score at start and at end, and the sums of those scores. */
export interface WellbeingRow extends MunicipalityRow {
  readonly n: number;
  readonly startSum: number;
  readonly endSum: number;
}

/** Per municipality, over the started cases: grants, net payments, and money returned to the pool. */
export interface SpendingTotalsRow extends MunicipalityRow {
  readonly granted: Ore;
  /** Payments minus refunds. */
  readonly spent: Ore;
  /** `return_to_pool` postings: what was unspent at close. */
  readonly returned: Ore;
}

export interface SpendingCategoryRow extends MunicipalityRow {
  readonly category: ExpenseCategory;
  /** Net amount paid in the category. */
  readonly amount: Ore;
  /** Purchases paid. */
  readonly count: number;
  /** Cases with at least one purchase in the category. */
  readonly citizens: number;
}

export interface PaymentMethodRow extends MunicipalityRow {
  readonly method: PaymentMethod;
  /** Net amount paid by the method (payments minus refunds). */
  readonly amount: Ore;
  /** Purchases paid. */
  readonly count: number;
  /** Cases with at least one purchase paid by the method. */
  readonly citizens: number;
}

/** Started cases terminated early, by their reason (free text, trimmed). */
export interface ReasonRow extends MunicipalityRow {
  readonly reason: string;
  readonly count: number;
}

export interface ReportRows {
  readonly participants: readonly ParticipantsRow[];
  readonly gender: readonly CountRow<Gender>[];
  readonly age: readonly SumRow[];
  readonly goalCategories: readonly CountRow<GoalCategory>[];
  /** Followed-up cases that chose at least one goal category (n of a multi-select figure). */
  readonly goalCategoriesAnswered: readonly AnsweredRow[];
  readonly startDistance: readonly CountRow<DistanceStart>[];
  readonly endDistance: readonly CountRow<DistanceEnd>[];
  readonly distancePairs: readonly DistancePairRow[];
  readonly supportBelief: readonly CountRow<Belief>[];
  readonly supportAssessment: readonly CountRow<Assessment>[];
  readonly spendingTotals: readonly SpendingTotalsRow[];
  readonly spendingByCategory: readonly SpendingCategoryRow[];
  readonly completion: readonly CountRow<Completion>[];
  readonly terminationReasons: readonly ReasonRow[];
  readonly education: readonly CountRow<Education>[];
  readonly incomeSource: readonly CountRow<IncomeSource>[];
  readonly wellbeing: readonly WellbeingRow[];
  readonly purchasesByPaymentMethod: readonly PaymentMethodRow[];
}

export const EMPTY_REPORT_ROWS: ReportRows = {
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

/** The rows of one municipality, or all rows for the total (null). */
export function rowsOf<R extends MunicipalityRow>(rows: readonly R[], municipality: string | null): R[] {
  return municipality === null ? [...rows] : rows.filter((r) => r.municipality === municipality);
}

/** Counts per code, adding up repeated codes. */
export function tally<C extends string>(rows: readonly CountRow<C>[]): Partial<Record<C, number>> {
  const out: Partial<Record<C, number>> = {};
  for (const r of rows) out[r.code] = (out[r.code] ?? 0) + r.count;
  return out;
}

export function sumOf<R>(rows: readonly R[], value: (r: R) => number): number {
  return rows.reduce((s, r) => s + value(r), 0);
}

const MUNICIPALITY_CODE = /^\d{3}$/;

/**
 * Refuses rows for a municipality outside the selection (a query that forgot a filter would
 * otherwise leak into the total) and codes that are not 3 digits.
 */
export function assertRowsInSelection(rows: ReportRows, municipalities: readonly string[]): void {
  const selected = new Set(municipalities);
  for (const m of municipalities) {
    if (!MUNICIPALITY_CODE.test(m)) throw new RangeError(`Not a municipality code: ${m}`);
  }
  for (const [key, list] of Object.entries(rows) as [string, readonly MunicipalityRow[]][]) {
    for (const r of list) {
      if (!selected.has(r.municipality))
        throw new RangeError(`${key}: municipality ${r.municipality} is not in the selection`);
    }
  }
}
