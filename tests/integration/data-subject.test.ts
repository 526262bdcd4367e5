import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import type { FullCopy } from '../../src/services/privacy/data-subject-copy.ts';
import { citizenSession } from '../factories/citizen-factory.ts';
import {
  AARHUS,
  caseIn,
  HALSNAES,
  programmeOf,
  registerCitizen,
  staff,
  testCpr,
} from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { asDanish, danish, danishFields } from '../setup/messages.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { readability } from '../support/lix.ts';

// The citizen's requests about their data (spec: Data-subject requests): the full copy with everything
// the self-service withholds, restriction that makes the case read-only everywhere, erasure where the
// programme's legal basis allows it, and the citizen seeing what they asked for. Through the services
// and through the pages, on PGlite and PostgreSQL alike.

let t: TestContext;
let web: TestApp;
let coordinator: Actor;
let support: Actor;
let coordinatorPage: Browser;

const PURPOSE = 'POST /forloeb/:id/persondata/kopi';

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  coordinatorPage = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
});
afterAll(() => t.close());

/** The case's rows that a request writes or changes, to show that a refused one changed nothing. */
async function stateOf(caseId: string) {
  return t.database.transaction({ municipalityId: AARHUS }, async (tx) => ({
    requests: await tx
      .selectFrom('data_subject_request')
      .select(['kind', 'note', 'handled_by'])
      .where('case_id', '=', caseId)
      .orderBy('handled_at')
      .execute(),
    case: await tx
      .selectFrom('citizen_case')
      .select(['restriction_reason', 'restricted_since', 'legal_hold_reason', 'anonymised_at', 'phase'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow(),
  }));
}

async function auditOf(caseId: string) {
  return t.database.transaction({ municipalityId: AARHUS }, (tx) =>
    tx
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_id', '=', caseId)
      .orderBy('id')
      .execute(),
  );
}

async function setLegalBasis(basis: 'public_task' | 'consent'): Promise<void> {
  const programmeId = await programmeOf(t, coordinator);
  await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
    tx.updateTable('programme').set({ legal_basis: basis }).where('id', '=', programmeId).execute(),
  );
}

/** A refusal of the restricted case, as its message reads. */
async function refusedAsRestricted(run: Promise<unknown>): Promise<void> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Conflict);
  expect(asDanish(error)).toMatchObject({
    code: 'case_restricted',
    message: expect.stringContaining('begrænset behandlingen') as string,
  });
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

/** A case with something of every kind: money, notes of both kinds, both questionnaires, staff reads. */
async function richCase() {
  const cpr = testCpr();
  const citizen = await registerCitizen(t, coordinator, { cpr, name: 'Karen Indsigt' });
  const { id: caseId } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: 'Henvist til test.',
  });
  await t.services.cases.startScreening(coordinator, caseId);
  await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
  await t.services.cases.assignSupport(coordinator, caseId, { supportUserId: support.userId });
  await t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' });
  await t.services.cases.activate(support, caseId, {});
  await t.services.notes.add(support, caseId, { body: 'Delt note om cyklen.' });
  await t.services.notes.add(support, caseId, { body: 'Intern vurdering af boligen.', internal: 'on' });
  await t.services.questionnaires.save(
    support,
    caseId,
    'support_start',
    { answers: { belief: 'high' }, complete: true },
    'PUT /test',
  );
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '5000' });
  await t.services.cases.detail(support, caseId, 'GET /forloeb/:id');
  await t.services.cases.detail(coordinator, caseId, 'GET /forloeb/:id');
  return { caseId, citizenId: citizen.id, cpr };
}

