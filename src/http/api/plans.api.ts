import type { Context } from 'hono';
import type { z } from 'zod';
import { NoteInput } from '../../services/cases/note.schemas.ts';
import {
  ActivityInput,
  DreamInput,
  GoalInput,
  IdeaInput,
  SubGoalInput,
} from '../../services/cases/plan.schemas.ts';
import type { Services } from '../../services/index.ts';
import type { AppEnv } from '../env.ts';
import { noteJson, planJson, planRevisionJson } from './case-serializers.ts';
import type { ApiRegistry } from './registry.ts';
import { actorOf, addRead, param } from './route-helpers.ts';

// /api/v1 for a case's plan and follow-up notes (spec: Goal plan; spec: Follow-up notes): the dream,
// long-term goals, at most five sub-goals, planned activities with estimated costs (…Kr), ideas, the revision
// history, and notes. Every change is a plan revision made by the service; one service call per handler.

const id = (c: Context<AppEnv>) => param(c, 'id');

/** Registers a creating POST (201 with the new id) and a changing PUT or DELETE (204). */
function registrars(api: ApiRegistry) {
  const created = (
    path: string,
    summary: string,
    body: z.ZodType,
    call: (c: Context<AppEnv>, body: unknown) => Promise<string>,
  ) =>
    api.add({
      method: 'post',
      path,
      tag: 'plans',
      summary,
      body,
      returns: 'The new id.',
      status: 201,
      handler: async (c, b) => ({ id: await call(c, b) }),
    });
  const changed = (
    method: 'put' | 'delete',
    path: string,
    summary: string,
    body: z.ZodType | undefined,
    call: (c: Context<AppEnv>, body: unknown) => Promise<void>,
  ) =>
    api.add({ method, path, tag: 'plans', summary, body, returns: 'Nothing.', status: 204, handler: call });
  return { created, changed };
}

/** Registers the routes of a case's plan and its follow-up notes. */
export function addPlanRoutes(api: ApiRegistry, services: Services): void {
  addPlanReadRoutes(api, services);
  addPlanGoalRoutes(api, services);
  addPlanItemRoutes(api, services);
  addNoteRoutes(api, services);
}

function addPlanReadRoutes(api: ApiRegistry, { plans }: Services): void {
  addRead(api, {
    path: '/cases/{id}/plan',
    tag: 'plans',
    summary: "The case's plan: dream, goals, sub-goals with activities, ideas",
    returns: 'The plan; estimated costs in kroner.',
    read: async (c, purpose) => planJson(await plans.get(actorOf(c), param(c, 'id'), purpose)),
  });
  addRead(api, {
    path: '/cases/{id}/plan/history',
    tag: 'plans',
    summary: 'Who changed what in the plan, when',
    returns: 'The plan revisions, oldest first.',
    read: async (c, purpose) =>
      (await plans.history(actorOf(c), param(c, 'id'), purpose)).map(planRevisionJson),
  });
}

/** The dream, the long-term goals and the sub-goals. */
function addPlanGoalRoutes(api: ApiRegistry, { plans }: Services): void {
  const { created, changed } = registrars(api);
  changed('put', '/cases/{id}/plan/dream', "Write the dream in the citizen's own words", DreamInput, (c, b) =>
    plans.setDream(actorOf(c), id(c), b),
  );
  created('/cases/{id}/plan/goals', 'Add a long-term goal with goal categories', GoalInput, (c, b) =>
    plans.addGoal(actorOf(c), id(c), b),
  );
  changed('put', '/cases/{id}/plan/goals/{goalId}', 'Change a long-term goal', GoalInput, (c, b) =>
    plans.updateGoal(actorOf(c), id(c), param(c, 'goalId'), b),
  );
  changed('delete', '/cases/{id}/plan/goals/{goalId}', 'Remove a goal without sub-goals', undefined, (c) =>
    plans.removeGoal(actorOf(c), id(c), param(c, 'goalId')),
  );
  created(
    '/cases/{id}/plan/sub-goals',
    'Add a sub-goal (at most five that are not dropped)',
    SubGoalInput,
    (c, b) => plans.addSubGoal(actorOf(c), id(c), b),
  );
  changed(
    'put',
    '/cases/{id}/plan/sub-goals/{subGoalId}',
    'Change a sub-goal and its status',
    SubGoalInput,
    (c, b) => plans.updateSubGoal(actorOf(c), id(c), param(c, 'subGoalId'), b),
  );
}

/** Planned activities and the idea list. */
function addPlanItemRoutes(api: ApiRegistry, { plans }: Services): void {
  const { created, changed } = registrars(api);
  created(
    '/cases/{id}/plan/sub-goals/{subGoalId}/activities',
    'Add a planned activity with an estimated cost in kroner',
    ActivityInput,
    (c, b) => plans.addActivity(actorOf(c), id(c), param(c, 'subGoalId'), b),
  );
  changed(
    'put',
    '/cases/{id}/plan/activities/{activityId}',
    'Change a planned activity',
    ActivityInput,
    (c, b) => plans.updateActivity(actorOf(c), id(c), param(c, 'activityId'), b),
  );
  changed('delete', '/cases/{id}/plan/activities/{activityId}', 'Remove a planned activity', undefined, (c) =>
    plans.removeActivity(actorOf(c), id(c), param(c, 'activityId')),
  );
  created('/cases/{id}/plan/ideas', 'Add an idea to the idea list', IdeaInput, (c, b) =>
    plans.addIdea(actorOf(c), id(c), b),
  );
  changed('put', '/cases/{id}/plan/ideas/{ideaId}', 'Change an idea or its status', IdeaInput, (c, b) =>
    plans.updateIdea(actorOf(c), id(c), param(c, 'ideaId'), b),
  );
  changed('delete', '/cases/{id}/plan/ideas/{ideaId}', 'Remove an idea', undefined, (c) =>
    plans.removeIdea(actorOf(c), id(c), param(c, 'ideaId')),
  );
}

/** Follow-up notes (spec: Follow-up notes). */
function addNoteRoutes(api: ApiRegistry, { notes }: Services): void {
  const { created } = registrars(api);
  addRead(api, {
    path: '/cases/{id}/notes',
    tag: 'notes',
    summary: "The case's follow-up notes, newest first; internal ones only for staff",
    returns: 'A list of notes.',
    read: async (c, purpose) => (await notes.list(actorOf(c), id(c), purpose)).map(noteJson),
  });
  created(
    '/cases/{id}/notes',
    'Write a follow-up note; shared with the citizen unless internal',
    NoteInput,
    (c, b) => notes.add(actorOf(c), id(c), b),
  );
}
