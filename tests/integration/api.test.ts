import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, AARHUS, HALSNAES } from '../setup/actors.ts';
import { buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The JSON API: personal API tokens, the same authorisation as the pages, idempotency keys, and an
// OpenAPI document that lists every route.

let t: TestContext;
let api: TestApp;
let coordinatorToken: string;
let adminToken: string;

async function call(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const h = new Headers(headers);
  if (token) h.set('authorization', `Bearer ${token}`);
  if (body !== undefined) h.set('content-type', 'application/json');
  const res = await api.app.request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  api = buildApp(t.services);
  const admin = await actorOf(t, 'admin');
  const coordinator = await actorOf(t, 'coordinator');
  coordinatorToken = (await t.services.apiTokens.issue(admin, { userId: coordinator.userId, name: 'ERP' }))
    .token;
  adminToken = (await t.services.apiTokens.issue(admin, { userId: admin.userId, name: 'Provisioning' }))
    .token;
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('act as their user, with that user’s role and municipality', async () => {
    const me = await call('GET', '/me', coordinatorToken);
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: 'coordinator', municipality: AARHUS, authority: 'Aarhus Kommune' });
  });

  it('are refused when unknown, malformed or missing', async () => {
    for (const token of ['bb_unknown', 'not-a-token', null]) {
      const res = await call('GET', '/me', token);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('are stored only as a hash, listed without the token, and stop working when revoked', async () => {
    const admin = await actorOf(t, 'admin');
    const support = await actorOf(t, 'support');
    const { id, token } = await t.services.apiTokens.issue(admin, { userId: support.userId, name: 'Test' });
    const stored = await t.database.transaction('all', (tx) =>
      tx.selectFrom('api_token').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(stored.token_hash).not.toContain(token.slice(3));
    const list = await call('GET', '/api-tokens', adminToken);
    expect(JSON.stringify(list.json)).not.toContain(token);
    expect((await call('GET', '/me', token)).status).toBe(200);
    expect(
      (await call('DELETE', `/api-tokens/${id}`, adminToken, undefined, { 'idempotency-key': 'revoke-0001' }))
        .status,
    ).toBe(204);
    expect((await call('GET', '/me', token)).status).toBe(401);
  });

  it('stop working a year after they were issued', async () => {
    const admin = await actorOf(t, 'admin');
    const finance = await actorOf(t, 'finance');
    const { id, token } = await t.services.apiTokens.issue(admin, { userId: finance.userId, name: 'Årlig' });
    const year = 365 * 24 * 3600 * 1000;
    try {
      t.clock.advance(year - 60_000);
      expect((await call('GET', '/me', token)).status).toBe(200);
      t.clock.advance(60_000);
      expect((await call('GET', '/me', token)).status).toBe(401);
      const listed = (await t.services.apiTokens.list(admin, { status: 'expired' })).items.find(
        (k) => k.id === id,
      );
      expect(listed).toMatchObject({ expired: true, revokedAt: null });
    } finally {
      t.clock.advance(-year);
    }
  });

  it('stop working when their user is deactivated', async () => {
    const admin = await actorOf(t, 'admin');
    const { user } = await t.services.users.create(admin, {
      name: 'Kortvarig Bruger',
      email: 'kort@aarhus.example',
      role: 'finance',
    });
    const { token } = await t.services.apiTokens.issue(admin, { userId: user.id, name: 'Kort' });
    expect((await call('GET', '/me', token)).status).toBe(200);
    await t.services.users.deactivate(admin, user.id);
    expect((await call('GET', '/me', token)).status).toBe(401);
  });

  it('cannot be issued for another municipality’s user, nor by anyone but an administrator', async () => {
    const admin = await actorOf(t, 'admin');
    const other = await actorOf(t, 'coordinator', HALSNAES);
    const res = await call(
      'POST',
      '/api-tokens',
      adminToken,
      { userId: other.userId, name: 'x' },
      { 'idempotency-key': 'cross-0001' },
    );
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error: { fields: { userId: 'Vælg en aktiv bruger i kommunen.' } } });
    const byCoordinator = await call(
      'POST',
      '/api-tokens',
      coordinatorToken,
      { userId: admin.userId, name: 'x' },
      { 'idempotency-key': 'coord-0001' },
    );
    expect(byCoordinator.status).toBe(404);
  });
});

