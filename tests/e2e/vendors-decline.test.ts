import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { DEMO_MUNICIPALITIES, demoEmail } from '../../src/services/demo/demo-organisation.ts';
import { clickAndWait, errorSummary, FINANCE, loginAs, pathOf, submit, SUPPORT, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkA11y, setWidth, takeProblems } from './page-checks.ts';

// At 375 px (and 1280 px for the staff pages), with axe-core on each page: a support person proposes a
// vendor (a wrong CVR number first) and finance approves it; the demo citizen Jonas Mølgaard says no,
// with a reason, to a purchase written for him, and his support person reads the reason on the request;
// the case page folds its sections on a phone, and they open without JavaScript; from 768 px every section
// shows. Screenshots go to SHOTS.

const SHOTS = process.env.E2E_SHOTS_DIR ?? 'test-results/screenshots/vendors-decline';
const HALSNAES = DEMO_MUNICIPALITIES.find((m) => m.id === 250);
if (!HALSNAES) throw new Error('The demo has no Halsnæs Kommune');
const HALSNAES_SUPPORT = demoEmail(HALSNAES, 'stotteperson');
const CITIZEN = 'Jonas Mølgaard';
const MOBILE = '22 34 56 78';
const PASSWORD = 'grøn kajak ved stranden hver aften';
const ON_BEHALF = 'Brugt sofa til stuen';
const REASON = 'Jeg har fået en sofa af min søster.';

