import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENERIC_LOGIN_ERROR } from '../setup/messages.ts';
import { da } from '../../src/i18n/da.ts';
import { en } from '../../src/i18n/en.ts';
import {
  ADMIN,
  COORDINATOR,
  FINANCE,
  STAFF,
  SUPPORT,
  clickAndWait,
  errorSummary,
  headerUser,
  loginAs,
  pathOf,
  submitLogin,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkA11y, checkPage, screenshot, setWidth, takeProblems } from './page-checks.ts';

// The foundation seen from a browser (spec: Staff log-in): log-in per role, the generic log-in error,
// CSRF, log-out, the language switch and the CSP. Users and programme rules: foundation-forms.test.ts.

// Without Chromium there is nothing to drive; scripts/test.mjs then skips this tier loudly (and fails
// under CI=true), so this only matters when the file is run on its own.
describe.skipIf(!hasChromium)('the foundation in a browser', () => {
  const e2e = useE2e();

  it('shows the log-in page, the accessibility statement and a plain 404 to anyone', async () => {
    const page = await e2e.newPage();
    const response = await page.goto('/');
    expect(pathOf(page)).toBe('/log-ind');
    expect(response?.status()).toBe(200);
    expect(await textOf(page, 'h1')).toBe(da['login.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await checkPage(page, 'login');

    await clickAndWait(page, page.getByRole('link', { name: da['footer.accessibility'] }));
    expect(await textOf(page, 'h1')).toBe(da['a11y.title']);
    await checkPage(page, 'accessibility-statement');

    expect((await page.goto('/findes-ikke'))?.status()).toBe(404);
    expect(await textOf(page, 'h1')).toBe(da['error.notFound.title']);
    await checkPage(page, 'not-found');
  });

  it.each(STAFF)('$role logs in and sees the start page for the role', async (who) => {
    const page = await e2e.newPage();
    await loginAs(page, who.email);
    expect(await page.title()).toBe(`${da['home.title']} – ${da['app.name']}`);
    expect(await textOf(page, 'h1')).toBe(`Velkommen, ${who.name}`);
    expect(await headerUser(page)).toBe(`${who.name}, ${who.roleLabel}`);
    expect(await textOf(page, 'main .font-lead')).toBe(da[`home.${who.role}.text`]);
    await checkPage(page, `start-${who.role}`);
  });

  it('answers a wrong password or an unknown e-mail with one generic message and an empty password field', async () => {
    const page = await e2e.newPage();
    for (const email of [COORDINATOR.email, 'ingen@aarhus.example']) {
      await submitLogin(page, email, 'Forkert-kode-123!');
      expect(pathOf(page)).toBe('/log-ind');
      expect(await page.title()).toBe(`Fejl: ${da['login.title']} – ${da['app.name']}`);
      expect(await errorSummary(page)).toEqual({
        heading: 'Der er problemer',
        links: [['#email', GENERIC_LOGIN_ERROR]],
      });
      expect(await textOf(page, '#email-error')).toBe(`Fejl: ${GENERIC_LOGIN_ERROR}`);
      expect(await page.inputValue('#email')).toBe(email);
      expect(await page.inputValue('#password')).toBe('');
    }
    await checkPage(page, 'login-error');
  });

  it('refuses a cross-origin POST, even one carrying a valid CSRF token', async () => {
    const page = await e2e.newPage();
    await loginAs(page, ADMIN.email);
    await page.goto('/brugere/ny');
    const form = {
      _csrf: await page.inputValue('input[name="_csrf"]'),
      _idem: randomUUID(),
      name: 'Eva Ondsen',
      email: 'eva.ondsen@aarhus.example',
      role: 'admin',
    };
    const evil = await page.request.post('/brugere', {
      form,
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(evil.status()).toBe(403);
    expect(await evil.text()).toContain(da['error.csrf.title']);
    // Our own origin without the token is refused as well: the two checks stand on their own.
    const tokenless = await page.request.post('/brugere', {
      form: { ...form, _csrf: '' },
      headers: { Origin: e2e.app.baseUrl },
      maxRedirects: 0,
    });
    expect(tokenless.status()).toBe(403);
    await page.goto('/brugere');
    expect(await page.locator('text=eva.ondsen@aarhus.example').count()).toBe(0);
  });

  it('logs out from the header, and from the menu on a phone', async () => {
    const page = await e2e.newPage();
    await loginAs(page, SUPPORT.email);
    await clickAndWait(page, page.locator('header .portal-user button.log-off'));
    expect(page.url()).toBe(`${e2e.app.baseUrl}/log-ind?besked=logget-af`);
    expect(await textOf(page, 'main .alert')).toBe(da['login.loggedOut']);
    await checkPage(page, 'logged-out');
    await page.goto('/');
    expect(pathOf(page)).toBe('/log-ind');

    const phone = await e2e.newPage();
    await setWidth(phone, 375);
    await loginAs(phone, FINANCE.email);
    await phone.click('header .js-menu-open');
    await phone.locator('.mobile-drawer.is-visible').waitFor();
    expect(await textOf(phone, '.mobile-drawer .portal-info-mobile .user')).toBe(
      `${FINANCE.name}, ${FINANCE.roleLabel}`,
    );
    await checkA11y(phone, 'the open mobile menu');
    await screenshot(phone, 'mobile-menu-open', { fullPage: false });
    expect(await phone.locator('.mobile-drawer.is-visible').count(), 'the menu is still open').toBe(1);
    await clickAndWait(phone, phone.locator('.mobile-drawer button.log-off'));
    expect(await textOf(phone, 'main .alert')).toBe(da['login.loggedOut']);
  });

  it('switches to English and back, logged out and logged in', async () => {
    const page = await e2e.newPage();
    await page.goto('/log-ind');
    await clickAndWait(page, page.locator('footer a[hreflang="en"]'));
    expect(pathOf(page)).toBe('/log-ind');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page, 'h1')).toBe(en['login.title']);
    expect(await textOf(page, 'main .font-lead')).toBe(en['login.intro']);
    await checkPage(page, 'login-en');

    await loginAs(page, COORDINATOR.email);
    expect(await textOf(page, 'h1')).toBe(`Welcome, ${COORDINATOR.name}`);
    expect(await headerUser(page)).toBe(`${COORDINATOR.name}, ${en['role.coordinator']}`);
    await checkPage(page, 'start-coordinator-en');

    await clickAndWait(page, page.locator('footer a[hreflang="da"]'));
    expect(pathOf(page)).toBe('/');
    expect(await textOf(page, 'h1')).toBe(`Velkommen, ${COORDINATOR.name}`);
  });

  it('runs every page under a strict CSP with nonces, and reports a blocked inline script', async () => {
    const page = await e2e.newPage();
    const response = await page.goto('/log-ind');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    await loginAs(page, COORDINATOR.email);
    await page.goto('/ordning');
    expect(await page.evaluate(() => typeof (window as { DKFDS?: unknown }).DKFDS)).toBe('object');
    expect(takeProblems(page)).toEqual([]);

    // The canary: an inline script without the nonce is refused, and the watcher sees it, so the
    // silence above (and after every other test) means something.
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(
      /Content Security Policy/,
    );
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    // The page reports the violation to the test through a binding: it may arrive a moment later.
    await expect.poll(() => takeProblems(page).some((p) => p.startsWith('CSP violation'))).toBe(true);
  });
});
