// The evaluation report (spec: Evaluation report; formats: Report JSON): every figure for all
// selected municipalities together (`all`) and for each of them (`byMunicipality`, keyed by the
// 3-digit code; every selected municipality appears, with zeros where it has no cases). Each figure
// is one small function over aggregated rows (report-rows.ts); `buildReport` puts them together.
// Optional keys the format allows (formats: Report JSON): `missing` on age and wellbeing, `reasons` on
// completion, and `programme`/`period` in the selection. `purchasesByPaymentMethod` comes last: a
// figure added later, so the figures before it keep their places in the JSON, the CSV and the page.

import type { CalendarDate } from '../calendar-date.ts';
import { figureFromCounts, multiFigureFromCounts, type Figure } from './figure.ts';
import { changeOf } from '../questionnaire/measures.ts';
import {
  assertRowsInSelection,
  rowsOf,
  sumOf,
  tally,
  type AnsweredRow,
  type CountRow,
  type DistancePairRow,
  type ReasonRow,
  type ReportRows,
  type SumRow,
  type WellbeingRow,
} from './report-rows.ts';
import {
  ASSESSMENT,
  BELIEF,
  CHANGE,
  COMPLETION,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  GENDER,
  GOAL_CATEGORY,
  INCOME_SOURCE,
  type Assessment,
  type Belief,
  type Change,
  type Completion,
  type DistanceEnd,
  type DistanceStart,
  type Education,
  type Gender,
  type GoalCategory,
  type IncomeSource,
  type Scale,
} from './scales.ts';
import { spendingFigure, type Spending } from './spending.ts';
import { purchasesByPaymentMethodFigure, type PurchasesByPaymentMethod } from './payment-methods.ts';
import {
  basesOf,
  perMunicipality,
  type BaseKind,
  type Bases,
  type Participants,
  type PerMunicipality,
} from './bases.ts';

import { meanFromSum, wellbeingFromSums, type MeanSummary, type WellbeingSummary } from './summary.ts';

export type { Participants, PerMunicipality } from './bases.ts';

export interface TerminationReason {
  readonly reason: string;
  readonly count: number;
}

export interface CompletionFigure extends Figure<Completion> {
  /** Reasons of the cases terminated early, most frequent first; left out when anonymised. */
  readonly reasons?: readonly TerminationReason[];
}

export interface ReportSelection {
  readonly municipalities: readonly string[];
  readonly programme?: string;
  readonly period?: { readonly from: CalendarDate; readonly to: CalendarDate };
}

export interface Report {
  readonly generatedAt: string;
  readonly selection: ReportSelection;
  readonly participants: PerMunicipality<Participants>;
  readonly gender: PerMunicipality<Figure<Gender>>;
  readonly age: PerMunicipality<MeanSummary>;
  readonly goalCategories: PerMunicipality<Figure<GoalCategory>>;
  readonly startDistance: PerMunicipality<Figure<DistanceStart>>;
  readonly endDistance: PerMunicipality<Figure<DistanceEnd>>;
  readonly change: PerMunicipality<Figure<Change>>;
  readonly supportBelief: PerMunicipality<Figure<Belief>>;
  readonly supportAssessment: PerMunicipality<Figure<Assessment>>;
  readonly spending: PerMunicipality<Spending>;
  readonly completion: PerMunicipality<CompletionFigure>;
  readonly education: PerMunicipality<Figure<Education>>;
  readonly incomeSource: PerMunicipality<Figure<IncomeSource>>;
  readonly wellbeing: PerMunicipality<WellbeingSummary>;
  readonly purchasesByPaymentMethod: PerMunicipality<PurchasesByPaymentMethod>;
}

function participantsFigure(bases: Bases): PerMunicipality<Participants> {
  return perMunicipality(bases, (m) => bases.of(m));
}

/** A single-choice figure: counts per code over the chosen base. */
function countFigure<C extends string>(
  scale: Scale<C>,
  rows: readonly CountRow<C>[],
  bases: Bases,
  base: BaseKind,
): PerMunicipality<Figure<C>> {
  return perMunicipality(bases, (m) => figureFromCounts(scale, tally(rowsOf(rows, m)), bases.of(m)[base]));
}

/** Figure 6.1: cases per goal category (multi-select) over the followed-up base. */
function goalCategoriesFigure(
  rows: readonly CountRow<GoalCategory>[],
  answered: readonly AnsweredRow[],
  bases: Bases,
): PerMunicipality<Figure<GoalCategory>> {
  return perMunicipality(bases, (m) =>
    multiFigureFromCounts(
      GOAL_CATEGORY,
      tally(rowsOf(rows, m)),
      sumOf(rowsOf(answered, m), (r) => r.n),
      bases.of(m).followedUp,
    ),
  );
}

