import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, programmeOf, staff } from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The staff pages for a case's money (spec: Budget ledger; spec: Purchase requests) over HTTP: a bad
// request form comes back with the error summary and what was typed; a category the municipality does
// not cover shows its guideline and is refused; an approval past the available amount is refused with
// the service's message and nothing changes; another support person's case is "not found".

const GUIDELINE = 'Opstart af egen virksomhed dækkes af erhvervsrådgivningen.';

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let otherSupport: Actor;
let vendorId: string;
let caseId: string;
let supportBrowser: Browser;
let coordinatorBrowser: Browser;

/** Text as a reader sees it: the no-break space of "1.000 kr." as a plain space. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ');

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  otherSupport = await staff(t, AARHUS, 'stotteperson2');
  vendorId = await t.services.budgets.addVendor(coordinator, {
    name: 'Sidetestens Cykler',
    cvr: '87654321',
    bankRegistration: '1234',
    bankAccount: '0011223344',
  });
  const programmeId = await programmeOf(t, coordinator);
  const programme = await t.services.programmes.get(coordinator, programmeId);
  await t.services.programmes.updateSettings(
    coordinator,
    programmeId,
    programmeInput(programme, {
      'categoryRules.business.rule': 'not_allowed',
      'categoryRules.business.guideline': GUIDELINE,
    }),
  );
  ({ caseId } = await caseIn(t, 'active', { coordinator, support }));
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '10000' });
  const app = buildApp(t.services);
  supportBrowser = new Browser(app).useSession((await loginAs(t, 'support', AARHUS)).token);
  coordinatorBrowser = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
});
afterAll(() => t.close());

const request = (over: Record<string, string> = {}) => ({
  title: 'Cykel med lygter',
  purpose: 'Kan komme til praktik',
  amountKr: '2500',
  category: 'transport',
  vendorId,
  paymentMethod: 'bank_transfer',
  ...over,
});

async function submitted(amountKr: string): Promise<string> {
  const id = await t.services.purchases.create(support, caseId, request({ amountKr }));
  await t.services.purchases.confirm(support, id, { how: 'in_person' });
  await t.services.purchases.submit(support, id);
  return id;
}

describe('the budget page', () => {
  it('shows the figures, the grant form for the coordinator and a link to a new request', async () => {
    const res = await coordinatorBrowser.get(`/forloeb/${caseId}/budget`);
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain('10.000 kr.');
    expect(html).toContain(`action="/forloeb/${caseId}/budget/bevilling"`);
    expect(html).toContain(`href="/forloeb/${caseId}/anmodninger/ny"`);
    const own = await supportBrowser.get(`/forloeb/${caseId}/budget`);
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain('/budget/bevilling');
    // The access log names the page, never the ids.
    const logged = await t.database.transaction('all', (tx) =>
      tx.selectFrom('access_log').select('purpose').where('case_id', '=', caseId).execute(),
    );
    expect(logged.map((r) => r.purpose)).toContain('GET /forloeb/:id/budget');
  });
});

describe('the new request form', () => {
  it('comes back with the error summary and what was typed when the amount is bad', async () => {
    const before = (await t.services.budgets.overview(support, caseId, '/test')).requests.length;
    const res = await supportBrowser.submit(
      `/forloeb/${caseId}/anmodninger/ny`,
      request({ amountKr: 'mange penge', title: 'Vinterjakke' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('data-module="error-summary"');
    expect(html).toContain('href="#amountKr"');
    expect(html).toContain('value="mange penge"');
    expect(html).toContain('value="Vinterjakke"');
    expect((await t.services.budgets.overview(support, caseId, '/test')).requests).toHaveLength(before);
  });

  it("shows the municipality's guideline for a category it does not cover, and refuses it", async () => {
    const form = await supportBrowser.get(`/forloeb/${caseId}/anmodninger/ny`);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain(GUIDELINE);
    expect(page).toContain('Egen virksomhed (dækkes ikke)');
    const before = (await t.services.budgets.overview(support, caseId, '/test')).requests.length;
    const res = await supportBrowser.submit(
      `/forloeb/${caseId}/anmodninger/ny`,
      request({ category: 'business', title: 'Kaffevogn' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#category"');
    expect(html).toContain(`Kommunen dækker ikke denne kategori. ${GUIDELINE}`);
    expect(html).toContain('value="Kaffevogn"');
    expect((await t.services.budgets.overview(support, caseId, '/test')).requests).toHaveLength(before);
  });

  it('saves a good request as a draft and shows it with a success message', async () => {
    const res = await supportBrowser.submit(`/forloeb/${caseId}/anmodninger/ny`, request());
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/forloeb/${caseId}/anmodninger/[0-9a-f-]{36}\\?ok=oprettet$`));
    const page = await supportBrowser.get(location);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Anmodningen er gemt som kladde.');
    expect(html).toContain('id="bilag"');
  });
});

describe('the request page', () => {
  it('refuses an approval past the available amount with the message, and changes nothing', async () => {
    const first = await submitted('8000');
    await t.services.purchases.approve(coordinator, first);
    const second = await submitted('3000');
    const before = await t.services.budgets.overview(support, caseId, '/test');
    const res = await supportBrowser.submit(`/forloeb/${caseId}/anmodninger/${second}/godkend`, {});
    expect(res.status).toBe(409);
    const html = plain(await res.text());
    expect(html).toContain('alert-error');
    expect(html).toContain('Beløbet 3.000 kr. er større end det disponible beløb 2.000 kr.');
    const after = await t.services.budgets.overview(support, caseId, '/test');
    expect(after.balance).toEqual(before.balance);
    expect(after.requests.find((r) => r.id === second)?.status).toBe('submitted');
  });

  it('refuses the support person above the limit with the coordinator message', async () => {
    const { caseId: bigCase } = await caseIn(t, 'active', { coordinator, support });
    await t.services.budgets.grant(coordinator, bigCase, { amountKr: '20000' });
    const id = await t.services.purchases.create(support, bigCase, request({ amountKr: '6000' }));
    await t.services.purchases.confirm(support, id, { how: 'in_person' });
    await t.services.purchases.submit(support, id);
    const page = plain(await (await supportBrowser.get(`/forloeb/${bigCase}/anmodninger/${id}`)).text());
    // Not offered the approval, and told why; a forged post is refused all the same.
    expect(page).toContain('Beløb over 5.000 kr. skal godkendes af en koordinator.');
    const approveForm = `action="/forloeb/${bigCase}/anmodninger/${id}/godkend"`;
    expect(page).not.toContain(approveForm);
    expect(await (await coordinatorBrowser.get(`/forloeb/${bigCase}/anmodninger/${id}`)).text()).toContain(
      approveForm,
    );
    const res = await supportBrowser.submit(`/forloeb/${bigCase}/anmodninger/${id}/godkend`, {});
    expect(res.status).toBe(409);
    expect(plain(await res.text())).toContain('Beløb over 5.000 kr. skal godkendes af en koordinator.');
    const ok = await coordinatorBrowser.submit(`/forloeb/${bigCase}/anmodninger/${id}/godkend`, {});
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/forloeb/${bigCase}/anmodninger/${id}?ok=godkendt`);
    const b = (await t.services.budgets.overview(coordinator, bigCase, '/test')).balance;
    expect(b).toMatchObject({ reserved: 6_000_00, available: 14_000_00 });
  });

  it('asks for a reason before rejecting, keeping the page as it was', async () => {
    const id = await submitted('100');
    const res = await supportBrowser.submit(`/forloeb/${caseId}/anmodninger/${id}/afvis`, {
      'reject.reason': '',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('href="#reject-reason"');
  });
});

describe('another support person', () => {
  it('finds neither the budget nor the requests of a case that is not theirs', async () => {
    const { caseId: theirs } = await caseIn(t, 'active', { coordinator, support: otherSupport });
    await t.services.budgets.grant(coordinator, theirs, { amountKr: '5000' });
    const id = await t.services.purchases.create(otherSupport, theirs, request({ amountKr: '1000' }));
    await t.services.purchases.confirm(otherSupport, id, { how: 'in_person' });
    await t.services.purchases.submit(otherSupport, id);
    for (const path of [
      `/forloeb/${theirs}/budget`,
      `/forloeb/${theirs}/anmodninger/ny`,
      `/forloeb/${theirs}/anmodninger/${id}`,
    ]) {
      expect((await supportBrowser.get(path)).status, path).toBe(404);
    }
    const approve = await supportBrowser.submit(`/forloeb/${theirs}/anmodninger/${id}/godkend`, {});
    expect(approve.status).toBe(404);
    // Nor through their own case's address.
    const sideways = await supportBrowser.submit(`/forloeb/${caseId}/anmodninger/${id}/godkend`, {});
    expect(sideways.status).toBe(404);
    const after = await t.services.budgets.overview(coordinator, theirs, '/test');
    expect(after.requests[0]?.status).toBe('submitted');
    expect(after.balance.reserved).toBe(0);
  });
});
