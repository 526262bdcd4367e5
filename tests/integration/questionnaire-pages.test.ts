import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The questionnaire pages (spec: Questionnaires): the case page's section with the four and their status in
// words, a page per questionnaire that works without JavaScript, saved part-way and completed later; a bad
// answer shows the page again with the error summary and what was typed, and saves nothing; the
// coordinator reads and cannot answer; the overview lists what is overdue.

const DAY = 24 * 60 * 60 * 1000;

let t: TestContext;
let app: TestApp;
let coordinator: Actor;
let support: Actor;
let supportBrowser: Browser;
let coordinatorBrowser: Browser;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  app = buildApp(t.services);
  supportBrowser = new Browser(app).useSession((await loginAs(t, 'support', AARHUS)).token);
  coordinatorBrowser = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
});
afterAll(() => t.close());

function stored(caseId: string) {
  return t.database.transaction('all', (tx) =>
    tx
      .selectFrom('questionnaire_response')
      .select(['instrument', 'answers', 'on_behalf', 'completed_at'])
      .where('case_id', '=', caseId)
      .execute(),
  );
}

/** A form post with a repeated field (ticked checkboxes), which Browser.submit cannot send. */
async function postRepeated(browser: Browser, path: string, body: URLSearchParams): Promise<Response> {
  const headers = new Headers({
    'content-type': 'application/x-www-form-urlencoded',
    origin: browser.origin,
    cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
  });
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000 } } };
  return app.app.request(`${browser.origin}${path}`, { method: 'POST', headers, body: body.toString() }, env);
}

const checked = (html: string, name: string, value: string) =>
  new RegExp(`name="${name.replace('.', '\\.')}" value="${value}"[^>]*checked`).test(html);

describe('the case page', () => {
  it('lists the four questionnaires with their status in words and a link to each', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const html = await (await supportBrowser.get(`/forloeb/${caseId}`)).text();
    expect(html).toContain('<h2>Spørgeskemaer</h2>');
    for (const code of ['citizen_start', 'support_start', 'citizen_end', 'support_end']) {
      expect(html).toContain(`href="/forloeb/${caseId}/spoergeskemaer/${code}"`);
    }
    expect(html).toContain('Borgerens spørgeskema ved start');
    expect(html).toContain('Støttepersonens spørgeskema ved afslutning');
    expect(html.match(/Skal besvares/g)?.length).toBe(2);
    expect(html.match(/Ikke aktuelt endnu/g)?.length).toBe(2);
  });
});

describe('a questionnaire page', () => {
  it('shows WHO-5 as radio groups with the official labels and the goal categories as checkboxes', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const res = await supportBrowser.get(`/forloeb/${caseId}/spoergeskemaer/citizen_start`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Borgerens spørgeskema ved start');
    expect(html).toContain('I de sidste 2 uger har jeg været glad og i godt humør');
    expect(html).toContain('Hele tiden (5)');
    expect(html).toContain('På intet tidspunkt (0)');
    expect(html.match(/type="radio"[^>]*name="answers\.who5_3"/g)?.length).toBe(6);
    expect(html.match(/type="checkbox"[^>]*name="answers\.goal_categories"/g)?.length).toBe(8);
    expect(html).toContain('på borgerens vegne');
    expect(html).toContain('Gem og fortsæt senere');
    expect(html).toContain('Gem som færdigt');
  });

  it('saves part-way, shows the answers again, and completes later', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const path = `/forloeb/${caseId}/spoergeskemaer/citizen_start`;
    const partial = await supportBrowser.submit(path, {
      version: '1',
      'answers.distance': 'far',
      'answers.who5_1': '3',
      action: 'partial',
    });
    expect(partial.status).toBe(303);
    expect(partial.headers.get('location')).toBe(`${path}?gemt=delvist`);
    const again = await (await supportBrowser.get(`${path}?gemt=delvist`)).text();
    expect(again).toContain('Svarene er gemt. Spørgeskemaet er ikke færdigt endnu.');
    expect(again).toContain('2 af 7 spørgsmål');
    expect(checked(again, 'answers.distance', 'far')).toBe(true);
    expect(checked(again, 'answers.who5_1', '3')).toBe(true);
    expect(await stored(caseId)).toEqual([
      {
        instrument: 'citizen_start',
        answers: { distance: 'far', who5_1: 3 },
        on_behalf: true,
        completed_at: null,
      },
    ]);

    // The form sends every item; one left without a choice is not answered, never a default.
    const complete = await supportBrowser.post(path, {
      _csrf: await supportBrowser.csrfToken(),
      _idem: 'complete-key-1',
      version: '1',
      'answers.distance': 'far',
      'answers.who5_1': '3',
      'answers.who5_2': '2',
      'answers.who5_3': '4',
      'answers.who5_4': '0',
      'answers.who5_5': '5',
      action: 'complete',
    });
    expect(complete.status).toBe(422);
    const html = await complete.text();
    expect(html).toContain('<title>Fejl: ');
    expect(html).toContain('Besvar &quot;Målkategorier&quot; for at gemme spørgeskemaet som færdigt.');
    expect(checked(html, 'answers.who5_4', '0')).toBe(true);

    const body = new URLSearchParams({
      _csrf: await supportBrowser.csrfToken(),
      _idem: 'complete-key-2',
      version: '1',
      'answers.distance': 'far',
      'answers.who5_1': '3',
      'answers.who5_2': '2',
      'answers.who5_3': '4',
      'answers.who5_4': '0',
      'answers.who5_5': '5',
      action: 'complete',
    });
    body.append('answers.goal_categories', 'housing');
    body.append('answers.goal_categories', 'health');
    const done = await postRepeated(supportBrowser, path, body);
    expect(done.status).toBe(303);
    const rows = await stored(caseId);
    expect(rows[0]?.answers).toEqual({
      distance: 'far',
      goal_categories: ['health', 'housing'],
      who5_1: 3,
      who5_2: 2,
      who5_3: 4,
      who5_4: 0,
      who5_5: 5,
    });
    expect(rows[0]?.completed_at).not.toBeNull();
    const casePage = await (await supportBrowser.get(`/forloeb/${caseId}`)).text();
    expect(casePage).toContain('Besvaret');
  });

  it('refuses a bad answer with the error summary, keeps what was typed, and changes nothing', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const path = `/forloeb/${caseId}/spoergeskemaer/citizen_start`;
    await t.services.questionnaires.save(support, caseId, 'citizen_start', { answers: { who5_2: 1 } }, 'x');
    const before = await stored(caseId);
    const res = await supportBrowser.submit(path, {
      version: '1',
      'answers.distance': 'close',
      'answers.who5_1': '9',
      action: 'partial',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Der er problemer');
    expect(html).toContain('href="#answers-who5_1"');
    expect(html).toContain('skal være et helt tal fra 0 til 5, ikke 9.');
    expect(checked(html, 'answers.distance', 'close')).toBe(true);
    expect(await stored(caseId)).toEqual(before);
  });

  it('shows the coordinator the answers without a form, and refuses their save as "not found"', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.questionnaires.save(
      support,
      caseId,
      'support_start',
      { answers: { belief: 'very_high' }, complete: true },
      'x',
    );
    const path = `/forloeb/${caseId}/spoergeskemaer/support_start`;
    const html = await (await coordinatorBrowser.get(path)).text();
    expect(html).toContain('Du kan se svarene, men ikke ændre dem.');
    expect(html).toContain('I meget høj grad');
    expect(html).not.toContain('Gem som færdigt');
    const res = await coordinatorBrowser.submit(path, { 'answers.belief': 'low', action: 'complete' });
    expect(res.status).toBe(404);
    expect((await supportBrowser.get(`/forloeb/${caseId}/spoergeskemaer/support_middle`)).status).toBe(404);
    // The WHO-5 score (sum × 4) once all five statements are answered.
    const who5 = { who5_1: 3, who5_2: 2, who5_3: 4, who5_4: 1, who5_5: 0 };
    await t.services.questionnaires.save(support, caseId, 'citizen_start', { answers: who5 }, 'x');
    const start = await (
      await coordinatorBrowser.get(`/forloeb/${caseId}/spoergeskemaer/citizen_start`)
    ).text();
    expect(start).toMatch(/Trivselsscore \(WHO-5, 0–100\)<\/th>\s*<td>40<\/td>/);
    expect(start).toContain('Ikke besvaret');
  });
});

