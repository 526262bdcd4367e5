import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { ADMIN, FINANCE, SUPPORT, clickAndWait, loginAs } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, screenshot, setWidth } from './page-checks.ts';

// The user list, the API keys, the vendor list and the vendor proposals with their filters (spec: Lists),
// on a phone (375 px) and a desk (1280 px), axe-core on each: the users and the proposals more than a page
// holds, the next page follows with the filter kept.

const EXTRA = 55;

/** Creates staff users over the JSON API, with the administrator's own session. */
async function createMany(page: Page, count: number): Promise<void> {
  await page.goto('/brugere');
  const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const res = await page.request.post('/api/v1/users', {
      headers: { 'x-csrf-token': csrf ?? '', 'idempotency-key': `e2e-user-${n}` },
      data: { name: `Pia Side ${n}`, email: `pia.side${n}@e2e.example`, role: 'support' },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
}

/** Proposes vendors with the support person's own session, as the vendor page's form does. */
async function proposeMany(page: Page, count: number): Promise<void> {
  await page.goto('/leverandoerer');
  const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const res = await page.request.post('/leverandoerer/forslag', {
      form: {
        _csrf: csrf ?? '',
        _idem: `e2e-proposal-${n}`,
        name: `Butik Side ${n}`,
        cvr: `770${n}000`,
        payWith: 'card',
      },
      maxRedirects: 0,
    });
    expect(res.status(), await res.text()).toBe(303);
  }
}

describe.skipIf(!hasChromium)('the administrator and vendor lists', () => {
  const e2e = useE2e();

  it('page and filter the users, and filter the keys and the vendors, at 375 px and 1280 px', async () => {
    const page = await e2e.newPage();
    await loginAs(page, ADMIN.email);
    await createMany(page, EXTRA);

    await page.goto('/brugere?status=active');
    await checkPage(page, 'list-users');
    await setWidth(page, 375);
    const nav = page.getByRole('navigation', { name: da['list.pagination'] });
    await nav.scrollIntoViewIfNeeded();
    await screenshot(page, 'list-users-pages', { fullPage: false });
    await clickAndWait(page, nav.getByRole('link', { name: da['list.next'] }));
    expect(new URL(page.url()).search).toBe('?status=active&side=2');
    expect(await nav.locator('.pagination-mobile').textContent()).toMatch(/^Side 2 af \d+$/);

    await page.goto('/api-noegler?status=active');
    await checkPage(page, 'list-api-tokens');

    const finance = await e2e.newPage();
    await loginAs(finance, FINANCE.email);
    await finance.goto('/leverandoerer');
    await finance.selectOption('#status', 'proposed');
    await Promise.all([finance.waitForURL(/status=proposed/), finance.click('form[role="search"] button')]);
    await checkPage(finance, 'list-vendors');

    // The proposals, the vendor page's second list, under a page number of their own.
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    await proposeMany(support, 51);
    await finance.goto('/leverandoerer?status=proposed');
    await setWidth(finance, 375);
    const proposals = finance.getByRole('navigation', { name: da['list.vendors.proposalPages'] });
    await clickAndWait(finance, proposals.getByRole('link', { name: da['list.next'] }));
    expect(new URL(finance.url()).search).toBe('?status=proposed&forslagsside=2');
    expect(await proposals.locator('.pagination-mobile').textContent()).toMatch(/^Side 2 af \d+$/);
    await checkPage(finance, 'list-vendor-proposals');
    // Creating 55 users and 51 proposals over HTTP and eight axe runs take their time on a shared machine.
  }, 300_000);
});
