import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { asDanish, danishFields } from '../setup/messages.ts';

// The plan (spec: Goal plan): dream, goals with categories, at most five sub-goals that are not
// dropped, planned activities with estimated costs, ideas — and a revision for every change.

const LIMIT = 'Et forløb kan højst have 5 delmål. Et fravalgt delmål tæller ikke med.';

let t: TestContext;
let coordinator: Actor;
let support: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
});
afterAll(() => t.close());

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('revisions', () => {
  it('keep who changed what, when, with before and after; the audit names fields only', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    await t.services.plans.setDream(support, caseId, { dream: 'Et hjem med plads til mine børn.' });
    t.clock.advance(60_000);
    await t.services.plans.setDream(coordinator, caseId, { dream: 'Et hjem med plads til mine tre børn.' });
    await t.services.plans.setDream(coordinator, caseId, { dream: 'Et hjem med plads til mine tre børn.' });
    const goal = await t.services.plans.addGoal(support, caseId, {
      description: 'En større lejlighed.',
      categories: ['social_relations', 'housing', 'housing'],
    });
    const sub = await t.services.plans.addSubGoal(support, caseId, {
      description: 'Søge bolig',
      longTermGoalId: goal,
    });
    await t.services.plans.updateSubGoal(support, caseId, sub, {
      description: 'Søge bolig',
      status: 'in_progress',
      longTermGoalId: goal,
    });
    const history = await t.services.plans.history(support, caseId, 'GET /forloeb/:id/plan/historik');
    expect(history.map((r) => [r.entityType, r.change, r.actor?.role])).toEqual([
      ['dream', 'update', 'support'],
      ['dream', 'update', 'coordinator'],
      ['long_term_goal', 'create', 'support'],
      ['sub_goal', 'create', 'support'],
      ['sub_goal', 'update', 'support'],
    ]);
    expect(history[1]).toMatchObject({
      before: { dream: 'Et hjem med plads til mine børn.' },
      after: { dream: 'Et hjem med plads til mine tre børn.' },
      actor: { userId: coordinator.userId, name: coordinator.name },
    });
    expect(history[2]?.after).toEqual({
      description: 'En større lejlighed.',
      categories: ['housing', 'social_relations'],
    });
    expect(history[4]).toMatchObject({ before: { status: 'planned' }, after: { status: 'in_progress' } });

    const audit = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'after'])
        .where('action', 'like', 'plan.%')
        .execute(),
    );
    const text = JSON.stringify(audit);
    expect(text).not.toContain('børn');
    expect(text).not.toContain('lejlighed');
    expect(audit).toContainEqual({
      action: 'plan.update',
      entity_type: 'sub_goal',
      after: { caseId, fields: ['status'], status: 'in_progress' },
    });
  });
});

describe('the five sub-goals', () => {
  it('refuses a sixth, counts dropped ones out, and refuses taking a dropped one up again', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++)
      ids.push(await t.services.plans.addSubGoal(support, caseId, { description: `Delmål ${i}` }));
    const badStatus = await refusal(
      t.services.plans.addSubGoal(support, caseId, { description: 'Delmål 6', status: 'done' }),
    );
    expect(danishFields((badStatus as ValidationFailed).fields)).toMatchObject({
      status: 'Vælg en status fra listen.',
    });
    const sixth = await refusal(t.services.plans.addSubGoal(support, caseId, { description: 'Delmål 6' }));
    expect(sixth).toBeInstanceOf(ValidationFailed);
    expect(asDanish(sixth)).toMatchObject({ message: LIMIT });
    expect(danishFields((sixth as ValidationFailed).fields)).toEqual({ _form: LIMIT });
    // A sixth that is dropped from the start does not count.
    await t.services.plans.addSubGoal(support, caseId, { description: 'Overvejet', status: 'dropped' });
    await t.services.plans.updateSubGoal(support, caseId, ids[0] ?? '', {
      description: 'Delmål 1',
      status: 'dropped',
    });
    const replacement = await t.services.plans.addSubGoal(support, caseId, { description: 'Nyt delmål' });
    expect(replacement).toMatch(/^[0-9a-f-]{36}$/);
    const revisionsBefore = (await t.services.plans.history(support, caseId, 'GET /test')).length;
    const again = await refusal(
      t.services.plans.updateSubGoal(support, caseId, ids[0] ?? '', {
        description: 'Delmål 1',
        status: 'planned',
      }),
    );
    expect(danishFields((again as ValidationFailed).fields)).toMatchObject({ status: LIMIT });
    expect((await t.services.plans.history(support, caseId, 'GET /test')).length).toBe(revisionsBefore);
    const plan = await t.services.plans.get(support, caseId, 'GET /test');
    expect(plan.activeSubGoals).toBe(5);
    expect(plan.subGoals).toHaveLength(7);
  });

  it('holds under concurrent additions', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    for (let i = 1; i <= 4; i++)
      await t.services.plans.addSubGoal(support, caseId, { description: `Delmål ${i}` });
    const results = await Promise.allSettled([
      t.services.plans.addSubGoal(support, caseId, { description: 'A' }),
      t.services.plans.addSubGoal(coordinator, caseId, { description: 'B' }),
      t.services.plans.addSubGoal(support, caseId, { description: 'C' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await t.services.plans.get(support, caseId, 'GET /test')).activeSubGoals).toBe(5);
  });
});

