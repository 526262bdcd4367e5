import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/domain/errors.ts';
import type { CitizenSignInWays } from '../../src/domain/sign-in.ts';
import type { Actor } from '../../src/services/context.ts';
import { caseIn, programmeOf, staff, testCpr, AARHUS } from '../factories/case-factory.ts';
import { loginAs, STAFF_ROLES_UNDER_TEST } from '../setup/actors.ts';
import { Browser, buildApp, TEST_BASE_URL, type TestApp } from '../setup/http.ts';
import {
  CITIZEN_CLIENT,
  CPR_CLAIM,
  LOA_CLAIM,
  startTestIssuer,
  type TestIssuer,
} from '../setup/oidc-provider.ts';
import { programmeForm } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { readability } from '../support/lix.ts';
import { da } from '../../src/i18n/da.ts';

// The citizen's log-in with MitID (spec: Citizen log-in), over HTTP against the real test issuer
// (oidc-provider): the level must be substantial or high; the CPR number must belong to a citizen of an
// open case whose programme offers MitID; a refusal creates nothing. The programme's setting of the ways in
// is kept by the password and activation log-ins too. Replayed or foreign state and a bad ID token are
// refused with a plain page.

const PASSWORD = 'blå cykel under broen';

let t: TestContext;
let issuer: TestIssuer;
let web: TestApp;
let coordinator: Actor;
let support: Actor;
let programmeId: string;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  issuer = await startTestIssuer(TEST_BASE_URL);
  web = buildApp(t.services, TEST_BASE_URL, issuer.env);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  programmeId = await programmeOf(t, coordinator);
});
afterAll(async () => {
  await issuer.close();
  await t.close();
});

let accountCounter = 0;

/** A citizen with a case in `phase`, and a test account at the issuer with their CPR number at `loa`. */
async function citizenWithMitId(phase: 'referred' | 'active' | 'paused' = 'active', loa = 'Substantial') {
  const cpr = testCpr();
  const { caseId, citizenId } = await caseIn(t, phase, { coordinator, support }, { cpr });
  const accountId = `borger-${++accountCounter}`;
  // NemLog-in gives the ten digits without the hyphen.
  issuer.setAccount(accountId, { [CPR_CLAIM]: cpr.replace('-', ''), [LOA_CLAIM]: loa });
  return { caseId, citizenId, accountId, cpr };
}

/** The issuer's answer for `accountId` to a log-in started in `browser`: the callback URL, not yet followed. */
async function backFromIssuer(browser: Browser, accountId: string): Promise<string> {
  const start = await browser.get('/log-ind/mitid');
  expect(start.status).toBe(303);
  const back = await issuer.signIn(start.headers.get('location') ?? '', accountId);
  expect(back.origin + back.pathname).toBe(`${TEST_BASE_URL}/log-ind/mitid/retur`);
  return back.pathname + back.search;
}

async function logInWithMitId(browser: Browser, accountId: string): Promise<Response> {
  return browser.get(await backFromIssuer(browser, accountId));
}

function userOfCitizen(citizenId: string) {
  return t.database.transaction('all', async (tx) => {
    const citizen = await tx
      .selectFrom('citizen')
      .select('user_id')
      .where('id', '=', citizenId)
      .executeTakeFirst();
    return citizen?.user_id ?? null;
  });
}

