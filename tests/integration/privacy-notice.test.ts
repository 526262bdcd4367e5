import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Lang } from '../../src/i18n/index.ts';
import { DEMO_MUNICIPALITIES } from '../../src/services/demo/demo-organisation.ts';
import { AARHUS, HALSNAES, staff } from '../factories/case-factory.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { visibleText } from '../support/lix.ts';

// The privacy notice (spec: Privacy notice), through the whole app on the demo data: the general notice
// for a visitor, one municipality's by its code, a member of staff's own municipality's, and the citizen's
// version in the portal, in Danish and English. Aarhus's programme is set to rest on consent with 36 months'
// retention and a privacy contact, so the page must show what the programme says, not the defaults;
// Halsnæs keeps the defaults (public task, 60 months). No page may show anything about a person.

const CONTACT = 'databeskyttelse@aarhus.example';

let t: TestContext;
let web: TestApp;
let citizen: CitizenSession;
/** Every citizen's and staff member's name in the database. */
let names: string[];

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  const coordinator = await staff(t, AARHUS, 'koordinator');
  const [programme] = await t.services.programmes.list(coordinator);
  if (!programme) throw new Error('Aarhus has no programme');
  await t.services.programmes.updateSettings(
    coordinator,
    programme.id,
    programmeInput(programme, { retentionMonths: '36', legalBasis: 'consent', privacyContact: CONTACT }),
  );
  citizen = await citizenSession(t);
  names = await t.database.transaction('all', async (tx) => [
    ...(await tx.selectFrom('citizen').select('name').execute()).map((r) => r.name),
    ...(await tx.selectFrom('app_user').select('name').execute()).map((r) => r.name),
  ]);
});
afterAll(() => t.close());

/** A browser in a language, a visitor unless given a session. */
async function browser(lang: Lang, token?: string): Promise<Browser> {
  const b = new Browser(web);
  if (token) b.useSession(token);
  await b.get(`/sprog/${lang}?tilbage=/`);
  return b;
}

