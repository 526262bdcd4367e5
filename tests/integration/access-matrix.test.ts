import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AARHUS, actorOf, HALSNAES, loginAs, STAFF_ROLES_UNDER_TEST } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { programmeForm } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { caseMatrix, prepareCaseWorld } from './access-matrix-cases.ts';
import { attachmentMatrix, financeMatrix, prepareFinanceWorld } from './access-matrix-finance.ts';
import { reportMatrix } from './access-matrix-report.ts';
import { importMatrix } from './access-matrix-import.ts';
import { mailMatrix } from './access-matrix-mail.ts';
import { prepareSecondFactorWorld, secondFactorMatrix } from './access-matrix-second-factor.ts';
import { portalMatrix, preparePortalWorld } from './access-matrix-portal.ts';
import { dataSubjectMatrix, prepareDataSubjectWorld } from './access-matrix-data-subject.ts';
import { ASSET_URLS } from '../../src/web/assets.ts';

// The full authorisation matrix (spec: Authorisation): every route of the app × every
// staff role (and a visitor who is not logged in), with the exact status. Routes that take an id are
// tried with an id of the actor's own municipality (Aarhus) and of another (Halsnæs). The list of routes
// comes from the app itself: a new page route without a row here fails the test. The JSON API under
// /api/ (bearer tokens, no cookies or forms) is left to a matrix of its own.

type Who = (typeof STAFF_ROLES_UNDER_TEST)[number] | 'anonymous';
type Statuses = Record<Who, number>;

interface Ids {
  ownUser: string;
  ownUserForCode: string;
  otherUser: string;
  ownProgramme: string;
  otherProgramme: string;
  programmeFields: Record<string, string>;
  ownToken: string;
  otherToken: string;
}

interface Row {
  /** Method and path exactly as the app registers the route. */
  route: string;
  /** Which id a parameterised route is tried with. */
  target?: 'own' | 'other';
  path?: (ids: Ids) => string;
  form?: (ids: Ids) => Record<string, string>;
  /** Log-out ends the session it is sent with: give it a session of its own. */
  freshSession?: boolean;
  expected: Statuses;
}

/** One status for everyone, with exceptions. */
function status(all: number, except: Partial<Statuses> = {}): Statuses {
  return {
    support: all,
    coordinator: all,
    finance: all,
    admin: all,
    evaluator: all,
    anonymous: all,
    ...except,
  };
}
/** Not allowed looks like not found (404); a visitor is sent to log in (303). */
const onlyFor = (allowed: Partial<Statuses>): Statuses => status(404, { anonymous: 303, ...allowed });

let mailCounter = 0;
const newUserForm = () => ({
  name: 'Matrix Bruger',
  email: `matrix${++mailCounter}@aarhus.example`,
  role: 'support',
});

