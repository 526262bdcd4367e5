import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, HALSNAES, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The import history (spec: Import; spec: Lists): an import the coordinator uploads is listed with who,
// when, how and how many rows it created, and nothing of the imported citizens; a refused one is not.
// 50 a page, ordered and filtered on the whole list; the coordinator's own municipality only.

const FIXTURES = new URL('../fixtures/import/aarhus/', import.meta.url);
const aarhusFiles = () =>
  readdirSync(FIXTURES).map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))),
  }));

/** Imports from the command line, a minute apart and all before the upload, made as rows of the history. */
const EXTRA = 60;

let t: TestContext;
let app: TestApp;
let coordinator: Actor;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  app = buildApp(t.services);
  const login = await loginAs(t, 'coordinator', AARHUS);
  coordinator = login.actor;
  browser = new Browser(app).useSession(login.token);
  const start = t.clock.now().getTime() - (EXTRA + 1) * 60_000;
  await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
    tx
      .insertInto('import_run')
      .values(
        Array.from({ length: EXTRA }, (_, i) => ({
          id: randomUUID(),
          municipality_id: AARHUS,
          imported_at: new Date(start + i * 60_000),
          imported_by: null,
          source: 'cli' as const,
          cases: i,
          questionnaires: 0,
          payments: 1,
        })),
      )
      .execute(),
  );
}, 120_000);
afterAll(() => t.close());

describe('the import history', () => {
  it('lists an uploaded import with who, how and its counts, never the citizens; not a refused one', async () => {
    const before = await t.services.importHistory.page(coordinator, {});
    const refused = await t.services.imports.importFiles(coordinator, [
      { name: 'cases.csv', bytes: new TextEncoder().encode('case_ref;municipality_code\nX;999\n') },
    ]);
    expect(refused.ok).toBe(false);
    expect((await t.services.importHistory.page(coordinator, {})).total).toBe(before.total);

    const done = await t.services.imports.importFiles(coordinator, aarhusFiles());
    if (!done.ok) throw new Error('the fixture did not import');
    const after = await t.services.importHistory.page(coordinator, {});
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({
      by: coordinator.name,
      source: 'web',
      cases: done.summary.cases.length,
      questionnaires: done.summary.questionnaires,
      payments: done.summary.payments,
    });
    // The same id as the import's audit event.
    const event = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select('entity_id')
        .where('action', '=', 'import.run')
        .where('entity_id', '=', after.items[0]?.id ?? '')
        .executeTakeFirst(),
    );
    expect(event).toBeDefined();

    const html = await (await browser.get('/import/historik')).text();
    expect(html).toContain(da['import.history.title']);
    expect(html).toContain(coordinator.name);
    expect(html).toContain(da['import.history.source.web']);
    for (const c of done.summary.cases) expect(html).not.toContain(c.caseRef);
    expect(html).not.toContain('1204921239');
    expect(await (await browser.get('/import')).text()).toContain('href="/import/historik"');
  });

  it('shows 50 imports, the rest on page 2, newest first or oldest first, and filters by how', async () => {
    const first = await t.services.importHistory.page(coordinator, {});
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(EXTRA + 1);
    const second = await t.services.importHistory.page(coordinator, { page: '2' });
    expect(second.items).toHaveLength(first.total - 50);
    const ids = new Set([...first.items, ...second.items].map((r) => r.id));
    expect(ids.size).toBe(first.total);
    const times = [...first.items, ...second.items].map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldest = await t.services.importHistory.page(coordinator, { sort: 'aeldste' });
    expect(oldest.items[0]?.cases).toBe(0);
    const cli = await t.services.importHistory.page(coordinator, { source: 'cli', limit: 100 });
    expect(cli.total).toBe(EXTRA);
    expect(cli.items.every((r) => r.source === 'cli' && r.by === null)).toBe(true);
    const web = await t.services.importHistory.page(coordinator, { source: 'web' });
    expect(web.total).toBe(1);
    const beyond = await t.services.importHistory.page(coordinator, { page: 999 });
    expect(beyond.page).toBe(2);
  });

  it('pages the page with the filter kept; a bad page number or filter is no failed page', async () => {
    const first = await (await browser.get('/import/historik?kilde=cli')).text();
    expect(first).toContain('Viser 1–50 af 60');
    expect(first).toContain('href="/import/historik?kilde=cli&amp;side=2"');
    const res = await browser.get('/import/historik?kilde=cli&side=2');
    expect(res.status).toBe(200);
    const second = await res.text();
    expect(second).toContain('Viser 51–60 af 60');
    expect(second).toContain(da['import.history.source.cli']);
    for (const query of ['side=abc', 'side=-1', 'side=0', 'side=99999999999', 'sorter=drop']) {
      const bad = await browser.get(`/import/historik?${query}`);
      expect(bad.status).toBe(200);
      expect(await bad.text()).toContain('Viser ');
    }
    const wrongSource = await browser.get('/import/historik?kilde=fax');
    expect(wrongSource.status).toBe(200);
    const said = await wrongSource.text();
    expect(said).toContain(da['field.import.source']);
    expect(said).toContain('Viser 1–50 af 61');
  });

  it('is the coordinator’s, of their own municipality only', async () => {
    for (const role of ['support', 'finance', 'admin', 'evaluator'] as const) {
      const { actor, token } = await loginAs(t, role, AARHUS);
      await expect(t.services.importHistory.page(actor, {})).rejects.toThrow();
      expect((await new Browser(app).useSession(token).get('/import/historik')).status).toBe(404);
    }
    const other = (await loginAs(t, 'coordinator', HALSNAES)).actor;
    expect((await t.services.importHistory.page(other, {})).total).toBe(0);
    const otherHtml = await (
      await new Browser(app)
        .useSession((await loginAs(t, 'coordinator', HALSNAES)).token)
        .get('/import/historik')
    ).text();
    expect(otherHtml).toContain(da['import.history.none']);
  });
});
