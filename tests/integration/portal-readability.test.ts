import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOLDING, staff } from '../factories/case-factory.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { readability, type Readability } from '../support/lix.ts';

// Readability of the citizen's portal (spec: Citizen portal; each page at LIX 35 or below). Every portal
// page is rendered in Danish for a demo citizen with a realistic case — Mads in Aarhus, four months
// into his period, with goals, purchases in every state, notes and an access log — and for a citizen
// at the start (the questionnaire's question pages). The Danish text of each page's <main> is scored
// by tests/support/lix.ts. The figures are printed and written to test-results/lix.json. The privacy notice
// is read by Mads (his programme: the defaults, a public task kept 60 months) and by a citizen of Kolding,
// whose programme rests on consent and keeps data 30 months, so both wordings are scored.

const LIMIT = 35;
const RESULTS = resolve(import.meta.dirname, '../../test-results/lix.json');

let t: TestContext;
let web: TestApp;
let mads: CitizenSession;
let fresh: CitizenSession;
let consenting: CitizenSession;
const figures: Record<string, Pick<Readability, 'lix' | 'words' | 'sentences' | 'longWords'>> = {};

/** The demo's case of a citizen, by name (spec: Demo personas). */
async function demoCase(name: string, municipalityId: number) {
  return t.database.transaction({ municipalityId }, (tx) =>
    tx
      .selectFrom('citizen_case as c')
      .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
      .select(['c.id as caseId', 'z.id as citizenId'])
      .where('z.name', '=', name)
      .executeTakeFirstOrThrow(),
  );
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  mads = await citizenSession(t, { existing: await demoCase('Mads Bøgh', 751) });
  // Staff have looked at Mads's case, so his log has rows.
  await t.services.cases.detail(mads.support, mads.caseId, 'GET /forloeb/:id');
  await t.services.budgets.overview(mads.coordinator, mads.caseId, 'GET /forloeb/:id/budget');
  fresh = await citizenSession(t);
  const coordinator = await staff(t, KOLDING, 'koordinator');
  const [programme] = await t.services.programmes.list(coordinator);
  if (!programme) throw new Error('Kolding has no programme');
  await t.services.programmes.updateSettings(
    coordinator,
    programme.id,
    programmeInput(programme, { legalBasis: 'consent', retentionMonths: '30' }),
  );
  consenting = await citizenSession(t, { coordinator, support: await staff(t, KOLDING, 'stotteperson') });
});

afterAll(async () => {
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ limit: LIMIT, pages: figures }, null, 2)}\n`);
  await t.close();
});

const MADS_PAGES = [
  '/borger',
  '/borger/maal',
  '/borger/budget',
  '/borger/koeb',
  '/borger/koeb/nyt',
  '/borger/bekraeft',
  '/borger/vaerdibeviser',
  '/borger/ideer',
  '/borger/spoergeskemaer',
  '/borger/spoergeskemaer/citizen_start/send',
  '/borger/log',
  '/borger/mine-data',
  '/privatlivspolitik',
];
// The question pages of each kind (several choices, one choice, WHO-5), and the page to check answers.
const FRESH_PAGES = [
  '/borger/spoergeskemaer/citizen_start/1',
  '/borger/spoergeskemaer/citizen_start/2',
  '/borger/spoergeskemaer/citizen_start/3',
  '/borger/spoergeskemaer/citizen_start/send',
];

async function score(who: CitizenSession, path: string, key: string): Promise<Readability> {
  const res = await new Browser(web).useSession(who.token).get(path);
  expect(res.status, `${path} should render for the citizen`).toBe(200);
  const html = await res.text();
  expect(html).toContain('<html lang="da"');
  const r = readability(html);
  figures[key] = { lix: r.lix, words: r.words, sentences: r.sentences, longWords: r.longWords };
  console.log(`LIX ${r.lix.toFixed(1).padStart(5)}  ${key}  (${r.words} words, ${r.sentences} sentences)`);
  return r;
}

describe('the portal in plain Danish', () => {
  it.each(MADS_PAGES)('%s has LIX ≤ 35 (demo citizen Mads)', async (path) => {
    const r = await score(mads, path, path);
    expect(r.words, 'the page should say something').toBeGreaterThan(10);
    expect(r.lix, `${path}: ${r.sentencesText.join(' | ')}`).toBeLessThanOrEqual(LIMIT);
  });

  it.each(FRESH_PAGES)('%s has LIX ≤ 35 (a citizen at the start)', async (path) => {
    const r = await score(fresh, path, `${path} (new)`);
    expect(r.words).toBeGreaterThan(10);
    expect(r.lix, `${path}: ${r.sentencesText.join(' | ')}`).toBeLessThanOrEqual(LIMIT);
  });

  it('saying no to a purchase, and the purchase said no to, have LIX ≤ 35', async () => {
    const [vendor] = await t.services.budgets.vendors(fresh.support);
    const id = await t.services.purchases.create(fresh.support, fresh.caseId, {
      title: 'Cykelhjelm',
      purpose: 'Så du er sikker i trafikken.',
      amountKr: '400',
      category: 'transport',
      vendorId: vendor?.id ?? '',
      paymentMethod: 'invoice',
    });
    const sayNo = await score(fresh, `/borger/bekraeft/${id}/nej`, '/borger/bekraeft/:id/nej');
    expect(sayNo.lix, sayNo.sentencesText.join(' | ')).toBeLessThanOrEqual(LIMIT);
    await t.services.purchases.declineInPortal(fresh.actor, id, { reason: 'Jeg har en hjelm.' });
    const said = await score(fresh, '/borger/koeb', '/borger/koeb (said no)');
    expect(said.sentencesText.join(' ')).toContain('Du har sagt nej.');
    expect(said.lix, said.sentencesText.join(' | ')).toBeLessThanOrEqual(LIMIT);
  });

  it('/privatlivspolitik has LIX ≤ 35 (a programme that rests on consent)', async () => {
    const path = '/privatlivspolitik';
    const r = await score(consenting, path, `${path} (consent)`);
    expect(r.sentencesText.join(' '), 'the consent wording').toContain('Du har sagt ja');
    expect(r.lix, `${path}: ${r.sentencesText.join(' | ')}`).toBeLessThanOrEqual(LIMIT);
  });
});
