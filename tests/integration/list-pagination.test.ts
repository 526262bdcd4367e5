import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { HALSNAES, caseIn, programmeOf, registerCitizen, staff } from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { danishFields } from '../setup/messages.ts';
import { StatementCounter } from '../setup/statement-counter.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The case lists a page at a time (spec: Lists): 50 a page, the next page the next 50, filters and order
// on the whole list, a bad page number never a failed page, and the access log written for the cases
// shown, in one statement. Halsnæs, whose demo cases are few, gets 120 referred cases more.

const EXTRA = 120;

let t: TestContext;
let app: TestApp;
let coordinator: Actor;
let support: Actor;
let browser: Browser;
/** The coordinator's own cases in the demo, before the three this file names them on. */
let coordinatorsOwn: number;
const counter = new StatementCounter();

beforeAll(async () => {
  t = await createTestContext({ demo: true, plugins: [counter] });
  app = buildApp(t.services);
  coordinator = await staff(t, HALSNAES, 'koordinator');
  support = await staff(t, HALSNAES, 'stotteperson');
  const programmeId = await programmeOf(t, coordinator);
  for (let i = 1; i <= EXTRA; i++) {
    const citizen = await registerCitizen(t, coordinator, {
      name: `Sidsel Side ${String(i).padStart(3, '0')}`,
    });
    await t.services.cases.refer(coordinator, {
      citizenId: citizen.id,
      programmeId,
      source: 'jobcenter',
      reason: 'Henvist til test.',
    });
  }
  coordinatorsOwn = (await t.services.cases.caseload(coordinator, {}, 'GET /paging')).total;
  for (let i = 0; i < 3; i++) {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    // The coordinator named on the assignment: the case is in the coordinator's caseload too.
    await t.services.cases.assignSupport(coordinator, caseId, {
      supportUserId: support.userId,
      coordinatorUserId: coordinator.userId,
    });
  }
  browser = new Browser(app).useSession((await loginAs(t, 'coordinator', HALSNAES)).token);
}, 300_000);
afterAll(() => t.close());

