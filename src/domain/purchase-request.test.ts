import { describe, expect, it } from 'vitest';
import { ore } from './money.ts';
import type { SubGoalStatus } from './plan.ts';
import {
  checkUnusedFunds,
  mayApprove,
  needsSecondApprover,
  type ApprovalContext,
} from './purchase-request.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

const plan = (...statuses: SubGoalStatus[]) => statuses.map((status) => ({ status }));

describe('the unused-funds rule at approval (2020 evaluation report, §6.5 "Udmøntning af budgettet")', () => {
  it('lets a citizen who met the sub-goals spend the rest under citizen_may_use_all', () => {
    expect(checkUnusedFunds('citizen_may_use_all', plan('achieved', 'achieved'))).toEqual({ ok: true });
  });

  it('approves nothing more under planned_subgoals_only once every sub-goal not dropped is achieved', () => {
    const refused = checkUnusedFunds('planned_subgoals_only', plan('achieved', 'dropped', 'achieved'));
    expect(refused).toMatchObject({ ok: false, code: 'sub_goals_met' });
    if (!refused.ok) expect(danish(refused.message)).toContain('resten af budgettet ikke bruges');
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

describe('who may approve (spec: Approval)', () => {
  const request = (over: Partial<ApprovalContext>): ApprovalContext => ({
    approverRole: 'support',
    approverUserId: 'approver',
    amount: ore(5_000_00),
    singleApprovalLimit: ore(5_000_00),
    createdBy: 'writer',
    submittedBy: 'writer',
    ...over,
  });

  it('lets the support person approve alone up to the limit, and no further', () => {
    expect(mayApprove(request({}))).toEqual({ ok: true });
    expect(mayApprove(request({ amount: ore(5_000_01) }))).toMatchObject({
      ok: false,
      code: 'needs_coordinator',
    });
  });

  it('lets a coordinator approve any amount, but above the limit never their own request (four eyes)', () => {
    const coordinator = { approverRole: 'coordinator' as const, amount: ore(40_000_00) };
    expect(mayApprove(request(coordinator))).toEqual({ ok: true });
    expect(mayApprove(request({ ...coordinator, createdBy: 'approver' }))).toMatchObject({
      code: 'four_eyes',
    });
    expect(mayApprove(request({ ...coordinator, submittedBy: 'approver' }))).toMatchObject({
      code: 'four_eyes',
    });
    const small = { ...coordinator, amount: ore(5_000_00), createdBy: 'approver' };
    expect(mayApprove(request(small))).toEqual({ ok: true });
  });

  it('lets nobody else approve', () => {
    for (const role of ['finance', 'admin', 'evaluator', 'citizen'] as const) {
      expect(mayApprove(request({ approverRole: role }))).toMatchObject({ ok: false, code: 'not_approver' });
    }
  });

  it('needs a second approver above the limit only', () => {
    expect(needsSecondApprover(ore(5_000_00), ore(5_000_00))).toBe(false);
    expect(needsSecondApprover(ore(5_000_01), ore(5_000_00))).toBe(true);
  });
});