const MATRIX: Row[] = [
  { route: 'GET /healthz', expected: status(200) },
  { route: 'GET /readyz', expected: status(200) },
  // Style sheets, scripts, fonts and icons: public, under their fingerprinted names only.
  { route: 'GET /static/*', path: () => ASSET_URLS.appCss, expected: status(200) },
  { route: 'GET /', expected: status(200, { anonymous: 303 }) },
  { route: 'GET /log-ind', expected: status(303, { anonymous: 200 }) },
  { route: 'POST /log-ind', form: () => ({ email: '', password: '' }), expected: status(401) },
  { route: 'POST /log-ud', freshSession: true, expected: status(303) },
  { route: 'POST /session/forny', expected: status(200, { anonymous: 401 }) },
  { route: 'GET /adgangskode', expected: status(200) },
  { route: 'POST /adgangskode', form: () => ({ email: '', code: '', password: '' }), expected: status(422) },
  { route: 'GET /sprog/:lang', path: () => '/sprog/en?tilbage=/', expected: status(303) },
  { route: 'GET /tilgaengelighedserklaering', expected: status(200) },
  // The privacy notice (spec: Privacy notice): public; a municipality's own by its code.
  { route: 'GET /privatlivspolitik', expected: status(200) },
  { route: 'GET /privatlivspolitik/:kommune', path: () => '/privatlivspolitik/250', expected: status(200) },
  // MitID (GET /log-ind/mitid, /log-ind/mitid/retur) exists only with a citizens' issuer, which this app
  // has not: its rows are in mitid.test.ts.
  // The citizen's activation (spec: Citizen log-in): public, like the log-in; an empty form is refused.
  { route: 'GET /aktiver', expected: status(200) },
  { route: 'POST /aktiver', form: () => ({ code: '', login: '', password: '' }), expected: status(422) },
  // A shop redeems a voucher without an account (spec: Vouchers): public; a wrong PIN or code, or a
  // receipt without its ticket, is refused on the form.
  { route: 'GET /indloes', expected: status(200) },
  { route: 'GET /indloes/:code', path: () => '/indloes/ABCDEFGHJKMN', expected: status(200) },
  { route: 'POST /indloes', form: () => ({ pin: '00000000', code: 'ABCDEFGHJKMN' }), expected: status(422) },
  { route: 'GET /indloes/kvittering', expected: status(303) },
  { route: 'POST /indloes/kvittering', form: () => ({ ticket: 'x.y' }), expected: status(422) },
  { route: 'GET /brugere', expected: onlyFor({ admin: 200 }) },
  { route: 'GET /brugere/ny', expected: onlyFor({ admin: 200 }) },
  { route: 'POST /brugere', form: newUserForm, expected: onlyFor({ admin: 201 }) },
  {
    route: 'POST /brugere/:id/engangskode',
    target: 'own',
    path: (ids) => `/brugere/${ids.ownUserForCode}/engangskode`,
    expected: onlyFor({ admin: 201 }),
  },
  {
    route: 'POST /brugere/:id/engangskode',
    target: 'other',
    path: (ids) => `/brugere/${ids.otherUser}/engangskode`,
    expected: onlyFor({}),
  },
  {
    route: 'GET /brugere/:id/deaktiver',
    target: 'own',
    path: (ids) => `/brugere/${ids.ownUserForCode}/deaktiver`,
    expected: onlyFor({ admin: 200 }),
  },
  {
    route: 'GET /brugere/:id/deaktiver',
    target: 'other',
    path: (ids) => `/brugere/${ids.otherUser}/deaktiver`,
    expected: onlyFor({}),
  },
  {
    route: 'POST /brugere/:id/deaktiver',
    target: 'own',
    path: (ids) => `/brugere/${ids.ownUser}/deaktiver`,
    expected: onlyFor({ admin: 303 }),
  },
  {
    route: 'POST /brugere/:id/deaktiver',
    target: 'other',
    path: (ids) => `/brugere/${ids.otherUser}/deaktiver`,
    expected: onlyFor({}),
  },
  // The municipality's log-in (spec: Staff log-in with the municipality's log-in): this app has no staff
  // issuer, so the page is read-only and its forms are refused in place (409); staff-sso-http.test.ts
  // has the rows with an issuer.
  { route: 'GET /brugere/kommunens-log-in', expected: onlyFor({ admin: 200 }) },
  {
    route: 'POST /brugere/kommunens-log-in',
    form: () => ({ enabled: 'on', claimValue: 'matrix-tenant' }),
    expected: onlyFor({ admin: 409 }),
  },
  {
    route: 'POST /brugere/kommunens-log-in/grupper',
    form: () => ({ group: 'matrix-gruppe', role: 'support' }),
    expected: onlyFor({ admin: 409 }),
  },
  {
    route: 'POST /brugere/kommunens-log-in/grupper/fjern',
    form: () => ({ group: 'matrix-gruppe' }),
    expected: onlyFor({ admin: 409 }),
  },
  { route: 'GET /api-noegler', expected: onlyFor({ admin: 200 }) },
  {
    route: 'POST /api-noegler',
    form: (ids) => ({ userId: ids.ownUserForCode, name: 'Matrix' }),
    expected: onlyFor({ admin: 201 }),
  },
  {
    route: 'POST /api-noegler/:id/tilbagekald',
    target: 'own',
    path: (ids) => `/api-noegler/${ids.ownToken}/tilbagekald`,
    expected: onlyFor({ admin: 303 }),
  },
  {
    route: 'POST /api-noegler/:id/tilbagekald',
    target: 'other',
    path: (ids) => `/api-noegler/${ids.otherToken}/tilbagekald`,
    expected: onlyFor({}),
  },
  { route: 'GET /ordning', expected: onlyFor({ support: 200, coordinator: 200, finance: 200 }) },
  {
    route: 'GET /ordning/:id/regler',
    target: 'own',
    path: (ids) => `/ordning/${ids.ownProgramme}/regler`,
    expected: onlyFor({ coordinator: 200 }),
  },
  {
    route: 'GET /ordning/:id/regler',
    target: 'other',
    path: (ids) => `/ordning/${ids.otherProgramme}/regler`,
    expected: onlyFor({}),
  },
  {
    route: 'POST /ordning/:id/regler',
    target: 'own',
    path: (ids) => `/ordning/${ids.ownProgramme}/regler`,
    form: (ids) => ids.programmeFields,
    expected: onlyFor({ coordinator: 303 }),
  },
  {
    route: 'POST /ordning/:id/regler',
    target: 'other',
    path: (ids) => `/ordning/${ids.otherProgramme}/regler`,
    form: (ids) => ids.programmeFields,
    expected: onlyFor({}),
  },
];

/** The case pages: rows that make their own cases, per role (access-matrix-cases.ts). */
const CASE_MATRIX = [
  ...caseMatrix(),
  ...financeMatrix(),
  ...attachmentMatrix(),
  ...reportMatrix(),
  ...importMatrix(),
  ...portalMatrix(),
  ...dataSubjectMatrix(),
  ...mailMatrix(),
  ...secondFactorMatrix(),
];

