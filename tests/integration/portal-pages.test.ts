import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { HALSNAES, programmeOf, staff } from '../factories/case-factory.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The citizen's own portal over HTTP (spec: Citizen portal): every page shows the citizen's own case, found
// from the log-in; a proposal becomes a draft the support person sees; a confirmation is recorded "in the
// portal"; the dream the citizen writes is a plan revision by the citizen; amounts are hidden where
// the programme says so; another citizen's ids are "not found", staff get "not found", a visitor is
// sent to log in.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let t: TestContext;
let web: TestApp;
let me: CitizenSession;
let other: CitizenSession;
let browser: Browser;
let support: Actor;
let coordinator: Actor;
let finance: Actor;
let vendorId: string;
let subGoalId: string;
let toConfirmId: string;
let otherRequestId: string;
let supportIdeaId: string;

/** Text as a reader sees it: the no-break space of "1.000 kr." as a plain space. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ');

const requestFields = (over: Record<string, string> = {}) => ({
  title: 'Cykel med lygter',
  purpose: 'Så jeg kan komme til praktik',
  amountKr: '2500',
  category: 'transport',
  vendorId,
  paymentMethod: 'bank_transfer',
  ...over,
});

/** A multipart form post as the proposal page sends it, with this browser's cookies and CSRF token. */
async function postMultipart(
  b: Browser,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type: string },
): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', await b.csrfToken());
  form.set('_idem', newIdempotencyKey());
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', file ? new File([file.bytes], file.name, { type: file.type }) : new File([], ''));
  const headers = new Headers({
    cookie: [...b.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    origin: b.origin,
  });
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000 } } };
  return b.testApp.app.request(`${b.origin}${path}`, { method: 'POST', headers, body: form }, env);
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  me = await citizenSession(t);
  ({ support, coordinator } = me);
  finance = await staff(t, 751, 'okonomi');
  other = await citizenSession(t, { coordinator, support });
  browser = new Browser(web).useSession(me.token);

  vendorId = await t.services.budgets.addVendor(coordinator, {
    name: 'Portalens Cykler',
    cvr: '11223344',
    bankRegistration: '1234',
    bankAccount: '0011223344',
  });
  await t.services.budgets.grant(coordinator, me.caseId, { amountKr: '10000' });
  await t.services.plans.setDream(support, me.caseId, { dream: 'At få mit eget værksted.' });
  const goalId = await t.services.plans.addGoal(support, me.caseId, {
    description: 'Et arbejde med mine hænder',
    categories: ['education_employment'],
  });
  subGoalId = await t.services.plans.addSubGoal(support, me.caseId, {
    description: 'Tage kørekort',
    status: 'in_progress',
    longTermGoalId: goalId,
  });
  await t.services.plans.addSubGoal(support, me.caseId, {
    description: 'Finde en praktikplads',
    status: 'planned',
    longTermGoalId: goalId,
  });
  supportIdeaId = await t.services.plans.addIdea(support, me.caseId, { text: 'Et kursus i svejsning' });

  // One paid, one rejected, one that waits for the citizen's word.
  const paid = await t.services.purchases.create(support, me.caseId, requestFields({ subGoalId }));
  await t.services.purchases.confirm(support, paid, { how: 'in_person' });
  await t.services.purchases.submit(support, paid);
  await t.services.purchases.approve(support, paid);
  await t.services.purchases.pay(finance, paid, { reference: 'F-1' });
  const rejected = await t.services.purchases.create(
    support,
    me.caseId,
    requestFields({ title: 'Ny telefon', amountKr: '3000' }),
  );
  await t.services.purchases.confirm(support, rejected, { how: 'in_person' });
  await t.services.purchases.submit(support, rejected);
  await t.services.purchases.reject(coordinator, rejected, { reason: 'Telefonen er for dyr.' });
  toConfirmId = await t.services.purchases.create(
    support,
    me.caseId,
    requestFields({ title: 'Hjelm', amountKr: '400' }),
  );
  otherRequestId = await t.services.purchases.create(
    support,
    other.caseId,
    requestFields({ title: 'Andens sko', amountKr: '700' }),
  );
});
afterAll(() => t.close());

