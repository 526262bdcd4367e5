import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, type FieldErrors } from '../../src/domain/errors.ts';
import { danishFields } from '../setup/messages.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, evaluator, HALSNAES, staff } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Questionnaires (spec: Questionnaires) through the service: saved part-way and completed
// later; a bad answer refused item by item with nothing changed; the support person answers their own
// and enters the citizen's on the citizen's behalf, the coordinator reads, nobody else sees anything;
// every save audited (counts, never the answers), every staff read in the access log.

const DAY = 24 * 60 * 60 * 1000;

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let otherSupport: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  otherSupport = await staff(t, AARHUS, 'stotteperson2');
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

async function failure(call: () => Promise<unknown>): Promise<{ code: string; fields: FieldErrors }> {
  try {
    await call();
  } catch (error) {
    return error as { code: string; fields: FieldErrors };
  }
  throw new Error('expected a failure');
}

function rowOf(caseId: string, instrument: string) {
  return t.database.transaction('all', (tx) =>
    tx
      .selectFrom('questionnaire_response')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('instrument', '=', instrument as 'citizen_start')
      .executeTakeFirst(),
  );
}

const REST_OF_START = { goal_categories: ['housing', 'social_relations'], who5_2: 0, who5_3: 5 };
const WHO5_END = { who5_4: 2, who5_5: 1 };

