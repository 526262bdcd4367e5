import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import {
  activeCase,
  clickAndWait,
  COORDINATOR,
  errorSummary,
  loginAs,
  pathOf,
  submit,
  submitLogin,
  SUPPORT,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';
import { GENERIC_ACTIVATION_ERROR } from '../setup/messages.ts';

// The citizen's log-in in a browser on a phone (spec: Citizen log-in): the support person makes an activation
// code on the case page and reads it off the letter page, then logs out; the citizen uses the code at
// /aktiver to choose their mobile number and a password, lands in the portal, logs out, and logs in
// again with the number written another way.

const PASSWORD = 'rød tekop på altanen';

async function logOutOnPhone(page: Page): Promise<void> {
  await page.click('header .js-menu-open');
  await page.locator('.mobile-drawer.is-visible').waitFor();
  await clickAndWait(page, page.locator('.mobile-drawer button.log-off'));
  expect(pathOf(page)).toBe('/log-ind');
}

describe.skipIf(!hasChromium)('the citizen’s log-in', () => {
  const e2e = useE2e();

  it('is made with a code from the support person, and then works with the mobile number', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    const casePath = await activeCase(coordinator, support, 'Kim Aktivering');

    // The support person, on a phone: the case page's button, the code and the letter.
    await setWidth(support, 375);
    await support.goto(casePath);
    // On a phone the case page's sections are folded: open the citizen's log-in.
    await support.locator('details.fold > summary', { hasText: da['citizenLogin.case.heading'] }).click();
    expect(await textOf(support, `form[action="${casePath}/aktiveringskode"] button`)).toBe(
      da['citizenLogin.case.submit'],
    );
    await submit(support, da['citizenLogin.case.submit']);
    const code = await textOf(support, '#activation-code');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await textOf(support, 'article.citizen-letter')).toContain(code);
    expect(await textOf(support, 'article.citizen-letter')).toContain(SUPPORT.name);
    await checkPage(support, 'citizen-activation-letter');
    await setWidth(support, 375);
    await logOutOnPhone(support);

    // The citizen, on their phone, with JavaScript on.
    const citizen = await e2e.newPage();
    await setWidth(citizen, 375);
    await citizen.goto('/log-ind');
    await clickAndWait(citizen, citizen.getByRole('link', { name: da['citizenLogin.login.codeLink'] }));
    expect(pathOf(citizen)).toBe('/aktiver');
    await checkPage(citizen, 'citizen-activation');
    await setWidth(citizen, 375);

    // A wrong code first: the generic message, and what was typed stays (not the passwords).
    await citizen.fill('#code', 'AAAA-BBBB-CCCC');
    await citizen.fill('#login', '+45 61 23 45 67');
    await citizen.fill('#password', PASSWORD);
    await citizen.fill('#passwordRepeat', PASSWORD);
    await submit(citizen, da['citizenLogin.activate.submit']);
    expect((await errorSummary(citizen)).links).toEqual([['#code', GENERIC_ACTIVATION_ERROR]]);
    expect(await citizen.inputValue('#login')).toBe('+45 61 23 45 67');
    expect(await citizen.inputValue('#password')).toBe('');
    await checkPage(citizen, 'citizen-activation-error');
    await setWidth(citizen, 375);

    await citizen.fill('#code', code.toLowerCase());
    await citizen.fill('#password', PASSWORD);
    await citizen.fill('#passwordRepeat', PASSWORD);
    await submit(citizen, da['citizenLogin.activate.submit']);
    expect(pathOf(citizen)).toBe('/borger');

    await logOutOnPhone(citizen);
    await submitLogin(citizen, '61234567', PASSWORD);
    expect(pathOf(citizen)).toBe('/borger');
    // The staff front page sends the citizen to their own.
    await citizen.goto('/');
    expect(pathOf(citizen)).toBe('/borger');
  });
});