function counts() {
  return t.database.transaction('all', async (tx) => ({
    users: Number(
      (
        await tx
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    ),
    sessions: Number(
      (
        await tx
          .selectFrom('user_session')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    ),
  }));
}

/** Sets the programme's ways in for the duration of `run`, straight in the database (the form is tested below). */
async function withWays(ways: CitizenSignInWays, run: () => Promise<void>): Promise<void> {
  const set = (value: CitizenSignInWays) =>
    t.database.transaction('all', (tx) =>
      tx.updateTable('programme').set({ citizen_sign_in: value }).where('id', '=', programmeId).execute(),
    );
  await set(ways);
  try {
    await run();
  } finally {
    await set('code_and_mitid');
  }
}

async function expectRefusal(res: Response, status: number, title: string) {
  expect(res.status).toBe(status);
  const html = await res.text();
  expect(html).toContain(title);
  return html;
}

describe('logging in with MitID', () => {
  it('makes the portal account at the first log-in and shows "Logget ind med MitID"', async () => {
    const { citizenId, accountId } = await citizenWithMitId();
    expect(await userOfCitizen(citizenId)).toBeNull();
    const browser = new Browser(web);
    const res = await logInWithMitId(browser, accountId);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/borger');
    const portal = await browser.get('/borger');
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('Logget ind med MitID');

    const userId = await userOfCitizen(citizenId);
    expect(userId).not.toBeNull();
    const session = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('user_session')
        .selectAll()
        .where('user_id', '=', userId ?? '')
        .executeTakeFirstOrThrow(),
    );
    expect(session).toMatchObject({ method: 'mitid', assurance: 'substantial' });
    expect(session.issuer_session).toEqual(expect.any(String));
  });

  it('logs out here and sends the browser on to end the session at the broker too', async () => {
    const { accountId } = await citizenWithMitId();
    const browser = new Browser(web);
    await logInWithMitId(browser, accountId);
    const res = await browser.submit('/log-ud', {});
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(issuer.issuer);
    expect(location.searchParams.get('client_id')).toBe(CITIZEN_CLIENT.id);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(
      `${TEST_BASE_URL}/log-ind?besked=logget-af`,
    );
    expect((await browser.get('/borger')).status).toBe(303);
    expect(res.headers.get('content-security-policy')).toContain(issuer.issuer);
  });

  it('uses the account the citizen has, at the level MitID gave', async () => {
    const { caseId, citizenId, accountId } = await citizenWithMitId('paused', 'High');
    await t.services.citizenLogin.issueActivationCode(support, caseId);
    const userId = await userOfCitizen(citizenId);
    const before = await counts();
    expect((await logInWithMitId(new Browser(web), accountId)).status).toBe(303);
    expect(await userOfCitizen(citizenId)).toBe(userId);
    expect((await counts()).users).toBe(before.users);
    const session = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('user_session')
        .selectAll()
        .where('user_id', '=', userId ?? '')
        .executeTakeFirstOrThrow(),
    );
    expect(session.assurance).toBe('high');
  });

  it('keeps the CPR number out of the sessions and the audit log', async () => {
    const { accountId, cpr } = await citizenWithMitId();
    await logInWithMitId(new Browser(web), accountId);
    const rows = await t.database.transaction('all', async (tx) => [
      ...(await tx.selectFrom('audit_event').selectAll().execute()),
      ...(await tx.selectFrom('user_session').selectAll().execute()),
      ...(await tx.selectFrom('oidc_sign_in').selectAll().execute()),
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(cpr.replace('-', ''));
    expect(text).not.toContain(cpr);
  });

  it('refuses a level below substantial with a plain page, and creates nothing', async () => {
    const { citizenId, accountId } = await citizenWithMitId('active', 'Low');
    const before = await counts();
    const browser = new Browser(web);
    await expectRefusal(await logInWithMitId(browser, accountId), 403, da['mitid.level.title']);
    expect(await userOfCitizen(citizenId)).toBeNull();
    expect(await counts()).toEqual(before);
    expect(browser.cookies.has(browser.cookieName('session'))).toBe(false);
  });

  it('sends an unknown CPR number to the support person, and creates nothing', async () => {
    issuer.setAccount('ukendt', { [CPR_CLAIM]: testCpr().replace('-', ''), [LOA_CLAIM]: 'Substantial' });
    const before = await counts();
    const html = await expectRefusal(
      await logInWithMitId(new Browser(web), 'ukendt'),
      403,
      da['mitid.unknown.title'],
    );
    expect(html).toContain('Kontakt din støtteperson');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a closed case', 'closed'],
    ['a case not yet accepted', 'referred'],
  ] as const)('refuses the citizen of %s as unknown', async (_name, phase) => {
    const { caseId, citizenId, accountId } = await citizenWithMitId(phase === 'closed' ? 'active' : phase);
    if (phase === 'closed') await t.services.cases.terminate(coordinator, caseId, { reason: 'Flyttet.' });
    await expectRefusal(await logInWithMitId(new Browser(web), accountId), 403, da['mitid.unknown.title']);
    expect(await userOfCitizen(citizenId)).toBeNull();
  });

  it('refuses MitID where the programme offers the code only', async () => {
    const { accountId, citizenId } = await citizenWithMitId();
    await withWays('code_only', async () => {
      await expectRefusal(
        await logInWithMitId(new Browser(web), accountId),
        403,
        da['mitid.notOffered.title'],
      );
    });
    expect(await userOfCitizen(citizenId)).toBeNull();
  });

  it('refuses a citizen whose access is closed', async () => {
    const { citizenId, accountId } = await citizenWithMitId();
    expect((await logInWithMitId(new Browser(web), accountId)).status).toBe(303);
    const userId = (await userOfCitizen(citizenId)) ?? '';
    await t.database.transaction('all', (tx) =>
      tx
        .updateTable('app_user')
        .set({ active: false, deactivated_at: t.clock.now() })
        .where('id', '=', userId)
        .execute(),
    );
    await expectRefusal(await logInWithMitId(new Browser(web), accountId), 403, da['mitid.closed.title']);
  });

  it('says it in plain Danish', () => {
    for (const key of ['level', 'unknown', 'notOffered', 'closed', 'failed'] as const) {
      const said = readability(`<p>${da[`mitid.${key}.title`]}.</p><p>${da[`mitid.${key}.text`]}</p>`);
      expect(said.lix, key).toBeLessThanOrEqual(35);
    }
  });
});

describe('a callback that is not a fresh answer to this browser', () => {
  it('refuses a replayed state', async () => {
    const { accountId } = await citizenWithMitId();
    const browser = new Browser(web);
    const callback = await backFromIssuer(browser, accountId);
    expect((await browser.get(callback)).status).toBe(303);
    const again = new Browser(web);
    for (const [name, value] of browser.cookies) again.cookies.set(name, value);
    again.cookies.delete(again.cookieName('session'));
    await expectRefusal(await again.get(callback), 400, da['mitid.failed.title']);
  });

  it('refuses a state started in another browser', async () => {
    const { accountId, citizenId } = await citizenWithMitId();
    const callback = await backFromIssuer(new Browser(web), accountId);
    const other = new Browser(web);
    await expectRefusal(await other.get(callback), 400, da['mitid.failed.title']);
    expect(await userOfCitizen(citizenId)).toBeNull();
  });

  it('refuses a callback without state, or with the issuer saying no', async () => {
    await expectRefusal(
      await new Browser(web).get('/log-ind/mitid/retur?code=x'),
      400,
      da['mitid.failed.title'],
    );
    const browser = new Browser(web);
    const start = await browser.get('/log-ind/mitid');
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const denied = `/log-ind/mitid/retur?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer.issuer)}`;
    await expectRefusal(await browser.get(denied), 400, da['mitid.failed.title']);
  });

  it.each([
    ['a wrong nonce', (c: Record<string, unknown>) => ({ ...c, nonce: 'another' })],
    ['another audience', (c: Record<string, unknown>) => ({ ...c, aud: 'another-client' })],
    [
      'an expired ID token',
      (c: Record<string, unknown>) => {
        const past = Math.floor(Date.now() / 1000) - 3600;
        return { ...c, iat: past - 600, exp: past };
      },
    ],
  ])('refuses %s, and creates nothing', async (_name, change) => {
    const { accountId, citizenId } = await citizenWithMitId();
    const browser = new Browser(web);
    const callback = await backFromIssuer(browser, accountId);
    const before = await counts();
    issuer.tamperNextIdToken(change);
    await expectRefusal(await browser.get(callback), 400, da['mitid.failed.title']);
    expect(await userOfCitizen(citizenId)).toBeNull();
    expect(await counts()).toEqual(before);
  });
});

describe("the programme's ways in", () => {
  it('refuses the password and the activation code where the programme asks for MitID only', async () => {
    const { caseId } = await citizenWithMitId();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const browser = new Browser(web, '198.51.100.7');
    const phone = '22 33 44 55';
    await withWays('mitid_only', async () => {
      const activation = await browser.submit('/aktiver', {
        code,
        login: phone,
        password: PASSWORD,
        passwordRepeat: PASSWORD,
      });
      expect(activation.status).toBe(422);
      expect(await activation.text()).toContain(da['mitid.onlyMitId']);
      const issued = await t.services.citizenLogin
        .issueActivationCode(support, caseId)
        .catch((e: unknown) => e);
      expect(issued).toBeInstanceOf(Conflict);
    });
    // With the code and MitID offered again, the same code works; then MitID only stops the password.
    expect(
      (await browser.submit('/aktiver', { code, login: phone, password: PASSWORD, passwordRepeat: PASSWORD }))
        .status,
    ).toBe(303);
    await withWays('mitid_only', async () => {
      const login = await new Browser(web, '198.51.100.8').login(phone, PASSWORD);
      expect(login.status).toBe(401);
      expect(await login.text()).toContain(da['mitid.onlyMitId']);
    });
    expect((await new Browser(web, '198.51.100.9').login(phone, PASSWORD)).status).toBe(303);
  });

  it('explains on the case page why there is no code where the programme asks for MitID only', async () => {
    const { caseId } = await citizenWithMitId();
    const browser = new Browser(web).useSession((await loginAs(t, 'support')).token);
    await withWays('mitid_only', async () => {
      const html = await (await browser.get(`/forloeb/${caseId}`)).text();
      expect(html).toContain(da['mitid.case.mitIdOnly']);
      expect(html).not.toContain(`/forloeb/${caseId}/aktiveringskode`);
    });
    expect(await (await browser.get(`/forloeb/${caseId}`)).text()).toContain(
      `/forloeb/${caseId}/aktiveringskode`,
    );
  });

  it('are set on the programme form with the change level, and audited', async () => {
    const browser = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
    const form = await (await browser.get(`/ordning/${programmeId}/regler`)).text();
    expect(form).toContain('name="citizenSignIn"');
    expect(form).toContain('name="changeAssurance"');
    const programme = await t.services.programmes.get(coordinator, programmeId);
    try {
      const saved = await browser.submit(
        `/ordning/${programmeId}/regler`,
        programmeForm(programme, { citizenSignIn: 'code_only', changeAssurance: 'substantial' }),
      );
      expect(saved.status).toBe(303);
      const after = await t.services.programmes.get(coordinator, programmeId);
      expect(after.signIn).toEqual({ citizenWays: 'code_only', changeAssurance: 'substantial' });
      const page = await (await browser.get('/ordning')).text();
      expect(page).toContain(da['programme.citizenSignIn.code_only']);
      const audit = await t.database.transaction('all', (tx) =>
        tx
          .selectFrom('audit_event')
          .selectAll()
          .where('action', '=', 'programme.updateSettings')
          .where('entity_id', '=', programmeId)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow(),
      );
      expect(JSON.stringify(audit.before)).toContain('"citizenWays":"code_and_mitid"');
      expect(JSON.stringify(audit.after)).toContain('"citizenWays":"code_only"');
      expect(JSON.stringify(audit.after)).toContain('"changeAssurance":"substantial"');
    } finally {
      // Back as it was, past the level the programme now asks for.
      await t.database.transaction('all', (tx) =>
        tx
          .updateTable('programme')
          .set({ citizen_sign_in: 'code_and_mitid', change_assurance: 'low' })
          .where('id', '=', programmeId)
          .execute(),
      );
    }
  });

  it('refuses a way that is not one', async () => {
    const browser = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
    const programme = await t.services.programmes.get(coordinator, programmeId);
    const res = await browser.submit(
      `/ordning/${programmeId}/regler`,
      programmeForm(programme, { citizenSignIn: 'sms' }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(da['field.programme.citizenSignIn']);
    expect((await t.services.programmes.get(coordinator, programmeId)).signIn.citizenWays).toBe(
      'code_and_mitid',
    );
  });
});

describe('the access matrix of the MitID routes (with the issuer; without it they do not exist)', () => {
  it.each([...STAFF_ROLES_UNDER_TEST, 'anonymous'] as const)(
    'gives %s the start (303 to the issuer) and refuses a bare callback (400), with the security headers',
    async (who) => {
      const browser = new Browser(web);
      if (who !== 'anonymous') browser.useSession((await loginAs(t, who)).token);
      const start = await browser.get('/log-ind/mitid');
      expect(start.status).toBe(303);
      expect(new URL(start.headers.get('location') ?? '').origin).toBe(issuer.issuer);
      const callback = await browser.get('/log-ind/mitid/retur');
      expect(callback.status).toBe(400);
      expect(callback.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(callback.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );
});

describe('without the citizens’ issuer', () => {
  it('shows no MitID and answers 404 at its paths', async () => {
    const plain = buildApp(t.services);
    const browser = new Browser(plain);
    expect((await browser.get('/log-ind/mitid')).status).toBe(404);
    expect((await browser.get('/log-ind/mitid/retur?state=x&code=y')).status).toBe(404);
    expect(await (await browser.get('/log-ind')).text()).not.toContain(da['mitid.button']);
    expect(await (await browser.get('/aktiver')).text()).not.toContain(da['mitid.button']);
    const staffBrowser = new Browser(plain).useSession((await loginAs(t, 'coordinator')).token);
    expect(await (await staffBrowser.get(`/ordning/${programmeId}/regler`)).text()).not.toContain(
      'name="citizenSignIn"',
    );
  });

  it('with it, offers "Log ind med MitID" on the log-in and activation pages', async () => {
    const browser = new Browser(web);
    expect(await (await browser.get('/log-ind')).text()).toContain(da['mitid.button']);
    expect(await (await browser.get('/aktiver')).text()).toContain(da['mitid.button']);
  });
});
