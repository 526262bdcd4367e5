import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, evaluator, KOLDING, programmeOf, staff } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Who may see and change a case (spec: Case assignment; spec: Authorisation): the coordinator all of the
// municipality's cases, the support person only those where they are the current support person; finance,
// admin, the evaluator and other municipalities never — and a refusal is NotFound, exactly like a case that
// does not exist.

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let otherSupport: Actor;
let outsiders: Record<string, Actor>;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  otherSupport = await staff(t, AARHUS, 'stotteperson2');
  outsiders = {
    'finance (same municipality)': await staff(t, AARHUS, 'okonomi'),
    'admin (same municipality)': await staff(t, AARHUS, 'admin'),
    evaluator: await evaluator(t),
    "another municipality's coordinator": await staff(t, KOLDING, 'koordinator'),
    "another municipality's support person": await staff(t, KOLDING, 'stotteperson'),
    'a support person not assigned': otherSupport,
  };
});
afterAll(() => t.close());

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof NotFound) return 'not_found';
    return (error as { code?: string }).code ?? String(error);
  }
}

function countRows() {
  return t.database.transaction('all', async (tx) => {
    const { rows } = await sql<{ audit: number; access: number; events: number; revisions: number }>`
      select (select count(*) from audit_event) as audit, (select count(*) from access_log) as access,
             (select count(*) from case_event) as events, (select count(*) from plan_revision) as revisions`.execute(
      tx,
    );
    return rows[0];
  });
}

/** Every case-bound operation of the services, with input that would be valid for the coordinator. */
function operations(caseId: string, citizenId: string, ids: { goal: string; subGoal: string; idea: string }) {
  const s = t.services;
  const purpose = 'GET /test';
  return {
    'cases.detail': (a: Actor) => s.cases.detail(a, caseId, purpose),
    'cases.conditions': (a: Actor) => s.cases.conditions(a, caseId, purpose),
    'cases.startScreening': (a: Actor) => s.cases.startScreening(a, caseId),
    'cases.accept': (a: Actor) => s.cases.accept(a, caseId, { reason: 'x' }),
    'cases.decline': (a: Actor) => s.cases.decline(a, caseId, { reason: 'x' }),
    'cases.activate': (a: Actor) => s.cases.activate(a, caseId, {}),
    'cases.pause': (a: Actor) => s.cases.pause(a, caseId, { reason: 'x' }),
    'cases.resume': (a: Actor) => s.cases.resume(a, caseId, {}),
    'cases.complete': (a: Actor) => s.cases.complete(a, caseId, {}),
    'cases.terminate': (a: Actor) => s.cases.terminate(a, caseId, { reason: 'x' }),
    'cases.assignSupport': (a: Actor) => s.cases.assignSupport(a, caseId, { supportUserId: support.userId }),
    'cases.acknowledgeConditions': (a: Actor) =>
      s.cases.acknowledgeConditions(a, caseId, { method: 'in_person' }),
    'cases.updateIntake': (a: Actor) => s.cases.updateIntake(a, caseId, { baselineConsent: true }),
    'cases.updateReferral': (a: Actor) => s.cases.updateReferral(a, caseId, { source: 'self', reason: 'y' }),
    'plans.get': (a: Actor) => s.plans.get(a, caseId, purpose),
    'plans.history': (a: Actor) => s.plans.history(a, caseId, purpose),
    'plans.setDream': (a: Actor) => s.plans.setDream(a, caseId, { dream: 'Ny drøm' }),
    'plans.addGoal': (a: Actor) => s.plans.addGoal(a, caseId, { description: 'x', categories: ['health'] }),
    'plans.updateGoal': (a: Actor) =>
      s.plans.updateGoal(a, caseId, ids.goal, { description: 'y', categories: ['health'] }),
    'plans.removeGoal': (a: Actor) => s.plans.removeGoal(a, caseId, ids.goal),
    'plans.addSubGoal': (a: Actor) => s.plans.addSubGoal(a, caseId, { description: 'x' }),
    'plans.updateSubGoal': (a: Actor) => s.plans.updateSubGoal(a, caseId, ids.subGoal, { description: 'y' }),
    'plans.addActivity': (a: Actor) => s.plans.addActivity(a, caseId, ids.subGoal, { description: 'x' }),
    'plans.updateActivity': (a: Actor) =>
      s.plans.updateActivity(a, caseId, ids.subGoal, { description: 'y' }),
    'plans.removeActivity': (a: Actor) => s.plans.removeActivity(a, caseId, ids.subGoal),
    'plans.addIdea': (a: Actor) => s.plans.addIdea(a, caseId, { text: 'x' }),
    'plans.updateIdea': (a: Actor) => s.plans.updateIdea(a, caseId, ids.idea, { text: 'y' }),
    'plans.removeIdea': (a: Actor) => s.plans.removeIdea(a, caseId, ids.idea),
    'notes.add': (a: Actor) => s.notes.add(a, caseId, { body: 'x' }),
    'notes.list': (a: Actor) => s.notes.list(a, caseId, purpose),
    'citizens.get': (a: Actor) => s.citizens.get(a, citizenId, purpose),
    'citizens.update': (a: Actor) => s.citizens.update(a, citizenId, { name: 'Nyt Navn' }),
    'citizens.revealCpr': (a: Actor) => s.citizens.revealCpr(a, citizenId, purpose),
  };
}