/** Figure 6.4: end distance against start distance, for followed-up cases that answered both. */
function changeFigure(rows: readonly DistancePairRow[], bases: Bases): PerMunicipality<Figure<Change>> {
  const asChange = rows.map((r) => ({
    municipality: r.municipality,
    code: changeOf(r.start, r.end),
    count: r.count,
  }));
  return countFigure(CHANGE, asChange, bases, 'followedUp');
}

/** Table 5.2: mean age in completed years at the start date, over the started cases. */
function ageFigure(rows: readonly SumRow[], bases: Bases): PerMunicipality<MeanSummary> {
  return perMunicipality(bases, (m) => {
    const own = rowsOf(rows, m);
    return meanFromSum(
      sumOf(own, (r) => r.sum),
      sumOf(own, (r) => r.n),
      bases.of(m).started,
    );
  });
}

/** WHO-5 at start and end for followed-up cases with all items answered both times. */
function wellbeingFigure(rows: readonly WellbeingRow[], bases: Bases): PerMunicipality<WellbeingSummary> {
  return perMunicipality(bases, (m) => {
    const own = rowsOf(rows, m);
    const [start, end, n] = [
      sumOf(own, (r) => r.startSum),
      sumOf(own, (r) => r.endSum),
      sumOf(own, (r) => r.n),
    ];
    return wellbeingFromSums(start, end, n, bases.of(m).followedUp);
  });
}

/** Completed / terminated early / still active over the started cases, with the reasons (spec: Figures). */
function completionFigure(
  rows: readonly CountRow<Completion>[],
  reasons: readonly ReasonRow[],
  bases: Bases,
): PerMunicipality<CompletionFigure> {
  return perMunicipality(bases, (m) => ({
    ...figureFromCounts(COMPLETION, tally(rowsOf(rows, m)), bases.of(m).started),
    reasons: reasonList(rowsOf(reasons, m)),
  }));
}

function reasonList(rows: readonly ReasonRow[]): TerminationReason[] {
  const byReason = new Map<string, number>();
  for (const r of rows) {
    const reason = r.reason.trim();
    if (reason !== '') byReason.set(reason, (byReason.get(reason) ?? 0) + r.count);
  }
  return [...byReason]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'da'));
}

/** "2026-01-31T12:00:00Z": UTC, whole seconds (formats: Report JSON). */
export function formatGeneratedAt(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ReportInput {
  readonly generatedAt: Date;
  readonly selection: ReportSelection;
  readonly rows: ReportRows;
}

/**
 * The whole report, keys in the order of the format (formats: Report JSON). Not anonymised: see
 * `anonymiseReport`.
 */
export function buildReport({ generatedAt, selection, rows }: ReportInput): Report {
  assertRowsInSelection(rows, selection.municipalities);
  const b = basesOf(rows.participants, selection.municipalities);
  return {
    generatedAt: formatGeneratedAt(generatedAt),
    selection: { ...selection, municipalities: b.municipalities },
    participants: participantsFigure(b),
    gender: countFigure(GENDER, rows.gender, b, 'started'),
    age: ageFigure(rows.age, b),
    goalCategories: goalCategoriesFigure(rows.goalCategories, rows.goalCategoriesAnswered, b),
    startDistance: countFigure(DISTANCE_START, rows.startDistance, b, 'followedUp'),
    endDistance: countFigure(DISTANCE_END, rows.endDistance, b, 'followedUp'),
    change: changeFigure(rows.distancePairs, b),
    supportBelief: countFigure(BELIEF, rows.supportBelief, b, 'followedUp'),
    supportAssessment: countFigure(ASSESSMENT, rows.supportAssessment, b, 'followedUp'),
    spending: spendingFigure(rows.spendingTotals, rows.spendingByCategory, b),
    completion: completionFigure(rows.completion, rows.terminationReasons, b),
    education: countFigure(EDUCATION, rows.education, b, 'started'),
    incomeSource: countFigure(INCOME_SOURCE, rows.incomeSource, b, 'started'),
    wellbeing: wellbeingFigure(rows.wellbeing, b),
    purchasesByPaymentMethod: purchasesByPaymentMethodFigure(rows.purchasesByPaymentMethod, b),
  };
}
