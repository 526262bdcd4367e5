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
  SUPPORT,
  textOf,
} from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// No dead ends, on a phone (spec: Refused steps): the support person is offered the citizen's
// confirmation before "send"; the close page says the unspent money goes back to the pool; a close
// refused because money was reserved meanwhile comes back in place, with the way to release it; pause,
// resume and terminate ask on their own pages. Every page passes axe-core at 375 and 1280 px.

const PHONE = 375;

/** The page checks (both widths, axe-core, screenshots), then back to the phone. */
async function check(page: Page, name: string): Promise<void> {
  await checkPage(page, name);
  await setWidth(page, PHONE);
}

/** The names of the page's primary buttons. */
async function primaryButtons(page: Page): Promise<string[]> {
  return page.locator('main button.button-primary').evaluateAll((bs) => bs.map((b) => b.textContent.trim()));
}

describe.skipIf(!hasChromium)('confirmations and refusals in place', () => {
  const e2e = useE2e();

  it('asks before closing, pausing and terminating, and shows a refused close in place', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    await setWidth(support, PHONE);
    const casePath = await activeCase(coordinator, support, 'Ida Holm');
    await coordinator.goto(`${casePath}/budget`);
    await coordinator.fill('#grant-amountKr', '10000');
    await submit(coordinator, da['money.grant.submit']);

    // A draft: the next step that can succeed is the citizen's confirmation, then sending it.
    await support.goto(`${casePath}/anmodninger/ny`);
    await support.fill('#title', 'Cykel');
    await support.fill('#purpose', 'Kan komme til praktik.');
    await support.fill('#amountKr', '2500');
    await support.selectOption('#category', 'transport');
    await support.selectOption('#vendorId', { index: 1 });
    await support.check('#paymentMethod');
    await submit(support, da['money.new.submit']);
    const requestPath = pathOf(support);
    expect(await primaryButtons(support)).toEqual([da['money.confirm.submit']]);
    expect(await support.getByRole('button', { name: da['money.submit.submit'] }).count()).toBe(0);
    await check(support, 'confirm-request-draft');
    await support.check('#confirm-how');
    await submit(support, da['money.confirm.submit']);
    expect(await primaryButtons(support)).toEqual([da['money.submit.submit']]);
    await submit(support, da['money.submit.submit']);

    // The close page says what will happen; meanwhile the coordinator approves, which reserves money.
    await support.goto(casePath);
    await clickAndWait(support, support.getByRole('link', { name: da['case.action.complete'] }));
    expect(pathOf(support)).toBe(`${casePath}/afslut`);
    expect(await textOf(support, 'main')).toContain('10.000 kr. er ikke brugt.');
    await check(support, 'confirm-close');
    await coordinator.goto(requestPath);
    await submit(coordinator, da['money.approve.submit']);

    // The close is refused in place: the same page, the reason, and the way forward.
    await submit(support, da['case.action.complete']);
    expect(pathOf(support)).toBe(`${casePath}/afslut`);
    expect(await textOf(support, 'h1')).toBe(da['case.action.complete']);
    const summary = await errorSummary(support);
    expect(summary.heading).toBe(da['error.conflict.title']);
    expect(summary.links).toEqual([
      [`${casePath}/budget#anmodninger`, da['refusal.way.releaseReservations']],
    ]);
    expect(await textOf(support, '[data-module="error-summary"]')).toContain(
      'Der er stadig 2.500 kr. reserveret.',
    );
    await check(support, 'confirm-close-refused');
    await clickAndWait(support, support.locator('[data-module="error-summary"] a'));
    expect(pathOf(support)).toBe(`${casePath}/budget`);

    // Opened again, the close page offers no button while money is reserved.
    await support.goto(`${casePath}/afslut`);
    expect(await support.getByRole('button', { name: da['case.action.complete'] }).count()).toBe(0);
    expect(await textOf(support, 'main')).toContain(da['confirm.reserved.heading']);
    await check(support, 'confirm-close-blocked');

    // Pause and resume, each from its own page.
    await support.goto(casePath);
    await clickAndWait(support, support.getByRole('link', { name: da['case.action.pause'] }));
    expect(await textOf(support, 'main')).toContain(da['confirm.pause.noRequests']);
    await check(support, 'confirm-pause');
    await support.fill('#pause-reason', 'Indlagt på hospitalet.');
    await submit(support, da['case.action.pause']);
    expect(pathOf(support)).toBe(casePath);
    await clickAndWait(support, support.getByRole('link', { name: da['case.action.resume'] }));
    await check(support, 'confirm-resume');
    await submit(support, da['case.action.resume']);
    expect(pathOf(support)).toBe(casePath);

    // Terminating is blocked by the reservation too, until the request is cancelled.
    await clickAndWait(support, support.getByRole('link', { name: da['case.action.terminate'] }));
    expect(await textOf(support, 'main')).toContain(da['confirm.reserved.heading']);
    await support.goto(requestPath);
    await support.fill('#cancel-reason', 'Borgeren har fået en cykel af familien.');
    await submit(support, da['money.cancel.submit']);

    // It asks for the reason on its own page; without one it comes back with the summary.
    await support.goto(`${casePath}/afbryd`);
    expect(await textOf(support, 'main')).toContain('10.000 kr. er ikke brugt.');
    await check(support, 'confirm-terminate');
    await submit(support, da['case.action.terminate']);
    expect((await errorSummary(support)).links.map(([href]) => href)).toEqual(['#terminate-reason']);
    await support.fill('#terminate-reason', 'Borgeren er flyttet.');
    await submit(support, da['case.action.terminate']);
    expect(pathOf(support)).toBe(casePath);
    expect(await textOf(support, 'main')).toContain(da['label.closeOutcome.terminated_early']);
  });
});
