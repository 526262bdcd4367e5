import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  deleteGoal,
  goalsOf,
  insertGoal,
  insertSubGoal,
  setDream,
  subGoalsOf,
  updateGoal,
  updateSubGoal,
  type LongTermGoalRow,
  type SubGoalRow,
} from '../../db/repositories/plan.repository.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import {
  checkGoalCategories,
  checkSubGoalLimit,
  type GoalCategory,
  type SubGoalStatus,
} from '../../domain/plan.ts';
import type { PlanChange } from './plan-record.ts';
import type { DreamInput, GoalInput, SubGoalInput } from './plan.schemas.ts';
import { message } from '../../i18n/index.ts';

// The changes of the dream, the long-term goals and the sub-goals, each run inside changePlan
// (plan-record.ts), which locks the case, checks access and phase, and records the revision and the
// audit event.

const goalSnapshot = (g: Pick<LongTermGoalRow, 'description' | 'categories'>) => ({
  description: g.description,
  categories: g.categories,
});
const subGoalSnapshot = (s: Pick<SubGoalRow, 'description' | 'status' | 'long_term_goal_id'>) => ({
  description: s.description,
  status: s.status,
  longTermGoalId: s.long_term_goal_id,
});

export function dreamChange(tx: Tx, row: CaseRecord, v: z.output<typeof DreamInput>, at: Date) {
  if (row.dream === v.dream) return Promise.resolve(null);
  return setDream(tx, row.id, v.dream, at).then((): PlanChange => ({
    entityType: 'dream',
    entityId: null,
    change: 'update',
    before: { dream: row.dream },
    after: { dream: v.dream },
  }));
}

function categories(v: z.output<typeof GoalInput>): GoalCategory[] {
  const checked = checkGoalCategories(v.categories);
  if (!checked.ok) throw new ValidationFailed({ categories: checked.error.message }, checked.error.message);
  return checked.categories;
}

export async function addGoalChange(tx: Tx, row: CaseRecord, v: z.output<typeof GoalInput>, at: Date) {
  const cats = categories(v);
  const position = (await goalsOf(tx, row.id)).length + 1;
  const goal = await insertGoal(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    description: v.description,
    categories: cats,
    position,
    created_at: at,
    updated_at: at,
  });
  return {
    entityType: 'long_term_goal',
    entityId: goal.id,
    change: 'create',
    before: null,
    after: goalSnapshot(goal),
  } as const;
}

/** Checks the five-sub-goal rule (domain/plan.ts) on the sub-goals as they would be after a change. */
function checkLimit(subGoals: readonly { status: string }[], field: string): void {
  const result = checkSubGoalLimit(subGoals as { status: SubGoalStatus }[]);
  if (!result.ok) throw new ValidationFailed({ [field]: result.error.message }, result.error.message);
}

async function checkGoalOfCase(tx: Tx, caseId: string, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  if (!(await goalsOf(tx, caseId)).some((g) => g.id === goalId)) {
    throw new ValidationFailed({ longTermGoalId: message('field.plan.longTermGoalId') });
  }
}

export async function addSubGoalChange(tx: Tx, row: CaseRecord, v: z.output<typeof SubGoalInput>, at: Date) {
  const existing = await subGoalsOf(tx, row.id);
  checkLimit([...existing, { status: v.status }], '_form');
  await checkGoalOfCase(tx, row.id, v.longTermGoalId);
  const sub = await insertSubGoal(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    long_term_goal_id: v.longTermGoalId,
    description: v.description,
    status: v.status,
    position: existing.length + 1,
    created_at: at,
    updated_at: at,
  });
  return {
    entityType: 'sub_goal',
    entityId: sub.id,
    change: 'create',
    before: null,
    after: subGoalSnapshot(sub),
  } as const;
}

export async function updateSubGoalChange(
  tx: Tx,
  row: CaseRecord,
  subGoalId: string,
  v: z.output<typeof SubGoalInput>,
  at: Date,
): Promise<PlanChange | null> {
  const all = await subGoalsOf(tx, row.id);
  const sub = all.find((s) => s.id === subGoalId);
  if (!sub) throw new NotFound();
  const next = { description: v.description, status: v.status, longTermGoalId: v.longTermGoalId };
  const before = subGoalSnapshot(sub);
  if (JSON.stringify(before) === JSON.stringify(next)) return null;
  checkLimit(
    all.map((s) => (s.id === sub.id ? { status: v.status } : s)),
    'status',
  );
  await checkGoalOfCase(tx, row.id, v.longTermGoalId);
  await updateSubGoal(tx, sub.id, {
    description: v.description,
    status: v.status,
    long_term_goal_id: v.longTermGoalId,
    updated_at: at,
  });
  return { entityType: 'sub_goal', entityId: sub.id, change: 'update', before, after: next };
}

export async function updateGoalChange(
  tx: Tx,
  row: CaseRecord,
  goalId: string,
  v: z.output<typeof GoalInput>,
  at: Date,
): Promise<PlanChange | null> {
  const goal = (await goalsOf(tx, row.id)).find((g) => g.id === goalId);
  if (!goal) throw new NotFound();
  const next = { description: v.description, categories: categories(v) };
  if (JSON.stringify(goalSnapshot(goal)) === JSON.stringify(next)) return null;
  await updateGoal(tx, goal.id, { ...next, updated_at: at });
  return {
    entityType: 'long_term_goal',
    entityId: goal.id,
    change: 'update',
    before: goalSnapshot(goal),
    after: next,
  };
}

/** Only a goal without sub-goals can be removed; the revision keeps what it said. */
export async function removeGoalChange(tx: Tx, row: CaseRecord, goalId: string): Promise<PlanChange> {
  const goal = (await goalsOf(tx, row.id)).find((g) => g.id === goalId);
  if (!goal) throw new NotFound();
  if ((await subGoalsOf(tx, row.id)).some((s) => s.long_term_goal_id === goal.id)) {
    throw new Conflict(message('error.plan.goalHasSubGoals'), 'goal_has_sub_goals');
  }
  await deleteGoal(tx, goal.id);
  return {
    entityType: 'long_term_goal',
    entityId: goal.id,
    change: 'delete',
    before: goalSnapshot(goal),
    after: null,
  };
}
