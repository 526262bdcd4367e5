import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { clickAndWait, COORDINATOR, errorSummary, FINANCE, loginAs, pathOf, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// Finance in a browser (spec: Payments): the payment queue, payment files and bookkeeping pages, and the
// vendor list kept by finance and the coordinator. The demo data's approved bank transfer is opened,
// put in a payment file and the file marked sent. Paying by hand, refunds,
// the file's schema and the CSV's contents are covered by tests/integration/payments.test.ts.

describe.skipIf(!hasChromium)('finance pages', () => {
  const e2e = useE2e();

  it('finds payments, payment files and bookkeeping in the menu, and downloads the CSV', async () => {
    const page = await e2e.newPage();
    await loginAs(page, FINANCE.email);
    const menu = page.locator('.navigation-menu');

    await clickAndWait(page, menu.getByRole('link', { name: da['nav.payments'], exact: true }));
    expect(pathOf(page)).toBe('/betalinger');
    expect(await textOf(page, 'h1')).toBe(da['finance.queue.title']);
    await checkPage(page, 'finance-queue');
    // The demo data has an approved bank transfer waiting.
    const first = page.locator('main table a[href^="/betalinger/"]').first();
    await clickAndWait(page, first);
    expect(await textOf(page, 'h1')).toMatch(/^Forløb \d+, anmodning \d+$/);
    await checkPage(page, 'finance-request');

    await clickAndWait(page, menu.getByRole('link', { name: da['nav.paymentFiles'] }));
    expect(await textOf(page, 'h1')).toBe(da['finance.files.title']);
    await checkPage(page, 'finance-files');
    const create = page.getByRole('button', { name: da['finance.files.create'] });
    await clickAndWait(page, create);
    expect(await page.content()).toContain(da['finance.files.createdNotice']);
    const download = page.locator('main table a[href$="/fil"]').first();
    const file = await page.request.get((await download.getAttribute('href')) ?? '');
    expect(file.headers()['content-type']).toMatch(/^application\/xml/);
    expect(await file.text()).toContain('pain.001.001.03');
    await checkPage(page, 'finance-files-created');
    await clickAndWait(page, page.getByRole('button', { name: da['finance.files.markSent'] }).first());
    expect(await page.content()).toContain(da['finance.files.sentNotice']);
    await checkPage(page, 'finance-files-sent');

    await clickAndWait(page, menu.getByRole('link', { name: da['nav.bookkeeping'] }));
    expect(await textOf(page, 'h1')).toBe(da['finance.books.title']);
    await checkPage(page, 'finance-bookkeeping');
    const from = await page.inputValue('#fra');
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    const res = await page.request.get(`/bogfoering/csv?fra=${from}&til=${await page.inputValue('#til')}`);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toMatch(/^\uFEFFBogføringsdato;Konto;Beløb/);

    // The date fields are native; a day that does not exist, typed where there is no date field, is
    // refused at its field with the reason.
    expect(await page.getAttribute('#fra', 'type')).toBe('date');
    await page.goto(`/bogfoering/csv?fra=31.2.2026&til=${await page.inputValue('#til')}`);
    expect((await errorSummary(page)).links).toEqual([
      ['#fra', 'Datoen 31.2.2026 findes ikke: den måned har kun 28 dage.'],
    ]);
    await checkPage(page, 'finance-bookkeeping-error');
  });

  it('adds a vendor, refusing a malformed CVR number first', async () => {
    const page = await e2e.newPage({ javaScript: false });
    await loginAs(page, FINANCE.email);
    await page.goto('/leverandoerer');
    expect(await textOf(page, 'h1')).toBe(da['vendors.title']);
    await checkPage(page, 'vendors');

    await page.fill('#name', 'Cykelværkstedet Øst');
    await page.fill('#cvr', '1234');
    await page.fill('#bankRegistration', '1551');
    await page.fill('#bankAccount', '3535353');
    await clickAndWait(page, page.getByRole('button', { name: da['vendors.add'] }));
    expect((await errorSummary(page)).links.map(([href]) => href)).toEqual(['#cvr']);
    expect(await page.inputValue('#name')).toBe('Cykelværkstedet Øst');
    await checkPage(page, 'vendors-error');

    await page.fill('#cvr', '20202021');
    await clickAndWait(page, page.getByRole('button', { name: da['vendors.add'] }));
    expect(pathOf(page)).toBe('/leverandoerer');
    expect(await page.content()).toContain(da['vendors.added']);
    const approved = page.getByRole('table', { name: da['vendors.title'], exact: true });
    expect(await approved.locator('tbody').innerText()).toContain('Cykelværkstedet Øst');
    expect(await approved.locator('tbody').innerText()).toContain('1551 3535353');
    await checkPage(page, 'vendors-added');

    // The coordinator keeps the same list.
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    await clickAndWait(
      coordinator,
      coordinator.locator('.navigation-menu').getByRole('link', { name: da['nav.vendors'] }),
    );
    const list = coordinator.getByRole('table', { name: da['vendors.title'], exact: true });
    expect(await list.locator('tbody').innerText()).toContain('Cykelværkstedet Øst');
  });
});
