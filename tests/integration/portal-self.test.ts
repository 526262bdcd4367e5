import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessPurposeOf } from '../../src/services/portal/portal-access-log.service.ts';
import { da } from '../../src/i18n/da.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The citizen's own pages about their data over HTTP (spec: Citizen portal): the questionnaires one question
// per page, "Hvem har set mine oplysninger" and "Mine data" (page and JSON download), and that a citizen
// reaches nothing but their own.

let t: TestContext;
let web: TestApp;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
});
afterAll(() => t.close());

async function citizen(options: Parameters<typeof citizenSession>[1] = {}) {
  const me = await citizenSession(t, options);
  return { me, browser: new Browser(web).useSession(me.token) };
}

const Q = '/borger/spoergeskemaer';
const step = (n: number | 'send') => `${Q}/citizen_start/${String(n)}`;

async function saved(me: CitizenSession) {
  return (await t.services.questionnaires.get(me.support, me.caseId, 'citizen_start', 'GET /forloeb/:id'))
    .questionnaire;
}

describe('the questionnaires, one question per page', () => {
  let me: CitizenSession;
  let browser: Browser;
  beforeAll(async () => ({ me, browser } = await citizen()));

  it('lists the start questionnaire as due and the end one as later', async () => {
    const html = await (await browser.get(Q)).text();
    expect(html).toContain(da['portalSelf.q.status.new']);
    expect(html).toContain(`href="${step(1)}"`);
    expect(html).toContain(da['portalSelf.q.status.notYet']);
    expect(html).not.toContain('/borger/spoergeskemaer/citizen_end/1');
  });

  it('asks for a choice when "Næste" is pressed without one, and saves nothing', async () => {
    const page = await browser.get(step(1));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Spørgsmål 1 af 7');
    const res = await browser.submit(step(1), { action: 'next', version: '1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(da['portalSelf.q.chooseOne']);
    expect(html).toContain('<title>Fejl: ');
    expect((await saved(me)).updatedAt).toBeNull();
  });

  it('saves each answer part-way and goes on; "Spring over" leaves it unanswered', async () => {
    let res = await browser.submit(step(1), {
      action: 'next',
      'answers.goal_categories': 'housing',
    });
    expect([res.status, res.headers.get('location')]).toEqual([303, step(2)]);
    // Two boxes ticked arrive as a list.
    const form = new URLSearchParams({ _csrf: await browser.csrfToken(), _idem: 'k-multi', action: 'next' });
    form.append('answers.goal_categories', 'housing');
    form.append('answers.goal_categories', 'health');
    res = await web.app.request(
      `${browser.origin}${step(1)}`,
      {
        method: 'POST',
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: browser.origin,
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000 } } },
    );
    expect(res.status).toBe(303);
    expect((await saved(me)).answers.goal_categories).toEqual(['health', 'housing']);

    res = await browser.submit(step(2), { action: 'skip' });
    expect([res.status, res.headers.get('location')]).toEqual([303, step(3)]);
    const q = await saved(me);
    expect(q.answers.distance).toBeUndefined();
    expect(q.completedAt).toBeNull();
    expect(q.onBehalf).toBe(false);
  });

  it('keeps the choice and refuses an answer that is not on the scale', async () => {
    const res = await browser.submit(step(3), { action: 'next', 'answers.who5_1': '9' });
    expect(res.status).toBe(422);
    expect((await saved(me)).answers.who5_1).toBeUndefined();
  });

  it('shows the answers so far on the last page and refuses to send with one missing', async () => {
    for (const [n, item] of [3, 4, 5, 6, 7].map((n, i) => [n, `who5_${i + 1}`] as const)) {
      const res = await browser.submit(step(n), { action: 'next', [`answers.${item}`]: '3' });
      expect(res.headers.get('location')).toBe(n === 7 ? step('send') : step(n + 1));
    }
    const review = await (await browser.get(step('send'))).text();
    expect(review).toContain('Lidt mere end halvdelen af tiden');
    expect(review).toContain(da['portalSelf.q.review.notAnswered']);
    const res = await browser.submit(step('send'), {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`href="${step(2)}"`);
    expect(html).toContain('Svar på spørgsmål 2.');
    expect((await saved(me)).completedAt).toBeNull();
  });

  it('sends the answers as complete, after which they are shown, not changed', async () => {
    await browser.submit(step(2), { action: 'next', 'answers.distance': 'far' });
    const res = await browser.submit(step('send'), {});
    expect([res.status, res.headers.get('location')]).toEqual([303, `${Q}?sendt=1`]);
    const q = await saved(me);
    expect(q.completedAt).not.toBeNull();
    expect(q.answers).toMatchObject({ distance: 'far', who5_5: 3 });
    expect(await (await browser.get(`${Q}?sendt=1`)).text()).toContain(da['portalSelf.q.sent']);
    const again = await browser.get(step(1));
    expect([again.status, again.headers.get('location')]).toEqual([303, step('send')]);
    const post = await browser.submit(step(1), { action: 'skip' });
    expect(post.status).toBe(303);
    expect((await saved(me)).answers.goal_categories).toEqual(['health', 'housing']);
  });

  it('has no page for a step that is not a question, nor for the support person’s questionnaire', async () => {
    for (const path of [step(0), step(8), `${Q}/citizen_start/x`, `${Q}/support_start/1`, `${Q}/nope/1`]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  it('cannot be answered before the period starts', async () => {
    const lead = await citizen({ phase: 'lead_in' });
    expect(await (await lead.browser.get(Q)).text()).toContain(da['portalSelf.q.status.notStarted']);
    const res = await lead.browser.get(step(1));
    expect([res.status, res.headers.get('location')]).toEqual([303, Q]);
  });
});

describe('who has seen my information', () => {
  it('turns route patterns into plain purposes', () => {
    expect(accessPurposeOf('GET /forloeb/:id')).toEqual({ purpose: 'case', change: false });
    expect(accessPurposeOf('GET /forloeb')).toEqual({ purpose: 'case_list', change: false });
    expect(accessPurposeOf('GET /forloeb/:id/budget')).toEqual({ purpose: 'budget', change: false });
    expect(accessPurposeOf('GET /api/v1/cases/{id}/plan/history').purpose).toBe('plan');
    expect(accessPurposeOf('POST /forloeb/:id/spoergeskemaer/:instrument')).toEqual({
      purpose: 'questionnaires',
      change: true,
    });
    expect(accessPurposeOf('GET /bilag/:attachmentId').purpose).toBe('attachment');
    expect(accessPurposeOf('GET /api/v1/citizens/{id}').purpose).toBe('citizen');
    expect(accessPurposeOf('POST /forloeb/:id/aktiveringskode')).toEqual({ purpose: 'login', change: true });
    expect(accessPurposeOf('GET /noget/helt/nyt').purpose).toBe('other');
  });

  it('shows staff reads newest first, the own support person by name, others by role only', async () => {
    const { me, browser } = await citizen();
    const before = await (await browser.get('/borger/log')).text();
    expect(before).toContain(da['portalSelf.log.empty']);
    // One visit by the support person reads the case and its budget: shown as one visit.
    await t.services.cases.detail(me.support, me.caseId, 'GET /forloeb/:id');
    await t.services.budgets.overview(me.support, me.caseId, 'GET /forloeb/:id');
    t.clock.advance(60_000);
    await t.services.budgets.overview(me.coordinator, me.caseId, 'GET /forloeb/:id/budget');
    const html = await (await browser.get('/borger/log')).text();
    expect(html).toContain(`Din støtteperson, ${me.support.name}`);
    expect(html).toContain(da['portalSelf.purpose.case']);
    expect(html).toContain(da['portalSelf.purpose.budget']);
    expect(html).toContain(da['portalSelf.role.coordinator']);
    expect(html).not.toContain(me.coordinator.name);
    expect(html.indexOf(da['portalSelf.purpose.budget'])).toBeLessThan(
      html.indexOf(da['portalSelf.purpose.case']),
    );
    expect(html).toContain('kl. 10.01');
    expect(html.split('<li class="mb-5">')).toHaveLength(3);
    // The citizen's own reads are not in it.
    await browser.get('/borger/mine-data');
    const page = await t.services.portalAccessLog.page(me.actor, {});
    expect(page.total).toBe(3);
  });

  it('is paged, 50 to a page (spec: Lists); page 2 has the rest, a page past the end or no number too', async () => {
    const { me, browser } = await citizen();
    // Two people a minute, each read a visit of its own, inside the session's idle time.
    for (let i = 0; i < 53; i++) {
      if (i % 2 === 0) t.clock.advance(60_000);
      await t.services.cases.detail(i % 2 === 0 ? me.support : me.coordinator, me.caseId, 'GET /forloeb/:id');
    }
    const rows = (html: string) => html.split('<li class="mb-5">').length - 1;
    const first = await (await browser.get('/borger/log')).text();
    expect(rows(first)).toBe(50);
    expect(first).toContain('Viser 1–50 af 53');
    expect(first).toContain('Side 1 af 2');
    expect(first).toContain('href="/borger/log?side=2"');
    const second = await (await browser.get('/borger/log?side=2')).text();
    expect(rows(second)).toBe(3);
    expect(second).toContain('Viser 51–53 af 53');
    expect(second).toContain('aria-current="page"');
    const last = await (await browser.get('/borger/log?side=99')).text();
    expect(rows(last)).toBe(3);
    expect(last).toContain('Side 2 af 2');
    // An edited address is no failed page: the first page.
    for (const side of ['abc', '-1', '0', '1e3', '99999999999']) {
      const res = await browser.get(`/borger/log?side=${side}`);
      expect(res.status).toBe(200);
      expect(rows(await res.text())).toBe(50);
    }
    // The service answers the same pages.
    const page2 = await t.services.portalAccessLog.page(me.actor, { page: '2' });
    expect(page2).toMatchObject({ page: 2, pages: 2, total: 53, size: 50 });
    expect(page2.items).toHaveLength(3);
  });
});

describe('my data', () => {
  let me: CitizenSession;
  let browser: Browser;
  beforeAll(async () => {
    ({ me, browser } = await citizen());
    await t.services.notes.add(me.support, me.caseId, { body: 'Vi mødtes på biblioteket.' });
    await t.services.notes.add(me.support, me.caseId, { body: 'Hemmelig intern vurdering.', internal: 'on' });
    await t.services.plans.addIdea(me.support, me.caseId, { text: 'En cykel til arbejde' });
    await t.services.cases.detail(me.support, me.caseId, 'GET /forloeb/:id');
  });

  it('shows everything on one page, the CPR number masked, internal notes only counted', async () => {
    const res = await browser.get('/borger/mine-data');
    expect(res.status).toBe(200);
    const html = await res.text();
    const json = await t.services.personalData.exportMine(me.actor);
    expect(html).toContain(json.person.maskedCpr);
    expect(html).not.toContain(json.person.cpr);
    expect(html).toContain('Vi mødtes på biblioteket.');
    expect(html).toContain('En cykel til arbejde');
    expect(html).not.toContain('Hemmelig intern vurdering.');
    expect(html).toContain(da['portalSelf.data.internalNote']);
    expect(html).toContain('href="/borger/mine-data.json"');
  });

  it('downloads as a JSON file with the full CPR number, audited, and not in the access log', async () => {
    const logBefore = (await t.services.portalAccessLog.page(me.actor, {})).total;
    const res = await browser.get('/borger/mine-data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mine-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = (await res.json()) as {
      person: { cpr: string; maskedCpr: string; name: string };
      cases: {
        caseNumber: number;
        notes: { body: string }[];
        ideas: { text: string }[];
        withheld: { internalNotes: number };
      }[];
      accessLog: { purpose: string; role: string; name: string | null }[];
    };
    expect(data.person.cpr).toMatch(/^\d{6}-\d{4}$/);
    expect(data.person.cpr.slice(0, 6)).toBe(data.person.maskedCpr.slice(0, 6));
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]?.notes.map((n) => n.body)).toEqual(['Vi mødtes på biblioteket.']);
    expect(data.cases[0]?.withheld.internalNotes).toBe(1);
    expect(data.cases[0]?.ideas.map((i) => i.text)).toEqual(['En cykel til arbejde']);
    expect(data.accessLog[0]).toMatchObject({ purpose: 'case', role: 'support', name: me.support.name });
    expect(JSON.stringify(data)).not.toContain('Hemmelig intern vurdering.');
    expect((await t.services.portalAccessLog.page(me.actor, {})).total).toBe(logBefore);
    const audit = await t.database.transaction({ municipalityId: me.actor.municipalityId ?? 0 }, (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['actor_user_id', 'entity_id', 'after'])
        .where('action', '=', 'personal_data.export')
        .where('entity_id', '=', me.citizenId)
        .execute(),
    );
    expect(audit.map((a) => a.actor_user_id)).toContain(me.actor.userId);
    expect(JSON.stringify(audit)).not.toContain(data.person.cpr);
  });
});

describe('a citizen reaches only their own', () => {
  it('never sees another citizen’s data, and staff pages and the API answer as for nothing', async () => {
    const a = await citizen();
    const b = await citizen();
    await t.services.notes.add(a.me.support, a.me.caseId, { body: 'Kun til borger A.' });
    for (const path of ['/borger/mine-data', '/borger/mine-data.json', '/borger/log', Q]) {
      const html = await (await b.browser.get(path)).text();
      expect(html, path).not.toContain('Kun til borger A.');
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const route of [
      '/forloeb/:id',
      '/forloeb/:id/budget',
      '/forloeb/:id/spoergeskemaer/citizen_start',
    ]) {
      const own = await b.browser.get(route.replace(':id', b.me.caseId));
      const other = await b.browser.get(route.replace(':id', a.me.caseId));
      const none = await b.browser.get(route.replace(':id', missing));
      expect([own.status, other.status], route).toEqual([none.status, none.status]);
      expect(none.status).toBe(404);
    }
    for (const path of ['/forloeb', '/ordning', '/brugere', '/rapport']) {
      expect((await b.browser.get(path)).status, path).toBe(404);
    }
    const apiOther = await b.browser.get(`/api/v1/cases/${a.me.caseId}`);
    const apiNone = await b.browser.get(`/api/v1/cases/${missing}`);
    expect(apiOther.status).toBe(apiNone.status);
    const body = async (res: Response) => {
      const json = (await res.json()) as { error: { code: string; message: string } };
      return [json.error.code, json.error.message];
    };
    expect(await body(apiOther)).toEqual(await body(apiNone));
  });

  it('is not found for staff', async () => {
    const staff = new Browser(web).useSession((await loginAs(t, 'support')).token);
    for (const path of [Q, step(1), '/borger/log', '/borger/mine-data', '/borger/mine-data.json']) {
      expect((await staff.get(path)).status, path).toBe(404);
    }
  });
});
