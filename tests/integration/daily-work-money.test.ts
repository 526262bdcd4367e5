import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FILE_NAMES } from '../../src/domain/import/import-files.ts';
import { da } from '../../src/i18n/da.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, staff } from '../factories/case-factory.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The citizen's "no" to a purchase written for them (spec: Citizen confirmation); what finance's queue
// says about a purchase — what and for which sub-goal, never who (spec: Payments); and the import page's
// example files, which the importer itself accepts (formats: CSV import).

let t: TestContext;
let web: TestApp;
let me: CitizenSession;
let other: CitizenSession;
let support: Actor;
let coordinator: Actor;
let finance: Actor;
let vendorId: string;
let subGoalId: string;

const request = (over: Record<string, string> = {}) => ({
  title: 'Brugt sofa',
  purpose: 'Så venner kan sove over',
  amountKr: '900',
  category: 'housing',
  vendorId,
  paymentMethod: 'bank_transfer',
  ...over,
});

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  me = await citizenSession(t);
  ({ support, coordinator } = me);
  other = await citizenSession(t, { coordinator, support });
  finance = await staff(t, AARHUS, 'okonomi');
  vendorId = await t.services.budgets.addVendor(finance, {
    name: 'Genbrugsmøbler Stuen',
    cvr: '45678912',
    bankRegistration: '1234',
    bankAccount: '0045678912',
  });
  await t.services.budgets.grant(coordinator, me.caseId, { amountKr: '10000' });
  const goalId = await t.services.plans.addGoal(support, me.caseId, {
    description: 'Et hjem, hvor venner kan komme',
    categories: ['housing'],
  });
  subGoalId = await t.services.plans.addSubGoal(support, me.caseId, {
    description: 'Indrette stuen, så der er plads til gæster og et spisebord til fire personer',
    status: 'in_progress',
    longTermGoalId: goalId,
  });
});
afterAll(() => t.close());

