import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TOUCH_INTERVAL_MS } from '../../src/domain/session-policy.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn } from '../factories/case-factory.ts';
import { citizenSession } from '../factories/citizen-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { StatementCounter, type Counted } from '../setup/statement-counter.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The hot paths do one transaction and few statements (ADR 0011): the case page, the citizen's portal and
// an approval through the API each run in ONE transaction — the credential's look-up, the session's
// touch, the reads or the command, and the access-log rows as one statement — and the number of
// statements does not grow with the rows shown. The bounds are what the paths take today: a new
// statement on them is a decision to make here, and a query per row fails the "more rows" checks.

const CASE_PAGE_STATEMENTS = 23;
const PORTAL_HOME_STATEMENTS = 15;
// 16: one of them asks the programme which sign-in level a change needs (spec: Log-in and assurance).
const API_APPROVAL_STATEMENTS = 16;

const counter = new StatementCounter();
let t: TestContext;
let web: TestApp;
let team: MoneyTeam;
beforeAll(async () => {
  t = await createTestContext({ demo: true, plugins: [counter] });
  web = buildApp(t.services);
  team = await moneyTeam(t);
});
afterAll(() => t.close());

/** Counts a request, its body read to the end (a page renders inside its transaction). */
async function counted(send: () => Response | Promise<Response>, status = 200): Promise<Counted> {
  return counter.count(async () => {
    const res = await send();
    await res.text();
    expect(res.status).toBe(status);
  });
}

const shown = (c: Counted) => c.sql.join('\n');

function expectOneTransaction(c: Counted, bound: number): void {
  expect(c.transactions, shown(c)).toBe(1);
  expect(c.savepoints, shown(c)).toBe(0);
  expect(c.statements, shown(c)).toBeLessThanOrEqual(bound);
  expect(c.sql.filter((s) => s.startsWith('insert into "access_log"')).length, shown(c)).toBeLessThanOrEqual(
    1,
  );
}

/** The statement that scopes the transaction to `municipalityId` (row-level security) before the reads. */
function expectScopedBeforeReads(c: Counted, municipalityId: number): void {
  const scoped = c.sql.findIndex((s) => s.includes(`set_config('app.municipality_id', '${municipalityId}'`));
  const firstCaseRead = c.sql.findIndex((s) => s.includes('"citizen_case"'));
  expect(scoped, shown(c)).toBeGreaterThan(0);
  expect(scoped, shown(c)).toBeLessThan(firstCaseRead);
}

async function accessLogRows(caseId: string): Promise<number> {
  const row = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
    tx
      .selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow(),
  );
  return row.n;
}

