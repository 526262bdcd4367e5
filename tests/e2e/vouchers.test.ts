import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, demoEmail } from '../../src/services/demo/demo-organisation.ts';
import { clickAndWait, loginAs, pathOf, submit, submitLogin, tableValue, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// The citizen buys it themselves (spec: Vouchers), in a browser at 375 px, in the demo's Kolding, which
// offers vouchers: the support person writes a voucher request of 1.000 kr. with the citizen Sara
// Lindqvist, the coordinator approves it, Sara opens the voucher's QR code in the portal, a shop in a
// browser of its own opens the QR code's link, enters its PIN and redeems 800 kr. with a photo of the
// receipt, finance pays it in a payment file, and Sara sees "Brugt" and the 200 kr. back in her
// budget. axe-core and a screenshot on every page on the way.

const KOLDING = DEMO_MUNICIPALITIES.find((m) => m.shopPin !== undefined);
if (!KOLDING?.shopPin) throw new Error('The demo has no municipality that offers vouchers');
const SHOP_PIN = KOLDING.shopPin;
const CITIZEN = 'Sara Lindqvist';
const CITIZEN_MOBILE = '20 26 00 01';
const TITLE = 'Vinterjakke og handsker';
const WIDTH = 375;
/** The first bytes of a JPEG, as a phone's photo of the receipt. */
const RECEIPT_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

async function phone(page: Page, name: string): Promise<void> {
  await setWidth(page, WIDTH);
  await checkPage(page, name);
}

/** What the citizen's budget page says is available, as a number of whole kroner. */
async function availableKr(page: Page): Promise<number> {
  await page.goto('/borger/budget');
  const left = await tableValue(page, da['portal.budget.left']);
  return Number(left.replace(/[^\d,]/g, '').replace(',', '.'));
}

describe.skipIf(!hasChromium)('a voucher from request to payment', () => {
  const e2e = useE2e();

  it('is written, approved, shown as a QR code, redeemed by the shop at 80 %, paid, and shown as used', async () => {
    // The support person writes the request with Sara, on the phone.
    const support = await e2e.newPage();
    await setWidth(support, WIDTH);
    await loginAs(support, demoEmail(KOLDING, 'stotteperson'));
    await support.goto('/forloeb');
    await clickAndWait(support, support.getByRole('link', { name: CITIZEN }).first());
    const casePath = pathOf(support);
    await support.goto(`${casePath}/budget`);
    await clickAndWait(support, support.getByRole('link', { name: da['money.new'] }));
    await support.fill('#title', TITLE);
    await support.fill('#purpose', 'Så Sara kan gå til praktikken i salonen, også når det er koldt.');
    await support.fill('#amountKr', '1000');
    await support.selectOption('#category', 'clothing_care');
    await support.check('input[name="paymentMethod"][value="voucher"]');
    const shop = await support.locator('#vendorId option', { hasText: 'Cykelsmeden' }).getAttribute('value');
    await support.selectOption('#vendorId', shop ?? '');
    await phone(support, 'voucher-request-form');
    await submit(support, da['money.new.submit']);
    expect(await textOf(support, 'h1')).toContain(TITLE);
    await support.check('#confirm-how');
    await submit(support, da['money.confirm.submit']);
    await submit(support, da['money.submit.submit']);
    const requestPath = pathOf(support);

    // The coordinator approves; the voucher is issued.
    const coordinator = await e2e.newPage();
    await setWidth(coordinator, WIDTH);
    await loginAs(coordinator, demoEmail(KOLDING, 'koordinator'));
    await coordinator.goto(requestPath);
    await submit(coordinator, da['money.approve.submit']);
    expect(await textOf(coordinator, 'main')).toContain(da['label.voucherStatus.issued']);
    await phone(coordinator, 'voucher-request-approved');
    await coordinator.goto(`${requestPath}/vaerdibevis`);
    expect(await textOf(coordinator, 'main')).not.toContain(CITIZEN);
    await phone(coordinator, 'voucher-sheet');

    // Sara opens it in the portal: the QR code and the code in large type.
    const citizen = await e2e.newPage();
    await setWidth(citizen, WIDTH);
    await submitLogin(citizen, CITIZEN_MOBILE, DEMO_PASSWORD);
    const before = await availableKr(citizen);
    await citizen.goto('/borger/vaerdibeviser');
    const card = citizen.locator('.voucher-card', { hasText: TITLE });
    expect(await card.locator('svg').count()).toBeGreaterThan(0);
    const code = ((await card.locator('.voucher-code [aria-hidden="true"]').textContent()) ?? '').replace(
      /\s/g,
      '',
    );
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    await phone(citizen, 'voucher-portal');

    // The shop scans it: a browser of its own, no account and no JavaScript, the PIN and then the receipt.
    const counter = await e2e.newPage({ javaScript: false });
    await setWidth(counter, WIDTH);
    const scanned = performance.now();
    await counter.goto(`/indloes/${code}`);
    expect(await counter.inputValue('#code')).toBe(code.replace(/(.{4})(?=.)/g, '$1 '));
    await phone(counter, 'voucher-shop-pin');
    await counter.fill('#pin', SHOP_PIN);
    await submit(counter, da['voucherShop.check']);
    expect(await textOf(counter, 'main')).toContain(TITLE);
    expect(await textOf(counter, 'main')).not.toContain(CITIZEN);
    await phone(counter, 'voucher-shop-receipt');
    await counter.fill('#amountKr', '800,00');
    await counter.fill('#receiptNumber', 'K-2026-118');
    await counter.setInputFiles('#file', {
      name: 'kvittering.jpg',
      mimeType: 'image/jpeg',
      buffer: RECEIPT_JPEG,
    });
    await submit(counter, da['voucherShop.receipt.submit']);
    const reference = (await textOf(counter, 'main')).match(/VB-[2-9A-HJKMNP-Z]{8}/)?.[0];
    const scanToConfirmationMs = Math.round(performance.now() - scanned);
    console.log(
      `vouchers e2e: QR scan to confirmation page in the browser, typing included: ${scanToConfirmationMs} ms`,
    );
    expect(reference).toBeDefined();
    await phone(counter, 'voucher-shop-done');

    // The 200 kr. not used are back in Sara's budget at once.
    expect(await availableKr(citizen)).toBe(before + 200);

    // Finance pays the shop in a payment file; first it gives another shop on the list a PIN, shown once.
    const finance = await e2e.newPage();
    await loginAs(finance, demoEmail(KOLDING, 'okonomi'));
    await finance.goto('/leverandoerer');
    const issue = finance.getByRole('button', {
      name: da['voucherStaff.vendors.issueLabel'].replace('{name}', 'Sprogskolen'),
    });
    await clickAndWait(finance, issue);
    expect(await textOf(finance, 'main')).toMatch(/\d{4}\s?\d{4}/);
    await checkPage(finance, 'voucher-vendor-pin');
    await finance.goto('/betalinger/filer');
    await clickAndWait(finance, finance.getByRole('button', { name: da['finance.files.create'] }));
    await clickAndWait(finance, finance.getByRole('button', { name: da['finance.files.markSent'] }).first());
    expect(await finance.content()).toContain(da['finance.files.sentNotice']);

    // Sara sees it used, and the budget stays 200 kr. above what it was before the shop.
    await citizen.goto('/borger/vaerdibeviser');
    expect(await textOf(citizen, 'main')).toContain(da['label.voucherStatus.redeemed']);
    await phone(citizen, 'voucher-portal-used');
    expect(await availableKr(citizen)).toBe(before + 200);
  });
});
