import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatImportError } from '../../src/domain/import/import-files.ts';
import { translator } from '../../src/i18n/index.ts';
import type { Services } from '../../src/services/index.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The import (formats: CSV import; spec: Import) on a real database: a right folder becomes ordinary
// data — the report counts it and check-ledger finds the books right — and every kind of wrong row is
// reported with its line and leaves every table exactly as it was. Then the coordinator's page.

type Files = Record<string, string>;

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

function folder(name: string): Files {
  const dir = new URL(`${name}/`, FIXTURES);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
}

/** The reasons as the command line prints them: in Danish. */
const DA = translator('da');

const asInput = (files: Files) =>
  Object.entries(files).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));

let t: TestContext;
let services: Services;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  services = t.services;
});
afterAll(() => t.close());

/** Rows in every table of the schema: what "nothing was written" means. */
async function rowCounts(): Promise<Record<string, number>> {
  return t.database.transaction('all', async (tx) => {
    const { rows: tables } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(tx);
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::integer as n from ${sql.table(tablename)}`.execute(tx);
      counts[tablename] = rows[0]?.n ?? -1;
    }
    return counts;
  });
}

/**
 * The books and the audit log after an import: check-ledger finds nothing, the audit chains are whole,
 * and every posting has exactly one audit event of its own, as from the pages. Returns how many
 * postings the given municipalities hold, so an empty ledger cannot pass for a right one.
 */
async function expectBooksAndAuditRight(municipalities: number[]): Promise<number> {
  expect((await services.system.checkLedger()).problems).toEqual([]);
  expect((await services.system.verifyAuditChains()).firstBreak).toBeNull();
  return t.database.transaction('all', async (tx) => {
    const { rows: unaudited } = await sql<{ id: number; kind: string; events: number }>`
      select e.id, e.kind, count(a.id)::integer as events
      from ledger_entry e
      left join audit_event a on a.entity_type = 'ledger_entry' and a.entity_id = e.id::text
        and a.action = 'ledger.' || e.kind and a.municipality_id = e.municipality_id
        and a.after ->> 'caseId' = e.case_id::text and (a.after ->> 'amountOre')::bigint = e.amount_ore
      group by e.id, e.kind
      having count(a.id) <> 1`.execute(tx);
    expect(unaudited).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::integer as n from ledger_entry
      where municipality_id = any(${municipalities}::integer[])`.execute(tx);
    return rows[0]?.n ?? 0;
  });
}

async function importAndFail(files: Files): Promise<string[]> {
  const result = await services.imports.importAsOperator(asInput(files));
  if (result.ok) throw new Error('the import should have been refused');
  return result.errors.map((e) => formatImportError(e, DA));
}

