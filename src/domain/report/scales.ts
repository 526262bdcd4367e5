// The code lists of the questionnaires, the intake baseline and the evaluation report (spec: Answer scales;
// spec: Figures; wording from the 2020 evaluation report, Figures 5.1–6.6). Codes are stable identifiers in
// the database, the CSV import and the report JSON; labels are what people read (Danish first, English
// second).
import type { MessageKey } from '../../i18n/index.ts';
import { GOAL_CATEGORIES, GOAL_CATEGORY_LABELS, type GoalCategory } from '../plan.ts';

export interface Scale<C extends string> {
  /** Codes in the report's order (for ordinal scales: lowest to highest). */
  readonly codes: readonly C[];
  /** Each code's words, in the catalogues (i18n/domain-evaluation.*.ts). */
  readonly labels: Readonly<Record<C, MessageKey>>;
}

type Entries<C extends string> = readonly (readonly [C, MessageKey])[];

function scale<const C extends string>(entries: Entries<C>): Scale<C> {
  return {
    codes: entries.map(([code]) => code),
    labels: Object.fromEntries(entries) as Record<C, MessageKey>,
  };
}

export type CodeOf<S> = S extends Scale<infer C> ? C : never;

/**
 * Citizen's distance to the long-term goal at start, far to near (2020 evaluation report, §6.2, Figure 6.2).
 */
export const DISTANCE_START = scale([
  ['very_far', 'label.distance.very_far'],
  ['far', 'label.distance.far'],
  ['some_way', 'label.distance.some_way'],
  ['close', 'label.distance.close'],
]);
export type DistanceStart = CodeOf<typeof DISTANCE_START>;

/** At the end the goal may also be reached (Figure 6.3). */
export const DISTANCE_END = scale([
  ...DISTANCE_START.codes.map((c) => [c, DISTANCE_START.labels[c]] as const),
  ['achieved', 'label.distance.achieved'],
]);
export type DistanceEnd = CodeOf<typeof DISTANCE_END>;

/**
 * The support person's belief at start (Figure 6.5) and assessment at end (Figure 6.6) share one
 * five-level scale, listed as the report does: highest first.
 */
export const BELIEF = scale([
  ['very_high', 'label.belief.very_high'],
  ['high', 'label.belief.high'],
  ['partly', 'label.belief.partly'],
  ['low', 'label.belief.low'],
  ['very_low', 'label.belief.very_low'],
]);
export type Belief = CodeOf<typeof BELIEF>;
/** @alias The same scale under the name of the end questionnaire's item and its figure. */
export const ASSESSMENT = BELIEF;
export type Assessment = Belief;

/** Highest completed education at intake (Figure 5.1). */
export const EDUCATION = scale([
  ['primary', 'label.education.primary'],
  ['upper_secondary', 'label.education.upper_secondary'],
  ['higher', 'label.education.higher'],
  ['unknown', 'label.education.unknown'],
]);
export type Education = CodeOf<typeof EDUCATION>;

/** Main income source in the year before the start (Figure 5.2, simplified). */
export const INCOME_SOURCE = scale([
  ['cash_benefit', 'label.incomeSource.cash_benefit'],
  ['education_benefit', 'label.incomeSource.education_benefit'],
  ['resource_course', 'label.incomeSource.resource_course'],
  ['disability_pension', 'label.incomeSource.disability_pension'],
  ['student_grant', 'label.incomeSource.student_grant'],
  ['employment', 'label.incomeSource.employment'],
  ['other', 'label.incomeSource.other'],
]);
export type IncomeSource = CodeOf<typeof INCOME_SOURCE>;

/** Legal gender derived from the CPR number (Table 5.1 reports men and women). */
export const GENDER = scale([
  ['male', 'label.gender.male'],
  ['female', 'label.gender.female'],
]);
export type Gender = CodeOf<typeof GENDER>;

/**
 * How a started case stands: closed as planned, closed early, or still running (2020 evaluation report, §5).
 */
export const COMPLETION = scale([
  ['completed', 'label.completion.completed'],
  ['terminated_early', 'label.completion.terminated_early'],
  ['active', 'label.completion.active'],
]);
export type Completion = CodeOf<typeof COMPLETION>;

/** End distance compared with start distance (Figure 6.4). */
export const CHANGE = scale([
  ['achieved', 'label.change.achieved'],
  ['closer', 'label.change.closer'],
  ['unchanged', 'label.change.unchanged'],
  ['further', 'label.change.further'],
]);
export type Change = CodeOf<typeof CHANGE>;

/**
 * The eight goal categories (2020 evaluation report, §6.1, Figure 6.1), as the plan defines them: one list,
 * one wording.
 */
export const GOAL_CATEGORY: Scale<GoalCategory> = { codes: GOAL_CATEGORIES, labels: GOAL_CATEGORY_LABELS };
export type { GoalCategory };
