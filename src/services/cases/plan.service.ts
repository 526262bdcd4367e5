import {
  activitiesOf,
  goalsOf,
  ideasOf,
  revisionsOf,
  subGoalsOf,
} from '../../db/repositories/plan.repository.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { ore, sumOre, type Ore } from '../../domain/money.ts';
import { MAX_SUB_GOALS, type GoalCategory, type SubGoalStatus } from '../../domain/plan.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { loadCase, logAccess } from './case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import {
  addGoalChange,
  addSubGoalChange,
  dreamChange,
  removeGoalChange,
  updateGoalChange,
  updateSubGoalChange,
} from './plan-changes.ts';
import { createPlanItemService } from './plan-items.service.ts';
import { isPlanOpen, planChanger } from './plan-record.ts';
import { DreamInput, GoalInput, NoInput, SubGoalInput, type IdeaStatus } from './plan.schemas.ts';

// The citizen's plan (spec: Goal plan): the dream in their own words, long-term goals with goal
// categories (2020 evaluation report, §6.1), at most five sub-goals with a status, planned activities with
// estimated costs, and the idea list. Every change is a plan revision (who, when, before, after).

export interface PlanView {
  caseId: string;
  /** The plan can be changed during the lead-in and while the case runs. */
  editable: boolean;
  dream: string;
  goals: { id: string; description: string; categories: GoalCategory[] }[];
  subGoals: {
    id: string;
    description: string;
    status: SubGoalStatus;
    longTermGoalId: string | null;
    activities: {
      id: string;
      description: string;
      estimatedCost: Ore | null;
      expenseCategory: ExpenseCategory | null;
    }[];
  }[];
  ideas: { id: string; text: string; status: IdeaStatus }[];
  /** Sub-goals that count towards the limit (not dropped), and the limit. */
  activeSubGoals: number;
  maxSubGoals: number;
  estimatedTotal: Ore;
}

export interface PlanRevisionView {
  at: Date;
  actor: { userId: string; name: string | null; role: string | null } | null;
  entityType: string;
  entityId: string | null;
  change: string;
  before: unknown;
  after: unknown;
}

export function createPlanService(deps: ServiceDeps) {
  const run = planChanger(deps);

  return {
    get: (actor: Actor, caseId: string, purpose: string) => planOf(deps, actor, caseId, purpose),
    history: (actor: Actor, caseId: string, purpose: string) => planHistory(deps, actor, caseId, purpose),

    async setDream(actor: Actor, caseId: string, input: unknown): Promise<void> {
      await run(actor, caseId, DreamInput, input, dreamChange);
    },

    /** Returns the new goal's id. */
    async addGoal(actor: Actor, caseId: string, input: unknown): Promise<string> {
      return (await run(actor, caseId, GoalInput, input, addGoalChange)) ?? '';
    },

    async updateGoal(actor: Actor, caseId: string, goalId: string, input: unknown): Promise<void> {
      await run(actor, caseId, GoalInput, input, (tx, row, v, at) =>
        updateGoalChange(tx, row, goalId, v, at),
      );
    },

    /** Only a goal without sub-goals can be removed; the revision keeps what it said. */
    async removeGoal(actor: Actor, caseId: string, goalId: string): Promise<void> {
      await run(actor, caseId, NoInput, {}, (tx, row) => removeGoalChange(tx, row, goalId));
    },

    /** Returns the new sub-goal's id; a sixth that is not dropped is refused (domain/plan.ts). */
    async addSubGoal(actor: Actor, caseId: string, input: unknown): Promise<string> {
      return (await run(actor, caseId, SubGoalInput, input, addSubGoalChange)) ?? '';
    },

    /** Description, status and goal; taking a dropped sub-goal up again counts towards the five. */
    async updateSubGoal(actor: Actor, caseId: string, subGoalId: string, input: unknown): Promise<void> {
      await run(actor, caseId, SubGoalInput, input, (tx, row, v, at) =>
        updateSubGoalChange(tx, row, subGoalId, v, at),
      );
    },

    ...createPlanItemService(deps),
  };
}

async function planOf(deps: ServiceDeps, actor: Actor, caseId: string, purpose: string): Promise<PlanView> {
  const { database, clock } = deps;
  authorize(actor, 'case.read');
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const row = await loadCase(tx, actor, 'case.read', caseId);
    const goals = await goalsOf(tx, row.id);
    const subGoals = await subGoalsOf(tx, row.id);
    const activities = await activitiesOf(tx, row.id);
    const ideas = await ideasOf(tx, row.id);
    await logAccess(tx, actor, at, purpose, [{ caseId: row.id, citizenId: row.citizen_id, municipalityId }]);
    const view = (a: (typeof activities)[number]) => ({
      id: a.id,
      description: a.description,
      estimatedCost: a.estimated_cost_ore === null ? null : ore(a.estimated_cost_ore),
      expenseCategory: a.expense_category as ExpenseCategory | null,
    });
    return {
      caseId: row.id,
      editable: isPlanOpen(row.phase),
      dream: row.dream,
      goals: goals.map((g) => ({
        id: g.id,
        description: g.description,
        categories: g.categories as GoalCategory[],
      })),
      subGoals: subGoals.map((s) => ({
        id: s.id,
        description: s.description,
        status: s.status as SubGoalStatus,
        longTermGoalId: s.long_term_goal_id,
        activities: activities.filter((a) => a.sub_goal_id === s.id).map(view),
      })),
      ideas: ideas.map((i) => ({ id: i.id, text: i.text, status: i.status as IdeaStatus })),
      activeSubGoals: subGoals.filter((s) => s.status !== 'dropped').length,
      maxSubGoals: MAX_SUB_GOALS,
      estimatedTotal: sumOre(activities.map((a) => ore(a.estimated_cost_ore ?? 0))),
    };
  });
}

/** Who changed what in the plan, when: every revision with before and after. */
async function planHistory(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<PlanRevisionView[]> {
  const { database, clock } = deps;
  authorize(actor, 'case.read');
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const row = await loadCase(tx, actor, 'case.read', caseId);
    const revisions = await revisionsOf(tx, row.id);
    await logAccess(tx, actor, at, purpose, [{ caseId: row.id, citizenId: row.citizen_id, municipalityId }]);
    return revisions.map((r) => ({
      at: r.occurred_at,
      actor:
        r.actor_user_id === null ? null : { userId: r.actor_user_id, name: r.actor_name, role: r.actor_role },
      entityType: r.entity_type,
      entityId: r.entity_id,
      change: r.change,
      before: r.before,
      after: r.after,
    }));
  });
}
