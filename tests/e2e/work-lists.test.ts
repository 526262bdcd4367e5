import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PURCHASE_STATUS_LABELS } from '../../src/domain/purchase-request.ts';
import { da } from '../../src/i18n/da.ts';
import {
  activeCase,
  ADMIN,
  clickAndWait,
  COORDINATOR,
  EVALUATOR,
  FINANCE,
  loginAs,
  pathOf,
  submit,
  SUPPORT,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// "Venter på dig" across roles (spec: Work lists): the support person sends a request of 6.500 kr. for
// approval; the coordinator's front page lists it, marked as needing a coordinator, and the coordinator
// approves from the link; finance's front page lists the payment and finance pays from it; the support
// person sees the request paid. Every front page is checked at 1280 px and 375 px with axe-core.

/** The link of one item in a group of the front page's "Venter på dig". */
function workLink(page: Page, kind: string, href: string) {
  return page.locator(`#work-${kind} + ul a[href="${href}"]`);
}

describe.skipIf(!hasChromium)('what waits for each role', () => {
  const e2e = useE2e();

  it('carries a request from the support person through approval and payment, each from the front page', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    const casePath = await activeCase(coordinator, support, 'Sofie Winther');
    await coordinator.goto(`${casePath}/budget`);
    await coordinator.fill('#grant-amountKr', '20000');
    await submit(coordinator, da['money.grant.submit']);

    // The support person writes 6.500 kr. for a bicycle, records the citizen's yes and sends it.
    await support.goto(`${casePath}/budget`);
    await clickAndWait(support, support.getByRole('link', { name: da['money.new'] }));
    await support.fill('#title', 'Cykel til praktikken');
    await support.fill('#purpose', 'Komme til praktik hver dag.');
    await support.fill('#amountKr', '6500');
    await support.selectOption('#category', 'transport');
    const vendor = await support
      .locator('#vendorId option[value]:not([value=""])')
      .first()
      .getAttribute('value');
    await support.selectOption('#vendorId', vendor ?? '');
    await support.check('#paymentMethod');
    await submit(support, da['money.new.submit']);
    await support.check('#confirm-how');
    await submit(support, da['money.confirm.submit']);
    await submit(support, da['money.submit.submit']);
    const requestPath = pathOf(support);
    const requestId = requestPath.split('/').at(-1) ?? '';

    // The coordinator's front page lists it first thing, marked for a coordinator, and links to it.
    await coordinator.goto('/');
    expect(await textOf(coordinator, 'main h2')).toBe(da['work.heading']);
    const approval = workLink(coordinator, 'approval', requestPath);
    expect(await approval.count()).toBe(1);
    expect(await approval.textContent()).toContain('Cykel til praktikken');
    expect(await approval.locator('xpath=..').locator('.badge').textContent()).toBe(da['work.fourEyes']);
    await checkPage(coordinator, 'work-coordinator-home');
    await clickAndWait(coordinator, approval);
    expect(pathOf(coordinator)).toBe(requestPath);
    await submit(coordinator, da['money.approve.submit']);
    expect(await textOf(coordinator, 'main .alert-success')).toBe(da['money.done.godkendt']);
    await coordinator.goto('/');
    expect(await workLink(coordinator, 'approval', requestPath).count()).toBe(0);

    // Finance's front page lists the payment, without the title, and pays it from the link.
    const finance = await e2e.newPage();
    await loginAs(finance, FINANCE.email);
    const payment = workLink(finance, 'payment', `/betalinger/${requestId}`);
    expect(await payment.count()).toBe(1);
    expect(await textOf(finance, 'main')).not.toContain('Cykel til praktikken');
    await checkPage(finance, 'work-finance-home');
    await clickAndWait(finance, payment);
    await finance.fill('#reference', 'Bank 2026-7');
    await clickAndWait(finance, finance.getByRole('button', { name: da['finance.pay.submit'] }));
    expect(await textOf(finance, 'main .alert-success')).toBe(da['finance.pay.notice']);
    await finance.goto('/');
    expect(await workLink(finance, 'payment', `/betalinger/${requestId}`).count()).toBe(0);

    // The support person sees it paid, and the missing receipt waits on their front page.
    await support.goto(requestPath);
    expect((await textOf(support, 'main h1 + p .badge')).toLowerCase()).toBe('betalt');
    expect(await textOf(support, 'main h1 + p .badge')).toBe(da[PURCHASE_STATUS_LABELS.paid]);
    await support.goto('/');
    expect(await workLink(support, 'receiptMissing', requestPath).count()).toBe(1);
    await checkPage(support, 'work-support-home');
  });

  it('shows the administrator and the evaluator what waits, the evaluator with the report', async () => {
    const admin = await e2e.newPage();
    await loginAs(admin, ADMIN.email);
    expect(await textOf(admin, 'main h2')).toBe(da['work.heading']);
    await checkPage(admin, 'work-admin-home');

    const evaluator = await e2e.newPage();
    await loginAs(evaluator, EVALUATOR.email);
    expect(await workLink(evaluator, 'report', '/rapport').count()).toBe(1);
    await checkPage(evaluator, 'work-evaluator-home');
  });
});