describe('a right folder', () => {
  it('becomes ordinary data: the report counts it and check-ledger finds the books right', async () => {
    const result = await services.imports.importAsOperator(asInput(folder('valid')));
    if (!result.ok) throw new Error(result.errors.map((e) => formatImportError(e, DA)).join('\n'));
    expect(result.summary).toMatchObject({ answers: 21, payments: 5, questionnaires: 7 });
    expect(result.summary.cases.map((c) => [c.caseRef, c.municipalityId, c.caseNumber])).toEqual([
      ['OD-1', 461, 1],
      ['OD-2', 461, 2],
      ['OD-3', 461, 3],
      ['AAL-1', 851, 1],
    ]);
    expect(result.summary.newMunicipalities).toEqual([461, 851]);

    const report = await services.reports.forOperator({ anonymise: false });
    const odense = await services.reports.forOperator({ municipality: '461', anonymise: false });
    expect(report.selection.municipalities).toEqual(['250', '350', '461', '621', '751', '851']);
    expect(odense.participants.all).toEqual({ started: 3, followedUp: 1 });
    expect(odense.spending.all).toMatchObject({
      n: 3,
      grantedKr: 120000.5,
      spentKr: 17200.5,
      returnedKr: 55300,
    });
    expect(odense.spending.all.byCategory.housing).toEqual({ kr: 10000.5, count: 1, citizens: 1 });
    expect(odense.completion.all.counts).toEqual({ completed: 1, terminated_early: 1, active: 1 });
    expect(odense.gender.all.counts).toEqual({ male: 1, female: 2 });
    expect(odense.startDistance.all).toMatchObject({ n: 1, missing: 0, counts: { far: 1 } });
    expect(odense.change.all.counts).toMatchObject({ closer: 1 });
    expect(odense.wellbeing.all).toEqual({ n: 1, missing: 0, startMean: 48, endMean: 72, meanChange: 24 });
    expect(odense.education.all.counts).toMatchObject({ primary: 1, upper_secondary: 1 });
    expect(odense.incomeSource.all).toMatchObject({ n: 1, missing: 2 });
    const aalborg = await services.reports.forOperator({ municipality: '851', anonymise: false });
    expect(aalborg.spending.all).toMatchObject({ grantedKr: 25000, spentKr: 25000, returnedKr: 0 });
    expect(aalborg.change.all.counts).toMatchObject({ achieved: 1 });

    expect(await expectBooksAndAuditRight([461, 851])).toBe(11);

    const stored = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('citizen as z')
        .innerJoin('citizen_case as c', 'c.citizen_id', 'z.id')
        .innerJoin('programme as p', 'p.id', 'c.programme_id')
        .innerJoin('municipality as m', 'm.id', 'c.municipality_id')
        .select([
          'z.name',
          'z.birth_date',
          'z.legal_gender',
          'c.phase',
          'c.close_outcome',
          'p.pool_ore',
          'm.name as m',
        ])
        .where('c.municipality_id', 'in', [461, 851])
        .orderBy('c.municipality_id')
        .orderBy('c.case_number')
        .execute(),
    );
    expect(stored).toEqual([
      {
        name: 'Importeret borger (OD-1)',
        birth_date: '1990-01-01',
        legal_gender: 'female',
        phase: 'closed',
        close_outcome: 'completed',
        pool_ore: 125_000_000,
        m: 'Odense Kommune',
      },
      {
        name: 'Importeret borger (OD-2)',
        birth_date: '1995-05-15',
        legal_gender: 'male',
        phase: 'closed',
        close_outcome: 'terminated_early',
        pool_ore: 125_000_000,
        m: 'Odense Kommune',
      },
      {
        name: 'Importeret borger (OD-3)',
        birth_date: '1988-12-20',
        legal_gender: 'female',
        phase: 'active',
        close_outcome: null,
        pool_ore: 125_000_000,
        m: 'Odense Kommune',
      },
      {
        name: 'Importeret borger (AAL-1)',
        birth_date: '1995-03-03',
        legal_gender: 'male',
        phase: 'closed',
        close_outcome: 'completed',
        pool_ore: 125_000_000,
        m: 'Aalborg Kommune',
      },
    ]);
  });

  it('is refused a second time, row by row, and nothing changes', async () => {
    const before = await rowCounts();
    expect(before.imported_case).toBe(4);
    expect(before.ledger_entry).toBeGreaterThan(11);
    expect(await importAndFail(folder('valid'))).toEqual([
      'cases.csv:2: case_ref: Forløbet "OD-1" er allerede importeret. Det importeres ikke igen.',
      'cases.csv:3: case_ref: Forløbet "OD-2" er allerede importeret. Det importeres ikke igen.',
      'cases.csv:4: case_ref: Forløbet "OD-3" er allerede importeret. Det importeres ikke igen.',
      'cases.csv:5: case_ref: Forløbet "AAL-1" er allerede importeret. Det importeres ikke igen.',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('adds later answers and payments to a case imported before', async () => {
    const result = await services.imports.importAsOperator(
      asInput({
        'answers.csv':
          'case_ref,instrument,answered_on,item,value\nOD-3,support_start,2025-02-03,belief,partly\n',
        'payments.csv':
          'case_ref,paid_on,amount_kr,category,description\nOD-3,2025-04-01,47500,education,Højskole\n',
      }),
    );
    if (!result.ok) throw new Error(result.errors.map((e) => formatImportError(e, DA)).join('\n'));
    expect(result.summary).toMatchObject({ cases: [], answers: 1, payments: 1 });
    expect(
      await importAndFail({
        'payments.csv':
          'case_ref,paid_on,amount_kr,category,description\nOD-3,2025-04-02,0.01,other,Frimærke\n',
      }),
    ).toEqual([
      'payments.csv:2: amount_kr: Betalingen fører forløbet "OD-3" over bevillingen: der er 0\u00a0kr. tilbage.',
    ]);
    expect(await expectBooksAndAuditRight([461, 851])).toBe(12);
  });
});

describe('every kind of wrong row is reported and leaves the database unchanged', () => {
  const valid = folder('valid');
  const change = (file: string, from: string, to: string): Files => {
    const text = valid[file] ?? '';
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    return { ...valid, [file]: text.replace(from, to) };
  };
  const kinds: [string, Files, string][] = [
    [
      'unknown column',
      change('payments.csv', 'description;method', 'description;vendor'),
      'payments.csv:1: vendor: Ukendt kolonne.',
    ],
    [
      'bad code',
      change('cases.csv', 'OD-3,461', 'OD-3,46'),
      'cases.csv:4: municipality_code: "46" er ikke en kommunekode.',
    ],
    [
      'bad date',
      change('answers.csv', 'OD-2,citizen_start,2024-03-03', 'OD-2,citizen_start,03-03-2024'),
      'answers.csv:19: answered_on: "03-03-2024" er ikke en gyldig dato.',
    ],
    [
      'bad CPR',
      change('cases.csv', '150595-1235', '150595-123'),
      'cases.csv:3: cpr: CPR-nummeret skal være 10 cifre',
    ],
    [
      'unknown case',
      change('payments.csv', 'OD-3;2025-03-01', 'OD-4;2025-03-01'),
      'payments.csv:5: case_ref: Forløbet "OD-4" findes ikke i cases.csv eller i databasen.',
    ],
    [
      'amount past the grant',
      change('payments.csv', 'AAL-1;2024-07-01;25000', 'AAL-1;2024-07-01;25000,01'),
      'payments.csv:6: amount_kr: Betalingen fører forløbet "AAL-1" over bevillingen',
    ],
    [
      'duplicate case',
      change('cases.csv', 'OD-3,461', 'OD-2,461'),
      'cases.csv:4: case_ref: Sagsreferencen "OD-2" står også på linje 3.',
    ],
    [
      'wrong separator mix',
      change('payments.csv', 'OD-2;2024-04-01;10000,50;housing', 'OD-2,2024-04-01,10000.50,housing'),
      'payments.csv:4: -: Linjen bruger komma (,) som skilletegn',
    ],
    [
      'missing required',
      change('cases.csv', 'active,,50000', 'active,,'),
      'cases.csv:4: granted_kr: Feltet skal udfyldes.',
    ],
    [
      'bad amount',
      change('payments.csv', '1200;health', '1.200;health'),
      'payments.csv:3: amount_kr: Beløbet må højst have to decimaler.',
    ],
  ];

  it.each(kinds)('%s', async (_kind, files, expected) => {
    // Fresh references, so the first test's import does not make every case a duplicate.
    const fresh = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [
        name,
        text.replaceAll('OD-', 'NEW-').replaceAll('AAL-', 'NEWA-'),
      ]),
    );
    const want = expected.replaceAll('OD-', 'NEW-').replaceAll('AAL-', 'NEWA-');
    const before = await rowCounts();
    const errors = await importAndFail(fresh);
    expect(
      errors.some((e) => e.startsWith(want)),
      errors.join('\n'),
    ).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("the coordinator's import page", () => {
  let web: TestApp;
  beforeAll(() => {
    web = buildApp(services);
  });

  async function browserAs(role: 'coordinator' | 'support', municipality = AARHUS): Promise<Browser> {
    return new Browser(web).useSession((await loginAs(t, role, municipality)).token);
  }

  /** A multipart form post with files, as the page's form sends it. */
  async function upload(browser: Browser, files: Files): Promise<Response> {
    const form = new FormData();
    form.set('_csrf', await browser.csrfToken());
    form.set('_idem', newIdempotencyKey());
    for (const [name, text] of Object.entries(files))
      form.append('files', new File([text], name, { type: 'text/csv' }));
    const headers = new Headers({
      origin: browser.origin,
      cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
    });
    const env = { incoming: { socket: { remoteAddress: browser.address, remotePort: 50000 } } };
    return web.app.request(`${browser.origin}/import`, { method: 'POST', headers, body: form }, env);
  }

  it('shows the form, lists every wrong row, then imports into the own municipality', async () => {
    const browser = await browserAs('coordinator');
    const page = await browser.get('/import');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('href="/import"');

    const aarhus = folder('aarhus');
    const before = await rowCounts();
    const wrong = await upload(browser, {
      ...aarhus,
      'cases.csv': `${aarhus['cases.csv'] ?? ''}OTHER-1;250;0101901234;;2019-02-01;;active;;1000;;\n`,
    });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('<title>Fejl: ');
    expect(wrongHtml).toContain(
      'cases.csv:4: municipality_code: Du kan kun importere forløb i din egen kommune (751).',
    );
    expect(await rowCounts()).toEqual(before);

    const none = await upload(browser, {});
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Vælg mindst én fil.');

    const done = await upload(browser, aarhus);
    const doneHtml = await done.text();
    expect(done.status, doneHtml).toBe(200);
    expect(doneHtml).toContain('Importeret: 2 forløb, 2 svar, 2 betalinger');
    const link = /href="(\/forloeb\/[0-9a-f-]{36})"/.exec(doneHtml)?.[1];
    expect(link).toBeDefined();
    const casePage = await browser.get(link ?? '');
    expect(casePage.status).toBe(200);
    expect(await casePage.text()).toContain('Importeret borger (AAR-2019-');
    const budget = await browser.get(`${link ?? ''}/budget`);
    expect(await budget.text()).toContain('Knallertkørekort');
    await expectBooksAndAuditRight([AARHUS]);
    // The coordinator who uploaded posted the imported money, as on the budget page.
    const posters = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('ledger_entry as e')
        .innerJoin('imported_case as i', 'i.case_id', 'e.case_id')
        .innerJoin('audit_event as a', (j) =>
          j.on('a.entity_type', '=', 'ledger_entry').on('a.entity_id', '=', sql<string>`e.id::text`),
        )
        .select(['a.actor_role', 'a.actor_user_id', 'e.posted_by'])
        .distinct()
        .where('i.municipality_id', '=', AARHUS)
        .execute(),
    );
    const coordinator = (await loginAs(t, 'coordinator')).actor.userId;
    expect(posters).toEqual([
      { actor_role: 'coordinator', actor_user_id: coordinator, posted_by: coordinator },
    ]);
  });

  it('is not found for anyone but a coordinator', async () => {
    const support = await browserAs('support');
    expect((await support.get('/import')).status).toBe(404);
    expect((await upload(support, folder('aarhus'))).status).toBe(404);
  });
});