describe('saving a questionnaire', () => {
  it('saves part-way on the citizen’s behalf, keeps what is missing missing, and completes later', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const purpose = 'PUT /test';
    const first = await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { distance: 'far', who5_1: 3 } },
      purpose,
    );
    expect(first).toMatchObject({
      instrument: 'citizen_start',
      version: 1,
      status: 'due',
      entry: 'on_behalf',
      onBehalf: true,
      completedAt: null,
      answers: { distance: 'far', who5_1: 3 },
      missing: ['goal_categories', 'who5_2', 'who5_3', 'who5_4', 'who5_5'],
      answeredOn: '2026-03-02',
    });
    const stored = await rowOf(caseId, 'citizen_start');
    expect(stored).toMatchObject({
      answers: { distance: 'far', who5_1: 3 },
      on_behalf: true,
      completed_at: null,
    });
    expect(stored?.saved_by).toBe(support.userId);

    const done = await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { ...REST_OF_START, ...WHO5_END }, complete: true },
      purpose,
    );
    expect(done.status).toBe('done');
    expect(done.missing).toEqual([]);
    expect(done.answers).toEqual({
      distance: 'far',
      goal_categories: ['housing', 'social_relations'],
      who5_1: 3,
      who5_2: 0,
      who5_3: 5,
      who5_4: 2,
      who5_5: 1,
    });
    expect(done.completedAt).toEqual(t.clock.now());

    const list = await t.services.questionnaires.list(coordinator, caseId, 'GET /test');
    expect(list.questionnaires.map((q) => [q.instrument, q.status, q.entry])).toEqual([
      ['citizen_start', 'done', null],
      ['support_start', 'due', null],
      ['citizen_end', 'not_due', null],
      ['support_end', 'not_due', null],
    ]);
    // Cleared on purpose: null takes an answer away, and saving part-way reopens it.
    const reopened = await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { who5_5: null } },
      purpose,
    );
    expect(reopened).toMatchObject({ status: 'due', completedAt: null, missing: ['who5_5'] });
  });

  it('lets the support person answer their own questionnaire as themselves', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const view = await t.services.questionnaires.save(
      support,
      caseId,
      'support_start',
      { answers: { belief: 'high' }, complete: true },
      'PUT /test',
    );
    expect(view).toMatchObject({ entry: 'self', onBehalf: false, status: 'done' });
    expect(await rowOf(caseId, 'support_start')).toMatchObject({ on_behalf: false });
  });

  it('refuses bad answers with one Danish message per item, and changes nothing', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const save = (answers: Record<string, unknown>, complete = false) =>
      t.services.questionnaires.save(support, caseId, 'citizen_start', { answers, complete }, 'PUT /test');
    await save({ distance: 'close' });
    const before = await rowOf(caseId, 'citizen_start');
    const audits = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select('seq').where('action', '=', 'questionnaire.save').execute(),
    );

    const bad = await failure(() =>
      save({ distance: 'achieved', who5_1: 6, who5_2: '3', goal_categories: ['pets'], mood: 'good' }),
    );
    expect(bad.code).toBe('validation_failed');
    expect(danishFields(bad.fields)).toEqual({
      'answers.distance':
        '"achieved" er ikke et muligt svar på "Afstand til målet". Vælg mellem: Meget langt fra, Langt fra, Et stykke vej, Tæt på.',
      'answers.who5_1': 'Svaret på "Trivsel (WHO-5), udsagn 1" skal være et helt tal fra 0 til 5, ikke 6.',
      'answers.who5_2': 'Svaret på "Trivsel (WHO-5), udsagn 2" skal være et helt tal fra 0 til 5.',
      'answers.goal_categories': expect.stringMatching(
        /^"pets" er ikke et muligt svar på "Målkategorier"/,
      ) as string,
      'answers.mood': 'Spørgsmålet "mood" findes ikke i "Borgerens spørgeskema ved start" (version 1).',
    });

    const incomplete = await failure(() => save({ who5_1: 4 }, true));
    expect(danishFields(incomplete.fields)).toEqual({
      'answers.goal_categories': 'Besvar "Målkategorier" for at gemme spørgeskemaet som færdigt.',
      'answers.who5_2': 'Besvar "Trivsel (WHO-5), udsagn 2" for at gemme spørgeskemaet som færdigt.',
      'answers.who5_3': 'Besvar "Trivsel (WHO-5), udsagn 3" for at gemme spørgeskemaet som færdigt.',
      'answers.who5_4': 'Besvar "Trivsel (WHO-5), udsagn 4" for at gemme spørgeskemaet som færdigt.',
      'answers.who5_5': 'Besvar "Trivsel (WHO-5), udsagn 5" for at gemme spørgeskemaet som færdigt.',
    });
    const future = await failure(() =>
      t.services.questionnaires.save(
        support,
        caseId,
        'citizen_start',
        { answers: { who5_1: 1 }, answeredOn: '2026-03-03' },
        'PUT /test',
      ),
    );
    expect(danishFields(future.fields)).toEqual({ answeredOn: 'Datoen kan ikke ligge efter i dag.' });

    expect(await rowOf(caseId, 'citizen_start')).toEqual(before);
    const auditsAfter = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select('seq').where('action', '=', 'questionnaire.save').execute(),
    );
    expect(auditsAfter.length).toBe(audits.length);
  });

  it('refuses a first save with no answers at all, so no empty answer set is ever stored', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const empty = await failure(() =>
      t.services.questionnaires.save(support, caseId, 'support_start', { answers: {} }, 'PUT /test'),
    );
    expect(danishFields(empty.fields)).toEqual({ _form: 'Besvar mindst ét spørgsmål, før du gemmer.' });
    expect(await rowOf(caseId, 'support_start')).toBeUndefined();
  });

  it('is not possible before the start, nor the end questionnaire before the last month', async () => {
    const lead = await caseIn(t, 'lead_in', { coordinator, support });
    const listed = await t.services.questionnaires.list(support, lead.caseId, 'GET /test');
    expect(listed.questionnaires.every((q) => q.status === 'not_due' && !q.canAnswer)).toBe(true);
    const answers = { answers: { belief: 'high' } };
    expect(
      await outcome(() =>
        t.services.questionnaires.save(support, lead.caseId, 'support_start', answers, 'x'),
      ),
    ).toBe('not_started');
    const active = await caseIn(t, 'active', { coordinator, support });
    expect(
      await outcome(() =>
        t.services.questionnaires.save(
          support,
          active.caseId,
          'support_end',
          { answers: { assessment: 'high' } },
          'x',
        ),
      ),
    ).toBe('not_due');
  });
});

