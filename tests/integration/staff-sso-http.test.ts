import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { tokenHash } from '../../src/services/access/tokens.ts';
import { AARHUS, actorOf, loginAs, STAFF_ROLES_UNDER_TEST } from '../setup/actors.ts';
import { Browser, buildApp, TEST_BASE_URL, type TestApp } from '../setup/http.ts';
import { STAFF_CLIENT, startTestIssuer, TEST_STAFF, type TestIssuer } from '../setup/oidc-provider.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The municipality's own log-in over HTTP, against a real OpenID provider
// (spec: Staff log-in with the municipality's log-in): "Log ind med kommunens log-in", the user made just in time with the role their
// group maps to, the administrator's page, log-out at both ends, and the issuer's back-channel logout.

let t: TestContext;
let issuer: TestIssuer;
let web: TestApp;
let admin: Actor;
const CASEWORKER = TEST_STAFF.caseworker;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  issuer = await startTestIssuer(TEST_BASE_URL);
  web = buildApp(t.services, TEST_BASE_URL, issuer.env);
  admin = await actorOf(t, 'admin', AARHUS);
  await t.services.staffSso.updateSettings(admin, { enabled: 'on', claimValue: CASEWORKER.tid });
  await t.services.staffSso.setGroupRole(admin, { group: 'bb-stotteperson', role: 'support' });
});
afterAll(async () => {
  await issuer.close();
  await t.close();
});

/** "Log ind med kommunens log-in" in `browser`, as `accountId` at the issuer: the app's answer at the callback. */
async function ssoSignIn(browser: Browser, accountId: string): Promise<Response> {
  const start = await browser.get('/log-ind/kommune');
  expect(start.status).toBe(303);
  const back = await issuer.signIn(start.headers.get('location') ?? '', accountId);
  expect(back.origin + back.pathname).toBe(`${TEST_BASE_URL}/log-ind/kommune/retur`);
  return browser.get(back.pathname + back.search);
}

async function signedInBrowser(accountId: string = CASEWORKER.accountId): Promise<Browser> {
  const browser = new Browser(web);
  const res = await ssoSignIn(browser, accountId);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/');
  return browser;
}

async function isLoggedIn(browser: Browser): Promise<boolean> {
  return (await browser.get('/')).status === 200;
}

/** The issuer's session id (`sid`) the browser's session was started with. */
async function sidOf(browser: Browser): Promise<string> {
  const token = browser.cookies.get(browser.cookieName('session')) ?? '';
  const row = await t.database.transaction('all', (tx) =>
    tx
      .selectFrom('user_session')
      .select('issuer_session')
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirstOrThrow(),
  );
  if (!row.issuer_session) throw new Error('no sid');
  return row.issuer_session;
}

async function userCount(): Promise<number> {
  return t.database.transaction(
    'all',
    async (tx) => (await tx.selectFrom('app_user').select('id').execute()).length,
  );
}

/** The back-channel logout as the issuer's server sends it: no cookie, no Origin, no CSRF token. */
function backChannel(logoutToken: string | undefined): Promise<Response> {
  const form: Record<string, string> = logoutToken === undefined ? {} : { logout_token: logoutToken };
  return new Browser(web).post('/log-ud/bagkanal', form, { origin: null });
}

describe("'Log ind med kommunens log-in'", () => {
  it('is offered on the log-in page when the server knows the staff issuer', async () => {
    const html = await (await new Browser(web).get('/log-ind')).text();
    expect(html).toContain('href="/log-ind/kommune"');
    expect(html).toContain('Log ind med kommunens log-in');
    const without = buildApp(t.services);
    expect(await (await new Browser(without).get('/log-ind')).text()).not.toContain('/log-ind/kommune');
  });

  it('makes the user just in time with the role their group maps to, and signs them in', async () => {
    const before = await userCount();
    const browser = await signedInBrowser();
    expect(await userCount()).toBe(before + 1);
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(CASEWORKER.name);
    const user = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('app_user')
        .select(['role', 'email', 'password_hash', 'municipality_id'])
        .where('external_subject', '=', CASEWORKER.accountId)
        .executeTakeFirstOrThrow(),
    );
    expect(user).toEqual({
      role: 'support',
      email: CASEWORKER.email,
      password_hash: null,
      municipality_id: AARHUS,
    });
    // The next log-in finds the same user.
    await signedInBrowser();
    expect(await userCount()).toBe(before + 1);
  });

  it('refuses a municipality that is not known, with a plain page, and makes nothing', async () => {
    issuer.setAccount('fremmed-kommune', { ...CASEWORKER, tid: 'ukendt-tenant', email: 'x@fremmed.example' });
    const before = await userCount();
    const res = await ssoSignIn(new Browser(web), 'fremmed-kommune');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Din kommune bruger ikke kommunens log-in i Borgerbudget');
    expect(await userCount()).toBe(before);
  });

  it('refuses a callback that was not started in this browser', async () => {
    const start = await new Browser(web).get('/log-ind/kommune');
    const back = await issuer.signIn(start.headers.get('location') ?? '', CASEWORKER.accountId);
    const res = await new Browser(web).get(back.pathname + back.search);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('kunne ikke gennemføres');
  });
});