const TARGET_LABEL = {
  own: ' (own municipality)',
  other: ' (other municipality)',
  unassigned: ' (own municipality, not assigned)',
  ownDraft: ' (own municipality, a draft)',
} as const;

let t: TestContext;
let web: TestApp;
let ids: Ids;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  const admin = await actorOf(t, 'admin', AARHUS);
  const target = (name: string) =>
    t.services.users.create(admin, { name, email: `${name}@aarhus.example`, role: 'support' });
  const otherAdmin = await actorOf(t, 'admin', HALSNAES);
  const otherUser = (await t.services.users.list(otherAdmin)).find((u) => u.role === 'support');
  const coordinator = await actorOf(t, 'coordinator', AARHUS);
  const [own] = await t.services.programmes.list(coordinator);
  const [other] = await t.services.programmes.list(await actorOf(t, 'coordinator', HALSNAES));
  if (!otherUser || !own || !other) throw new Error('demo data missing');
  await prepareCaseWorld(t);
  await prepareFinanceWorld(t);
  await preparePortalWorld(t);
  await prepareDataSubjectWorld(t);
  await prepareSecondFactorWorld(t);
  ids = {
    ownUser: (await target('deaktiveres')).user.id,
    ownUserForCode: (await target('faar-kode')).user.id,
    otherUser: otherUser.id,
    ownProgramme: own.id,
    otherProgramme: other.id,
    programmeFields: programmeForm(own, { durationMonths: '13' }),
    ownToken: (await t.services.apiTokens.issue(admin, { userId: coordinator.userId, name: 'Egen' })).id,
    otherToken: (
      await t.services.apiTokens.issue(otherAdmin, {
        userId: (await actorOf(t, 'coordinator', HALSNAES)).userId,
        name: 'Anden kommune',
      })
    ).id,
  };
});
afterAll(() => t.close());

async function browserFor(who: Who): Promise<Browser> {
  const browser = new Browser(web);
  if (who !== 'anonymous') browser.useSession((await loginAs(t, who)).token);
  return browser;
}

describe('the access matrix', () => {
  it('lists every page route of the app, and no route the app does not have', () => {
    const registered = new Set(
      web.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set([...MATRIX, ...CASE_MATRIX].map((row) => row.route));
    expect(
      [...registered].filter((r) => !listed.has(r)),
      'routes without a row in the matrix',
    ).toEqual([]);
    expect(
      [...listed].filter((r) => !registered.has(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
    for (const row of [...MATRIX, ...CASE_MATRIX].filter((r) => r.route.includes('/:id'))) {
      expect(row.target).toBeDefined();
    }
  });

  it.each(['anonymous', ...STAFF_ROLES_UNDER_TEST] as Who[])(
    'answers a %s exactly as the matrix says',
    async (who) => {
      const browser = await browserFor(who);
      const actual: string[] = [];
      const expected: string[] = [];
      for (const row of MATRIX) {
        const [method = '', pattern = ''] = row.route.split(' ');
        const path = row.path?.(ids) ?? pattern;
        const client = row.freshSession ? await browserFor(who) : browser;
        const res =
          method === 'GET' ? await client.get(path) : await client.submit(path, row.form?.(ids) ?? {});
        const label = `${row.route}${row.target ? TARGET_LABEL[row.target] : ''}`;
        actual.push(`${label} → ${res.status}`);
        expected.push(`${label} → ${row.expected[who]}`);
      }
      for (const row of CASE_MATRIX) {
        const [method = ''] = row.route.split(' ');
        const { path, form } = await row.prepare(who);
        const res = method === 'GET' ? await browser.get(path) : await browser.submit(path, form ?? {});
        const label = `${row.route}${row.target ? TARGET_LABEL[row.target] : ''}`;
        actual.push(`${label} → ${res.status}`);
        expected.push(`${label} → ${row.expected[who]}`);
      }
      expect(actual).toEqual(expected);
    },
    // Some 250 requests in a row: the time is the machine's, not a finding.
    180_000,
  );

  it('answers "not allowed" exactly like "not found"', async () => {
    const finance = await browserFor('finance');
    const normalise = async (res: Response) =>
      [
        res.status,
        (await res.text()).replace(/(nonce|value)="[^"]*"/g, '$1=""').replace(/[0-9a-f-]{36}/g, 'ID'),
      ] as const;
    const forbidden = await normalise(await finance.get(`/ordning/${ids.ownProgramme}/regler`));
    const missing = await normalise(
      await finance.get('/ordning/00000000-0000-4000-8000-000000000000/regler'),
    );
    const otherMunicipality = await normalise(await finance.get(`/ordning/${ids.otherProgramme}/regler`));
    expect(forbidden[0]).toBe(404);
    expect(forbidden).toEqual(missing);
    expect(otherMunicipality).toEqual(missing);
  });
});
