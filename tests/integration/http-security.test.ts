import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { demoEmailOf } from '../setup/actors.ts';
import { Browser, buildApp, hiddenField, parseSetCookie, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { GENERIC_LOGIN_ERROR } from '../setup/messages.ts';

// The web layer's defences (spec: CSRF and headers; spec: Sessions), through the real app in-process:
// security headers and CSP, CSRF (origin check and per-form token), the session cookie, and log-in by form.

let t: TestContext;
let web: TestApp;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
});
afterAll(() => t.close());

const coordinatorEmail = demoEmailOf('coordinator');

describe('security headers', () => {
  it('sends a strict CSP with a fresh nonce per response, and the usual headers', async () => {
    const browser = new Browser(web);
    const first = await browser.get('/log-ind');
    expect(first.status).toBe(200);
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce ?? ''}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // Every script of the page carries the nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce ?? ''}"`);
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('same-origin');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Plain http on localhost in development: no HSTS.
    expect(first.headers.get('strict-transport-security')).toBeNull();

    const second = await browser.get('/log-ind');
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('sends the headers on error pages and redirects too', async () => {
    for (const res of [await new Browser(web).get('/findes-ikke'), await new Browser(web).get('/')]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('adds HSTS and the __Host- prefix with Secure when served over https', async () => {
    const secure = buildApp(t.services, 'https://borgerbudget.kommune.example');
    const browser = new Browser(secure);
    const page = await browser.get('/log-ind');
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const res = await browser.login(coordinatorEmail, DEMO_PASSWORD);
    expect(res.status).toBe(303);
    const session = res.headers
      .getSetCookie()
      .map(parseSetCookie)
      .find((c) => c.name === '__Host-bb_session');
    expect(session?.attributes).toEqual(new Set(['path=/', 'httponly', 'secure', 'samesite=lax']));
  });
});

describe('CSRF', () => {
  it('refuses a POST without a token', async () => {
    const browser = new Browser(web);
    await browser.get('/log-ind');
    const res = await browser.post('/log-ind', { email: coordinatorEmail, password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('bb_session='))).toBe(false);
  });

  it('refuses a cross-origin POST, even with a valid token', async () => {
    const browser = new Browser(web);
    const token = await browser.csrfToken();
    const fields = { _csrf: token, email: coordinatorEmail, password: DEMO_PASSWORD };
    expect((await browser.post('/log-ind', fields, { origin: 'https://evil.example' })).status).toBe(403);
    // Browsers that send no Origin still tell with Sec-Fetch-Site or the Referer.
    const crossSite = { origin: null, headers: { 'sec-fetch-site': 'cross-site' } };
    expect((await browser.post('/log-ind', fields, crossSite)).status).toBe(403);
    const referer = { origin: null, headers: { referer: 'https://evil.example/side' } };
    expect((await browser.post('/log-ind', fields, referer)).status).toBe(403);
    // The same request from our own origin works.
    expect((await browser.post('/log-ind', fields)).status).toBe(303);
  });

  it("refuses a token taken from another browser's cookie", async () => {
    const attacker = new Browser(web);
    const victim = new Browser(web);
    const attackerToken = await attacker.csrfToken();
    await victim.csrfToken();
    const res = await victim.post('/log-ind', {
      _csrf: attackerToken,
      email: coordinatorEmail,
      password: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('accepts the token in the X-CSRF-Token header (the keep-alive call of the idle warning)', async () => {
    const browser = new Browser(web);
    await browser.login(coordinatorEmail, DEMO_PASSWORD);
    const token = await browser.csrfToken();
    expect((await browser.request('POST', '/session/forny')).status).toBe(403);
    const res = await browser.request('POST', '/session/forny', { headers: { 'x-csrf-token': token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000).toISOString(),
    });
  });
});

describe('logging in and out through the pages', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and shows the start page', async () => {
    const browser = new Browser(web);
    const res = await browser.login(coordinatorEmail, DEMO_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers
      .getSetCookie()
      .map(parseSetCookie)
      .find((c) => c.name === 'bb_session');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes).toEqual(new Set(['path=/', 'httponly', 'samesite=lax']));
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Hanne Kjær');
  });

  it('answers a wrong password with the generic message and never echoes the password', async () => {
    const browser = new Browser(web);
    const secret = 'Mit-hemmelige-gæt-4711';
    const res = await browser.login(coordinatorEmail, secret);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain(GENERIC_LOGIN_ERROR);
    expect(html).not.toContain(secret);
    expect(html).not.toContain('4711');
    expect(html).toContain(`value="${coordinatorEmail}"`);
    expect(html).toMatch(/<input[^>]*name="password"[^>]*value=""/);
    const unknown = await browser.login('ingen@aarhus.example', secret);
    expect(unknown.status).toBe(401);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain(GENERIC_LOGIN_ERROR);
    expect(unknownHtml).not.toContain(secret);
  });

  it('renews the CSRF token with each page but keeps it bound to the browser', async () => {
    const browser = new Browser(web);
    const page = await (await browser.get('/log-ind')).text();
    const token = hiddenField(page, '_csrf');
    expect(await browser.csrfToken()).toBe(token);
    expect(hiddenField(page, '_idem')).not.toBe(
      hiddenField(await (await browser.get('/log-ind')).text(), '_idem'),
    );
  });

  it('logs out: the cookie is cleared and the old token no longer works', async () => {
    const browser = new Browser(web);
    await browser.login(coordinatorEmail, DEMO_PASSWORD);
    const token = browser.cookies.get('bb_session') ?? '';
    const res = await browser.submit('/log-ud', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/log-ind?besked=logget-af');
    expect(browser.cookies.has('bb_session')).toBe(false);
    const replay = new Browser(web).useSession(token);
    const home = await replay.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/log-ind');
  });

  it('sends the browser of a deactivated user back to the log-in page at once', async () => {
    const browser = new Browser(web);
    const { token } = await t.services.auth.login(
      { email: demoEmailOf('finance'), password: DEMO_PASSWORD },
      '127.0.0.1',
    );
    browser.useSession(token);
    expect((await browser.get('/')).status).toBe(200);
    const admin = await t.services.auth.login(
      { email: demoEmailOf('admin'), password: DEMO_PASSWORD },
      '127.0.0.1',
    );
    const adminBrowser = new Browser(web).useSession(admin.token);
    const users = await t.services.users.list(admin.actor);
    const finance = users.find((u) => u.email === demoEmailOf('finance'));
    const res = await adminBrowser.submit(`/brugere/${finance?.id ?? ''}/deaktiver`, {});
    expect(res.status).toBe(303);
    const after = await browser.get('/ordning');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/log-ind?besked=udlobet');
  });
});
