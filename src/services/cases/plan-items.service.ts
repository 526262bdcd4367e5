import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  activitiesOf,
  deleteActivity,
  deleteIdea,
  ideasOf,
  insertActivity,
  insertIdea,
  subGoalsOf,
  updateActivity,
  updateIdea,
  type IdeaRow,
  type PlannedActivityRow,
} from '../../db/repositories/plan.repository.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { planChanger, type PlanChange } from './plan-record.ts';
import { ActivityInput, IdeaInput, NoInput } from './plan.schemas.ts';

// The smaller parts of the plan: planned activities under a sub-goal (with an estimated cost in øre)
// and the idea list (2020 evaluation report, §6.4: write everything down first, choose later). Part of the
// plan service.

const activitySnapshot = (a: PlannedActivityRow) => ({
  subGoalId: a.sub_goal_id,
  description: a.description,
  estimatedCostOre: a.estimated_cost_ore,
  expenseCategory: a.expense_category,
});
const ideaSnapshot = (i: Pick<IdeaRow, 'text' | 'status'>) => ({ text: i.text, status: i.status });

async function addActivityChange(
  tx: Tx,
  row: CaseRecord,
  subGoalId: string,
  v: z.output<typeof ActivityInput>,
  at: Date,
): Promise<PlanChange> {
  const subGoal = (await subGoalsOf(tx, row.id)).find((s) => s.id === subGoalId);
  if (!subGoal) throw new NotFound();
  const position = (await activitiesOf(tx, row.id)).filter((a) => a.sub_goal_id === subGoal.id).length + 1;
  const activity = await insertActivity(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    sub_goal_id: subGoal.id,
    description: v.description,
    estimated_cost_ore: v.estimatedCostKr,
    expense_category: v.expenseCategory,
    position,
    created_at: at,
    updated_at: at,
  });
  return {
    entityType: 'planned_activity',
    entityId: activity.id,
    change: 'create',
    before: null,
    after: activitySnapshot(activity),
  };
}

export async function addIdeaChange(
  tx: Tx,
  row: CaseRecord,
  v: z.output<typeof IdeaInput>,
  at: Date,
): Promise<PlanChange> {
  const idea = await insertIdea(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    text: v.text,
    status: v.status,
    created_at: at,
    updated_at: at,
  });
  return { entityType: 'idea', entityId: idea.id, change: 'create', before: null, after: ideaSnapshot(idea) };
}

/** An idea of the case taken off the list; the revision keeps what it said. */
export async function removeIdeaChange(tx: Tx, row: CaseRecord, ideaId: string): Promise<PlanChange> {
  const idea = await ideaOf(tx, row.id, ideaId);
  await deleteIdea(tx, idea.id);
  return { entityType: 'idea', entityId: idea.id, change: 'delete', before: ideaSnapshot(idea), after: null };
}

async function activityOf(tx: Tx, caseId: string, activityId: string) {
  const activity = (await activitiesOf(tx, caseId)).find((a) => a.id === activityId);
  if (!activity) throw new NotFound();
  return activity;
}

async function ideaOf(tx: Tx, caseId: string, ideaId: string) {
  const idea = (await ideasOf(tx, caseId)).find((i) => i.id === ideaId);
  if (!idea) throw new NotFound();
  return idea;
}

export function createPlanItemService(deps: ServiceDeps) {
  const run = planChanger(deps);

  return {
    /** Returns the new activity's id. */
    async addActivity(actor: Actor, caseId: string, subGoalId: string, input: unknown): Promise<string> {
      const id = await run(actor, caseId, ActivityInput, input, (tx, row, v, at) =>
        addActivityChange(tx, row, subGoalId, v, at),
      );
      return id ?? '';
    },

    async updateActivity(actor: Actor, caseId: string, activityId: string, input: unknown): Promise<void> {
      await run(actor, caseId, ActivityInput, input, async (tx, row, v, at) => {
        const activity = await activityOf(tx, row.id, activityId);
        const before = activitySnapshot(activity);
        const after = {
          ...before,
          description: v.description,
          estimatedCostOre: v.estimatedCostKr,
          expenseCategory: v.expenseCategory,
        };
        if (JSON.stringify(before) === JSON.stringify(after)) return null;
        await updateActivity(tx, activity.id, {
          description: v.description,
          estimated_cost_ore: v.estimatedCostKr,
          expense_category: v.expenseCategory,
          updated_at: at,
        });
        return { entityType: 'planned_activity', entityId: activity.id, change: 'update', before, after };
      });
    },

    async removeActivity(actor: Actor, caseId: string, activityId: string): Promise<void> {
      await run(actor, caseId, NoInput, {}, async (tx, row) => {
        const activity = await activityOf(tx, row.id, activityId);
        await deleteActivity(tx, activity.id);
        return {
          entityType: 'planned_activity',
          entityId: activity.id,
          change: 'delete',
          before: activitySnapshot(activity),
          after: null,
        };
      });
    },

    /** Returns the new idea's id. */
    async addIdea(actor: Actor, caseId: string, input: unknown): Promise<string> {
      return (await run(actor, caseId, IdeaInput, input, addIdeaChange)) ?? '';
    },

    /** Reword an idea, choose it or set it aside. */
    async updateIdea(actor: Actor, caseId: string, ideaId: string, input: unknown): Promise<void> {
      await run(actor, caseId, IdeaInput, input, async (tx, row, v, at) => {
        const idea = await ideaOf(tx, row.id, ideaId);
        const before = ideaSnapshot(idea);
        const after = { text: v.text, status: v.status };
        if (JSON.stringify(before) === JSON.stringify(after)) return null;
        await updateIdea(tx, idea.id, { ...after, updated_at: at });
        return { entityType: 'idea', entityId: idea.id, change: 'update', before, after };
      });
    },

    async removeIdea(actor: Actor, caseId: string, ideaId: string): Promise<void> {
      await run(actor, caseId, NoInput, {}, (tx, row) => removeIdeaChange(tx, row, ideaId));
    },
  };
}
