import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, programmeOf, registerCitizen, staff } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { asDanish, danishFields } from '../setup/messages.ts';

// A case from referral to an active case with a full plan (spec: Phases; spec: Goal plan), and the rules on
// the way: activation needs a support person and the acknowledged conditions, one open case per citizen
// and programme, pauses move the end date, refused steps change nothing.

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

/** Everything a refused step could have changed, to compare before and after. */
async function snapshot(caseId: string) {
  return t.database.transaction('all', async (tx) => ({
    case: await tx.selectFrom('citizen_case').selectAll().where('id', '=', caseId).executeTakeFirst(),
    events: (await tx.selectFrom('case_event').select('id').where('case_id', '=', caseId).execute()).length,
    audit: (await tx.selectFrom('audit_event').select('id').execute()).length,
  }));
}

describe('the whole path', () => {
  it('takes a citizen from referral to an active case with a plan of five sub-goals', async () => {
    // A minute between the steps, as in real life, so the timeline has an order.
    const minute = () => t.clock.advance(60_000);
    const citizen = await registerCitizen(t, coordinator, { name: 'Emil Hvid' });
    const programmeId = await programmeOf(t, coordinator);
    const referral = await t.services.cases.refer(coordinator, {
      citizenId: citizen.id,
      programmeId,
      source: 'street_team',
      reason: 'Sover på gaden; vil gerne have en uddannelse.',
    });
    expect(referral.state).toEqual({ phase: 'referred', referredOn: '2026-03-02' });
    const caseId = referral.id;
    minute();

    expect((await t.services.cases.startScreening(coordinator, caseId)).state.phase).toBe('screening');
    minute();
    const accepted = await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
    minute();
    expect(accepted.state).toMatchObject({ phase: 'lead_in', leadInStartedOn: '2026-03-02' });
    await t.services.cases.assignSupport(coordinator, caseId, {
      supportUserId: support.userId,
      coordinatorUserId: coordinator.userId,
    });
    minute();
    await t.services.cases.acknowledgeConditions(support, caseId, { method: 'on_paper' });
    minute();

    await t.services.plans.setDream(support, caseId, { dream: 'At arbejde med mine hænder.' });
    minute();
    const goalId = await t.services.plans.addGoal(support, caseId, {
      description: 'En læreplads som tømrer.',
      categories: ['education_employment', 'independence'],
    });
    minute();
    for (const description of ['Værktøj', 'Kørekort', 'Arbejdstøj', 'Cykel', 'Kursus']) {
      await t.services.plans.addSubGoal(support, caseId, { description, longTermGoalId: goalId });
      minute();
    }
    const sixth = await refusal(t.services.plans.addSubGoal(support, caseId, { description: 'Telefon' }));
    expect(sixth).toBeInstanceOf(ValidationFailed);
    expect(asDanish(sixth).message).toBe(
      'Et forløb kan højst have 5 delmål. Et fravalgt delmål tæller ikke med.',
    );

    const active = await t.services.cases.activate(support, caseId, { startDate: '2026-03-02' });
    expect(active.state).toMatchObject({ phase: 'active', startDate: '2026-03-02', durationMonths: 12 });

    const detail = await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    expect(detail).toMatchObject({
      phase: 'active',
      endDate: '2027-03-02',
      daysLeft: 365,
      support: { current: { supportUserId: support.userId, coordinatorUserId: coordinator.userId } },
      conditions: { acknowledgedOn: '2026-03-02', method: 'on_paper', recordedBy: support.name },
      nextStep: 'follow_up',
      citizen: { name: 'Emil Hvid', maskedCpr: expect.stringMatching(/^\d{6}-XXXX$/) as unknown },
    });
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'referred',
      'screening_started',
      'accepted',
      'support_assigned',
      'conditions_acknowledged',
      'plan.dream.update',
      'plan.long_term_goal.create',
      'plan.sub_goal.create',
      'plan.sub_goal.create',
      'plan.sub_goal.create',
      'plan.sub_goal.create',
      'plan.sub_goal.create',
      'activated',
    ]);
    const plan = await t.services.plans.get(support, caseId, 'GET /forloeb/:id/plan');
    expect(plan).toMatchObject({ activeSubGoals: 5, maxSubGoals: 5, editable: true });
    expect(plan.goals[0]?.categories).toEqual(['education_employment', 'independence']);

    const chains = await t.services.system.verifyAuditChains();
    expect(chains.firstBreak).toBeNull();
    const actions = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select('action').where('entity_id', '=', caseId).execute(),
    );
    expect(actions.map((a) => a.action)).toEqual([
      'case.refer',
      'case.startScreening',
      'case.accept',
      'case.assignSupport',
      'case.acknowledgeConditions',
      'case.activate',
    ]);
  });
});