describe('who may do what', () => {
  it('lets the coordinator read, and answers everyone else "not found", exactly like a missing case', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const other = await caseIn(t, 'active', {
      coordinator: await staff(t, HALSNAES, 'koordinator'),
      support: await staff(t, HALSNAES, 'stotteperson'),
    });
    const actors: Record<string, Actor> = {
      coordinator,
      'support, not assigned': otherSupport,
      finance: await staff(t, AARHUS, 'okonomi'),
      admin: await staff(t, AARHUS, 'admin'),
      evaluator: await evaluator(t),
      "other municipality's coordinator": await staff(t, HALSNAES, 'koordinator'),
    };
    const results: Record<string, string[]> = {};
    const answers = { answers: { distance: 'far' } };
    for (const [who, actor] of Object.entries(actors)) {
      results[who] = [
        await outcome(() => t.services.questionnaires.list(actor, caseId, 'GET /test')),
        await outcome(() => t.services.questionnaires.get(actor, caseId, 'citizen_start', 'GET /test')),
        await outcome(() => t.services.questionnaires.save(actor, caseId, 'citizen_start', answers, 'x')),
        await outcome(() => t.services.questionnaires.save(actor, caseId, 'support_start', answers, 'x')),
      ];
    }
    expect(results).toEqual({
      coordinator: ['ok', 'ok', 'not_found', 'not_found'],
      'support, not assigned': ['not_found', 'not_found', 'not_found', 'not_found'],
      finance: ['not_found', 'not_found', 'not_found', 'not_found'],
      admin: ['not_found', 'not_found', 'not_found', 'not_found'],
      evaluator: ['not_found', 'not_found', 'not_found', 'not_found'],
      "other municipality's coordinator": ['not_found', 'not_found', 'not_found', 'not_found'],
    });
    // The assigned support person of another municipality's case, and unknown ids and instruments.
    expect(await outcome(() => t.services.questionnaires.list(support, other.caseId, 'GET /test'))).toBe(
      'not_found',
    );
    expect(
      await outcome(() => t.services.questionnaires.get(support, caseId, 'support_middle', 'GET /test')),
    ).toBe('not_found');
    expect(
      await outcome(() =>
        t.services.questionnaires.list(support, '00000000-0000-4000-8000-000000000000', 'GET /test'),
      ),
    ).toBe('not_found');
    expect(await rowOf(caseId, 'citizen_start')).toBeUndefined();
  });

  it('is ready for the citizen portal: a citizen sees and answers only their own, as themselves', async () => {
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    const citizen = await portalActor(citizenId);
    const own = await t.services.questionnaires.list(citizen, caseId, 'GET /mit-forloeb/spoergeskemaer');
    expect(own.questionnaires.map((q) => [q.instrument, q.entry])).toEqual([
      ['citizen_start', 'self'],
      ['citizen_end', 'self'],
    ]);
    const view = await t.services.questionnaires.save(
      citizen,
      caseId,
      'citizen_start',
      { answers: { distance: 'some_way' } },
      'PUT /mit-forloeb',
    );
    expect(view).toMatchObject({ onBehalf: false, entry: 'self' });
    const refused = { answers: { belief: 'high' } };
    expect(
      await outcome(() => t.services.questionnaires.save(citizen, caseId, 'support_start', refused, 'x')),
    ).toBe('not_found');
    expect(await outcome(() => t.services.questionnaires.get(citizen, caseId, 'support_start', 'x'))).toBe(
      'not_found',
    );
    // The citizen's own reading is not in the access log (spec: Access log).
    const logged = await t.database.transaction('all', (tx) =>
      tx.selectFrom('access_log').select('user_role').where('case_id', '=', caseId).execute(),
    );
    expect(logged).toEqual([]);
  });
});

describe('the audit log and the access log', () => {
  it('audit every save with counts but never the answers, and log every staff read', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const purpose = 'PUT /api/v1/cases/{id}/questionnaires/{instrument}';
    await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { distance: 'very_far', who5_1: 2 } },
      purpose,
    );
    const saved = await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { ...REST_OF_START, ...WHO5_END }, complete: true },
      purpose,
    );
    await t.services.questionnaires.list(coordinator, caseId, 'GET /forloeb/:id');
    const id = (await rowOf(caseId, 'citizen_start'))?.id ?? '';
    const audit = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id', 'entity_type', 'before', 'after'])
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute(),
    );
    const counts = { onBehalf: true, answeredOn: '2026-03-02' };
    expect(audit).toEqual([
      {
        action: 'questionnaire.save',
        actor_user_id: support.userId,
        entity_type: 'questionnaire_response',
        before: null,
        after: {
          caseId,
          instrument: 'citizen_start',
          version: 1,
          answered: 2,
          missing: 5,
          complete: false,
          ...counts,
        },
      },
      {
        action: 'questionnaire.save',
        actor_user_id: support.userId,
        entity_type: 'questionnaire_response',
        before: { answered: 2, missing: 5, complete: false, ...counts },
        after: {
          caseId,
          instrument: 'citizen_start',
          version: 1,
          answered: 7,
          missing: 0,
          complete: true,
          ...counts,
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/very_far|housing|social_relations/);
    expect(saved.status).toBe('done');
    const logged = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_role', 'purpose'])
        .where('case_id', '=', caseId)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute(),
    );
    expect(logged).toEqual([
      { user_role: 'support', purpose },
      { user_role: 'support', purpose },
      { user_role: 'coordinator', purpose: 'GET /forloeb/:id' },
    ]);
  });
});

