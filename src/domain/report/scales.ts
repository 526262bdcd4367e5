// The code lists of the questionnaires, the intake baseline and the evaluation report (spec: Answer scales;
// spec: Figures; wording from the 2020 evaluation report, Figures 5.1–6.6). Codes are stable identifiers in
// the database, the CSV import and the report JSON; labels are what people read (Danish first, English
// second).
import { GOAL_CATEGORIES, GOAL_CATEGORY_LABELS, type GoalCategory } from '../plan.ts';

export interface ScaleLabel {
  readonly da: string;
  readonly en: string;
}

export interface Scale<C extends string> {
  /** Codes in the report's order (for ordinal scales: lowest to highest). */
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, ScaleLabel>>;
}

type Entries<C extends string> = readonly (readonly [C, string, string])[];

function scale<const C extends string>(entries: Entries<C>): Scale<C> {
  return {
    codes: entries.map(([code]) => code),
    labels: Object.fromEntries(entries.map(([code, da, en]) => [code, { da, en }])) as Record<C, ScaleLabel>,
  };
}

export type CodeOf<S> = S extends Scale<infer C> ? C : never;

export function isCode<C extends string>(s: Scale<C>, value: unknown): value is C {
  return typeof value === 'string' && (s.codes as readonly string[]).includes(value);
}

/**
 * Citizen's distance to the long-term goal at start, far to near (2020 evaluation report, §6.2, Figure 6.2).
 */
export const DISTANCE_START = scale([
  ['very_far', 'Meget langt fra', 'Very far from'],
  ['far', 'Langt fra', 'Far from'],
  ['some_way', 'Et stykke vej', 'Some way from'],
  ['close', 'Tæt på', 'Close to'],
]);
export type DistanceStart = CodeOf<typeof DISTANCE_START>;

/** At the end the goal may also be reached (Figure 6.3). */
export const DISTANCE_END = scale([
  ...DISTANCE_START.codes.map((c) => [c, DISTANCE_START.labels[c].da, DISTANCE_START.labels[c].en] as const),
  ['achieved', 'Opnået', 'Achieved'],
]);
export type DistanceEnd = CodeOf<typeof DISTANCE_END>;

/**
 * The support person's belief at start (Figure 6.5) and assessment at end (Figure 6.6) share one
 * five-level scale, listed as the report does: highest first.
 */
export const BELIEF = scale([
  ['very_high', 'I meget høj grad', 'To a very high degree'],
  ['high', 'I høj grad', 'To a high degree'],
  ['partly', 'Delvist', 'Partly'],
  ['low', 'I mindre grad', 'To a lesser degree'],
  ['very_low', 'I lav grad', 'To a low degree'],
]);
export type Belief = CodeOf<typeof BELIEF>;
export const ASSESSMENT = BELIEF;
export type Assessment = Belief;

/** Highest completed education at intake (Figure 5.1). */
export const EDUCATION = scale([
  ['primary', 'Grundskole', 'Primary and lower secondary'],
  ['upper_secondary', 'Ungdomsuddannelse', 'Upper secondary'],
  ['higher', 'Videregående uddannelse', 'Higher education'],
  ['unknown', 'Uoplyst', 'Unknown'],
]);
export type Education = CodeOf<typeof EDUCATION>;

/** Main income source in the year before the start (Figure 5.2, simplified). */
export const INCOME_SOURCE = scale([
  ['cash_benefit', 'Kontanthjælp', 'Cash benefit'],
  ['education_benefit', 'Uddannelseshjælp', 'Education benefit'],
  ['resource_course', 'Ressourceforløbsydelse', 'Resource course benefit'],
  ['disability_pension', 'Førtidspension', 'Disability pension'],
  ['student_grant', 'SU', 'Student grant (SU)'],
  ['employment', 'Ordinær beskæftigelse', 'Ordinary employment'],
  ['other', 'Andet', 'Other'],
]);
export type IncomeSource = CodeOf<typeof INCOME_SOURCE>;

/** Legal gender derived from the CPR number (Table 5.1 reports men and women). */
export const GENDER = scale([
  ['male', 'Mænd', 'Men'],
  ['female', 'Kvinder', 'Women'],
]);
export type Gender = CodeOf<typeof GENDER>;

/**
 * How a started case stands: closed as planned, closed early, or still running (2020 evaluation report, §5).
 */
export const COMPLETION = scale([
  ['completed', 'Afsluttet', 'Completed'],
  ['terminated_early', 'Afbrudt før tid', 'Terminated early'],
  ['active', 'Aktiv', 'Active'],
]);
export type Completion = CodeOf<typeof COMPLETION>;

/** End distance compared with start distance (Figure 6.4). */
export const CHANGE = scale([
  ['achieved', 'Opnået', 'Achieved'],
  ['closer', 'Tættere på', 'Closer'],
  ['unchanged', 'Hverken tættere på eller længere fra', 'Unchanged'],
  ['further', 'Længere fra', 'Further away'],
]);
export type Change = CodeOf<typeof CHANGE>;

/**
 * The eight goal categories (2020 evaluation report, §6.1, Figure 6.1), as the plan defines them: one list,
 * one wording.
 */
export const GOAL_CATEGORY: Scale<GoalCategory> = { codes: GOAL_CATEGORIES, labels: GOAL_CATEGORY_LABELS };
export type { GoalCategory };
