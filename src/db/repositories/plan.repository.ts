import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type {
  IdeaTable,
  LongTermGoalTable,
  PlannedActivityTable,
  PlanRevisionTable,
  SubGoalTable,
} from '../schema-cases.ts';

// The plan of a case: dream (a column of the case), long-term goals, sub-goals, planned activities,
// ideas, and the append-only revisions of them all.

export type LongTermGoalRow = Selectable<LongTermGoalTable>;
export type SubGoalRow = Selectable<SubGoalTable>;
export type PlannedActivityRow = Selectable<PlannedActivityTable>;
export type IdeaRow = Selectable<IdeaTable>;

export async function setDream(tx: Tx, caseId: string, dream: string, at: Date): Promise<void> {
  await tx.updateTable('citizen_case').set({ dream, updated_at: at }).where('id', '=', caseId).execute();
}

export function goalsOf(tx: Tx, caseId: string): Promise<LongTermGoalRow[]> {
  return tx
    .selectFrom('long_term_goal')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export function subGoalsOf(tx: Tx, caseId: string): Promise<SubGoalRow[]> {
  return tx.selectFrom('sub_goal').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
}

export function activitiesOf(tx: Tx, caseId: string): Promise<PlannedActivityRow[]> {
  return tx
    .selectFrom('planned_activity')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('sub_goal_id')
    .orderBy('position')
    .execute();
}

export function ideasOf(tx: Tx, caseId: string): Promise<IdeaRow[]> {
  return tx.selectFrom('idea').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
}

export function insertGoal(tx: Tx, values: Insertable<LongTermGoalTable>): Promise<LongTermGoalRow> {
  return tx.insertInto('long_term_goal').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateGoal(tx: Tx, id: string, values: Updateable<LongTermGoalTable>): Promise<void> {
  await tx.updateTable('long_term_goal').set(values).where('id', '=', id).execute();
}

export async function deleteGoal(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('long_term_goal').where('id', '=', id).execute();
}

export function insertSubGoal(tx: Tx, values: Insertable<SubGoalTable>): Promise<SubGoalRow> {
  return tx.insertInto('sub_goal').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateSubGoal(tx: Tx, id: string, values: Updateable<SubGoalTable>): Promise<void> {
  await tx.updateTable('sub_goal').set(values).where('id', '=', id).execute();
}

export function insertActivity(
  tx: Tx,
  values: Insertable<PlannedActivityTable>,
): Promise<PlannedActivityRow> {
  return tx.insertInto('planned_activity').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateActivity(
  tx: Tx,
  id: string,
  values: Updateable<PlannedActivityTable>,
): Promise<void> {
  await tx.updateTable('planned_activity').set(values).where('id', '=', id).execute();
}

export async function deleteActivity(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('planned_activity').where('id', '=', id).execute();
}

export function insertIdea(tx: Tx, values: Insertable<IdeaTable>): Promise<IdeaRow> {
  return tx.insertInto('idea').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateIdea(tx: Tx, id: string, values: Updateable<IdeaTable>): Promise<void> {
  await tx.updateTable('idea').set(values).where('id', '=', id).execute();
}

export async function deleteIdea(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('idea').where('id', '=', id).execute();
}

export async function insertRevision(tx: Tx, values: Insertable<PlanRevisionTable>): Promise<void> {
  await tx.insertInto('plan_revision').values(values).execute();
}

export function revisionsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('plan_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.actor_user_id')
    .select([
      'r.id',
      'r.occurred_at',
      'r.actor_user_id',
      'r.actor_role',
      'u.name as actor_name',
      'r.entity_type',
      'r.entity_id',
      'r.change',
      'r.before',
      'r.after',
    ])
    .where('r.case_id', '=', caseId)
    .orderBy('r.id')
    .execute();
}

/** The sub-goal's id if it is one of the case's. */
export function findSubGoalOfCase(tx: Tx, caseId: string, subGoalId: string) {
  return tx
    .selectFrom('sub_goal')
    .select('id')
    .where('id', '=', subGoalId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** The case's sub-goals' descriptions, by id. */
export async function subGoalDescriptionsOf(tx: Tx, caseId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('sub_goal')
    .select(['id', 'description'])
    .where('case_id', '=', caseId)
    .execute();
  return new Map(rows.map((s) => [s.id, s.description]));
}