// Operations that are not about one case: the lists, registration, search and referral
// (supportPersons is tested in case-support-persons.test.ts).
const NOT_CASE_BOUND = [
  'cases.refer',
  'cases.caseload',
  'cases.overview',
  'cases.supportPersons',
  'citizens.register',
  'citizens.findByCpr',
];

describe('the access matrix for one case', () => {
  it('covers every method of the case, plan, note and citizen services', () => {
    const ops = operations('c', 'z', { goal: 'g', subGoal: 's', idea: 'i' });
    const methods = (['cases', 'plans', 'notes', 'citizens'] as const).flatMap((name) =>
      Object.keys(t.services[name]).map((m) => `${name}.${m}`),
    );
    expect(methods.filter((m) => !(m in ops) && !NOT_CASE_BOUND.includes(m))).toEqual([]);
  });

  it('answers NotFound to every outsider on every read and write, and changes nothing', async () => {
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    const goal = await t.services.plans.addGoal(support, caseId, {
      description: 'Mål',
      categories: ['health'],
    });
    const subGoal = await t.services.plans.addSubGoal(support, caseId, { description: 'Delmål' });
    const idea = await t.services.plans.addIdea(support, caseId, { text: 'Idé' });
    const ops = operations(caseId, citizenId, { goal, subGoal, idea });
    const before = await countRows();
    const results: Record<string, string> = {};
    for (const [who, actor] of Object.entries(outsiders)) {
      for (const [name, op] of Object.entries(ops))
        results[`${who}: ${name}`] = await outcome(() => op(actor));
    }
    const allowed = Object.entries(results).filter(([, r]) => r !== 'not_found');
    expect(allowed).toEqual([]);
    expect(await countRows()).toEqual(before);
    // The same calls work for those who may make them: the matrix is not refusing everyone.
    for (const name of [
      'cases.detail',
      'plans.get',
      'notes.list',
      'plans.updateIdea',
      'citizens.get',
    ] as const) {
      expect([name, await outcome(() => ops[name](support))]).toEqual([name, 'ok']);
      expect([name, await outcome(() => ops[name](coordinator))]).toEqual([name, 'ok']);
    }
  });

  it('answers an unknown or malformed id exactly like a refusal', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      expect(await outcome(() => t.services.cases.detail(coordinator, id, 'GET /test'))).toBe('not_found');
      expect(await outcome(() => t.services.plans.addIdea(support, id, { text: 'x' }))).toBe('not_found');
    }
  });

  it('keeps the lists and referral to the roles that may use them', async () => {
    const programmeId = await programmeOf(t, coordinator);
    for (const [who, actor] of Object.entries(outsiders)) {
      const role = actor.role;
      const caseload = await outcome(() => t.services.cases.caseload(actor, {}, 'GET /test'));
      expect([who, caseload]).toEqual([
        who,
        role === 'support' || role === 'coordinator' ? 'ok' : 'not_found',
      ]);
      const overview = await outcome(() => t.services.cases.overview(actor, {}, 'GET /test'));
      expect([who, overview]).toEqual([who, role === 'coordinator' ? 'ok' : 'not_found']);
    }
    // Another municipality's coordinator cannot refer our citizen: the same answer as an unknown one.
    const { citizenId } = await caseIn(t, 'referred', { coordinator, support });
    const kolding = outsiders["another municipality's coordinator"] as Actor;
    const referral = { programmeId, source: 'self', reason: 'x' };
    const theirs = await t.services.cases.refer(kolding, { ...referral, citizenId }).catch((e: unknown) => e);
    const unknown = await t.services.cases
      .refer(kolding, { ...referral, citizenId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect(theirs).toBeInstanceOf(ValidationFailed);
    expect(theirs).toEqual(unknown);
  });
});

describe('a change of support person', () => {
  it('moves the access at once: the previous one gets NotFound, the new one the case', async () => {
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    expect(await outcome(() => t.services.cases.detail(support, caseId, 'GET /test'))).toBe('ok');
    expect(await outcome(() => t.services.cases.detail(otherSupport, caseId, 'GET /test'))).toBe('not_found');
    expect((await t.services.cases.caseload(support, {}, 'GET /test')).items.map((c) => c.id)).toContain(
      caseId,
    );

    await t.services.cases.assignSupport(coordinator, caseId, {
      supportUserId: otherSupport.userId,
      reason: 'Borgeren ønskede en anden støtteperson.',
    });

    const ops = operations(caseId, citizenId, { goal: 'g', subGoal: 's', idea: 'i' });
    for (const name of [
      'cases.detail',
      'plans.get',
      'notes.list',
      'plans.addIdea',
      'cases.pause',
      'citizens.get',
    ] as const) {
      expect([name, await outcome(() => ops[name](support))]).toEqual([name, 'not_found']);
    }
    expect((await t.services.cases.caseload(support, {}, 'GET /test')).items.map((c) => c.id)).not.toContain(
      caseId,
    );
    const detail = await t.services.cases.detail(otherSupport, caseId, 'GET /test');
    expect(detail.support.current?.supportUserId).toBe(otherSupport.userId);
    expect((await t.services.cases.caseload(otherSupport, {}, 'GET /test')).items.map((c) => c.id)).toContain(
      caseId,
    );
    await t.services.notes.add(otherSupport, caseId, { body: 'Første møde med den nye støtteperson.' });
  });
});