describe('the coordinator’s overview', () => {
  it('lists the questionnaires that are overdue, with a link to each', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.questionnaires.save(
      support,
      caseId,
      'citizen_start',
      { answers: { distance: 'far' } },
      'x',
    );
    t.clock.advance(31 * DAY);
    const browser = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
    const html = await (await browser.get('/forloeb/oversigt')).text();
    expect(html).toContain('Overskredet spørgeskema');
    expect(html).toContain(`href="/forloeb/${caseId}/spoergeskemaer/citizen_start"`);
    expect(html).toContain(`href="/forloeb/${caseId}/spoergeskemaer/support_start"`);
    // The filter keeps only the cases with something overdue: not Mads, whose start ones are answered.
    expect(html).toContain('Mads Bøgh');
    const filtered = await (await browser.get('/forloeb/oversigt?spoergeskemaer=on')).text();
    expect(filtered).toContain(`href="/forloeb/${caseId}"`);
    expect(filtered).not.toContain('Mads Bøgh');
    expect(filtered).toMatch(/name="spoergeskemaer"[^>]*checked/);
  });
});

describe('the API', () => {
  it('reads the questionnaires and saves one, with each bad answer named in error.fields', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const admin = await staff(t, AARHUS, 'admin');
    const { token } = await t.services.apiTokens.issue(admin, { userId: support.userId, name: 'Test' });
    const call = (method: string, path: string, body?: unknown) =>
      app.app.request(`http://localhost:3000/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'idempotency-key': `q-api-${Math.random().toString(36).slice(2)}`,
              }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const put = `/cases/${caseId}/questionnaires/support_start`;
    const bad = await call('PUT', put, { answers: { belief: 'certain' }, complete: true });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'answers.belief':
        '"certain" er ikke et muligt svar på "Tro på målet". Vælg mellem: I meget høj grad, I høj grad, Delvist, I mindre grad, I lav grad.',
    });
    const ok = await call('PUT', put, { answers: { belief: 'partly' }, complete: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      instrument: 'support_start',
      status: 'done',
      complete: true,
      onBehalf: false,
      answers: { belief: 'partly' },
      missing: [],
    });
    const list = await call('GET', `/cases/${caseId}/questionnaires`);
    const json = (await list.json()) as { questionnaires: { instrument: string; status: string }[] };
    expect(json.questionnaires.map((q) => `${q.instrument}: ${q.status}`)).toEqual([
      'citizen_start: due',
      'support_start: done',
      'citizen_end: not_due',
      'support_end: not_due',
    ]);
    expect((await call('PUT', `/cases/${caseId}/questionnaires/mood`, { answers: {} })).status).toBe(404);
  });
});
