import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { ADMIN, clickAndWait, loginAs, pathOf, SUPPORT, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// E-mail notifications in a browser (spec: E-mail notifications): the administrator opens the outbox from
// the menu (no mail server is set up here, and the page says so); a support person chooses their own
// e-mails from the link beside their name. axe-core at 1280 px and 375 px on each page.

describe.skipIf(!hasChromium)('e-mail notifications in a browser', () => {
  const e2e = useE2e();

  it('shows the administrator the outbox from the menu', async () => {
    const page = await e2e.newPage();
    await loginAs(page, ADMIN.email);
    await clickAndWait(page, page.locator('nav.nav').getByRole('link', { name: da['mail.nav.outbox'] }));
    expect(pathOf(page)).toBe('/udgaaende-e-mails');
    expect(await textOf(page, 'h1')).toBe(da['mail.outbox.title']);
    expect(await textOf(page, 'main')).toContain(da['mail.outbox.noServer']);
    await checkPage(page, 'mail-outbox');
  });

  it('lets a support person choose their e-mails, and says it is saved', async () => {
    const page = await e2e.newPage();
    await loginAs(page, SUPPORT.email);
    await clickAndWait(
      page,
      page.locator('.portal-user').getByRole('link', { name: da['mail.nav.settings'] }),
    );
    expect(pathOf(page)).toBe('/mine-indstillinger');
    expect(await page.isChecked('input[name="notify"][value="digest"]')).toBe(true);
    await checkPage(page, 'mail-settings');
    await page.check('input[name="notify"][value="immediate"]');
    await clickAndWait(page, page.getByRole('button', { name: da['mail.settings.submit'] }));
    expect(pathOf(page)).toBe('/mine-indstillinger');
    expect(await textOf(page, 'main')).toContain(da['mail.settings.saved']);
    expect(await page.isChecked('input[name="notify"][value="immediate"]')).toBe(true);
    await checkPage(page, 'mail-settings-saved');
  });
});
