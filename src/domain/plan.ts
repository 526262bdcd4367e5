// The citizen's plan (spec: Goal plan): the dream in their own words, long-term goals tagged with the
// goal categories of the 2020 evaluation report (§6.1), and up to five sub-goals with a status each.
import { message, type Message, type MessageKey } from '../i18n/index.ts';

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
export const GOAL_CATEGORY_LABELS: Readonly<Record<GoalCategory, MessageKey>> = {
  education_employment: 'label.goalCategory.education_employment',
  finances_debt: 'label.goalCategory.finances_debt',
  self_esteem_wellbeing: 'label.goalCategory.self_esteem_wellbeing',
  health: 'label.goalCategory.health',
  substance_free: 'label.goalCategory.substance_free',
  housing: 'label.goalCategory.housing',
  social_relations: 'label.goalCategory.social_relations',
  independence: 'label.goalCategory.independence',
};

export const SUB_GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export type SubGoalStatus = (typeof SUB_GOAL_STATUSES)[number];

// "Fravalgt" rather than "opgivet": dropping a sub-goal is the citizen's choice, not a failure.
export const SUB_GOAL_STATUS_LABELS: Readonly<Record<SubGoalStatus, MessageKey>> = {
  planned: 'label.subGoalStatus.planned',
  in_progress: 'label.subGoalStatus.in_progress',
  achieved: 'label.subGoalStatus.achieved',
  dropped: 'label.subGoalStatus.dropped',
};

/** 2020 evaluation report, §6.1: "borgeren har ligeledes opsat op til fem delmål". */
export const MAX_SUB_GOALS = 5;

export type PlanErrorCode = 'too_many_sub_goals' | 'goal_category_required';
export interface PlanRuleError {
  readonly code: PlanErrorCode;
  readonly message: Message;
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
  const said = message('plan.refused.too_many_sub_goals', { max: MAX_SUB_GOALS });
  return { ok: false, error: { code: 'too_many_sub_goals', message: said } };
}

/**
 * A long-term goal needs at least one goal category (2020 evaluation report, §6.1: a goal may fall in
 * several). Returns them once each, in the order of GOAL_CATEGORIES.
 */
export function checkGoalCategories(
  categories: readonly GoalCategory[],
): { ok: true; categories: GoalCategory[] } | { ok: false; error: PlanRuleError } {
  if (categories.length === 0) {
    const said = message('plan.refused.goal_category_required');
    return { ok: false, error: { code: 'goal_category_required', message: said } };
  }
  return { ok: true, categories: GOAL_CATEGORIES.filter((c) => categories.includes(c)) };
}