describe('the case page /forloeb/:id', () => {
  let caseId: string;
  let browser: Browser;
  let support: Actor;
  beforeAll(async () => {
    support = team.support;
    caseId = (await caseIn(t, 'active', { coordinator: team.coordinator, support })).caseId;
    await t.services.notes.add(support, caseId, { body: 'Første note.' });
    await t.services.plans.addSubGoal(support, caseId, { description: 'Første delmål' });
    browser = new Browser(web).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
  });

  it('is one transaction in the actor’s scope, with its access-log rows written in one statement', async () => {
    const before = await accessLogRows(caseId);
    const page = await counted(() => browser.get(`/forloeb/${caseId}`));
    expectOneTransaction(page, CASE_PAGE_STATEMENTS);
    expectScopedBeforeReads(page, AARHUS);
    // The detail, the notes and the questionnaires are each logged, together.
    expect(await accessLogRows(caseId)).toBe(before + 3);
  });

  it('takes no more statements for more notes, goals and answers', async () => {
    const few = await counted(() => browser.get(`/forloeb/${caseId}`));
    for (let i = 0; i < 3; i++) {
      await t.services.notes.add(support, caseId, { body: `Note ${i}.`, internal: 'on' });
      await t.services.plans.addSubGoal(support, caseId, { description: `Delmål ${i}` });
    }
    await t.services.plans.addGoal(support, caseId, { description: 'Bolig', categories: ['health'] });
    await t.services.questionnaires.save(
      support,
      caseId,
      'support_start',
      { answers: { belief: 'high' }, complete: true },
      'PUT /test',
    );
    const many = await counted(() => browser.get(`/forloeb/${caseId}`));
    expect(many.statements, shown(many)).toBe(few.statements);
  });

  it('touches an idle session in the same transaction', async () => {
    t.clock.advance(SESSION_TOUCH_INTERVAL_MS + 1_000);
    const page = await counted(() => browser.get(`/forloeb/${caseId}`));
    expect(page.transactions, shown(page)).toBe(1);
    expect(page.sql.filter((s) => s.startsWith('update "user_session"')).length, shown(page)).toBe(1);
    // The touch is a write in scope 'all'; the page's reads came first, in the case's municipality.
    expect(page.statements, shown(page)).toBeLessThanOrEqual(CASE_PAGE_STATEMENTS + 2);
  });

  it('still touches the session when a form is refused and its command rolls back', async () => {
    t.clock.advance(SESSION_TOUCH_INTERVAL_MS + 1_000);
    const res = await browser.submit(`/forloeb/${caseId}/noter`, { 'note.body': '' });
    expect(res.status).toBe(422);
    const seen = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('user_session')
        .select('last_seen_at')
        .orderBy('last_seen_at', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(seen.last_seen_at.getTime()).toBe(t.clock.now().getTime());
  });
});

describe('the citizen portal /borger', () => {
  it('is one transaction, whatever the case holds', async () => {
    const me = await citizenSession(t, { coordinator: team.coordinator, support: team.support });
    const browser = new Browser(web).useSession(me.token);
    const few = await counted(() => browser.get('/borger'));
    expectOneTransaction(few, PORTAL_HOME_STATEMENTS);
    expectScopedBeforeReads(few, AARHUS);
    for (let i = 0; i < 3; i++) {
      await t.services.plans.addSubGoal(team.support, me.caseId, { description: `Delmål ${i}` });
    }
    const many = await counted(() => browser.get('/borger'));
    expect(many.statements, shown(many)).toBe(few.statements);
  });
});

describe('an approval through POST /api/v1/purchase-requests/{id}/approve', () => {
  let token: string;
  let caseId: string;
  beforeAll(async () => {
    const admin = (await loginAs(t, 'admin', AARHUS)).actor;
    ({ token } = await t.services.apiTokens.issue(admin, {
      userId: team.coordinator.userId,
      name: 'Tælling',
    }));
    caseId = (await caseIn(t, 'active', { coordinator: team.coordinator, support: team.support })).caseId;
    await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '1000' });
  });

  async function submitted(): Promise<string> {
    const id = await t.services.purchases.create(team.support, caseId, {
      ...{ title: 'Buskort', purpose: 'Til praktikken', category: 'transport' },
      ...{ amountKr: '10', vendorId: team.vendorId, paymentMethod: 'invoice' },
    });
    await t.services.purchases.confirm(team.support, id, { how: 'in_person' });
    await t.services.purchases.submit(team.support, id);
    return id;
  }

  const approve = (id: string) =>
    web.app.request(`http://localhost:3000/api/v1/purchase-requests/${id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': newIdempotencyKey() },
    });

  it('is one command transaction with its key, locks, effect and audit events, and no savepoint', async () => {
    // A first call marks the token used (once a minute), even refused: the approvals below do not.
    expect((await approve('')).status).toBe(404);
    const ids = [await submitted(), await submitted(), await submitted()];
    const once = await counted(async () => approve(ids[0] ?? ''), 204);
    expectOneTransaction(once, API_APPROVAL_STATEMENTS);
    expect(once.sql.filter((s) => s.startsWith('insert into "idempotency_key"')).length).toBe(1);
    expect(once.sql.filter((s) => s.startsWith('insert into "audit_event"')).length).toBe(1);
    // More postings on the case, the same statements.
    await approve(ids[1] ?? '');
    const later = await counted(async () => approve(ids[2] ?? ''), 204);
    expect(later.statements, shown(later)).toBe(once.statements);
  });
});