describe('the citizen says no to a purchase', () => {
  it('sends the draft back to the support person with the reason, audited, and asks again after a change', async () => {
    const browser = new Browser(web).useSession(me.token);
    const id = await t.services.purchases.create(support, me.caseId, request());
    const page = await (await browser.get('/borger/bekraeft')).text();
    expect(page).toContain(`href="/borger/bekraeft/${id}/nej"`);
    expect((await browser.get(`/borger/bekraeft/${id}/nej`)).status).toBe(200);

    // Too long a reason is refused in plain words and changes nothing.
    const long = await browser.submit(`/borger/bekraeft/${id}/nej`, { reason: 'x'.repeat(1001) });
    expect(long.status).toBe(422);
    expect((await t.services.portal.toConfirm(me.actor)).map((r) => r.id)).toContain(id);

    const res = await browser.submit(`/borger/bekraeft/${id}/nej`, { reason: 'Jeg har fået en sofa.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/borger/bekraeft?ok=nej');
    expect((await t.services.portal.toConfirm(me.actor)).map((r) => r.id)).not.toContain(id);
    const mine = (await t.services.portal.purchases(me.actor)).find((r) => r.id === id);
    expect(mine?.state).toEqual({ kind: 'declined' });

    // The support person reads the reason on the request; submitting is still refused.
    const overview = await t.services.budgets.overview(support, me.caseId, 'GET /forloeb/:id/budget');
    const seen = overview.requests.find((r) => r.id === id);
    expect(seen?.citizenDeclined).toMatchObject({ reason: 'Jeg har fået en sofa.' });
    const staffPage = await (
      await new Browser(web)
        .useSession((await loginAs(t, 'support')).token)
        .get(`/forloeb/${me.caseId}/anmodninger/${id}`)
    ).text();
    expect(staffPage).toContain('Borgerens begrundelse: Jeg har fået en sofa.');
    await expect(t.services.purchases.submit(support, id)).rejects.toMatchObject({ code: 'not_confirmed' });
    const audit = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select(['action', 'after']).where('entity_id', '=', id).execute(),
    );
    const declined = audit.filter((e) => e.action === 'purchase.decline');
    expect(declined).toHaveLength(1);
    // The citizen's words stay on the request; the audit log says only that there were some.
    expect(JSON.stringify(declined[0]?.after)).not.toContain('sofa');

    // Saying no again changes nothing; a changed request is put to the citizen again.
    await t.services.purchases.declineInPortal(me.actor, id, {});
    await t.services.purchases.update(support, id, request({ amountKr: '700' }));
    expect((await t.services.portal.toConfirm(me.actor)).map((r) => r.id)).toContain(id);
    await t.services.purchases.confirmInPortal(me.actor, id);
    await t.services.purchases.submit(support, id);
  });

  it('never lets a citizen say no to another person’s request or their own untouched proposal', async () => {
    const othersId = await t.services.purchases.create(support, other.caseId, request());
    await expect(t.services.purchases.declineInPortal(me.actor, othersId, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    const browser = new Browser(web).useSession(me.token);
    expect((await browser.get(`/borger/bekraeft/${othersId}/nej`)).status).toBe(404);
    const proposal = await t.services.portal.propose(
      me.actor,
      { title: 'Lampe', purpose: 'Lys i stuen', amountKr: '300', shop: 'Genbrug', subGoalId: '' },
      null,
    );
    await expect(t.services.purchases.declineInPortal(me.actor, proposal, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.services.purchases.declineInPortal(support, othersId, {})).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the finance queue', () => {
  it('says what is bought and for which sub-goal, never who', async () => {
    const id = await t.services.purchases.create(
      support,
      me.caseId,
      request({ title: 'Spisebord', subGoalId }),
    );
    await t.services.purchases.confirm(support, id, { how: 'in_person' });
    await t.services.purchases.submit(support, id);
    await t.services.purchases.approve(support, id);
    const item = (await t.services.payments.queue(finance)).items.find((q) => q.id === id);
    expect(item).toMatchObject({
      title: 'Spisebord',
      subGoal: 'Indrette stuen, så der er plads til…',
    });

    const html = await (
      await new Browser(web).useSession((await loginAs(t, 'finance')).token).get('/betalinger')
    ).text();
    expect(html).toContain('Spisebord');
    expect(html).toContain('Delmål: Indrette stuen, så der er plads til…');
    const detail = await (
      await new Browser(web).useSession((await loginAs(t, 'finance')).token).get(`/betalinger/${id}`)
    ).text();
    const citizen = await t.services.cases.detail(coordinator, me.caseId, 'GET /forloeb/:id');
    for (const page of [html, detail]) {
      expect(page).not.toContain(citizen.citizen.name);
      expect(page).not.toContain(citizen.citizen.maskedCpr.slice(0, 6));
      expect(page).not.toContain('Så venner kan sove over');
    }
  });
});

describe('the import page', () => {
  it('lists every column with its Danish meaning and offers each example file', async () => {
    const browser = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
    const html = await (await browser.get('/import')).text();
    for (const file of IMPORT_FILE_NAMES) expect(html).toContain(`href="/import/eksempel/${file}"`);
    expect(html).toContain('<code lang="en">termination_reason</code>');
    expect(html).toContain(da['import.column.cases.termination_reason']);
    // No column is shown without its meaning (a missing text would show its key).
    expect(html).not.toMatch(/import\.column\./);
    expect((await browser.get('/import/eksempel/andet.csv')).status).toBe(404);
    const supportBrowser = new Browser(web).useSession((await loginAs(t, 'support')).token);
    expect((await supportBrowser.get('/import/eksempel/cases.csv')).status).toBe(404);
  });

  it('serves example files the importer accepts as they are', async () => {
    const browser = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
    const files = [];
    for (const name of IMPORT_FILE_NAMES) {
      const res = await browser.get(`/import/eksempel/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      files.push({ name, bytes: new Uint8Array(await res.arrayBuffer()) });
    }
    const result = await t.services.imports.importFiles(coordinator, files);
    expect(result).toMatchObject({ ok: true, summary: { answers: 5, payments: 3 } });
    if (result.ok) expect(result.summary.cases).toHaveLength(2);
  });
});