/** The access-log insert statements among the counted ones, and the rows each writes. */
function accessLogInserts(statements: string[]): number[] {
  return statements
    .filter((s) => /^insert into "access_log"/i.test(s))
    .map((s) => (s.match(/\(\$\d+/g) ?? []).length);
}

async function accessRows(purpose: string): Promise<number> {
  const row = await t.database.transaction({ municipalityId: HALSNAES }, (tx) =>
    sql<{ n: number }>`SELECT count(*)::int AS n FROM access_log WHERE purpose = ${purpose}`.execute(tx),
  );
  return row.rows[0]?.n ?? 0;
}

describe('the overview, a page at a time', () => {
  it('shows 50 cases, the next 50 on page 2, and logs exactly the cases shown in one statement', async () => {
    const first = await t.services.cases.overview(coordinator, {}, 'GET /paging-1');
    expect(first.items).toHaveLength(50);
    expect(first.total).toBeGreaterThanOrEqual(EXTRA + 3);
    expect(first.pages).toBe(Math.ceil(first.total / 50));
    const counted = await counter.count(() =>
      t.services.cases.overview(coordinator, { page: '2' }, 'GET /paging-2'),
    );
    const second = await t.services.cases.overview(coordinator, { page: 2 }, 'GET /paging-3');
    expect(second.page).toBe(2);
    expect(second.items).toHaveLength(50);
    const numbers = [...first.items, ...second.items].map((i) => i.caseNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(100);
    expect(accessLogInserts(counted.sql)).toEqual([50]);
    expect(await accessRows('GET /paging-2')).toBe(50);

    const last = await t.services.cases.overview(coordinator, { page: 999 }, 'GET /paging-last');
    expect(last.page).toBe(first.pages);
    expect(last.items).toHaveLength(first.total - (first.pages - 1) * 50);
    expect(await accessRows('GET /paging-last')).toBe(last.items.length);

    const small = await t.services.cases.overview(coordinator, { page: 3, limit: 7 }, 'GET /paging-small');
    expect(small.items).toHaveLength(7);
    expect(small.items[0]?.caseNumber).toBe(numbers[14]);
    expect((await t.services.cases.overview(coordinator, { limit: 5000 }, 'GET /paging-big')).size).toBe(50);
  });

  it('filters by phase and support person, sorts, and searches by name or case number', async () => {
    const leadIns = await t.services.cases.overview(coordinator, { phase: 'lead_in' }, 'GET /paging');
    expect(leadIns.items.length).toBeGreaterThanOrEqual(3);
    expect(leadIns.items.every((i) => i.phase === 'lead_in')).toBe(true);
    expect(leadIns.total).toBe(leadIns.countsByPhase.lead_in);

    const bySupport = await t.services.cases.overview(
      coordinator,
      { supportUserId: support.userId },
      'GET /p',
    );
    expect(bySupport.total).toBeGreaterThanOrEqual(3);
    expect(bySupport.items.every((i) => i.support?.userId === support.userId)).toBe(true);

    const byName = await t.services.cases.overview(coordinator, { sort: 'navn', limit: 100 }, 'GET /paging');
    const names = byName.items.map((i) => i.citizenName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const newest = await t.services.cases.overview(coordinator, { sort: 'henvist' }, 'GET /paging');
    const referred = newest.items.map((i) => i.referredOn);
    expect(referred).toEqual([...referred].sort().reverse());

    const found = await t.services.cases.overview(coordinator, { q: 'side 007' }, 'GET /paging');
    expect(found.items.map((i) => i.citizenName)).toEqual(['Sidsel Side 007']);
    const wildcard = await t.services.cases.overview(coordinator, { q: '%' }, 'GET /paging');
    expect(wildcard.total).toBe(0);
    const number = found.items[0]?.caseNumber ?? 0;
    const byNumber = await t.services.cases.overview(coordinator, { q: String(number) }, 'GET /paging');
    expect(byNumber.items.map((i) => i.caseNumber)).toContain(number);

    const cpr = t.services.cases.overview(coordinator, { q: '010203-1234' }, 'GET /paging');
    const refused = (await cpr.catch((e: unknown) => e)) as ValidationFailed;
    expect(danishFields(refused.fields)).toMatchObject({
      q: 'Søg på navn eller forløbsnummer, ikke på CPR-nummer.',
    });
  });
});

describe('the caseload, a page at a time', () => {
  it("pages the support person's own cases and filters by phase", async () => {
    const all = await t.services.cases.caseload(support, { limit: 2 }, 'GET /paging');
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const second = await t.services.cases.caseload(support, { limit: 2, page: 2 }, 'GET /paging');
    expect(second.items.map((i) => i.id)).not.toContain(all.items[0]?.id);
    const leadIns = await t.services.cases.caseload(support, { phase: 'lead_in' }, 'GET /paging');
    expect(leadIns.items.every((i) => i.phase === 'lead_in' && i.support?.userId === support.userId)).toBe(
      true,
    );
    // Where the coordinator is named on the current assignment, the case is in their caseload too.
    const coordinators = await t.services.cases.caseload(coordinator, {}, 'GET /paging');
    expect(coordinators.total).toBe(coordinatorsOwn + 3);
  });
});

describe('the list pages', () => {
  it('link the pages with the filter kept, and never fail on a bad page number or filter', async () => {
    const res = await browser.get('/forloeb/oversigt?fase=referred&side=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="pagination"');
    expect(html).toMatch(/aria-current="page"[^>]*>2</);
    expect(html).toContain('href="/forloeb/oversigt?fase=referred&amp;side=3"');
    expect(html).toContain('href="/forloeb/oversigt?fase=referred"');

    for (const query of ['side=abc', 'side=-1', 'side=99999999999999999999', 'sorter=nope', 'side=2.5']) {
      const bad = await browser.get(`/forloeb/oversigt?${query}`);
      expect(bad.status, query).toBe(200);
      expect(await bad.text()).toContain('class="pagination"');
    }
    const badPhase = await browser.get('/forloeb/oversigt?fase=sleeping');
    expect(badPhase.status).toBe(200);
    const badHtml = await badPhase.text();
    expect(badHtml).toContain('Vælg en fase fra listen.');
    expect(badHtml).toContain('class="pagination"');

    const cpr = await browser.get('/forloeb/oversigt?soeg=0102031234');
    expect(cpr.status).toBe(200);
    const cprHtml = await cpr.text();
    expect(cprHtml).toContain('ikke på CPR-nummer');
    // Not kept in the form or the page links.
    expect(cprHtml).not.toContain('0102031234');

    const caseload = await new Browser(app)
      .useSession((await loginAs(t, 'support', HALSNAES)).token)
      .get('/forloeb?side=x');
    expect(caseload.status).toBe(200);
  });

  it('answer the API with one page and its paging, the caseload as before with the count in a header', async () => {
    const admin = await staff(t, HALSNAES, 'admin');
    const { token } = await t.services.apiTokens.issue(admin, { userId: coordinator.userId, name: 'Paging' });
    const get = (path: string) =>
      app.app.request(`${browser.origin}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const overview = (await (await get('/cases/overview?page=2&limit=20')).json()) as {
      items: unknown[];
      paging: { page: number; limit: number; total: number; pages: number };
    };
    expect(overview.items).toHaveLength(20);
    expect(overview.paging).toMatchObject({ page: 2, limit: 20 });
    expect(overview.paging.total).toBeGreaterThanOrEqual(EXTRA);

    const caseload = await get('/cases?limit=1');
    expect(caseload.status).toBe(200);
    expect(((await caseload.json()) as unknown[]).length).toBe(1);
    expect(Number(caseload.headers.get('x-total-count'))).toBeGreaterThanOrEqual(3);
    expect(caseload.headers.get('link')).toContain('rel="next"');

    const spec = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const names = spec.paths['/cases/overview']?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['page', 'limit', 'sort', 'q', 'phase']));
  });
});
