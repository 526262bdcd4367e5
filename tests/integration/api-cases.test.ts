import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { DEMO_EVALUATOR, DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { expectedStatus, pathOf, prepare, ROUTES, WHO, type Who } from '../factories/api-case-routes.ts';
import { AARHUS, KOLDING, programmeOf, staff, testCpr } from '../factories/case-factory.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Cases over the JSON API (spec: JSON API): the whole path from referral to an active case with a full plan,
// and the authorisation matrix of every route under /cases and /citizens — built from the OpenAPI document,
// which the registry makes, so a new route without a row in the matrix fails this test.

let t: TestContext;
let api: TestApp;
let coordinator: Actor;
let support: Actor;
const callers = {} as Record<Who, Caller>;

type Caller = { token: string } | { cookie: string; csrf: string } | null;
type Json = Record<string, unknown>;

async function call(method: string, path: string, caller: Caller, body?: unknown) {
  const h = new Headers();
  if (caller && 'token' in caller) h.set('authorization', `Bearer ${caller.token}`);
  if (caller && 'cookie' in caller) {
    h.set('cookie', caller.cookie);
    h.set('origin', api.config.baseUrl.origin);
    h.set('x-csrf-token', caller.csrf);
  }
  if (method !== 'GET') h.set('idempotency-key', newIdempotencyKey());
  const upload = body instanceof FormData;
  if (body !== undefined && !upload) h.set('content-type', 'application/json');
  const res = await api.app.request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : upload ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: res.status, text, json: (isJson ? JSON.parse(text) : null) as Json | null };
}

async function tokenFor(admin: Actor, user: Actor): Promise<Caller> {
  return { token: (await t.services.apiTokens.issue(admin, { userId: user.userId, name: 'Test' })).token };
}

/** The national evaluator has no municipality to issue an API token; a session is the same to the API. */
async function evaluatorSession(): Promise<Caller> {
  const { token } = await t.services.auth.login(
    { email: DEMO_EVALUATOR.email, password: DEMO_PASSWORD },
    '192.0.2.9',
  );
  const browser = new Browser(api).useSession(token);
  const csrf = await browser.csrfToken();
  return { cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; '), csrf };
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  api = buildApp(t.services);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  const admin = await staff(t, AARHUS, 'admin');
  callers['support assigned'] = await tokenFor(admin, support);
  callers['support not assigned'] = await tokenFor(admin, await staff(t, AARHUS, 'stotteperson2'));
  callers.coordinator = await tokenFor(admin, coordinator);
  callers.finance = await tokenFor(admin, await staff(t, AARHUS, 'okonomi'));
  callers.admin = await tokenFor(admin, admin);
  callers.evaluator = await evaluatorSession();
  callers["other municipality's coordinator"] = await tokenFor(
    await staff(t, KOLDING, 'admin'),
    await staff(t, KOLDING, 'koordinator'),
  );
  callers['no token'] = null;
});
afterAll(() => t.close());