describe('the same authorisation as the pages', () => {
  it('lets a coordinator change the rules and refuses bad input with field messages, changing nothing', async () => {
    const [programme] = (await call('GET', '/programmes', coordinatorToken)).json as unknown as {
      id: string;
      rules: { singleApprovalLimitKr: number };
    }[];
    if (!programme) throw new Error('no programme');
    const full = (await call('GET', `/programmes/${programme.id}`, coordinatorToken)).json as Record<
      string,
      unknown
    >;
    const rules = full.rules as Record<string, unknown>;
    const body = {
      name: full.name,
      targetGroup: full.targetGroup,
      periodStart: full.periodStart,
      periodEnd: full.periodEnd,
      poolKr: full.poolKr,
      maxGrantKr: rules.maxGrantKr,
      durationMonths: rules.durationMonths,
      maxLeadInMonths: rules.maxLeadInMonths,
      citizenSeesAmount: rules.citizenSeesAmount,
      unusedFunds: rules.unusedFunds,
      directTransferEnabled: false,
      directTransferMaxPerKr: 0,
      directTransferMaxTotalKr: 0,
      singleApprovalLimitKr: 4000,
      receiptsRequired: true,
      accountString: rules.accountString,
      categoryRules: rules.categoryRules,
    };
    const ok = await call('PUT', `/programmes/${programme.id}/settings`, coordinatorToken, body, {
      'idempotency-key': 'rules-0001',
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ rules: { singleApprovalLimitKr: 4000 } });
    const bad = await call(
      'PUT',
      `/programmes/${programme.id}/settings`,
      coordinatorToken,
      { ...body, maxGrantKr: '60000' },
      { 'idempotency-key': 'rules-0002' },
    );
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { maxGrantKr: 'Det højeste budget kan højst være 50.000 kr.' },
      },
    });
    const after = (await call('GET', `/programmes/${programme.id}`, coordinatorToken)).json;
    expect(after).toMatchObject({ rules: { maxGrantKr: 50000, singleApprovalLimitKr: 4000 } });
  });

  it('answers "not found" for what a role may not see', async () => {
    expect((await call('GET', '/users', coordinatorToken)).status).toBe(404);
    const [programme] = (await call('GET', '/programmes', coordinatorToken)).json as unknown as {
      id: string;
    }[];
    expect((await call('GET', `/programmes/${programme?.id ?? ''}`, adminToken)).status).toBe(404);
    expect((await call('GET', '/programmes/not-a-uuid', coordinatorToken)).status).toBe(404);
    expect((await call('GET', '/no-such-route', coordinatorToken)).status).toBe(404);
  });

  it('takes invalid JSON as a clear 422', async () => {
    const res = await api.app.request('http://localhost:3000/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(422);
  });
});

describe('idempotency keys', () => {
  it('give a replay the first result and refuse the same key with another body with 422', async () => {
    const body = { name: 'Ny Økonomi', email: 'ny.okonomi@aarhus.example', role: 'finance' };
    const first = await call('POST', '/users', adminToken, body, { 'idempotency-key': 'create-user-0001' });
    const replay = await call('POST', '/users', adminToken, body, { 'idempotency-key': 'create-user-0001' });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    const users = (await call('GET', '/users', adminToken)).json as unknown as { email: string }[];
    expect(users.filter((u) => u.email === body.email)).toHaveLength(1);
    const other = await call(
      'POST',
      '/users',
      adminToken,
      { ...body, email: 'anden@aarhus.example' },
      { 'idempotency-key': 'create-user-0001' },
    );
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ error: { code: 'idempotency_mismatch' } });
  });
});

describe('the OpenAPI document', () => {
  it('describes every API route, with request bodies from the services’ schemas', async () => {
    const res = await api.app.request('http://localhost:3000/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api-tokens',
      '/api-tokens/{id}',
      '/attachments/{id}',
      '/bookkeeping',
      '/cases',
      '/cases/overview',
      '/cases/{id}',
      '/cases/{id}/activate',
      '/cases/{id}/budget',
      '/cases/{id}/complete',
      '/cases/{id}/conditions',
      '/cases/{id}/conditions/acknowledgement',
      '/cases/{id}/grants',
      '/cases/{id}/intake',
      '/cases/{id}/notes',
      '/cases/{id}/pause',
      '/cases/{id}/plan',
      '/cases/{id}/plan/activities/{activityId}',
      '/cases/{id}/plan/dream',
      '/cases/{id}/plan/goals',
      '/cases/{id}/plan/goals/{goalId}',
      '/cases/{id}/plan/history',
      '/cases/{id}/plan/ideas',
      '/cases/{id}/plan/ideas/{ideaId}',
      '/cases/{id}/plan/sub-goals',
      '/cases/{id}/plan/sub-goals/{subGoalId}',
      '/cases/{id}/plan/sub-goals/{subGoalId}/activities',
      '/cases/{id}/purchase-requests',
      '/cases/{id}/questionnaires',
      '/cases/{id}/questionnaires/{instrument}',
      '/cases/{id}/referral',
      '/cases/{id}/resume',
      '/cases/{id}/screening/accept',
      '/cases/{id}/screening/decline',
      '/cases/{id}/screening/start',
      '/cases/{id}/support',
      '/cases/{id}/terminate',
      '/citizens',
      '/citizens/search',
      '/citizens/{id}',
      '/me',
      '/me/work',
      '/payment-files',
      '/payment-files/{id}/file',
      '/payment-files/{id}/sent',
      '/payments',
      '/payments/{id}',
      '/postings',
      '/programmes',
      '/programmes/{id}',
      '/programmes/{id}/settings',
      '/purchase-requests/{id}/approve',
      '/purchase-requests/{id}/attachments',
      '/purchase-requests/{id}/cancel',
      '/purchase-requests/{id}/confirm',
      '/purchase-requests/{id}/payments',
      '/purchase-requests/{id}/refunds',
      '/purchase-requests/{id}/reject',
      '/purchase-requests/{id}/submit',
      '/report',
      '/report/{figure}',
      '/users',
      '/users/{id}/deactivate',
      '/users/{id}/one-time-code',
      '/vendors',
    ]);
    const schema = doc.paths['/users']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['name', 'email', 'role']);
    // An upload is described as a multipart form with its file; a download by its media types.
    const upload = doc.paths['/purchase-requests/{id}/attachments']?.post?.requestBody?.content;
    expect(Object.keys(upload?.['multipart/form-data']?.schema.properties ?? {})).toEqual(['kind', 'file']);
    const download = doc.paths['/payment-files/{id}/file']?.get as unknown as {
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(download.responses['200']?.content ?? {})).toEqual(['application/xml']);
  });
});