describe('goals, activities and ideas', () => {
  it('needs at least one goal category, from the list', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const none = await refusal(
      t.services.plans.addGoal(support, caseId, { description: 'Mål', categories: [] }),
    );
    expect(danishFields((none as ValidationFailed).fields)).toMatchObject({
      categories: 'Vælg mindst én målkategori for det langsigtede mål.',
    });
    const wrong = await refusal(
      t.services.plans.addGoal(support, caseId, { description: 'Mål', categories: 'money' }),
    );
    expect(danishFields((wrong as ValidationFailed).fields)).toMatchObject({
      'categories.0': 'Vælg målkategorier fra listen.',
    });
    const single = await t.services.plans.addGoal(support, caseId, {
      description: 'Mål',
      categories: 'health',
    });
    const plan = await t.services.plans.get(support, caseId, 'GET /test');
    expect(plan.goals).toEqual([{ id: single, description: 'Mål', categories: ['health'] }]);
  });

  it('keeps estimated costs in øre and adds them up', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const sub = await t.services.plans.addSubGoal(support, caseId, { description: 'Kørekort' });
    await t.services.plans.addActivity(support, caseId, sub, {
      description: 'Køretimer',
      estimatedCostKr: '6000',
      expenseCategory: 'transport',
    });
    const theory = await t.services.plans.addActivity(support, caseId, sub, {
      description: 'Teori',
      estimatedCostKr: '1234,50',
    });
    const bad = await refusal(
      t.services.plans.addActivity(support, caseId, sub, { description: 'X', estimatedCostKr: '60000' }),
    );
    expect(danishFields((bad as ValidationFailed).fields)).toMatchObject({
      estimatedCostKr: 'Det anslåede beløb kan højst være 50.000 kr.',
    });
    let plan = await t.services.plans.get(support, caseId, 'GET /test');
    expect(plan.estimatedTotal).toBe(723_450);
    expect(plan.subGoals[0]?.activities.map((a) => a.estimatedCost)).toEqual([600_000, 123_450]);
    await t.services.plans.removeActivity(support, caseId, theory);
    plan = await t.services.plans.get(support, caseId, 'GET /test');
    expect(plan.estimatedTotal).toBe(600_000);
  });

  it('removes a goal only when no sub-goal belongs to it', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const goal = await t.services.plans.addGoal(support, caseId, {
      description: 'Mål',
      categories: ['health'],
    });
    const sub = await t.services.plans.addSubGoal(support, caseId, {
      description: 'Delmål',
      longTermGoalId: goal,
    });
    const busy = await refusal(t.services.plans.removeGoal(support, caseId, goal));
    expect(busy).toBeInstanceOf(Conflict);
    await t.services.plans.updateSubGoal(support, caseId, sub, { description: 'Delmål' });
    await t.services.plans.removeGoal(support, caseId, goal);
    const history = await t.services.plans.history(support, caseId, 'GET /test');
    expect(history.at(-1)).toMatchObject({ entityType: 'long_term_goal', change: 'delete', after: null });
  });

  it('keeps an idea list that can be chosen from', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const dog = await t.services.plans.addIdea(support, caseId, { text: 'Hund?' });
    const bed = await t.services.plans.addIdea(support, caseId, { text: 'En ordentlig seng' });
    await t.services.plans.updateIdea(support, caseId, dog, { text: 'Hund', status: 'chosen' });
    await t.services.plans.removeIdea(support, caseId, bed);
    const plan = await t.services.plans.get(support, caseId, 'GET /test');
    expect(plan.ideas).toEqual([{ id: dog, text: 'Hund', status: 'chosen' }]);
  });

  it('is not made before the citizen is accepted', async () => {
    const { caseId } = await caseIn(t, 'screening', { coordinator, support });
    const early = await refusal(t.services.plans.setDream(coordinator, caseId, { dream: 'x' }));
    expect(asDanish(early)).toMatchObject({
      code: 'plan_not_open',
      message: 'Planen laves, når borgeren er optaget i ordningen.',
    });
    const plan = await t.services.plans.get(coordinator, caseId, 'GET /test');
    expect(plan.editable).toBe(false);
  });
});