/** Nothing went wrong so far; then, at each width, a screenshot and axe-core, and nothing wider than the page. */
async function check(page: Page, name: string, widths: readonly number[] = [375, 1280]): Promise<void> {
  expect(takeProblems(page), `CSP violations, script errors or failed assets before "${name}"`).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  for (const width of widths) {
    await setWidth(page, width);
    if (process.env.E2E_SCREENSHOTS !== 'off') {
      await page.screenshot({
        path: `${SHOTS}/${name}-${width}.png`,
        fullPage: true,
        animations: 'disabled',
      });
    }
    await checkA11y(page, `"${name}" (${pathOf(page)}) at ${width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(overflow, `"${name}" is wider than ${width} px`).toBeLessThanOrEqual(0);
  }
  await setWidth(page, 375);
}

describe.skipIf(!hasChromium)('vendor proposals, the citizen’s no, and the folded case page', () => {
  const e2e = useE2e();

  it('a support person proposes a vendor and finance approves it', async () => {
    const support = await e2e.newPage();
    await setWidth(support, 375);
    await loginAs(support, SUPPORT.email);
    await support.goto('/leverandoerer');
    expect(await textOf(support, 'h1')).toBe(da['vendors.title']);
    await check(support, 'vendors-support');

    await support.fill('#name', 'Cykelværkstedet Øst');
    await support.fill('#cvr', '1234');
    await support.check('#payWith');
    await support.fill('#iban', 'DK51 0040 0440 1162 43');
    await submit(support, da['vendors.propose.submit']);
    expect((await errorSummary(support)).links.map(([href]) => href)).toEqual(['#cvr', '#iban']);
    expect(await support.inputValue('#name')).toBe('Cykelværkstedet Øst');
    await check(support, 'vendors-propose-error');

    await support.fill('#cvr', '12345674');
    await support.fill('#iban', 'DK50 0040 0440 1162 43');
    await submit(support, da['vendors.propose.submit']);
    expect(await textOf(support, 'main')).toContain(da['vendors.propose.done']);
    expect(await textOf(support, 'main')).toContain(da['label.vendorStatus.proposed']);

    const finance = await e2e.newPage();
    await setWidth(finance, 375);
    await loginAs(finance, FINANCE.email);
    await finance.goto('/leverandoerer');
    expect(await textOf(finance, 'main')).toContain(da['vendors.proposals.waiting']);
    await check(finance, 'vendors-finance');
    await clickAndWait(
      finance,
      finance.getByRole('link', {
        name: da['vendors.proposals.rejectLabel'].replace('{name}', 'Cykelværkstedet Øst'),
      }),
    );
    await check(finance, 'vendor-reject');
    await finance.goBack();
    await submit(finance, da['vendors.proposals.approveLabel'].replace('{name}', 'Cykelværkstedet Øst'));
    expect(await textOf(finance, 'main')).toContain(da['vendors.proposals.approved']);

    // Approved, it is on the support person's list and no longer waits.
    await support.goto('/leverandoerer');
    expect(await textOf(support, 'main')).toContain(da['label.vendorStatus.approved']);
    expect(await support.locator('main table').first().textContent()).toContain('Cykelværkstedet Øst');
  });

  it('the citizen says no with a reason, and the support person reads it', async () => {
    const support = await e2e.newPage();
    await loginAs(support, HALSNAES_SUPPORT);
    await support.goto('/forloeb');
    await clickAndWait(support, support.getByRole('link', { name: CITIZEN, exact: true }));
    const casePath = pathOf(support);
    await submit(support, da['citizenLogin.case.submit']);
    const code = await textOf(support, '#activation-code');

    const phone = await e2e.newPage();
    await setWidth(phone, 375);
    await phone.goto('/aktiver');
    await phone.fill('#code', code);
    await phone.fill('#login', MOBILE);
    await phone.fill('#password', PASSWORD);
    await phone.fill('#passwordRepeat', PASSWORD);
    await submit(phone, da['citizenLogin.activate.submit']);
    expect(pathOf(phone)).toBe('/borger');

    await support.goto(`${casePath}/anmodninger/ny`);
    await support.fill('#title', ON_BEHALF);
    await support.fill('#purpose', 'Jonas vil have en sofa, så venner kan sove over.');
    await support.fill('#amountKr', '900');
    await support.selectOption('#category', 'housing');
    const vendors = await support
      .locator('#vendorId option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await support.selectOption('#vendorId', vendors[0] ?? '');
    await support.check('#paymentMethod');
    await submit(support, da['money.new.submit']);
    const requestPath = pathOf(support);

    await phone.goto('/borger/bekraeft');
    await check(phone, 'portal-confirm-no', [375]);
    await clickAndWait(
      phone,
      phone.getByRole('link', { name: da['portal.confirm.noLabel'].replace('{title}', ON_BEHALF) }),
    );
    expect(await textOf(phone, 'h1')).toBe(da['portal.decline.title']);
    await check(phone, 'portal-decline', [375]);
    await phone.fill('#reason', REASON);
    await submit(phone, da['portal.decline.submit']);
    expect(await textOf(phone, 'main')).toContain(da['portal.decline.done']);
    expect(await textOf(phone, 'main')).not.toContain(ON_BEHALF);
    await phone.goto('/borger/koeb');
    expect(await textOf(phone, 'main')).toContain(da['portal.purchases.state.declined']);

    await support.goto(requestPath);
    const main = await textOf(support, 'main');
    expect(main).toContain(da['money.declined.heading']);
    expect(main).toContain(REASON);
    await check(support, 'request-declined');
  });

  it('folds the case page on a phone, and opens a section without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const page = await e2e.newPage({ javaScript });
      await loginAs(page, SUPPORT.email);
      await page.goto('/forloeb');
      await clickAndWait(page, page.locator('main a[href^="/forloeb/"]').first());
      await setWidth(page, 375);
      const folds = page.locator('details.fold');
      expect(await folds.count()).toBeGreaterThan(3);
      // The facts and the next steps are open; the rest is folded.
      expect(await folds.first().getAttribute('open')).not.toBeNull();
      const open = page.locator('details.fold[open] > summary');
      expect(await open.allInnerTexts()).toEqual([da['case.facts'], da['case.actions']]);
      const timeline = page.locator('details.fold', { hasText: da['case.timeline'] });
      expect(await timeline.locator('table').isVisible()).toBe(false);
      await timeline.locator('summary').click();
      expect(await timeline.locator('table').isVisible()).toBe(true);
      // No label stands over an empty value.
      const emptyLabels = await page
        .locator('td.table-cell-empty')
        .evaluateAll((cells) => cells.filter((c) => getComputedStyle(c).display !== 'none').length);
      expect(emptyLabels).toBe(0);
      if (javaScript) {
        await timeline.locator('summary').click();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        process.stdout.write(`case page at 375 px, folded: ${height} px\n`);
        await check(page, 'case-folded');
        // From 768 px there is room: every section shows, folded or not.
        await setWidth(page, 1280);
        expect(await timeline.locator('table').isVisible()).toBe(true);
      }
    }
  });
});