describe("the administrator's page", () => {
  it('shows the issuer, the settings and the mapping, and changes the mapping at once', async () => {
    issuer.setAccount('skifter-rolle', {
      ...CASEWORKER,
      email: 'skifter@aarhus.example.dk',
      groups: ['bb-skift'],
    });
    const adminBrowser = new Browser(web).useSession((await loginAs(t, 'admin')).token);
    const page = await (await adminBrowser.get('/brugere/kommunens-log-in')).text();
    expect(page).toContain(issuer.issuer);
    expect(page).toContain(`value="${CASEWORKER.tid}"`);
    expect(page).toContain('bb-stotteperson');

    const add = await adminBrowser.submit('/brugere/kommunens-log-in/grupper', {
      group: 'bb-skift',
      role: 'coordinator',
    });
    expect(add.status).toBe(303);
    const staff = await signedInBrowser('skifter-rolle');
    expect(await isLoggedIn(staff)).toBe(true);

    const remove = await adminBrowser.submit('/brugere/kommunens-log-in/grupper/fjern', {
      group: 'bb-skift',
    });
    expect(remove.status).toBe(303);
    // The user's next request finds no session; their next log-in is refused.
    expect((await staff.get('/')).status).toBe(303);
    const again = await ssoSignIn(new Browser(web), 'skifter-rolle');
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('Du er ikke i en gruppe, der giver adgang til Borgerbudget');
  });

  it('shows a missing group or role at the field, and changes nothing', async () => {
    const adminBrowser = new Browser(web).useSession((await loginAs(t, 'admin')).token);
    const res = await adminBrowser.submit('/brugere/kommunens-log-in/grupper', { group: '', role: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv gruppens id eller navn.');
    expect(html).toContain('Vælg en rolle.');
    expect((await t.services.staffSso.view(admin)).mapping).toEqual([
      { group: 'bb-stotteperson', role: 'support' },
    ]);
  });

  it('is read-only, and says why, when the server does not know the staff issuer', async () => {
    const without = new Browser(buildApp(t.services)).useSession((await loginAs(t, 'admin')).token);
    const html = await (await without.get('/brugere/kommunens-log-in')).text();
    expect(html).toContain('Kommunens log-in er ikke sat op på serveren');
    expect(html).not.toContain('action="/brugere/kommunens-log-in/grupper"');
    const res = await without.submit('/brugere/kommunens-log-in/grupper', { group: 'x', role: 'support' });
    expect(res.status).toBe(409);
    expect((await t.services.staffSso.view(admin)).mapping).toHaveLength(1);
  });

  it('offers no one-time code for a user of the log-in', async () => {
    await signedInBrowser();
    const adminBrowser = new Browser(web).useSession((await loginAs(t, 'admin')).token);
    const html = await (
      await adminBrowser.get(`/brugere?soeg=${encodeURIComponent(CASEWORKER.email)}`)
    ).text();
    expect(html).toContain(CASEWORKER.name);
    expect(html).toContain('<span class="badge badge-success">Kommunens log-in</span>');
    expect(html).not.toContain('/engangskode');
  });
});

describe('logging out', () => {
  it('ends a session of the log-in here and sends the browser on to end it at the issuer', async () => {
    const browser = await signedInBrowser();
    const res = await browser.submit('/log-ud', {});
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(issuer.issuer);
    expect(location.searchParams.get('client_id')).toBe(STAFF_CLIENT.id);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(
      `${TEST_BASE_URL}/log-ind?besked=logget-af`,
    );
    expect(await isLoggedIn(browser)).toBe(false);
    // A form may lead there: the policy allows the issuer as a form's target.
    expect(res.headers.get('content-security-policy')).toContain(`form-action 'self' ${issuer.issuer}`);
  });

  it('sends a password session straight to the log-in page', async () => {
    const browser = new Browser(web).useSession((await loginAs(t, 'coordinator')).token);
    const res = await browser.submit('/log-ud', {});
    expect(res.headers.get('location')).toBe('/log-ind?besked=logget-af');
  });
});

describe("the issuer's back-channel logout", () => {
  it('ends the session named by sid, answers 200 and is never cached', async () => {
    const one = await signedInBrowser();
    const other = await signedInBrowser();
    const res = await backChannel(
      await issuer.logoutToken('staff', { sub: CASEWORKER.accountId, sid: await sidOf(one) }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([await isLoggedIn(one), await isLoggedIn(other)]).toEqual([false, true]);
  });

  it('ends every session of the subject when the token has no sid', async () => {
    const one = await signedInBrowser();
    const two = await signedInBrowser();
    const res = await backChannel(
      await issuer.logoutToken('staff', { sub: CASEWORKER.accountId, sid: undefined }),
    );
    expect(res.status).toBe(200);
    expect([await isLoggedIn(one), await isLoggedIn(two)]).toEqual([false, false]);
  });

  it('refuses a forged, unsigned, foreign-audience or missing token with 400, and ends nothing', async () => {
    const browser = await signedInBrowser();
    const sid = await sidOf(browser);
    const claims = {
      iss: issuer.issuer,
      aud: STAFF_CLIENT.id,
      sub: CASEWORKER.accountId,
      sid,
      jti: randomUUID(),
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    };
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = (await exportJWK(privateKey)).kid ?? 'forged-key';
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuedAt()
      .sign(privateKey);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({ alg: 'none' })}.${part({ ...claims, iat: Math.floor(Date.now() / 1000) })}.`;
    const foreign = await issuer.logoutToken('staff', { sid, aud: 'et-andet-system' });
    const withNonce = await issuer.logoutToken('staff', { sid, nonce: 'n' });
    for (const token of [forged, unsigned, foreign, withNonce, 'not-a-token', undefined]) {
      const res = await backChannel(token);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(await isLoggedIn(browser)).toBe(true);
  });

  it("ends no staff session with the citizens' issuer's token", async () => {
    const browser = await signedInBrowser();
    const sid = await sidOf(browser);
    const res = await backChannel(await issuer.logoutToken('citizen', { sid }));
    expect(res.status).toBe(200);
    expect(await isLoggedIn(browser)).toBe(true);
  });

  it('is answered the same with a session cookie: it is no command of the browser', async () => {
    const browser = await signedInBrowser();
    const sid = await sidOf(browser);
    const res = await browser.post('/log-ud/bagkanal', {
      logout_token: await issuer.logoutToken('staff', { sid }),
    });
    expect(res.status).toBe(200);
    expect(await isLoggedIn(browser)).toBe(false);
  });
});

describe('the access matrix of the routes an issuer makes', () => {
  // Every role, and a visitor: the sign-in's start sends anyone to the issuer; a callback without a
  // started sign-in is refused; the back-channel logout without a token is refused (spec: Authorisation).
  it.each(['anonymous', ...STAFF_ROLES_UNDER_TEST] as const)('answers a %s as the rows say', async (who) => {
    const browser = new Browser(web);
    if (who !== 'anonymous') browser.useSession((await loginAs(t, who)).token);
    const rows: [string, () => Promise<Response>, number][] = [
      ['GET /log-ind/kommune', () => browser.get('/log-ind/kommune'), 303],
      ['GET /log-ind/kommune/retur', () => browser.get('/log-ind/kommune/retur?code=x&state=y'), 403],
      ['POST /log-ud/bagkanal', () => browser.submit('/log-ud/bagkanal', {}), 400],
    ];
    const actual = [];
    for (const [label, request, expected] of rows) actual.push([label, (await request()).status, expected]);
    expect(actual.map(([label, status]) => [label, status])).toEqual(rows.map(([label, , s]) => [label, s]));
  });
});