describe('the portal pages', () => {
  it('shows the front page: the support person, what is happening now and what to do next', async () => {
    const res = await browser.get('/borger');
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain(support.name);
    expect(html).toContain(`mailto:${support.email ?? ''}`);
    // The case started on the test clock's 2 March 2026 and runs 12 months.
    expect(html).toContain(
      'Sidste dag i perioden er 1. marts 2027. Du kan bruge dit budget til og med den dag.',
    );
    expect(html).toContain('href="/borger/bekraeft">Et køb venter på, at du siger ja.');
    // The start questionnaire is due from the start date.
    expect(html).toContain('href="/borger/spoergeskemaer"');
    for (const href of ['/borger/maal', '/borger/budget', '/borger/koeb', '/borger/ideer', '/borger/log']) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('shows the dream, the goal and the sub-goals with their status', async () => {
    const html = await (await browser.get('/borger/maal')).text();
    expect(html).toContain('At få mit eget værksted.');
    expect(html).toContain('Et arbejde med mine hænder');
    expect(html).toMatch(
      /Tage kørekort<\/span> <span class="badge"><span class="sr-only">Status: <\/span>I gang/,
    );
    expect(html).toContain('Ikke startet');
  });

  it('keeps the dream the citizen writes as a plan revision by the citizen', async () => {
    const res = await browser.submit('/borger/maal/droem', { dream: 'Mit eget værksted med lys og varme.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/borger/maal?ok=droem');
    const page = await (await browser.get('/borger/maal?ok=droem')).text();
    expect(page).toContain('Din drøm er gemt.');
    expect(page).toContain('Mit eget værksted med lys og varme.');
    const history = await t.services.plans.history(support, me.caseId, 'GET /forloeb/:id/plan');
    const last = history.find((r) => r.entityType === 'dream' && r.actor?.userId === me.actor.userId);
    expect(last).toMatchObject({
      actor: { role: 'citizen', name: me.actor.name },
      change: 'update',
      before: { dream: 'At få mit eget værksted.' },
      after: { dream: 'Mit eget værksted med lys og varme.' },
    });
  });

  it('refuses a dream that is too long, keeps what was typed and says what to fix', async () => {
    const long = `${'lang drøm '.repeat(401)}slut`;
    const res = await browser.submit('/borger/maal/droem', { dream: long });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>Fejl: Min drøm og mine mål');
    expect(html).toContain('Der er problemer');
    expect(html).toContain('Din drøm må højst fylde 4000 tegn.');
    expect(html).toContain('slut</textarea>');
    const plan = await t.services.plans.get(support, me.caseId, 'test');
    expect(plan.dream).toBe('Mit eget værksted med lys og varme.');
  });

  it('lets the citizen write ideas down and remove their own, but not the support person’s', async () => {
    const empty = await browser.submit('/borger/ideer', { text: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Skriv din idé.');

    const added = await browser.submit('/borger/ideer', { text: 'Lære at lave mad' });
    expect(added.status).toBe(303);
    const html = await (await browser.get('/borger/ideer?ok=ide')).text();
    expect(html).toContain('Din idé er gemt.');
    expect(html).toContain('Lære at lave mad');
    expect(html).toContain('Et kursus i svejsning');
    expect(html).toContain('Fra din støtteperson');
    const mine = (await t.services.plans.get(support, me.caseId, 'test')).ideas.find(
      (i) => i.text === 'Lære at lave mad',
    );
    if (!mine) throw new Error('the idea was not saved');
    expect(html).toContain(`action="/borger/ideer/${mine.id}/fjern"`);
    expect(html).not.toContain(`action="/borger/ideer/${supportIdeaId}/fjern"`);

    expect((await browser.submit(`/borger/ideer/${supportIdeaId}/fjern`, {})).status).toBe(404);
    expect((await browser.submit(`/borger/ideer/${mine.id}/fjern`, {})).status).toBe(303);
    const ideas = (await t.services.plans.get(support, me.caseId, 'test')).ideas.map((i) => i.text);
    expect(ideas).toEqual(['Et kursus i svejsning']);
    const history = await t.services.plans.history(support, me.caseId, 'test');
    expect(
      history.filter((r) => r.entityType === 'idea' && r.actor?.role === 'citizen').map((r) => r.change),
    ).toEqual(['create', 'delete']);
  });

  it('shows what is left, reserved and spent, by sub-goal', async () => {
    const html = plain(await (await browser.get('/borger/budget')).text());
    expect(html).toMatch(/Tilbage<\/th><td[^>]*>7.500 kr.</);
    expect(html).toMatch(/Brugt<\/th><td[^>]*>2.500 kr.</);
    expect(html).toMatch(/I alt<\/th><td[^>]*>10.000 kr.</);
    expect(html).toMatch(/Tage kørekort<\/th><td[^>]*>0 kr.<\/td><td[^>]*>2.500 kr.</);
    expect(html).toContain('Når du har nået dine delmål, må du bruge resten af pengene.');
  });

  it('lists every request of the case with its status in words, and never another case’s', async () => {
    const html = plain(await (await browser.get('/borger/koeb')).text());
    expect(html).toContain('Betalt 2. marts 2026');
    expect(html).toContain('Afvist: Telefonen er for dyr.');
    expect(html).toContain('Venter på, at du siger ja');
    expect(html).toContain('2.500 kr.');
    expect(html).not.toContain('Andens sko');
    expect(html).not.toContain('F-1');
  });

  it('offers the citizen’s own sub-goals on the proposal form', async () => {
    const html = await (await browser.get('/borger/koeb/nyt')).text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain(`<option value="${subGoalId}">Tage kørekort</option>`);
    expect(html).toContain('Der bliver ikke betalt noget nu.');
  });

  it('turns a proposal into a draft for the support person, with the photo of the quote', async () => {
    const res = await postMultipart(
      browser,
      '/borger/koeb/nyt',
      {
        title: 'Køreskole',
        purpose: 'Jeg skal have kørekort for at få arbejde.',
        subGoalId,
        amountKr: '12000',
        shop: 'Byens Køreskole',
      },
      { name: 'tilbud.png', bytes: PNG, type: 'image/png' },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/borger/koeb?ok=sendt');
    const requests = await t.services.purchases.listForCase(support, me.caseId);
    const draft = requests.find((r) => r.title === 'Køreskole');
    expect(draft).toMatchObject({
      status: 'draft',
      created_by: me.actor.userId,
      amount_ore: 1_200_000,
      sub_goal_id: subGoalId,
      vendor_id: null,
      links: 'Byens Køreskole',
      citizen_confirmed_on: null,
    });
    const overview = await t.services.budgets.overview(support, me.caseId, 'test');
    const view = overview.requests.find((r) => r.title === 'Køreskole');
    expect(view?.createdBy).toBe(me.actor.name);
    expect(view?.attachments.map((a) => [a.kind, a.fileName])).toEqual([['quote', 'tilbud.png']]);
    // Nothing is reserved or paid by a proposal.
    expect(overview.balance.reserved).toBe(0);
    // The support person sees it on the case, marked as the citizen's proposal.
    const supportBrowser = new Browser(web).useSession((await loginAs(t, 'support')).token);
    const staffPage = await supportBrowser.get(`/forloeb/${me.caseId}/anmodninger/${draft?.id ?? ''}`);
    expect(staffPage.status).toBe(200);
    expect(await staffPage.text()).toContain(`${me.actor.name} (borgeren, foreslået i portalen)`);
    const list = await (await browser.get('/borger/koeb?ok=sendt')).text();
    expect(list).toContain('Tak. Dit forslag er sendt til din støtteperson.');
    expect(list).toContain('Sendt til din støtteperson');
  });

  it('keeps what was typed and says what to fix when a proposal is wrong', async () => {
    const before = (await t.services.purchases.listForCase(support, me.caseId)).length;
    const res = await postMultipart(
      browser,
      '/borger/koeb/nyt',
      { title: '', purpose: 'Til mit værksted', amountKr: 'mange', shop: 'Værktøjsbutikken', subGoalId: '' },
      { name: 'tilbud.exe', bytes: new Uint8Array([0x4d, 0x5a, 1, 2]), type: 'application/octet-stream' },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>Fejl: Foreslå et køb');
    expect(html).toContain('Der er problemer');
    expect(html).toContain('Skriv hvad du vil købe.');
    expect(html).toContain('Filen skal være en PDF, JPEG eller PNG.');
    expect(html).toContain('href="#amountKr"');
    expect(html).toContain('value="Værktøjsbutikken"');
    expect(html).toContain('value="mange"');
    expect(html).toContain('Til mit værksted</textarea>');
    expect((await t.services.purchases.listForCase(support, me.caseId)).length).toBe(before);
  });

  it('refuses a sub-goal of another case as a choice that is not on the list', async () => {
    const others = await t.services.plans.addSubGoal(support, other.caseId, { description: 'Andens mål' });
    const res = await postMultipart(browser, '/borger/koeb/nyt', {
      title: 'Sko',
      purpose: 'Til arbejdet',
      amountKr: '500',
      subGoalId: others,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Vælg et af dine delmål.');
  });

  it('records the citizen’s confirmation in the portal, with the date', async () => {
    const page = await (await browser.get('/borger/bekraeft')).text();
    expect(page).toContain('Hjelm');
    expect(page).toContain(`action="/borger/bekraeft/${toConfirmId}"`);
    expect(page).not.toContain('Køreskole');
    const res = await browser.submit(`/borger/bekraeft/${toConfirmId}`, {});
    expect(res.status).toBe(303);
    const request = (await t.services.purchases.listForCase(support, me.caseId)).find(
      (r) => r.id === toConfirmId,
    );
    expect(request).toMatchObject({ citizen_confirmed_on: '2026-03-02', citizen_confirmed_how: 'portal' });
    const after = await (await browser.get('/borger/bekraeft?ok=bekraeftet')).text();
    expect(after).toContain('Tak. Du har sagt ja til købet.');
    expect(after).toContain('Der er ikke noget, du skal sige ja til.');
    // The support person can now send it on.
    await t.services.purchases.submit(support, toConfirmId);
  });

  it('does not write the citizen’s own reading to the access log (the log shows staff)', async () => {
    const count = () =>
      t.database.transaction('all', async (tx) =>
        Number(
          (
            await tx
              .selectFrom('access_log')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('case_id', '=', me.caseId)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const before = await count();
    for (const path of [
      '/borger',
      '/borger/maal',
      '/borger/ideer',
      '/borger/budget',
      '/borger/koeb',
      '/borger/koeb/nyt',
      '/borger/bekraeft',
    ]) {
      expect((await browser.get(path)).status).toBe(200);
    }
    expect(await count()).toBe(before);
  });
});

describe('who may reach the portal', () => {
  it('answers another citizen’s request or idea exactly like one that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const strip = (html: string) =>
      html.replace(/(nonce|value)="[^"]*"/g, '$1=""').replace(/[0-9a-f-]{36}/g, 'ID');
    const theirs = await browser.submit(`/borger/bekraeft/${otherRequestId}`, {});
    const none = await browser.submit(`/borger/bekraeft/${missing}`, {});
    expect(theirs.status).toBe(404);
    expect(strip(await theirs.text())).toBe(strip(await none.text()));
    expect((await browser.submit('/borger/bekraeft/not-an-id', {})).status).toBe(404);
    expect((await browser.submit(`/borger/ideer/${missing}/fjern`, {})).status).toBe(404);
    const untouched = (await t.services.purchases.listForCase(support, other.caseId))[0];
    expect(untouched?.citizen_confirmed_on).toBeNull();
  });

  it('is "not found" for staff and sends a visitor to log in', async () => {
    for (const role of ['support', 'coordinator', 'finance', 'admin', 'evaluator'] as const) {
      const staffBrowser = new Browser(web).useSession((await loginAs(t, role)).token);
      expect((await staffBrowser.get('/borger')).status, role).toBe(404);
      expect((await staffBrowser.get('/borger/koeb')).status, role).toBe(404);
    }
    const visitor = await new Browser(web).get('/borger/budget');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toContain('/log-ind');
  });

  it('sends the citizen from the front page of the app to their portal', async () => {
    const res = await browser.get('/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/borger');
  });
});

describe('the citizen’s case', () => {
  it('is the open one when an older case has closed, and an old case’s things are out of reach', async () => {
    const returning = await citizenSession(t, { coordinator, support });
    const old = await t.services.purchases.create(
      support,
      returning.caseId,
      requestFields({ title: 'Gammel kladde', amountKr: '100' }),
    );
    await t.services.cases.terminate(support, returning.caseId, { reason: 'Flyttede til en anden by.' });
    const { id: newCaseId } = await t.services.cases.refer(coordinator, {
      citizenId: returning.citizenId,
      programmeId: await programmeOf(t, coordinator),
      source: 'jobcenter',
      reason: 'Henvist igen.',
    });
    const b = new Browser(web).useSession(returning.token);
    expect(plain(await (await b.get('/borger')).text())).toContain('Vi ser på, om du kan være med.');
    expect(await t.services.portal.ownCaseId(returning.actor)).toBe(newCaseId);
    expect((await b.submit(`/borger/bekraeft/${old}`, {})).status).toBe(404);
  });

  it('speaks English when the citizen switches', async () => {
    const b = new Browser(web).useSession(me.token);
    await b.get('/sprog/en?tilbage=/borger');
    const html = await (await b.get('/borger')).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Your support person');
    expect(html).toContain('href="/sprog/da?tilbage=%2Fborger"');
  });
});

describe('where the citizen does not see the amount', () => {
  it('says in words how the money stands, without kroner', async () => {
    const hCoordinator = await staff(t, HALSNAES, 'koordinator');
    const hSupport = await staff(t, HALSNAES, 'stotteperson');
    const programmeId = await programmeOf(t, hCoordinator);
    const programme = await t.services.programmes.get(hCoordinator, programmeId);
    await t.services.programmes.updateSettings(
      hCoordinator,
      programmeId,
      programmeInput(programme, { citizenSeesAmount: null }),
    );
    const hidden = await citizenSession(t, { coordinator: hCoordinator, support: hSupport });
    await t.services.budgets.grant(hCoordinator, hidden.caseId, { amountKr: '20000' });
    const hVendor = await t.services.budgets.addVendor(hCoordinator, { name: 'Halsnæs Cykler' });
    await t.services.purchases.create(hSupport, hidden.caseId, {
      title: 'Elcykel',
      purpose: 'Til arbejdet',
      amountKr: '4321',
      category: 'transport',
      vendorId: hVendor,
      paymentMethod: 'invoice',
    });
    const b = new Browser(web).useSession(hidden.token);
    for (const path of ['/borger/budget', '/borger/koeb', '/borger/bekraeft', '/borger']) {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      const html = plain(await res.text());
      expect(html, path).not.toMatch(/[0-9] kr\./);
      expect(html, path).not.toContain('4.321');
    }
    const budget = await (await b.get('/borger/budget')).text();
    expect(budget).toContain('Der er stadig penge tilbage.');
    expect(budget).toContain('Din kommune viser ikke beløbet.');
    expect(await (await b.get('/borger/koeb')).text()).toContain('Elcykel');
  });
});