describe('the full copy (spec: Full copy)', () => {
  it('holds everything about the citizen, the internal notes and staff names too, and records the request', async () => {
    const { caseId, citizenId, cpr } = await richCase();
    const before = await stateOf(caseId);
    const copy = await t.services.dataSubject.fullCopy(
      coordinator,
      caseId,
      { note: 'Bad om kopi pr. brev.' },
      PURPOSE,
    );

    expect(copy.person).toMatchObject({ name: 'Karen Indsigt', cpr });
    const [c] = copy.cases;
    expect(c?.notes.map((n) => [n.body, n.internal])).toEqual(
      expect.arrayContaining([
        ['Intern vurdering af boligen.', true],
        ['Delt note om cyklen.', false],
      ]),
    );
    expect(c?.withheld).toEqual({ internalNotes: 0, staffQuestionnaires: 0, grantHidden: false });
    expect(c?.questionnaires.map((q) => [q.instrument, q.answers])).toContainEqual([
      'support_start',
      { belief: 'high' },
    ]);
    expect(c?.ledger.some((e) => e.kind === 'grant' && e.amountOre === 5000_00)).toBe(true);
    // Who saw the data, by name: the support person and the coordinator.
    const names = new Set(copy.accessLog.map((e) => e.name));
    expect(names).toContain(support.name);
    expect(names).toContain(coordinator.name);
    // What was done on the case, from the audit log.
    const actions = copy.auditEvents.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.refer', 'note.write', 'ledger.grant', 'questionnaire.save']),
    );
    expect(copy.requests).toEqual([
      expect.objectContaining({ kind: 'access', note: 'Bad om kopi pr. brev.' }),
    ]);

    const after = await stateOf(caseId);
    expect(after.requests.length).toBe(before.requests.length + 1);
    expect(after.requests.at(-1)).toEqual({
      kind: 'access',
      note: 'Bad om kopi pr. brev.',
      handled_by: coordinator.userId,
    });
    // The audit event holds ids and the kind, never what the copy held.
    const event = (await auditOf(caseId)).find((e) => e.action === 'dataSubject.access');
    expect(Object.keys(event?.after as object).sort()).toEqual(['kind', 'requestId']);
    expect(JSON.stringify(event)).not.toContain('Karen');
    // The reading is in the access log: the citizen sees that their data was fetched.
    const logged = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_id', 'purpose'])
        .where('citizen_id', '=', citizenId)
        .where('purpose', '=', PURPOSE)
        .execute(),
    );
    expect(logged).toEqual([{ user_id: coordinator.userId, purpose: PURPOSE }]);
  });

  it('comes as a JSON file to save and as a page to print; a repeated post gives nothing away', async () => {
    const { caseId } = await richCase();
    const csrf = await coordinatorPage.csrfToken();
    const key = newIdempotencyKey();
    const json = await coordinatorPage.post(`/forloeb/${caseId}/persondata/kopi`, {
      _csrf: csrf,
      _idem: key,
      format: 'json',
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="persondata-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(json.headers.get('cache-control')).toBe('no-store');
    const file = (await json.json()) as FullCopy;
    expect(file.cases[0]?.notes.map((n) => n.body)).toContain('Intern vurdering af boligen.');

    const replay = await coordinatorPage.post(`/forloeb/${caseId}/persondata/kopi`, {
      _csrf: csrf,
      _idem: key,
      format: 'json',
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe(`/forloeb/${caseId}/persondata`);
    expect((await stateOf(caseId)).requests).toHaveLength(1);

    const html = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/kopi`, { format: 'html' });
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-store');
    const page = await html.text();
    expect(page).toContain('class="full-copy"');
    expect(page).toContain('Intern vurdering af boligen.');
    expect(page).toContain('(intern note)');
    expect(page).toContain(support.name);
    expect(page).toContain(coordinator.name);
    expect((await stateOf(caseId)).requests.map((r) => r.kind)).toEqual(['access', 'access']);
  });

  it('refuses a note that is too long with a clear message, and records nothing', async () => {
    const { caseId } = await richCase();
    const res = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/kopi`, {
      format: 'html',
      'copy.note': 'x'.repeat(2001),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Teksten må højst være på 2000 tegn.');
    expect((await stateOf(caseId)).requests).toEqual([]);
  });
});

describe('restriction (spec: Restriction)', () => {
  it('makes the case read-only for every change until it is lifted', async () => {
    const me = await citizenSession(t, { coordinator, support });
    const { caseId } = me;
    const subGoalId = await t.services.plans.addSubGoal(support, caseId, { description: 'Finde en bolig' });
    await t.services.budgets.grant(coordinator, caseId, { amountKr: '5000' });
    const vendorId = await t.services.budgets.addVendor(coordinator, {
      name: 'Cykelhandleren',
      cvr: '12345678',
    });
    const purchase = {
      title: 'Cykel',
      purpose: 'Komme på arbejde',
      amountKr: '1000',
      category: 'transport',
      vendorId,
      paymentMethod: 'invoice',
    };

    await t.services.dataSubject.restrict(coordinator, caseId, {
      reason: 'Borgeren mener, at henvisningen er forkert.',
    });
    const restricted = await stateOf(caseId);
    expect(restricted.case.restriction_reason).toBe('Borgeren mener, at henvisningen er forkert.');
    expect(restricted.requests.map((r) => r.kind)).toEqual(['restriction']);
    expect((await auditOf(caseId)).map((e) => e.action)).toContain('dataSubject.restrict');

    await refusedAsRestricted(t.services.plans.addSubGoal(support, caseId, { description: 'Nyt delmål' }));
    await refusedAsRestricted(
      t.services.plans.updateSubGoal(coordinator, caseId, subGoalId, {
        description: 'Ændret',
        status: 'in_progress',
      }),
    );
    await refusedAsRestricted(t.services.purchases.create(support, caseId, purchase));
    await refusedAsRestricted(t.services.notes.add(support, caseId, { body: 'En note.' }));
    await refusedAsRestricted(
      t.services.questionnaires.save(
        support,
        caseId,
        'support_start',
        { answers: { belief: 'low' } },
        'PUT /test',
      ),
    );
    await refusedAsRestricted(t.services.budgets.grant(coordinator, caseId, { amountKr: '100' }));
    await refusedAsRestricted(t.services.cases.pause(support, caseId, { reason: 'Indlagt.' }));
    // The citizen in the portal is refused the same way.
    await refusedAsRestricted(t.services.portal.setDream(me.actor, { dream: 'Et hjem' }));
    // Reading stays allowed, and so does the full copy.
    await expect(t.services.cases.detail(support, caseId, 'GET /forloeb/:id')).resolves.toMatchObject({
      restricted: true,
    });
    await t.services.dataSubject.fullCopy(coordinator, caseId, {}, PURPOSE);

    // A second restriction, and lifting one that is not there, are refused.
    expect(
      asDanish(await failure(t.services.dataSubject.restrict(coordinator, caseId, { reason: 'Igen.' }))),
    ).toMatchObject({
      code: 'already_restricted',
    });

    await t.services.dataSubject.liftRestriction(coordinator, caseId, { note: 'Henvisningen er rettet.' });
    expect((await stateOf(caseId)).case.restricted_since).toBeNull();
    expect((await stateOf(caseId)).requests.map((r) => r.kind)).toEqual([
      'restriction',
      'access',
      'restriction_lifted',
    ]);
    expect(
      asDanish(await failure(t.services.dataSubject.liftRestriction(coordinator, caseId, {}))),
    ).toMatchObject({
      code: 'not_restricted',
    });

    // Everything refused before works again.
    await t.services.plans.addSubGoal(support, caseId, { description: 'Nyt delmål' });
    await t.services.purchases.create(support, caseId, purchase);
    await t.services.notes.add(support, caseId, { body: 'En note.' });
    await t.services.questionnaires.save(
      support,
      caseId,
      'support_start',
      { answers: { belief: 'low' } },
      'PUT /test',
    );
    await t.services.portal.setDream(me.actor, { dream: 'Et hjem' });
  });

  it('flags the case in the caseload, the overview, the finance queue and on the case page', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.budgets.grant(coordinator, caseId, { amountKr: '5000' });
    const vendorId = await t.services.budgets.addVendor(coordinator, {
      name: 'Møbelbutikken',
      cvr: '87654321',
    });
    const requestId = await t.services.purchases.create(support, caseId, {
      title: 'Seng',
      purpose: 'Sove godt',
      amountKr: '2000',
      category: 'housing',
      vendorId,
      paymentMethod: 'invoice',
    });
    await t.services.purchases.confirm(support, requestId, { how: 'in_person' });
    await t.services.purchases.submit(support, requestId);
    await t.services.purchases.approve(coordinator, requestId);
    await t.services.dataSubject.restrict(coordinator, caseId, { reason: 'Borgeren har klaget.' });

    const { items: caseload } = await t.services.cases.caseload(support, {}, 'GET /forloeb');
    expect(caseload.find((c) => c.id === caseId)?.restricted).toBe(true);
    const finance = (await t.services.payments.queue(await staff(t, AARHUS, 'okonomi'))).items;
    expect(finance.find((p) => p.id === requestId)?.restricted).toBe(true);

    const supportPage = new Browser(web).useSession((await loginAs(t, 'support')).token);
    const financePage = new Browser(web).useSession((await loginAs(t, 'finance')).token);
    const tag = 'class="badge badge-error">Begrænset</span>';
    const rowOf = (html: string, marker: string) =>
      html.slice(html.lastIndexOf('<tr', html.indexOf(marker)), html.indexOf('</tr>', html.indexOf(marker)));
    const caseloadHtml = await (await supportPage.get('/forloeb')).text();
    expect(rowOf(caseloadHtml, `/forloeb/${caseId}"`)).toContain(tag);
    const overviewHtml = await (await coordinatorPage.get('/forloeb/oversigt')).text();
    expect(rowOf(overviewHtml, `/forloeb/${caseId}"`)).toContain(tag);
    const queueHtml = await (await financePage.get('/betalinger')).text();
    expect(rowOf(queueHtml, `/betalinger/${requestId}"`)).toContain(tag);
    const casePage = await (await supportPage.get(`/forloeb/${caseId}`)).text();
    expect(casePage).toContain(tag);
    expect(casePage).toContain('Forløbet kan ikke ændres');

    // A form on the restricted case says why it is refused, and changes nothing.
    const note = await supportPage.submit(`/forloeb/${caseId}/noter`, { 'note.body': 'Ny note.' });
    expect(note.status).toBe(409);
    expect(await note.text()).toContain(
      'Forløbet kan ikke ændres, fordi borgeren har fået begrænset behandlingen',
    );

    await t.services.dataSubject.liftRestriction(coordinator, caseId, {});
    expect(
      (await t.services.cases.caseload(support, {}, 'GET /forloeb')).items.find((c) => c.id === caseId)
        ?.restricted,
    ).toBe(false);
    expect(await (await supportPage.get(`/forloeb/${caseId}`)).text()).not.toContain(tag);
  });

  it('refuses a restriction without a reason, with a clear message, and changes nothing', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const error = await failure(t.services.dataSubject.restrict(coordinator, caseId, { reason: '  ' }));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(danishFields((error as ValidationFailed).fields)).toEqual({ reason: 'Skriv en begrundelse.' });

    const res = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/begraensning`, {
      'restrict.reason': 'Linje\u0007skift',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Fejl: ');
    expect(page).toContain('Linje');
    expect((await stateOf(caseId)).case.restricted_since).toBeNull();
    expect((await stateOf(caseId)).requests).toEqual([]);

    const lift = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/begraensning/ophaev`, {});
    expect(lift.status).toBe(409);
    expect(await lift.text()).toContain('Behandlingen er ikke begrænset.');
  });

  it('is set and lifted from the privacy page', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const set = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/begraensning`, {
      'restrict.reason': 'Borgeren bestrider oplysningerne.',
    });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe(`/forloeb/${caseId}/persondata?besked=begraenset`);
    const page = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata?besked=begraenset`)).text();
    expect(page).toContain('Behandlingen er begrænset. Forløbet kan nu kun læses.');
    expect(page).toContain('Borgeren bestrider oplysningerne.');
    const lifted = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/begraensning/ophaev`, {
      'lift.note': 'Rettet.',
    });
    expect(lifted.status).toBe(303);
    expect((await stateOf(caseId)).requests.map((r) => [r.kind, r.note])).toEqual([
      ['restriction', 'Borgeren bestrider oplysningerne.'],
      ['restriction_lifted', 'Rettet.'],
    ]);
  });
});

describe('the privacy page and the legal hold', () => {
  it('says when the data goes: not before the case is closed, then on its date', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const open = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata`)).text();
    expect(open).toContain('Forløbet er ikke afsluttet endnu. Persondata anonymiseres 60 måneder efter');

    await t.services.cases.complete(support, caseId, {});
    const view = await t.services.dataSubject.privacy(coordinator, caseId, 'GET /forloeb/:id/persondata');
    expect(view.anonymisation).toEqual({ state: 'due', on: '2031-03-02' });
    const closed = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata`)).text();
    expect(closed).toContain('Persondata i forløbet anonymiseres den 2. marts 2031.');
    // The case page leads there, for the coordinator only.
    expect(await (await coordinatorPage.get(`/forloeb/${caseId}`)).text()).toContain(
      `href="/forloeb/${caseId}/persondata">Persondata og anmodninger`,
    );
  });

  it('sets and lifts a legal hold through the retention service, refusing one without a reason', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.cases.complete(support, caseId, {});
    const empty = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/tilbageholdelse`, {
      'hold.reason': '',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Fejl: ');
    expect((await stateOf(caseId)).case.legal_hold_reason).toBeNull();

    const set = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/tilbageholdelse`, {
      'hold.reason': 'Klagesag i Ankestyrelsen.',
    });
    expect(set.status).toBe(303);
    expect((await stateOf(caseId)).case.legal_hold_reason).toBe('Klagesag i Ankestyrelsen.');
    const page = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata`)).text();
    expect(page).toContain('Klagesag i Ankestyrelsen.');
    expect(page).toContain('Ophæv tilbageholdelsen');

    const lifted = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/tilbageholdelse/ophaev`, {});
    expect(lifted.status).toBe(303);
    expect((await stateOf(caseId)).case.legal_hold_reason).toBeNull();
  });

  it('is the coordinator’s only, and another municipality’s case is not found', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const supportPage = new Browser(web).useSession((await loginAs(t, 'support')).token);
    expect((await supportPage.get(`/forloeb/${caseId}/persondata`)).status).toBe(404);
    expect(await (await supportPage.get(`/forloeb/${caseId}`)).text()).not.toContain('/persondata');
    const halsnaes = new Browser(web).useSession((await loginAs(t, 'coordinator', HALSNAES)).token);
    expect((await halsnaes.get(`/forloeb/${caseId}/persondata`)).status).toBe(404);
    const copy = await halsnaes.submit(`/forloeb/${caseId}/persondata/kopi`, { format: 'json' });
    expect(copy.status).toBe(404);
    expect((await stateOf(caseId)).requests).toEqual([]);
  });
});

describe('erasure (spec: Erasure)', () => {
  afterAll(() => setLegalBasis('public_task'));

  it('is refused under the public task, saying until when the data is kept', async () => {
    await setLegalBasis('public_task');
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.cases.complete(support, caseId, {});
    const error = await failure(t.services.dataSubject.erase(coordinator, caseId, { confirm: 'on' }));
    expect(asDanish(error)).toMatchObject({
      code: 'erasure_public_task',
      message: expect.stringContaining('kommunens myndighedsopgave') as string,
    });
    expect(danish((error as Conflict).userMessage)).toContain('De bliver anonymiseret den 2. marts 2031.');
    const page = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata/sletning`)).text();
    expect(page).toContain('De bliver anonymiseret den 2. marts 2031.');
    expect(page).not.toContain('name="confirm"');
    const post = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/sletning`, { confirm: 'on' });
    expect(post.status).toBe(409);
    expect((await stateOf(caseId)).case.anonymised_at).toBeNull();
    expect((await stateOf(caseId)).requests).toEqual([]);
  });

  it('is refused for a case that is not closed, under consent too', async () => {
    await setLegalBasis('consent');
    const open = await caseIn(t, 'active', { coordinator, support });
    expect(
      asDanish(await failure(t.services.dataSubject.erase(coordinator, open.caseId, { confirm: 'on' }))),
    ).toMatchObject({
      code: 'erasure_case_open',
      message: 'Oplysningerne kan ikke slettes, mens forløbet er i gang. Afslut forløbet først.',
    });
    expect((await stateOf(open.caseId)).case.anonymised_at).toBeNull();
  });

  it('anonymises a closed case under consent, after the confirmation, in one command', async () => {
    await setLegalBasis('consent');
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.updateTable('citizen').set({ name: 'Sletmig Hansen' }).where('id', '=', citizenId).execute(),
    );
    await t.services.notes.add(support, caseId, { body: 'Noten skal slettes.' });
    await t.services.cases.complete(support, caseId, {});
    // Not while a legal hold keeps the data.
    await t.services.retention.setLegalHold(coordinator, caseId, { reason: 'Klage over afgørelsen.' });
    expect(
      asDanish(await failure(t.services.dataSubject.erase(coordinator, caseId, { confirm: 'on' }))),
    ).toMatchObject({
      code: 'erasure_legal_hold',
      message: expect.stringContaining('Klage over afgørelsen.') as string,
    });
    await t.services.retention.liftLegalHold(coordinator, caseId);

    const confirm = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata/sletning`)).text();
    expect(confirm).toContain('name="confirm"');
    expect(confirm).toContain('Det bliver slettet');
    expect(confirm).toContain('Det bliver gemt uden navn');

    // Without the box ticked: a clear message, and nothing erased.
    const unticked = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/sletning`, {});
    expect(unticked.status).toBe(422);
    expect(await unticked.text()).toContain('Sæt kryds for at bekræfte sletningen.');
    expect((await stateOf(caseId)).case.anonymised_at).toBeNull();

    const done = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/sletning`, { confirm: 'on' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/forloeb/${caseId}/persondata?besked=slettet`);

    const after = await stateOf(caseId);
    expect(after.case.anonymised_at).not.toBeNull();
    expect(after.requests).toEqual([{ kind: 'erasure', note: null, handled_by: coordinator.userId }]);
    const citizen = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx
        .selectFrom('citizen')
        .select(['name', 'cpr_encrypted'])
        .where('id', '=', citizenId)
        .executeTakeFirstOrThrow(),
    );
    expect(citizen).toEqual({ name: '–', cpr_encrypted: null });
    expect((await auditOf(caseId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.anonymise', 'dataSubject.erase']),
    );
    const page = await (await coordinatorPage.get(`/forloeb/${caseId}/persondata?besked=slettet`)).text();
    expect(page).toContain('Borgerens persondata i forløbet er slettet.');
    expect(page).toContain('Persondata i forløbet blev anonymiseret den');
    expect(page).not.toContain('Sletmig');
    expect(page).not.toContain('Noten skal slettes.');
    // A second erasure has nothing left to do.
    expect(
      asDanish(await failure(t.services.dataSubject.erase(coordinator, caseId, { confirm: 'on' }))),
    ).toMatchObject({
      code: 'erasure_already_anonymised',
    });
  });
});

describe('the citizen sees their requests (spec: Data-subject requests)', () => {
  it('lists them in plain words on "Mine data" and in its file', async () => {
    const me = await citizenSession(t, { coordinator, support });
    const portal = new Browser(web).useSession(me.token);
    const none = await (await portal.get('/borger/mine-data')).text();
    expect(none).toContain('Du har ikke bedt om noget endnu.');

    await t.services.dataSubject.fullCopy(coordinator, me.caseId, {}, PURPOSE);
    t.clock.advance(60_000);
    await t.services.dataSubject.restrict(coordinator, me.caseId, { reason: 'Oplysningerne er forkerte.' });
    const page = await (await portal.get('/borger/mine-data')).text();
    expect(page).toContain('Det har du bedt os om');
    expect(page).toContain('2. marts 2026: Du fik en kopi af alle dine data.');
    expect(page).toContain('2. marts 2026: Vi stoppede arbejdet med dine data. Vi gemmer dem kun.');
    // In plain Danish: the section, and the page with it (spec: Citizen portal).
    const section = page.slice(
      page.indexOf('aria-labelledby="data-requests"'),
      page.indexOf('</section>', page.indexOf('aria-labelledby="data-requests"')),
    );
    expect(readability(`<main>${section.slice(section.indexOf('>') + 1)}</main>`).lix).toBeLessThanOrEqual(
      35,
    );
    expect(readability(page).lix).toBeLessThanOrEqual(35);

    const file = (await (await portal.get('/borger/mine-data.json')).json()) as {
      requests: { kind: string }[];
    };
    expect(file.requests.map((r) => r.kind)).toEqual(['restriction', 'access']);
    await t.services.dataSubject.liftRestriction(coordinator, me.caseId, {});
  });
});

describe('bad input on every form', () => {
  it('is answered with a clear message and changes nothing', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const cases: [string, Record<string, string>, string][] = [
      ['begraensning', { 'restrict.reason': '' }, 'Skriv en begrundelse.'],
      ['tilbageholdelse', { 'hold.reason': 'x'.repeat(2001) }, 'Fejl: '],
      ['kopi', { format: 'json', 'copy.note': 'a\u0007b' }, 'Fejl: '],
      ['begraensning/ophaev', { 'lift.note': 'x'.repeat(2001) }, 'Fejl: '],
    ];
    for (const [path, form, said] of cases) {
      const res = await coordinatorPage.submit(`/forloeb/${caseId}/persondata/${path}`, form);
      expect(res.status, path).toBe(422);
      expect(await res.text(), path).toContain(said);
    }
    const state = await stateOf(caseId);
    expect(state.requests).toEqual([]);
    expect(state.case).toMatchObject({ restriction_reason: null, legal_hold_reason: null });
  });
});
