import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatKr, ore } from '../../src/domain/money.ts';
import { PURCHASE_STATUS_LABELS } from '../../src/domain/purchase-request.ts';
import { da } from '../../src/i18n/da.ts';
import {
  activeCase,
  clickAndWait,
  COORDINATOR,
  errorSummary,
  FINANCE,
  loginAs,
  pathOf,
  submit,
  SUPPORT,
  tableValue,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// The case's money in a browser (spec: Money): the coordinator grants 20.000 kr.; the support person
// writes a request of 8.000 kr. (above the 5.000 kr. limit), records the citizen's confirmation and
// submits it; the support person is not offered the approval and is told a coordinator must; the
// coordinator approves and the figures follow. The support person adds the quote, finance opens it
// from the payment queue and pays by hand, the support person attaches the receipt; the budget shows it
// paid. A request past what is available is refused with a
// clear message and nothing changes.

/** The budget's figures as the summary table shows them. */
async function figures(page: Page) {
  return {
    granted: await tableValue(page, da['money.granted']),
    reserved: await tableValue(page, da['money.reserved']),
    available: await tableValue(page, da['money.available']),
  };
}

/** A small but real PDF, and a text file that only calls itself one. */
const QUOTE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const FAKE_PDF = Buffer.from('Dette er ikke en PDF.\n');
/** The first bytes of a JPEG: enough for the content check, which is all that looks at it here. */
const RECEIPT_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

async function attach(page: Page, kind: string, name: string, buffer: Buffer): Promise<void> {
  await page.selectOption('#kind', kind);
  await page.setInputFiles('#file', { name, mimeType: 'application/pdf', buffer });
  await clickAndWait(page, page.getByRole('button', { name: da['attachments.upload'] }));
}

const kr = (n: number) => formatKr(ore(n * 100));
/** textOf folds every space, the no-break space of "5.000 kr." too. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

/** The new request form filled in and saved; lands on the request's page. */
async function writeRequest(page: Page, title: string, amountKr: string): Promise<void> {
  await clickAndWait(page, page.getByRole('link', { name: da['money.new'] }));
  await page.fill('#title', title);
  await page.fill('#purpose', 'Borgeren vil tage kørekort for at kunne tage arbejde uden for byen.');
  await page.fill('#amountKr', amountKr);
  await page.selectOption('#category', 'transport');
  const vendors = await page
    .locator('#vendorId option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(vendors.length, 'the demo has vendors').toBeGreaterThan(0);
  await page.selectOption('#vendorId', vendors[0] ?? '');
  await page.check('#paymentMethod');
  await submit(page, da['money.new.submit']);
  expect(await textOf(page, 'h1')).toContain(title);
}

/** The citizen's confirmation in person, then submitted for approval. */
async function confirmAndSubmit(page: Page): Promise<void> {
  await page.check('#confirm-how');
  await submit(page, da['money.confirm.submit']);
  expect(await textOf(page, 'main .alert-success')).toBe(da['money.done.bekraeftet']);
  await submit(page, da['money.submit.submit']);
  expect(await textOf(page, 'main .alert-success')).toBe(da['money.done.indsendt']);
}

describe.skipIf(!hasChromium)('the money of a case', () => {
  const e2e = useE2e();

  it('grants, writes, confirms, submits and approves with four eyes; refuses past the available', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    const casePath = await activeCase(coordinator, support, 'Mads Kjærgaard');

    // The coordinator grants 20.000 kr. from the budget page; a bad amount is refused first.
    await coordinator.goto(casePath);
    await clickAndWait(coordinator, coordinator.getByRole('link', { name: da['money.link'] }));
    expect(pathOf(coordinator)).toBe(`${casePath}/budget`);
    await checkPage(coordinator, 'money-budget-empty');
    await coordinator.fill('#grant-amountKr', 'tyve tusind');
    await submit(coordinator, da['money.grant.submit']);
    expect((await errorSummary(coordinator)).links.map(([href]) => href)).toEqual(['#grant-amountKr']);
    expect(await coordinator.inputValue('#grant-amountKr')).toBe('tyve tusind');
    await checkPage(coordinator, 'money-grant-error');
    await coordinator.fill('#grant-amountKr', '20000');
    await coordinator.fill('#grant-note', 'Bevilget ved opstart.');
    await submit(coordinator, da['money.grant.submit']);
    expect(await textOf(coordinator, 'main .alert-success')).toBe(da['money.done.bevilget']);
    expect(await figures(coordinator)).toEqual({ granted: kr(20000), reserved: kr(0), available: kr(20000) });

    // The support person writes 8.000 kr.: above the limit, so a coordinator must approve.
    await support.goto(`${casePath}/budget`);
    await writeRequest(support, 'Kørekort', '8000');
    await checkPage(support, 'money-request-draft');
    await confirmAndSubmit(support);
    await checkPage(support, 'money-request-submitted');
    const requestPath = pathOf(support);
    // The support person is not offered the approval, and is told why.
    expect(await support.getByRole('button', { name: da['money.approve.submit'], exact: true }).count()).toBe(
      0,
    );
    expect(await textOf(support, 'main')).toContain(
      plain(`Beløb over ${kr(5000)} skal godkendes af en koordinator.`),
    );
    expect(await textOf(support, 'main h1 + p .badge')).toBe(da[PURCHASE_STATUS_LABELS.submitted]);
    await checkPage(support, 'money-request-needs-coordinator');

    await coordinator.goto(requestPath);
    await submit(coordinator, da['money.approve.submit']);
    expect(await textOf(coordinator, 'main .alert-success')).toBe(da['money.done.godkendt']);
    expect(await textOf(coordinator, 'main h1 + p .badge')).toBe(da[PURCHASE_STATUS_LABELS.approved]);
    await clickAndWait(coordinator, coordinator.getByRole('link', { name: da['money.back'] }));
    expect(await figures(coordinator)).toEqual({
      granted: kr(20000),
      reserved: kr(8000),
      available: kr(12000),
    });
    await checkPage(coordinator, 'money-budget-reserved');

    // The support person adds the quote; a text file calling itself a PDF is refused first.
    await support.goto(requestPath);
    await attach(support, 'quote', 'tilbud.pdf', FAKE_PDF);
    expect((await errorSummary(support)).links).toEqual([
      ['#file', 'Filen skal være en PDF, JPEG eller PNG.'],
    ]);
    await checkPage(support, 'money-attachment-refused');
    await support.goto(requestPath);
    await attach(support, 'quote', 'Tilbud køreskole.pdf', QUOTE_PDF);
    expect(pathOf(support)).toBe(requestPath);
    expect(await textOf(support, 'main .alert-success')).toBe(da['money.done.bilag']);
    expect(await textOf(support, '#bilag li')).toContain('Tilbud køreskole.pdf – Tilbud');
    await checkPage(support, 'money-request-attachment');

    // Finance finds it in the queue with the quote but none of the case's content, and pays by hand.
    const finance = await e2e.newPage();
    await loginAs(finance, FINANCE.email);
    await finance.goto('/betalinger');
    const requestId = requestPath.split('/').at(-1) ?? '';
    await clickAndWait(finance, finance.locator(`main a[href="/betalinger/${requestId}"]`));
    expect(await textOf(finance, 'main')).not.toContain('Borgeren vil tage kørekort');
    const quote = finance.locator('#bilag a', { hasText: 'Tilbud køreskole.pdf' });
    const file = await finance.request.get((await quote.getAttribute('href')) ?? '');
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(QUOTE_PDF)).toBe(true);
    await finance.fill('#reference', 'Faktura 2026-118');
    await clickAndWait(finance, finance.getByRole('button', { name: da['finance.pay.submit'] }));
    expect(await textOf(finance, 'main .alert-success')).toBe(da['finance.pay.notice']);
    await checkPage(finance, 'finance-request-paid');

    // Paid, the receipt is missing until the support person attaches it.
    await support.goto(requestPath);
    expect(await textOf(support, 'main')).toContain(da['money.flag.receipt']);
    await attach(support, 'receipt', 'Kvittering.jpg', RECEIPT_JPEG);
    expect(await textOf(support, '#bilag')).toContain('Kvittering.jpg – Kvittering');
    expect(await textOf(support, 'main')).not.toContain(da['money.flag.receipt']);
    await checkPage(support, 'money-request-paid-receipt');

    await coordinator.goto(`${casePath}/budget`);
    expect(await tableValue(coordinator, da['money.paid'])).toBe(kr(8000));
    expect(await figures(coordinator)).toEqual({ granted: kr(20000), reserved: kr(0), available: kr(12000) });

    // A request past what is available is refused at approval, with the amounts, and nothing changes.
    await support.goto(`${casePath}/budget`);
    await checkPage(support, 'money-budget-support');
    await writeRequest(support, 'Brugt bil', '13000');
    await confirmAndSubmit(support);
    await coordinator.goto(pathOf(support));
    await submit(coordinator, da['money.approve.submit']);
    expect(await textOf(coordinator, 'main .alert-error')).toContain(
      plain(`Beløbet ${kr(13000)} er større end det disponible beløb ${kr(12000)}`),
    );
    expect(await textOf(coordinator, 'main h1 + p .badge')).toBe(da[PURCHASE_STATUS_LABELS.submitted]);
    await checkPage(coordinator, 'money-request-past-available');
    await coordinator.goto(`${casePath}/budget`);
    expect(await figures(coordinator)).toEqual({
      granted: kr(20000),
      reserved: kr(0),
      available: kr(12000),
    });
  });

  it('shows the new request form with the categories and refuses a bad amount, keeping the input', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    const casePath = await activeCase(coordinator, support, 'Sofie Dahl');
    await support.goto(`${casePath}/anmodninger/ny`);
    await checkPage(support, 'money-request-new');
    await support.fill('#title', 'Vinterjakke');
    // "2.50" has two readings (2,50 kr. or 250 kr.): the form asks instead of guessing.
    await support.fill('#amountKr', '2.50');
    await submit(support, da['money.new.submit']);
    const summary = await errorSummary(support);
    expect(summary.links).toContainEqual([
      '#amountKr',
      'Mente du 2,50\u00a0kr. eller 250\u00a0kr.? Skriv øre med komma, fx 2,50.',
    ]);
    expect(await support.inputValue('#title')).toBe('Vinterjakke');
    expect(await support.inputValue('#amountKr')).toBe('2.50');
    await checkPage(support, 'money-request-new-error');
  });
});
