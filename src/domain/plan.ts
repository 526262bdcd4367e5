// The citizen's plan (spec: Goal plan): the dream in their own words, long-term goals tagged with the
// goal categories of the 2020 evaluation report (§6.1), and up to five sub-goals with a status each.

export interface BilingualLabel {
  readonly da: string;
  readonly en: string;
}

export const GOAL_CATEGORIES = [
  'education_employment',
  'finances_debt',
  'self_esteem_wellbeing',
  'health',
  'substance_free',
  'housing',
  'social_relations',
  'independence',
] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

// The report's own words (2020 evaluation report, §6.1), so the questionnaire and Figure 6.1 read as in the
// report.
export const GOAL_CATEGORY_LABELS: Readonly<Record<GoalCategory, BilingualLabel>> = {
  education_employment: { da: 'Uddannelse og beskæftigelse', en: 'Education and employment' },
  finances_debt: {
    da: 'Økonomisk selvstyre og gældsfrihed',
    en: 'Financial self-management and freedom from debt',
  },
  self_esteem_wellbeing: {
    da: 'Øget selvtillid, selvværd eller trivsel',
    en: 'More self-confidence, self-esteem or well-being',
  },
  health: { da: 'Bedre mental- og/eller fysisk sundhed', en: 'Better mental and/or physical health' },
  substance_free: { da: 'Stof- og alkoholfrihed', en: 'Freedom from drugs and alcohol' },
  housing: { da: 'Bedre boligforhold', en: 'Better housing' },
  social_relations: { da: 'Sociale relationer', en: 'Social relations' },
  independence: { da: 'Uafhængighed', en: 'Independence' },
};

export const SUB_GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export type SubGoalStatus = (typeof SUB_GOAL_STATUSES)[number];

// "Fravalgt" rather than "opgivet": dropping a sub-goal is the citizen's choice, not a failure.
export const SUB_GOAL_STATUS_LABELS: Readonly<Record<SubGoalStatus, BilingualLabel>> = {
  planned: { da: 'Planlagt', en: 'Planned' },
  in_progress: { da: 'I gang', en: 'In progress' },
  achieved: { da: 'Opnået', en: 'Achieved' },
  dropped: { da: 'Fravalgt', en: 'Dropped' },
};

/** 2020 evaluation report, §6.1: "borgeren har ligeledes opsat op til fem delmål". */
export const MAX_SUB_GOALS = 5;

export type PlanErrorCode = 'too_many_sub_goals' | 'goal_category_required';
export interface PlanRuleError {
  readonly code: PlanErrorCode;
  readonly message: string;
}

export function isGoalCategory(value: unknown): value is GoalCategory {
  return typeof value === 'string' && (GOAL_CATEGORIES as readonly string[]).includes(value);
}

export function isSubGoalStatus(value: unknown): value is SubGoalStatus {
  return typeof value === 'string' && (SUB_GOAL_STATUSES as readonly string[]).includes(value);
}

/**
 * Checks the sub-goals a plan would have after a change. A dropped sub-goal stays in the plan as
 * history but does not count: the limit keeps the citizen's focus, and a citizen who drops a step
 * may choose another.
 */
export function checkSubGoalLimit(
  subGoals: readonly { readonly status: SubGoalStatus }[],
): { ok: true } | { ok: false; error: PlanRuleError } {
  const counted = subGoals.filter((s) => s.status !== 'dropped').length;
  if (counted <= MAX_SUB_GOALS) return { ok: true };
  const message = `Et forløb kan højst have ${MAX_SUB_GOALS} delmål. Et fravalgt delmål tæller ikke med.`;
  return { ok: false, error: { code: 'too_many_sub_goals', message } };
}

/**
 * A long-term goal needs at least one goal category (2020 evaluation report, §6.1: a goal may fall in
 * several). Returns them once each, in the order of GOAL_CATEGORIES.
 */
export function checkGoalCategories(
  categories: readonly GoalCategory[],
): { ok: true; categories: GoalCategory[] } | { ok: false; error: PlanRuleError } {
  if (categories.length === 0) {
    const message = 'Vælg mindst én målkategori for det langsigtede mål.';
    return { ok: false, error: { code: 'goal_category_required', message } };
  }
  return { ok: true, categories: GOAL_CATEGORIES.filter((c) => categories.includes(c)) };
}
