import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { en } from '../../src/i18n/en.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { clickAndWait, pathOf, submitLogin, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// The privacy notice in a browser (spec: Privacy notice): a visitor follows the footer's link from the log-in
// page to the general notice and on to Aarhus's, and reads it in English; the demo citizen Mads follows
// the portal menu's link to the citizen's version. axe-core at 1280 px and 375 px on every page, and
// nothing wider than a phone.

/** Nothing may make a phone scroll sideways. */
async function fitsPhone(page: Page, name: string): Promise<void> {
  await setWidth(page, 375);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, `"${name}" is wider than the phone`).toBeLessThanOrEqual(0);
  await setWidth(page, 1280);
}

describe.skipIf(!hasChromium)('the privacy notice in a browser', () => {
  const e2e = useE2e();

  it('takes a visitor from the footer to the general notice and on to a municipality’s', async () => {
    const page = await e2e.newPage();
    await page.goto('/log-ind');
    await clickAndWait(page, page.locator('footer').getByRole('link', { name: da['privacy.footer'] }));
    expect(pathOf(page)).toBe('/privatlivspolitik');
    expect(await textOf(page, 'h1')).toBe(da['privacy.title']);
    expect(await textOf(page, 'main')).toContain(da['privacy.controller.general']);
    await checkPage(page, 'privacy-notice-general');
    await fitsPhone(page, 'privacy-notice-general');

    await clickAndWait(page, page.locator('main').getByRole('link', { name: 'Aarhus Kommune' }));
    expect(pathOf(page)).toBe('/privatlivspolitik/751');
    expect(await textOf(page, 'main')).toContain(
      da['privacy.controller.one'].replace('{municipality}', 'Aarhus Kommune'),
    );
    expect(await textOf(page, 'main')).toContain(da['privacy.retention.months'].replace('{months}', '60'));
    await checkPage(page, 'privacy-notice-aarhus');
    await fitsPhone(page, 'privacy-notice-aarhus');

    // The language switch keeps the municipality: it is in the path.
    await clickAndWait(
      page,
      page.locator('footer').getByRole('link', { name: da['app.language.switchLabel'] }),
    );
    expect(pathOf(page)).toBe('/privatlivspolitik/751');
    expect(await textOf(page, 'h1')).toBe(en['privacy.title']);
    expect(await textOf(page, 'main')).toContain(en['privacy.basis.public_task']);
    await checkPage(page, 'privacy-notice-aarhus-en');
  });

  it('shows the citizen their own version from the portal menu', async () => {
    const page = await e2e.newPage();
    await submitLogin(page, 'borger@aarhus.example', DEMO_PASSWORD);
    expect(pathOf(page)).toBe('/borger');
    await clickAndWait(
      page,
      page.locator('nav.portal-nav').getByRole('link', { name: da['privacy.citizen.title'] }),
    );
    expect(pathOf(page)).toBe('/privatlivspolitik');
    expect(await textOf(page, 'h1')).toBe(da['privacy.citizen.title']);
    const main = await textOf(page, 'main');
    expect(main).toContain(da['privacy.citizen.basis.public_task']);
    expect(main).toContain(
      da['privacy.citizen.keep.years'].replace('{months}', '60').replace('{years}', '5'),
    );
    await checkPage(page, 'privacy-notice-citizen');
    await fitsPhone(page, 'privacy-notice-citizen');

    await clickAndWait(
      page,
      page.locator('main').getByRole('link', { name: da['privacy.citizen.rights.accessLink'] }),
    );
    expect(pathOf(page)).toBe('/borger/mine-data');
  });
});