describe('activation', () => {
  it('is refused without a support person, with a clear message, changing nothing', async () => {
    const { caseId } = await caseIn(t, 'screening', { coordinator, support });
    await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
    const before = await snapshot(caseId);
    const error = await refusal(t.services.cases.activate(coordinator, caseId, {}));
    expect(error).toBeInstanceOf(Conflict);
    expect(asDanish(error)).toMatchObject({
      code: 'support_person_missing',
      message: 'Forløbet kan ikke aktiveres, før der er tilknyttet en støtteperson.',
    });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('is refused without the conditions acknowledged, changing nothing', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const before = await snapshot(caseId);
    const error = await refusal(t.services.cases.activate(support, caseId, {}));
    expect(asDanish(error)).toMatchObject({
      code: 'conditions_not_acknowledged',
      message:
        'Forløbet kan ikke aktiveres, før det er registreret, at borgeren har accepteret betingelserne.',
    });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('refuses a start date before the lead-in or in the future, on the field', async () => {
    const { caseId } = await caseIn(t, 'ready', { coordinator, support });
    const early = await refusal(t.services.cases.activate(support, caseId, { startDate: '2026-01-01' }));
    expect(danishFields((early as ValidationFailed).fields)).toMatchObject({
      startDate: 'Datoen kan ikke ligge før indflyvningens start.',
    });
    const future = await refusal(t.services.cases.activate(support, caseId, { startDate: '2026-03-03' }));
    expect(danishFields((future as ValidationFailed).fields)).toMatchObject({
      startDate: 'Datoen kan ikke ligge efter i dag.',
    });
    const bad = await refusal(t.services.cases.activate(support, caseId, { startDate: '2026-02-30' }));
    expect(danishFields((bad as ValidationFailed).fields)).toMatchObject({
      startDate: 'Datoen 2026-02-30 findes ikke: den måned har kun 28 dage.',
    });
  });
});

describe('one open case per citizen and programme', () => {
  it('refuses a second referral while the first is open, and allows one after the close', async () => {
    const citizen = await registerCitizen(t, coordinator);
    const programmeId = await programmeOf(t, coordinator);
    const referral = { citizenId: citizen.id, programmeId, source: 'self', reason: 'Selvhenvendelse.' };
    const first = await t.services.cases.refer(coordinator, referral);
    const again = await refusal(t.services.cases.refer(coordinator, referral));
    expect(asDanish(again)).toMatchObject({
      code: 'case_already_open',
      message: 'Borgeren har allerede et åbent forløb i denne ordning.',
    });
    await t.services.cases.decline(coordinator, first.id, { reason: 'Ønsker ikke at deltage nu.' });
    const second = await t.services.cases.refer(coordinator, referral);
    expect(second.id).not.toBe(first.id);
  });

  it('is also held by the database', async () => {
    const { caseId } = await caseIn(t, 'referred', { coordinator, support });
    const insert = t.database.transaction({ municipalityId: AARHUS }, async (tx) => {
      const row = await tx
        .selectFrom('citizen_case')
        .selectAll()
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      await sql`insert into citizen_case (municipality_id, case_number, programme_id, citizen_id, phase,
        referral_source, referral_reason, referred_on)
        values (${AARHUS}, 99999, ${row.programme_id}, ${row.citizen_id}, 'referred', 'self', 'x', '2026-03-01')`.execute(
        tx,
      );
    });
    await expect(insert).rejects.toMatchObject({ code: '23505' });
  });
});

describe('pauses', () => {
  it('move the end date by the paused days and stop the clock', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const start = await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    expect(start.endDate).toBe('2027-03-02');
    await t.services.cases.pause(support, caseId, { reason: 'Afsoner en kort dom.' });
    t.clock.advance(10 * 86_400_000);
    const paused = await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    expect(paused).toMatchObject({
      phase: 'paused',
      endDate: '2027-03-12',
      daysLeft: 365,
      nextStep: 'resume',
    });
    await t.services.cases.resume(support, caseId, {});
    t.clock.advance(5 * 86_400_000);
    const resumed = await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    expect(resumed).toMatchObject({
      phase: 'active',
      endDate: '2027-03-12',
      daysLeft: 360,
      pauses: [{ from: '2026-03-02', to: '2026-03-12', reason: 'Afsoner en kort dom.' }],
    });
    t.clock.advance(-15 * 86_400_000);
  });

  it('refuse a pause without a reason, and a second pause', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const noReason = await refusal(t.services.cases.pause(support, caseId, { reason: '  ' }));
    expect(danishFields((noReason as ValidationFailed).fields)).toMatchObject({
      reason: 'Angiv en begrundelse.',
    });
    await t.services.cases.pause(support, caseId, { reason: 'Indlagt.' });
    const twice = await refusal(t.services.cases.pause(support, caseId, { reason: 'Igen.' }));
    expect(twice).toMatchObject({ code: 'already_paused' });
  });
});

describe('closing', () => {
  it('completes an active case and terminates a paused one early with a reason', async () => {
    const a = await caseIn(t, 'active', { coordinator, support });
    const done = await t.services.cases.complete(support, a.caseId, {});
    expect(done.state).toMatchObject({ phase: 'closed', outcome: 'completed', closedOn: '2026-03-02' });
    const b = await caseIn(t, 'paused', { coordinator, support });
    const noReason = await refusal(t.services.cases.terminate(support, b.caseId, {}));
    expect(noReason).toBeInstanceOf(ValidationFailed);
    const ended = await t.services.cases.terminate(support, b.caseId, { reason: 'Flyttet fra kommunen.' });
    expect(ended.state).toMatchObject({
      phase: 'closed',
      outcome: 'terminated_early',
      reason: 'Flyttet fra kommunen.',
    });
    const closed = await refusal(t.services.cases.pause(support, b.caseId, { reason: 'x' }));
    expect(asDanish(closed)).toMatchObject({
      code: 'case_closed',
      message: 'Forløbet er lukket og kan ikke ændres.',
    });
    const plan = await refusal(t.services.plans.addIdea(support, b.caseId, { text: 'x' }));
    expect(plan).toMatchObject({ code: 'case_closed' });
  });

  it('refuses steps out of order with the state machine message', async () => {
    const { caseId } = await caseIn(t, 'referred', { coordinator, support });
    const accept = await refusal(t.services.cases.accept(coordinator, caseId, { reason: 'x' }));
    expect(asDanish(accept)).toMatchObject({
      code: 'not_screening',
      message: 'Borgeren kan kun optages i ordningen under visitationen.',
    });
    const complete = await refusal(t.services.cases.complete(coordinator, caseId, {}));
    expect(complete).toMatchObject({ code: 'not_started' });
  });
});

describe('support assignment', () => {
  it('keeps the history and needs a reason for a change', async () => {
    const other = await staff(t, AARHUS, 'stotteperson2');
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const noReason = await refusal(
      t.services.cases.assignSupport(coordinator, caseId, { supportUserId: other.userId }),
    );
    expect(danishFields((noReason as ValidationFailed).fields)).toMatchObject({
      reason: 'Skriv hvorfor støttepersonen skiftes.',
    });
    await t.services.cases.assignSupport(coordinator, caseId, {
      supportUserId: other.userId,
      reason: 'Borgeren har bedt om en anden støtteperson.',
    });
    const detail = await t.services.cases.detail(coordinator, caseId, 'GET /forloeb/:id');
    expect(detail.support.current).toMatchObject({ supportUserId: other.userId, to: null });
    expect(detail.support.history).toMatchObject([
      { supportUserId: support.userId, to: '2026-03-02', reason: null },
      { supportUserId: other.userId, to: null, reason: 'Borgeren har bedt om en anden støtteperson.' },
    ]);
    const current = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('support_assignment')
        .select('id')
        .where('case_id', '=', caseId)
        .where('ended_at', 'is', null)
        .execute(),
    );
    expect(current).toHaveLength(1);
  });

  it('only assigns an active support person of the municipality', async () => {
    const finance = await staff(t, AARHUS, 'okonomi');
    const { caseId } = await caseIn(t, 'screening', { coordinator, support });
    const wrong = await refusal(
      t.services.cases.assignSupport(coordinator, caseId, { supportUserId: finance.userId }),
    );
    expect(danishFields((wrong as ValidationFailed).fields)).toMatchObject({
      supportUserId: 'Vælg en aktiv støtteperson fra kommunen.',
    });
  });
});

describe('the intake baseline', () => {
  it('is kept only with consent, and the audit names the fields, not the answers', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const noConsent = await refusal(
      t.services.cases.updateIntake(support, caseId, { targetGroups: ['substance_abuse'] }),
    );
    expect(danishFields((noConsent as ValidationFailed).fields)).toMatchObject({
      baselineConsent: 'Oplysningerne kan kun gemmes, hvis borgeren har givet samtykke.',
    });
    await t.services.cases.updateIntake(support, caseId, {
      baselineConsent: 'on',
      targetGroups: ['substance_abuse', 'homelessness'],
      incomeSource: 'cash_benefit',
      highestEducation: '',
    });
    const detail = await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    expect(detail.intake).toEqual({
      baselineConsent: true,
      targetGroups: ['homelessness', 'substance_abuse'],
      incomeSource: 'cash_benefit',
      highestEducation: null,
    });
    const audit = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select('after')
        .where('action', '=', 'case.updateIntake')
        .where('entity_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    );
    expect(JSON.stringify(audit.after)).not.toContain('substance_abuse');
  });
});
