import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { auditSentence } from '../../src/services/audit-actions.ts';
import { caseIn } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Every event in words (spec: Audit log; spec: Timeline): the coordinator's front page says what happened
// in a sentence, with the case it happened in as a link, and the case's timeline says each step and each
// change of the plan. Neither shows a code, a note or any other free text.

const NOTE = 'Borgeren fortalte om sin bror i fængsel';
const PURPOSE = 'Kan komme til praktik hos Fakta';

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let caseId: string;
let caseNumber: number;
let web: Browser;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  const team = await moneyTeam(t);
  ({ coordinator, support } = team);
  ({ caseId } = await caseIn(t, 'active', { coordinator, support }));
  caseNumber = (await t.services.cases.detail(coordinator, caseId, 'GET /test')).caseNumber;
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '20000' });
  await t.services.plans.addSubGoal(support, caseId, { description: 'Få kørekort' });
  await t.services.notes.add(support, caseId, { body: NOTE });
  const request = await t.services.purchases.create(support, caseId, {
    title: 'Cykel',
    purpose: PURPOSE,
    amountKr: '6500',
    category: 'transport',
    vendorId: team.vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(support, request, { how: 'in_person' });
  await t.services.purchases.submit(support, request);
  web = new Browser(buildApp(t.services)).useSession((await loginAs(t, 'coordinator')).token);
});
afterAll(() => t.close());

async function page(path: string, lang: 'da' | 'en' = 'da'): Promise<string> {
  web.cookies.set(web.cookieName('lang'), lang);
  const res = await web.get(path);
  expect(res.status).toBe(200);
  return res.text();
}

describe("the coordinator's recent changes", () => {
  it('say each event in a sentence, with its case as a link, and never its code or its words', async () => {
    const html = await page('/');
    const link = `<a href="/forloeb/${caseId}">i forløb ${caseNumber}</a>`;
    for (const sentence of [
      'En købsanmodning blev sendt til godkendelse',
      'Borgeren sagde ja til en købsanmodning',
      'En købsanmodning blev oprettet',
      'En opfølgning blev skrevet',
      'Noget blev tilføjet til planen',
    ]) {
      expect(html, sentence).toContain(`<td data-title="Hændelse">${sentence} ${link}</td>`);
    }
    expect(html).not.toContain('purchase.submit');
    expect(html).not.toContain(NOTE);
    expect(html).not.toContain(PURPOSE);
  });

  it('are in English for a reader who chose English', async () => {
    const html = await page('/', 'en');
    expect(html).toContain('A purchase request was sent for approval');
    expect(html).toContain(
      `A purchase request was sent for approval <a href="/forloeb/${caseId}">in case ${caseNumber}</a>`,
    );
  });

  it('name the case of every event that belongs to one, and no case for one that does not', async () => {
    const lines = await t.services.overview.recentChanges(coordinator, 100);
    expect(lines.filter((l) => auditSentence(l.action) === null)).toEqual([]);
    const ofCase = lines.filter((l) => l.case?.id === caseId).map((l) => l.action);
    expect(new Set(ofCase)).toEqual(
      new Set([
        'case.refer',
        'case.startScreening',
        'case.accept',
        'case.assignSupport',
        'case.acknowledgeConditions',
        'case.activate',
        'ledger.grant',
        'plan.create',
        'note.write',
        'purchase.create',
        'purchase.confirm',
        'purchase.submit',
      ]),
    );
    expect(lines.find((l) => l.action === 'vendor.create')?.case).toBeNull();
    expect(lines.find((l) => l.action === 'citizen.register')?.case).toBeNull();
  });
});

describe("the case's timeline", () => {
  it('says each step and each change of the plan in a sentence', async () => {
    const html = await page(`/forloeb/${caseId}`);
    for (const sentence of [
      'Henvisningen blev modtaget',
      'Visitationen blev startet',
      'Ordningen blev tilbudt ved visitationen',
      'En støtteperson blev tilknyttet',
      'Betingelserne blev accepteret',
      'Forløbet blev startet',
      'Et delmål blev tilføjet',
    ]) {
      expect(html, sentence).toContain(`<td data-title="Hændelse">${sentence}</td>`);
    }
    const english = await page(`/forloeb/${caseId}`, 'en');
    expect(english).toContain('<td data-title="Event">A sub-goal was added</td>');
  });
});
