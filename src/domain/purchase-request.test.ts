import { describe, expect, it } from 'vitest';
import type { SubGoalStatus } from './plan.ts';
import { checkUnusedFunds } from './purchase-request.ts';

const plan = (...statuses: SubGoalStatus[]) => statuses.map((status) => ({ status }));

describe('the unused-funds rule at approval (2020 evaluation report, §6.5 "Udmøntning af budgettet")', () => {
  it('lets a citizen who met the sub-goals spend the rest under citizen_may_use_all', () => {
    expect(checkUnusedFunds('citizen_may_use_all', plan('achieved', 'achieved'))).toEqual({ ok: true });
  });

  it('approves nothing more under planned_subgoals_only once every sub-goal not dropped is achieved', () => {
    const refused = checkUnusedFunds('planned_subgoals_only', plan('achieved', 'dropped', 'achieved'));
    expect(refused).toMatchObject({ ok: false, code: 'sub_goals_met' });
    if (!refused.ok) expect(refused.message).toContain('resten af budgettet ikke bruges');
  });

  it('approves under planned_subgoals_only while a sub-goal is still planned or in progress', () => {
    expect(checkUnusedFunds('planned_subgoals_only', plan('achieved', 'in_progress'))).toEqual({ ok: true });
    expect(checkUnusedFunds('planned_subgoals_only', plan('achieved', 'planned'))).toEqual({ ok: true });
  });

  it('has met nothing while the plan has no sub-goal, or only dropped ones', () => {
    expect(checkUnusedFunds('planned_subgoals_only', plan())).toEqual({ ok: true });
    expect(checkUnusedFunds('planned_subgoals_only', plan('dropped', 'dropped'))).toEqual({ ok: true });
  });
});