/** The page's <main> as a reader sees it: one line of text, entities decoded. */
async function mainText(res: Response): Promise<string> {
  return visibleText(await res.text())
    .replaceAll('\u0000', ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Nothing about a person: no name, no CPR number, no e-mail address but the contacts the notice gives. */
function expectNoPersonalData(text: string): void {
  for (const name of names) expect(text, `the page shows the name ${name}`).not.toContain(name);
  expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
  const mails = text.match(/[^\s@()]+@[^\s@()]+\.[a-z]+/g) ?? [];
  expect(mails.filter((m) => ![CONTACT, 'dt@datatilsynet.dk'].includes(m.replace(/[.,]$/, '')))).toEqual([]);
}

describe('the privacy notice', () => {
  it.each(['da', 'en'] as const)(
    'shows a visitor the general notice with every municipality (%s)',
    async (lang) => {
      const tr = translator(lang);
      const res = await (await browser(lang)).get('/privatlivspolitik');
      expect(res.status).toBe(200);
      const html = await res.clone().text();
      const text = await mainText(res);
      expect(text).toContain(tr('privacy.controller.general'));
      // Every municipality links to its own notice, by name as a reader looks for theirs.
      const linked = [...html.matchAll(/<a href="\/privatlivspolitik\/(\d{3})">([^<]+)<\/a>/g)].map(
        (m) => `${m[1] ?? ''} ${m[2] ?? ''}`,
      );
      const byName = [...DEMO_MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'da'));
      expect(linked).toEqual(byName.map((m) => `${String(m.id)} ${m.name}`));
      const aarhus = await t.services.programmes.list(await staff(t, AARHUS, 'koordinator'));
      for (const p of aarhus) expect(text).toContain(p.name);
      expect(text).toContain(tr('privacy.basis.general'));
      expect(text).toContain(tr('privacy.retention.general'));
      // Erasure and objection are explained for each legal basis, under a heading of their own.
      for (const basis of ['public_task', 'consent'] as const) {
        expect(html).toContain(`<h3>${tr(`privacy.rights.basisGeneral.${basis}`)}</h3>`);
        expect(text).toContain(tr(`privacy.rights.erasure.${basis}`));
        expect(text).toContain(tr(`privacy.rights.object.${basis}`));
      }
      expect(text).toContain(tr('privacy.rights.complain'));
      expect(html).toContain('href="https://www.datatilsynet.dk"');
      expect(text).toContain(tr('privacy.data.never'));
      expectNoPersonalData(text);
    },
  );

  it.each(['da', 'en'] as const)(
    "shows a municipality's notice by its code, from its programme's settings (%s)",
    async (lang) => {
      const tr = translator(lang);
      const res = await (await browser(lang)).get(`/privatlivspolitik/${String(AARHUS)}`);
      expect(res.status).toBe(200);
      const html = await res.clone().text();
      const text = await mainText(res);
      expect(text).toContain(tr('privacy.controller.one', { municipality: 'Aarhus Kommune' }));
      expect(text).toContain(tr('privacy.retention.months', { months: 36 }));
      expect(text).toContain(tr('privacy.basis.consent'));
      expect(text).not.toContain(tr('privacy.basis.public_task'));
      expect(text).toContain(tr('privacy.rights.erasure.consent'));
      expect(text).toContain(tr('privacy.rights.object.consent'));
      expect(html).toContain(`<a href="mailto:${CONTACT}">${CONTACT}</a>`);
      expect(html).toContain(`<a href="/privatlivspolitik">${tr('privacy.allMunicipalities')}</a>`);
      expectNoPersonalData(text);
    },
  );

  it("shows a member of staff their own municipality's notice, with the defaults where nothing was set", async () => {
    const { token } = await loginAs(t, 'coordinator', HALSNAES);
    const res = await (await browser('da', token)).get('/privatlivspolitik');
    expect(res.status).toBe(200);
    const html = await res.clone().text();
    const text = await mainText(res);
    const tr = translator('da');
    expect(text).toContain(tr('privacy.controller.one', { municipality: 'Halsnæs Kommune' }));
    expect(text).toContain(tr('privacy.retention.months', { months: 60 }));
    expect(text).toContain(tr('privacy.basis.public_task'));
    expect(text).toContain(tr('privacy.rights.erasure.public_task'));
    expect(text).toContain(tr('privacy.rights.object.public_task'));
    expect(text).toContain(tr('privacy.use.municipality', { municipality: 'Halsnæs Kommune' }));
    expect(text).not.toContain(CONTACT);
    // Their own municipality's notice is theirs: no way back to a list they do not need.
    expect(html).not.toContain(tr('privacy.allMunicipalities'));
    expectNoPersonalData(text);
  });

  it('shows the national evaluator, who has no municipality, the general notice', async () => {
    const { token } = await loginAs(t, 'evaluator');
    const res = await (await browser('da', token)).get('/privatlivspolitik');
    expect(res.status).toBe(200);
    expect(await mainText(res)).toContain(translator('da')('privacy.controller.general'));
  });

  it.each(['da', 'en'] as const)(
    "shows a citizen their own programme's notice in the portal's words (%s)",
    async (lang) => {
      const tr = translator(lang);
      const res = await (await browser(lang, citizen.token)).get('/privatlivspolitik');
      expect(res.status).toBe(200);
      const html = await res.clone().text();
      const text = await mainText(res);
      expect(text).toContain(tr('privacy.citizen.lede', { municipality: 'Aarhus Kommune' }));
      expect(text).toContain(tr('privacy.citizen.keep.years', { months: 36, years: 3 }));
      expect(text).toContain(tr('privacy.citizen.basis.consent'));
      expect(text).toContain(tr('privacy.citizen.basis.consent.law'));
      expect(text).not.toContain(tr('privacy.citizen.basis.public_task'));
      expect(text).toContain(tr('privacy.citizen.rights.erase.consent'));
      expect(html).toContain(`<a href="mailto:${CONTACT}">${CONTACT}</a>`);
      // Where the citizen uses the rights at once, and the portal's menu with this page as the current one.
      expect(html).toContain('href="/borger/mine-data"');
      expect(html).toContain('href="/borger/log"');
      expect(html).toContain(
        `<a href="/privatlivspolitik" class="nav-link" aria-current="page"><span>${tr('privacy.citizen.title')}</span></a>`,
      );
      expectNoPersonalData(text);
    },
  );

  it('links the notice from the footer of every page and from the portal menu', async () => {
    const footer = `<a class="function-link" href="/privatlivspolitik">`;
    expect(await (await (await browser('da')).get('/log-ind')).text()).toContain(footer);
    const portal = await (await (await browser('da', citizen.token)).get('/borger')).text();
    expect(portal).toContain(footer);
    expect(portal).toContain(
      `<a href="/privatlivspolitik" class="nav-link"><span>${translator('da')('privacy.citizen.title')}</span></a>`,
    );
  });

  it('answers an unknown or malformed municipality code with "not found"', async () => {
    const visitor = await browser('da');
    for (const code of ['999', '75', '0751', 'aarhus']) {
      expect([code, (await visitor.get(`/privatlivspolitik/${code}`)).status]).toEqual([code, 404]);
    }
  });
});