describe('due and overdue', () => {
  it('marks start questionnaires overdue after a month, end ones in the last month, in the overview', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.questionnaires.save(
      support,
      caseId,
      'support_start',
      { answers: { belief: 'partly' }, complete: true },
      'x',
    );
    t.clock.advance(31 * DAY);
    const overview = await t.services.cases.overview(coordinator, {}, 'GET /forloeb/oversigt');
    expect(overview.items.find((i) => i.id === caseId)?.overdueQuestionnaires).toEqual(['citizen_start']);
    // Eleven months on, the end questionnaires are due and can be answered.
    t.clock.advance(305 * DAY);
    const list = await t.services.questionnaires.list(support, caseId, 'GET /test');
    expect(list.questionnaires.map((q) => [q.instrument, q.status, q.canAnswer])).toEqual([
      ['citizen_start', 'overdue', true],
      ['support_start', 'done', true],
      ['citizen_end', 'due', true],
      ['support_end', 'due', true],
    ]);
    const end = await t.services.questionnaires.save(
      support,
      caseId,
      'support_end',
      { answers: { assessment: 'high' }, complete: true },
      'x',
    );
    expect(end.status).toBe('done');
  });
});

let portalUsers = 0;

/** The citizen's own portal log-in, made directly in the database: a citizen user linked to them. */
async function portalActor(citizenId: string): Promise<Actor> {
  const n = ++portalUsers;
  const user = await t.database.transaction('all', async (tx) => {
    const row = await tx
      .insertInto('app_user')
      .values({
        municipality_id: AARHUS,
        email: `spoergeskema${n}@borger.example`,
        name: 'Borger',
        role: 'citizen',
        password_hash: null,
        reset_code_hash: null,
        reset_code_expires_at: null,
        deactivated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('citizen').set({ user_id: row.id }).where('id', '=', citizenId).execute();
    return row;
  });
  return {
    userId: user.id,
    role: 'citizen',
    municipalityId: AARHUS,
    municipalityName: 'Aarhus Kommune',
    name: 'Borger',
    email: `spoergeskema${n}@borger.example`,
  };
}

describe('closing', () => {
  it('opens the end questionnaires at closing, also for a case terminated early', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const end = { answers: { distance: 'far', quality_of_life: 2 } };
    const save = () => t.services.questionnaires.save(support, caseId, 'citizen_end', end, 'x');
    expect(await outcome(save)).toBe('not_due');
    await t.services.cases.terminate(support, caseId, { reason: 'Flyttet fra kommunen.' });
    const list = await t.services.questionnaires.list(support, caseId, 'GET /test');
    expect(list.questionnaires.map((q) => [q.instrument, q.status])).toEqual([
      ['citizen_start', 'due'],
      ['support_start', 'due'],
      ['citizen_end', 'due'],
      ['support_end', 'due'],
    ]);
    expect(await save()).toMatchObject({
      status: 'due',
      onBehalf: true,
      missing: expect.any(Array) as unknown,
    });
    t.clock.advance(DAY);
    expect(
      (await t.services.questionnaires.list(support, caseId, 'GET /test')).questionnaires[2],
    ).toMatchObject({
      instrument: 'citizen_end',
      status: 'overdue',
      canAnswer: true,
    });
  });
});

describe('the demo data', () => {
  it('has start questionnaires for the started cases and end ones for the closed, a few part-way', async () => {
    const rows = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('questionnaire_response as q')
        .innerJoin('citizen_case as c', 'c.id', 'q.case_id')
        .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
        .select(['z.name', 'q.instrument', 'q.answers', 'q.on_behalf', 'q.completed_at', 'q.answered_on'])
        .where('q.saved_by', 'is not', null)
        .where('z.name', 'in', ['Birgitte Krogh', 'Kasper Dahl', 'Jonas Mølgaard', 'Peter Vestergaard'])
        .execute(),
    );
    const birgitte = (i: string) => rows.find((r) => r.name === 'Birgitte Krogh' && r.instrument === i);
    const score = (a: Record<string, unknown> | undefined) =>
      ['who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5'].reduce((s, k) => s + Number(a?.[k]), 0) * 4;
    expect(score(birgitte('citizen_start')?.answers)).toBe(28);
    expect(score(birgitte('citizen_end')?.answers)).toBe(52);
    expect(birgitte('citizen_end')).toMatchObject({ on_behalf: true, answers: { distance: 'close' } });
    expect(birgitte('support_end')).toMatchObject({ on_behalf: false, answers: { assessment: 'high' } });
    const partway = rows.filter((r) => r.completed_at === null).map((r) => `${r.name}: ${r.instrument}`);
    expect(partway.sort()).toEqual(expect.arrayContaining(['Kasper Dahl: citizen_end']));
    const counts = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('questionnaire_response')
        .select(['instrument', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('instrument')
        .orderBy('instrument')
        .execute(),
    );
    expect(Object.fromEntries(counts.map((c) => [c.instrument, c.n > 0]))).toEqual({
      citizen_end: true,
      citizen_start: true,
      support_end: true,
      support_start: true,
    });
  });
});
