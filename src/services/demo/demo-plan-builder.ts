import { randomUUID } from 'node:crypto';
import { checkGoalCategories, checkSubGoalLimit } from '../../domain/plan.ts';
import type { DemoPersona, StaffMember } from './demo-persona.ts';
import type { CaseRows } from './demo-rows.ts';

// A demo persona's plan as the plan service would have stored it: the dream, the goal, sub-goals
// (created as planned, then moved to their status on their day), activities and ideas, each with its
// revision. The domain's plan rules are checked as the service checks them.

export type Revise = (
  instant: Date,
  by: StaffMember,
  entity: { type: string; id: string | null; change: 'create' | 'update' },
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) => void;

export interface PlanTools {
  owned: { municipality_id: number; case_id: string };
  rows: CaseRows;
  at: (daysAgo: number) => Date;
  worker: (daysAgo: number) => StaffMember;
  revise: Revise;
}

export function buildPlan(plan: NonNullable<DemoPersona['plan']>, t: PlanTools): void {
  const { owned, rows, at, worker, revise } = t;
  const by = worker(plan.daysAgo);
  const stamp = () => at(plan.daysAgo);
  revise(stamp(), by, { type: 'dream', id: null, change: 'update' }, { dream: '' }, { dream: plan.dream });
  const goalId = plan.goal ? addGoal(t, plan.goal, by, stamp()) : null;
  const subGoals = plan.subGoals ?? [];
  const limit = checkSubGoalLimit(subGoals);
  if (!limit.ok) throw new Error(limit.error.code);
  for (const [i, sub] of subGoals.entries()) {
    const id = randomUUID();
    const instant = stamp();
    const planned = { description: sub.description, status: 'planned', longTermGoalId: goalId };
    revise(instant, by, { type: 'sub_goal', id, change: 'create' }, null, planned);
    let updated = instant;
    if (sub.status !== 'planned' && sub.statusDaysAgo !== undefined) {
      updated = at(sub.statusDaysAgo);
      const after = { ...planned, status: sub.status };
      revise(updated, worker(sub.statusDaysAgo), { type: 'sub_goal', id, change: 'update' }, planned, after);
    }
    rows.subGoals.push({
      id,
      ...owned,
      long_term_goal_id: goalId,
      description: sub.description,
      status: sub.status,
      position: i + 1,
      created_at: instant,
      updated_at: updated,
    });
    if (sub.activity) addActivity(t, sub.activity, id, by, instant);
  }
  for (const text of plan.ideas ?? []) {
    const id = randomUUID();
    const instant = stamp();
    rows.ideas.push({ id, ...owned, text, status: 'open', created_at: instant, updated_at: instant });
    revise(instant, by, { type: 'idea', id, change: 'create' }, null, { text, status: 'open' });
  }
}

type Plan = NonNullable<DemoPersona['plan']>;

/** The long-term goal, with the categories the domain accepts; its id. */
function addGoal(t: PlanTools, goal: NonNullable<Plan['goal']>, by: StaffMember, instant: Date): string {
  const { owned, rows, revise } = t;
  const checked = checkGoalCategories(goal.categories);
  if (!checked.ok) throw new Error(checked.error.code);
  const goalId = randomUUID();
  const after = { description: goal.description, categories: checked.categories };
  rows.goals.push({
    id: goalId,
    ...owned,
    ...after,
    position: 1,
    created_at: instant,
    updated_at: instant,
  });
  revise(instant, by, { type: 'long_term_goal', id: goalId, change: 'create' }, null, after);
  return goalId;
}

/** A planned activity of a sub-goal, with its estimated cost. */
function addActivity(
  t: PlanTools,
  activity: NonNullable<NonNullable<Plan['subGoals']>[number]['activity']>,
  subGoalId: string,
  by: StaffMember,
  instant: Date,
): void {
  const { owned, rows, revise } = t;
  const activityId = randomUUID();
  const cost = activity.kr * 100;
  const a = { subGoalId, description: activity.description, estimatedCostOre: cost };
  const after = { ...a, expenseCategory: activity.category };
  revise(instant, by, { type: 'planned_activity', id: activityId, change: 'create' }, null, after);
  rows.activities.push({
    id: activityId,
    ...owned,
    sub_goal_id: subGoalId,
    description: a.description,
    estimated_cost_ore: cost,
    expense_category: activity.category,
    position: 1,
    created_at: instant,
    updated_at: instant,
  });
}
