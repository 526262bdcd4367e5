import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { testCpr } from '../factories/case-factory.ts';
import { COORDINATOR, clickAndWait, loginAs } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, screenshot, setWidth } from './page-checks.ts';

// The coordinator's overview with more cases than a page holds (spec: Lists), on a phone (375 px) and a
// desk (1280 px): the filter and the pagination are usable by touch and keyboard, the next page follows,
// and the filter is kept from page to page.

const EXTRA = 55;

/** The path and query of the page shown. */
function addressOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** Registers and refers citizens over the JSON API, with the coordinator's own session. */
async function referMany(page: Page, count: number): Promise<void> {
  await page.goto('/forloeb/oversigt');
  const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  const headers = (key: string) => ({ 'x-csrf-token': csrf ?? '', 'idempotency-key': key });
  const programmes = (await (await page.request.get('/api/v1/programmes')).json()) as { id: string }[];
  const programmeId = programmes.at(-1)?.id ?? '';
  for (let i = 1; i <= count; i++) {
    const name = `Sidsel Side ${String(i).padStart(2, '0')}`;
    const citizen = await page.request.post('/api/v1/citizens', {
      headers: headers(`e2e-citizen-${i}`),
      data: { cpr: testCpr(), name, preferredLanguage: 'da' },
    });
    expect(citizen.status(), await citizen.text()).toBe(201);
    const { id } = (await citizen.json()) as { id: string };
    const referred = await page.request.post('/api/v1/cases', {
      headers: headers(`e2e-case-${i}`),
      data: { citizenId: id, programmeId, source: 'jobcenter', reason: 'Henvist til test.' },
    });
    expect(referred.status(), await referred.text()).toBe(201);
  }
}

describe.skipIf(!hasChromium)('the overview with many cases', () => {
  const e2e = useE2e();

  it('pages and filters at 375 px and 1280 px', async () => {
    const page = await e2e.newPage();
    await loginAs(page, COORDINATOR.email);
    await referMany(page, EXTRA);

    await page.goto('/forloeb/oversigt');
    await checkPage(page, 'list-overview');
    await setWidth(page, 375);
    const nav = page.getByRole('navigation', { name: da['list.pagination'] });
    // On a phone: "Side 1 af N" and arrows that are links with names, big enough to tap.
    await expect.poll(() => nav.locator('.pagination-mobile').textContent()).toMatch(/^Side 1 af \d+$/);
    const next = nav.getByRole('link', { name: da['list.next'] });
    const box = await next.boundingBox();
    expect(box && box.height >= 24 && box.width >= 24).toBe(true);
    expect(await nav.locator('.pagination__items').isVisible()).toBe(false);
    await nav.scrollIntoViewIfNeeded();
    await screenshot(page, 'list-overview-pages', { fullPage: false });
    await clickAndWait(page, next);
    expect(addressOf(page)).toBe('/forloeb/oversigt?side=2');
    expect(await nav.locator('.pagination-mobile').textContent()).toMatch(/^Side 2 af \d+$/);

    // The filter, by keyboard: the phase and the search, then the list and its pages keep them.
    await page.selectOption('#fase', 'referred');
    await page.fill('#soeg', 'Sidsel Side');
    await page.focus('#soeg');
    await Promise.all([page.waitForURL(/soeg=/), page.keyboard.press('Enter')]);
    expect(addressOf(page)).toContain('fase=referred');
    expect(await page.locator('p[role="status"]').textContent()).toBe(`Viser 1–50 af ${EXTRA}`);
    await clickAndWait(page, nav.getByRole('link', { name: da['list.last'] }));
    expect(addressOf(page)).toMatch(/fase=referred.*side=2/);
    expect(await page.locator('main table tbody tr').count()).toBe(EXTRA - 50);

    await setWidth(page, 1280);
    await page.goto('/forloeb/oversigt');
    expect(await nav.locator('.pagination__items').isVisible()).toBe(true);
    await expect.poll(() => nav.locator('[aria-current="page"]').textContent()).toBe('1');
    await nav.scrollIntoViewIfNeeded();
    await screenshot(page, 'list-overview-pages', { fullPage: false });
    // Referring 55 citizens over HTTP and two axe runs take their time on a shared machine.
  }, 240_000);
});
