import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIn } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, hiddenField } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// No dead ends (spec: Refused steps): closing, terminating, pausing and resuming ask first on a page of
// their own and do it on POST; a close refused while money is reserved comes back as the close page
// with the error summary, the reason and the way forward, and nothing changes; a purchase request's
// primary button is the next step that can succeed.

let t: TestContext;
let team: MoneyTeam;
let support: Browser;

/** Text as a reader sees it: the no-break space of "1.000 kr." as a plain space. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ');

/** The actions of the forms on a page whose submit button is the primary one. */
function primaryActions(html: string): string[] {
  return html
    .split('<form')
    .slice(1)
    .map((part) => part.slice(0, part.indexOf('</form>')))
    .filter((form) => form.includes('button-primary'))
    .map((form) => /action="([^"]*)"/.exec(form)?.[1] ?? '');
}

/** An active case with a grant of 10.000 kr. */
async function fundedCase(): Promise<string> {
  const { caseId } = await caseIn(t, 'active', team);
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '10000' });
  return caseId;
}

async function request(caseId: string, amountKr = '2500'): Promise<string> {
  return t.services.purchases.create(team.support, caseId, {
    title: 'Cykel med lygter',
    purpose: 'Kan komme til praktik',
    amountKr,
    category: 'transport',
    vendorId: team.vendorId,
    paymentMethod: 'bank_transfer',
  });
}

const phaseOf = async (caseId: string) =>
  (await t.services.cases.detail(team.coordinator, caseId, '/test')).phase;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  team = await moneyTeam(t, 'Bekræftelsestestens Cykler');
  support = new Browser(buildApp(t.services)).useSession((await loginAs(t, 'support', AARHUS)).token);
});
afterAll(() => t.close());

describe('the case page', () => {
  it('links to the pages of closing, terminating and pausing instead of showing their forms', async () => {
    const caseId = await fundedCase();
    const html = await (await support.get(`/forloeb/${caseId}`)).text();
    for (const path of ['afslut', 'afbryd', 'pause']) {
      expect(html).toContain(`href="/forloeb/${caseId}/${path}"`);
      expect(html).not.toContain(`action="/forloeb/${caseId}/${path}"`);
    }
    expect(html).not.toContain(`/forloeb/${caseId}/genoptag`);
  });
});

