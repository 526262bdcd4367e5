import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { TEST_STAFF } from '../setup/oidc-provider.ts';
import { ADMIN, clickAndWait, headerUser, loginAs, pathOf, submit } from './fixtures.ts';
import { hasChromium, useE2eWithIssuer } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// The municipality's own log-in in a browser on a phone (spec: Staff log-in with the municipality's log-in):
// the administrator switches it on and maps a group to a role on their page; a caseworker logs in through
// the test issuer and gets the role their group maps to; logging out ends the session here and at the
// issuer (the next log-in asks for the account again); when the administrator removes the group, the
// caseworker is logged out at their next request and cannot log in.

const CASEWORKER = TEST_STAFF.caseworker;

/** "Log ind med kommunens log-in" from the log-in page: the browser is at the issuer, or back already. */
async function startSsoLogIn(page: Page): Promise<void> {
  await page.goto('/log-ind');
  await clickAndWait(page, page.getByRole('link', { name: da['sso.login.button'], exact: true }));
}

/** The test issuer's log-in form, as the caseworker. */
async function logInAtIssuer(page: Page): Promise<void> {
  await page.fill('#account', CASEWORKER.accountId);
  await clickAndWait(page, page.getByRole('button', { name: 'Log ind', exact: true }));
}

async function logOutOnPhone(page: Page): Promise<void> {
  await page.click('header .js-menu-open');
  await page.locator('.mobile-drawer.is-visible').waitFor();
  await clickAndWait(page, page.locator('.mobile-drawer button.log-off'));
}

describe.skipIf(!hasChromium)("the municipality's log-in", () => {
  const { e2e, issuer } = useE2eWithIssuer();

  it('gives staff the role their group maps to, logs out at both ends, and follows the mapping', async () => {
    const admin = await e2e.newPage();
    await loginAs(admin, ADMIN.email);
    await setWidth(admin, 375);
    await admin.goto('/brugere');
    await clickAndWait(admin, admin.getByRole('link', { name: da['sso.link'], exact: true }));
    expect(pathOf(admin)).toBe('/brugere/kommunens-log-in');
    await admin.check('#enabled');
    await admin.fill('#claimValue', CASEWORKER.tid);
    await submit(admin, da['sso.save']);
    await admin.fill('#group', 'bb-stotteperson');
    await admin.selectOption('#role', 'support');
    await submit(admin, da['sso.addSubmit']);
    expect(await admin.locator('main table').innerText()).toContain('bb-stotteperson');
    await checkPage(admin, 'staff-sso-settings');

    // The caseworker, on a phone: through the issuer's log-in, back as a support person.
    const staff = await e2e.newPage();
    await setWidth(staff, 375);
    await staff.goto('/log-ind');
    await checkPage(staff, 'login-with-staff-sso');
    await setWidth(staff, 375);
    await startSsoLogIn(staff);
    await logInAtIssuer(staff);
    expect(pathOf(staff)).toBe('/');
    expect(await headerUser(staff)).toBe(`${CASEWORKER.name}, ${da['role.support']}`);

    // Logging out ends the session at the issuer too: it asks for the account again.
    await logOutOnPhone(staff);
    expect(new URL(staff.url()).origin).toBe(issuer().issuer);
    await clickAndWait(staff, staff.getByRole('button', { name: 'Log ud', exact: true }));
    expect(pathOf(staff)).toBe('/log-ind');
    expect(await staff.locator('main').innerText()).toContain(da['login.loggedOut']);
    await startSsoLogIn(staff);
    expect(new URL(staff.url()).origin).toBe(issuer().issuer);
    await logInAtIssuer(staff);
    expect(pathOf(staff)).toBe('/');

    // The administrator takes the group's role away: the caseworker's next request finds no session, and
    // their next log-in (the issuer still knows them) is refused in plain words.
    await clickAndWait(
      admin,
      admin.getByRole('button', { name: da['sso.removeLabel'].replace('{group}', 'bb-stotteperson') }),
    );
    expect(await admin.locator('main').innerText()).toContain(da['sso.mappingNone']);
    await staff.goto('/');
    expect(pathOf(staff)).toBe('/log-ind');
    await startSsoLogIn(staff);
    expect(pathOf(staff)).toBe('/log-ind/kommune/retur');
    expect(await staff.locator('h1').innerText()).toBe(da['sso.refused.title']);
    expect(await staff.locator('main').innerText()).toContain(da['sso.refused.noRole']);
    await checkPage(staff, 'staff-sso-refused');
  });
});