describe('a case from referral to an active plan, over the API', () => {
  it('registers, screens, assigns, acknowledges, plans five sub-goals, activates, and refuses a sixth', async () => {
    const coord = callers.coordinator;
    const sup = callers['support assigned'];
    const cpr = testCpr();
    const registered = await call('POST', '/citizens', coord, { cpr, name: 'Api Borger' });
    expect(registered.status).toBe(201);
    const citizen = registered.json as { id: string; maskedCpr: string };
    expect(citizen.maskedCpr).toBe(`${cpr.slice(0, 6)}-XXXX`);
    expect(registered.text).not.toContain(cpr.slice(-4));

    const found = await call('POST', '/citizens/search', coord, { cpr });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ citizen: { id: citizen.id, maskedCpr: citizen.maskedCpr } });
    expect(found.text).not.toContain(cpr.slice(-4));
    expect((await call('POST', '/citizens/search', coord, { cpr: '12' })).status).toBe(422);

    const programmeId = await programmeOf(t, coordinator);
    const referral = { citizenId: citizen.id, programmeId, source: 'jobcenter', reason: 'Henvist over API.' };
    const referred = await call('POST', '/cases', coord, referral);
    expect(referred.status).toBe(201);
    const caseId = (referred.json as { id: string }).id;
    expect(referred.json).toMatchObject({ state: { phase: 'referred' } });
    const c = `/cases/${caseId}`;

    expect((await call('POST', `${c}/screening/start`, coord)).json).toMatchObject({
      state: { phase: 'screening' },
    });
    const accepted = await call('POST', `${c}/screening/accept`, coord, { reason: 'I målgruppen.' });
    expect(accepted.json).toMatchObject({ state: { phase: 'lead_in' } });
    const early = await call('POST', `${c}/activate`, coord, {});
    expect(early.status).toBe(409);
    expect((await call('PUT', `${c}/support`, coord, { supportUserId: support.userId })).status).toBe(204);
    expect((await call('PUT', `${c}/conditions/acknowledgement`, sup, { method: 'in_person' })).status).toBe(
      204,
    );

    expect((await call('PUT', `${c}/plan/dream`, sup, { dream: 'At bo i egen lejlighed.' })).status).toBe(
      204,
    );
    const goal = await call('POST', `${c}/plan/goals`, sup, {
      description: 'Egen bolig og et job',
      categories: ['housing', 'education_employment'],
    });
    expect(goal.status).toBe(201);
    const goalId = (goal.json as { id: string }).id;
    const subGoalIds: string[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const sub = await call('POST', `${c}/plan/sub-goals`, sup, {
        description: `Delmål ${i}`,
        longTermGoalId: goalId,
      });
      expect(sub.status).toBe(201);
      subGoalIds.push((sub.json as { id: string }).id);
    }
    const activity = await call('POST', `${c}/plan/sub-goals/${subGoalIds[0]}/activities`, sup, {
      description: 'Køkkenudstyr',
      estimatedCostKr: 1200.5,
    });
    expect(activity.status).toBe(201);

    const activated = await call('POST', `${c}/activate`, sup, {});
    expect(activated.status).toBe(200);
    expect(activated.json).toMatchObject({ state: { phase: 'active' } });

    const sixth = await call('POST', `${c}/plan/sub-goals`, sup, { description: 'Delmål 6' });
    expect(sixth.status).toBe(422);
    expect(sixth.text).toContain('Et forløb kan højst have 5 delmål. Et fravalgt delmål tæller ikke med.');

    const plan = await call('GET', `${c}/plan`, sup);
    expect(plan.json).toMatchObject({
      dream: 'At bo i egen lejlighed.',
      goals: [{ id: goalId, categories: ['education_employment', 'housing'] }],
      activeSubGoals: 5,
      maxSubGoals: 5,
      estimatedTotalKr: 1200.5,
    });
    const history = await call('GET', `${c}/plan/history`, sup);
    expect((history.json as unknown as unknown[]).length).toBeGreaterThanOrEqual(8);

    expect((await call('POST', `${c}/notes`, sup, { body: 'Første møde holdt.' })).status).toBe(201);
    expect((await call('GET', `${c}/notes`, coord)).json).toMatchObject([{ body: 'Første møde holdt.' }]);

    const detail = await call('GET', c, sup);
    expect(detail.json).toMatchObject({ phase: 'active', citizen: { maskedCpr: citizen.maskedCpr } });
    expect(detail.text).not.toContain(cpr.slice(-4));
    const types = (detail.json as { timeline: { type: string }[] }).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['referred', 'activated']));
    const conditions = await call('GET', `${c}/conditions`, sup);
    expect(conditions.json).toMatchObject({ acknowledgement: { method: 'in_person' } });

    const caseload = (await call('GET', '/cases', sup)).json as unknown as { id: string }[];
    expect(caseload.map((x) => x.id)).toContain(caseId);
    const overview = await call('GET', `/cases/overview?phase=active&supportUserId=${support.userId}`, coord);
    const items = (overview.json as { items: { id: string; phase: string }[] }).items;
    expect(items.map((x) => x.id)).toContain(caseId);
    expect(items.every((x) => x.phase === 'active')).toBe(true);

    const logged = await t.database.transaction('all', (tx) =>
      tx.selectFrom('access_log').select('purpose').where('case_id', '=', caseId).execute(),
    );
    expect(logged.map((r) => r.purpose)).toEqual(
      expect.arrayContaining(['GET /api/v1/cases/{id}', 'GET /api/v1/cases/{id}/plan', 'GET /api/v1/cases']),
    );
  });
});

describe('cross-site protection of the API', () => {
  it('refuses a session call without the CSRF token, and answers an anonymous call 401', async () => {
    const session = callers.evaluator as { cookie: string; csrf: string };
    const forged = await call('POST', '/citizens/search', { ...session, csrf: 'forged' }, { cpr: testCpr() });
    expect(forged.status).toBe(403);
    const anonymous = await call('POST', '/citizens/search', null, { cpr: testCpr() });
    expect(anonymous.status).toBe(401);
  });
});

describe('the API authorisation matrix of cases, citizens, money and finance', () => {
  it('has a row for every route but those of the foundation (users, tokens, programmes, me)', async () => {
    const doc = (await (await api.app.request('http://localhost:3000/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => !/^\/(users|api-tokens|programmes|me|openapi\.json)(\/|$)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('answers every role with the exact status', async () => {
    const wrong: string[] = [];
    const who = { coordinator, support, finance: await staff(t, AARHUS, 'okonomi') };
    for (const [route, row] of Object.entries(ROUTES)) {
      const method = route.slice(0, route.indexOf(' '));
      const shared = await prepare(t, row, who);
      for (const caller of WHO) {
        const expected = expectedStatus(row, caller);
        // A success changes the case, so each one gets a case of its own.
        const p = expected < 300 ? await prepare(t, row, who) : shared;
        const res = await call(method, pathOf(route, p), callers[caller], row.body?.(p));
        if (res.status !== expected)
          wrong.push(`${route} as ${caller}: ${res.status}, not ${expected} ${res.text}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