describe('closing a case', () => {
  it('says what will happen, and closes on the page’s own POST', async () => {
    const caseId = await fundedCase();
    const page = await support.get(`/forloeb/${caseId}/afslut`);
    expect(page.status).toBe(200);
    const html = plain(await page.text());
    expect(html).toContain('<h1>Afslut forløbet</h1>');
    expect(html).toContain('10.000 kr. er ikke brugt. Beløbet går tilbage til puljen');
    expect(html).toContain('Disse spørgeskemaer er ikke besvaret.');
    expect(primaryActions(html)).toEqual([`/forloeb/${caseId}/afslut`]);
    // The page's form carries its own idempotency key, as every form does.
    const done = await support.post(`/forloeb/${caseId}/afslut`, {
      _csrf: hiddenField(html, '_csrf'),
      _idem: hiddenField(html, '_idem'),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/forloeb/${caseId}`);
    expect(await phaseOf(caseId)).toBe('closed');
    const b = (await t.services.budgets.overview(team.coordinator, caseId, '/test')).balance;
    expect(b).toMatchObject({ returned: 10_000_00, available: 0 });
  });

  it('with money reserved offers no button, only the way to release it', async () => {
    const caseId = await fundedCase();
    const id = await request(caseId);
    await t.services.purchases.confirm(team.support, id, { how: 'in_person' });
    await t.services.purchases.submit(team.support, id);
    await t.services.purchases.approve(team.coordinator, id);
    const html = plain(await (await support.get(`/forloeb/${caseId}/afslut`)).text());
    expect(html).toContain('2.500 kr. er reserveret til køb, der ikke er betalt.');
    expect(html).toContain(`<a href="/forloeb/${caseId}/anmodninger/${id}">#1 Cykel med lygter</a>`);
    expect(html).not.toContain(`action="/forloeb/${caseId}/afslut"`);

    // A close posted all the same (a page opened before the approval) comes back in place.
    const before = await t.services.budgets.overview(team.coordinator, caseId, '/test');
    const refused = await support.submit(`/forloeb/${caseId}/afslut`, { 'complete.date': '' });
    expect(refused.status).toBe(409);
    const again = plain(await refused.text());
    expect(again).toContain('<title>Fejl: Afslut forløbet');
    expect(again).toContain('data-module="error-summary"');
    expect(again).toContain('Handlingen kunne ikke gennemføres');
    expect(again).toContain('Der er stadig 2.500 kr. reserveret.');
    expect(again).toContain(
      `<a class="function-link" href="/forloeb/${caseId}/budget#anmodninger">Gå til købene, der har penge reserveret</a>`,
    );
    expect(again).not.toContain('Fejlkode til support');
    expect(await phaseOf(caseId)).toBe('active');
    const after = await t.services.budgets.overview(team.coordinator, caseId, '/test');
    expect(after.balance).toEqual(before.balance);
  });

  it('explains a paused case is resumed first, with no button', async () => {
    const { caseId } = await caseIn(t, 'paused', team);
    const html = await (await support.get(`/forloeb/${caseId}/afslut`)).text();
    expect(html).toContain('Forløbet skal genoptages, før det kan afsluttes.');
    expect(html).not.toContain(`action="/forloeb/${caseId}/afslut"`);
  });
});

describe('terminating a case', () => {
  it('asks for the reason on its own page and terminates on POST', async () => {
    const caseId = await fundedCase();
    const page = plain(await (await support.get(`/forloeb/${caseId}/afbryd`)).text());
    expect(page).toContain('<h1>Afbryd før tid</h1>');
    expect(page).toContain('10.000 kr. er ikke brugt.');
    expect(page).toContain('name="terminate.reason"');
    const missing = await support.submit(`/forloeb/${caseId}/afbryd`, { 'terminate.reason': '' });
    expect(missing.status).toBe(422);
    const again = await missing.text();
    expect(again).toContain('<h1>Afbryd før tid</h1>');
    expect(again).toContain('href="#terminate-reason"');
    expect(await phaseOf(caseId)).toBe('active');
    const done = await support.submit(`/forloeb/${caseId}/afbryd`, { 'terminate.reason': 'Flyttet' });
    expect(done.status).toBe(303);
    const detail = await t.services.cases.detail(team.coordinator, caseId, '/test');
    expect(detail).toMatchObject({
      phase: 'closed',
      closeOutcome: 'terminated_early',
      closeReason: 'Flyttet',
    });
  });
});

describe('pausing and resuming a case', () => {
  it('says the end date moves, pauses on POST, and resumes from its own page', async () => {
    const caseId = await fundedCase();
    const page = await (await support.get(`/forloeb/${caseId}/pause`)).text();
    expect(page).toContain('Slutdatoen flyttes med de dage, pausen varer.');
    expect(page).toContain('Under pausen kan anmodninger ikke sendes eller godkendes.');
    expect(primaryActions(page)).toEqual([`/forloeb/${caseId}/pause`]);
    const paused = await support.submit(`/forloeb/${caseId}/pause`, { 'pause.reason': 'Indlagt' });
    expect(paused.status).toBe(303);
    expect(await phaseOf(caseId)).toBe('paused');

    const pauseAgain = await (await support.get(`/forloeb/${caseId}/pause`)).text();
    expect(pauseAgain).toContain('Forløbet er allerede sat på pause.');
    expect(pauseAgain).not.toContain(`action="/forloeb/${caseId}/pause"`);
    const casePage = await (await support.get(`/forloeb/${caseId}`)).text();
    expect(casePage).toContain(`href="/forloeb/${caseId}/genoptag"`);

    const resume = await (await support.get(`/forloeb/${caseId}/genoptag`)).text();
    expect(resume).toContain('Forløbet fortsætter.');
    expect(primaryActions(resume)).toEqual([`/forloeb/${caseId}/genoptag`]);
    const resumed = await support.submit(`/forloeb/${caseId}/genoptag`, {});
    expect(resumed.status).toBe(303);
    expect(await phaseOf(caseId)).toBe('active');
  });
});

describe("a purchase request's primary button", () => {
  it('is the next step that can succeed, from draft to approval', async () => {
    const caseId = await fundedCase();
    const id = await request(caseId);
    const base = `/forloeb/${caseId}/anmodninger/${id}`;
    const primary = async () => primaryActions(await (await support.get(base)).text());

    // A draft the citizen has not confirmed: confirming, and no "send" button to fail.
    const draft = await (await support.get(base)).text();
    expect(primaryActions(draft)).toEqual([`${base}/bekraeft`]);
    expect(draft).not.toContain(`action="${base}/indsend"`);
    expect(draft).toContain('Først skal borgeren bekræfte anmodningen.');
    // A send posted all the same comes back with the way to the confirmation.
    const early = await support.submit(`${base}/indsend`, {});
    expect(early.status).toBe(409);
    const refused = await early.text();
    expect(refused).toContain('Borgeren skal bekræfte anmodningen, før den sendes.');
    expect(refused).toContain(`href="${base}#bekraeft"`);

    await t.services.purchases.confirm(team.support, id, { how: 'in_person' });
    expect(await primary()).toEqual([`${base}/indsend`]);

    await t.services.purchases.submit(team.support, id);
    expect(await primary()).toEqual([`${base}/godkend`]);

    await t.services.purchases.approve(team.support, id);
    expect(await primary()).toEqual([]);
  });

  it('is not "send" while the case is paused: that is said in words', async () => {
    const caseId = await fundedCase();
    const id = await request(caseId);
    await t.services.purchases.confirm(team.support, id, { how: 'in_person' });
    await t.services.cases.pause(team.support, caseId, { reason: 'Indlagt' });
    const html = await (await support.get(`/forloeb/${caseId}/anmodninger/${id}`)).text();
    expect(primaryActions(html)).toEqual([]);
    expect(html).toContain('Den kan sendes til godkendelse, når forløbet er aktivt.');
  });
});
