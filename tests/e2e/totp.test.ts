import { describe, expect, it } from 'vitest';
import { totp, TOTP_STEP_SECONDS } from '../../src/domain/totp.ts';
import { da } from '../../src/i18n/da.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { secretOfKey } from '../setup/second-factor.ts';
import {
  clickAndWait,
  errorSummary,
  FINANCE,
  loginAs,
  pathOf,
  submit,
  submitLogin,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// A second factor on a phone (spec: Staff log-in): a staff user turns it on from their settings, reading
// the key off the page (the test computes the app's code from it), saves the recovery codes, logs out,
// and logs in again with the password and then a code.

describe.skipIf(!hasChromium)('two-step log-in', () => {
  const e2e = useE2e();

  it('is turned on with a code from the app, and then asked for after the password', async () => {
    const page = await e2e.newPage();
    await setWidth(page, 375);
    await loginAs(page, FINANCE.email);

    await page.goto('/mine-indstillinger/to-trin');
    expect(await textOf(page, 'main h1')).toBe(da['secondFactor.title']);
    await checkPage(page, 'second-factor-settings');
    await setWidth(page, 375);
    await submit(page, da['secondFactor.start']);
    expect(pathOf(page)).toBe('/mine-indstillinger/to-trin/tilmeld');
    await checkPage(page, 'second-factor-enrol');
    await setWidth(page, 375);
    expect(await page.locator('svg.qr').getAttribute('aria-label')).toBe(da['secondFactor.enrol.qrLabel']);
    const secret = secretOfKey(await textOf(page, '#totp-key'));

    // A wrong code first: the generic message at the field.
    await page.fill('#code', '12345');
    await submit(page, da['secondFactor.enrol.submit']);
    expect((await errorSummary(page)).links).toEqual([['#code', da['error.access.secondFactorFailed']]]);
    await checkPage(page, 'second-factor-enrol-error');
    await setWidth(page, 375);
    await page.fill('#code', totp(secret, new Date()));
    await submit(page, da['secondFactor.enrol.submit']);
    expect(await textOf(page, 'main h1')).toBe(da['secondFactor.recovery.title']);
    const codes = await page.locator('#recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code.trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await checkPage(page, 'second-factor-recovery-codes');
    await clickAndWait(page, page.getByRole('link', { name: da['secondFactor.recovery.continue'] }));
    expect(await textOf(page, 'main')).toContain(da['secondFactor.on']);

    // Log out, and in again: the password, then the code the app shows (the next step's, which the
    // server accepts and which the enrolment did not use).
    await clickAndWait(page, page.locator('header .portal-user button.log-off'));
    await setWidth(page, 375);
    await submitLogin(page, FINANCE.email, DEMO_PASSWORD);
    expect(pathOf(page)).toBe('/log-ind/to-trin');
    await checkPage(page, 'second-factor-login');
    await setWidth(page, 375);
    await page.fill('#code', totp(secret, new Date(Date.now() + TOTP_STEP_SECONDS * 1000)));
    await submit(page, da['secondFactor.login.submit']);
    expect(pathOf(page)).toBe('/');
  });
});