describe('the access log', () => {
  it('records every staff read: who, role, which case and citizen, and the purpose', async () => {
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    const log = () =>
      t.database.transaction('all', (tx) =>
        tx
          .selectFrom('access_log')
          .select(['user_id', 'user_role', 'subject_type', 'subject_id', 'case_id', 'citizen_id', 'purpose'])
          .where('citizen_id', '=', citizenId)
          .orderBy('id')
          .execute(),
      );
    const before = (await log()).length;
    await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
    await t.services.plans.get(support, caseId, 'GET /forloeb/:id/plan');
    await t.services.notes.list(coordinator, caseId, 'GET /api/v1/cases/:id/notes');
    await t.services.cases.caseload(support, {}, 'GET /mine-forloeb');
    await t.services.citizens.revealCpr(coordinator, citizenId, 'GET /borgere/:id/cpr');
    await outcome(() => t.services.cases.detail(otherSupport, caseId, 'GET /forloeb/:id'));
    const rows = (await log()).slice(before);
    expect(rows).toEqual([
      {
        user_id: support.userId,
        user_role: 'support',
        subject_type: 'case',
        subject_id: caseId,
        case_id: caseId,
        citizen_id: citizenId,
        purpose: 'GET /forloeb/:id',
      },
      {
        user_id: support.userId,
        user_role: 'support',
        subject_type: 'case',
        subject_id: caseId,
        case_id: caseId,
        citizen_id: citizenId,
        purpose: 'GET /forloeb/:id/plan',
      },
      {
        user_id: coordinator.userId,
        user_role: 'coordinator',
        subject_type: 'case',
        subject_id: caseId,
        case_id: caseId,
        citizen_id: citizenId,
        purpose: 'GET /api/v1/cases/:id/notes',
      },
      {
        user_id: support.userId,
        user_role: 'support',
        subject_type: 'case',
        subject_id: caseId,
        case_id: caseId,
        citizen_id: citizenId,
        purpose: 'GET /mine-forloeb',
      },
      {
        user_id: coordinator.userId,
        user_role: 'coordinator',
        subject_type: 'citizen',
        subject_id: citizenId,
        case_id: null,
        citizen_id: citizenId,
        purpose: 'GET /borgere/:id/cpr',
      },
    ]);
  });

  it('refuses a purpose that could carry personal data', async () => {
    const { caseId } = await caseIn(t, 'referred', { coordinator, support });
    await expect(t.services.cases.detail(coordinator, caseId, 'GET /borgere/0101901234')).rejects.toThrow(
      /route pattern/,
    );
  });

  it('cannot be changed afterwards', async () => {
    const update = t.database.transaction('all', (tx) =>
      sql`update access_log set purpose = 'x'`.execute(tx),
    );
    await expect(update).rejects.toThrow(/append-only/);
  });
});

describe('row-level security alone', () => {
  it("hides another municipality's cases and their parts from a query without WHERE", async () => {
    await caseIn(t, 'active', { coordinator, support });
    const tables = [
      'citizen',
      'citizen_case',
      'case_event',
      'case_pause',
      'support_assignment',
      'conditions_acknowledgement',
      'long_term_goal',
      'sub_goal',
      'planned_activity',
      'idea',
      'plan_revision',
      'follow_up_note',
      'case_counter',
    ];
    for (const table of tables) {
      const all = await t.database.transaction('all', (tx) =>
        sql<{ municipality_id: number }>`select municipality_id from ${sql.table(table)}`.execute(tx),
      );
      const scoped = await t.database.transaction({ municipalityId: KOLDING }, (tx) =>
        sql<{ municipality_id: number }>`select municipality_id from ${sql.table(table)}`.execute(tx),
      );
      expect([table, all.rows.some((r) => r.municipality_id === AARHUS)]).toEqual([table, true]);
      expect([table, scoped.rows.filter((r) => r.municipality_id !== KOLDING)]).toEqual([table, []]);
      const unscoped = await t.database.transaction({ municipalityId: 999 }, (tx) =>
        sql`select 1 from ${sql.table(table)}`.execute(tx),
      );
      expect([table, unscoped.rows]).toEqual([table, []]);
    }
  });

  it("refuses to write a row into another municipality's scope", async () => {
    const insert = t.database.transaction({ municipalityId: KOLDING }, (tx) =>
      sql`insert into case_counter (municipality_id, last_number) values (${AARHUS}, 1)`.execute(tx),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });
});
