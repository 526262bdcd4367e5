import { describe, expect, it } from 'vitest';
import { REPORT_FIGURE_KEYS } from '../../src/domain/report/report-csv.ts';
import { da } from '../../src/i18n/da.ts';
import { clickAndWait, COORDINATOR, errorSummary, EVALUATOR, loginAs, pathOf, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// The evaluation report in a browser (spec: Evaluation report): the coordinator opens their municipality's
// report from the menu, narrows it to a period, and downloads a figure as CSV; the evaluator sees the
// national report, anonymised, and each municipality's. The figures' numbers are checked against the
// per-case reference in tests/integration/report.test.ts; here it is what a person sees and gets.

describe.skipIf(!hasChromium)('the evaluation report', () => {
  const e2e = useE2e();

  it("shows a coordinator their municipality's report, filtered, with a CSV per figure", async () => {
    const page = await e2e.newPage({ javaScript: false });
    await loginAs(page, COORDINATOR.email);
    await clickAndWait(page, page.locator('.navigation-menu').getByRole('link', { name: da['nav.report'] }));
    expect(pathOf(page)).toBe('/rapport');
    expect(await textOf(page, 'h1')).toBe(da['report.title']);
    // One chart per figure (REPORT_FIGURE_KEYS): 15 with purchases by payment method.
    expect(await page.locator('main svg[role="img"]').count()).toBe(REPORT_FIGURE_KEYS.length);
    expect(await page.locator('#kommune').count()).toBe(0);
    await checkPage(page, 'report-coordinator');

    await page.fill('#fra', '2025-01-01');
    await page.fill('#til', '2026-12-31');
    await clickAndWait(page, page.getByRole('button', { name: da['report.show'] }));
    expect(new URL(page.url()).search).toBe('?fra=2025-01-01&til=2026-12-31');
    expect(await page.inputValue('#fra')).toBe('2025-01-01');
    expect(await page.content()).toContain('Forløb startet 2025-01-01 til 2026-12-31');

    const link = page.locator('a[href^="/rapport/csv/gender"]');
    expect(await link.getAttribute('href')).toBe('/rapport/csv/gender?fra=2025-01-01&til=2026-12-31');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('evaluering-gender-alle-2025-01-01_2026-12-31.csv');
    const csv = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text).toMatch(
      /^\uFEFFmunicipality_code;code;label;count;pct;n;missing\r\nall;male;Mænd;\d+;\d+;\d+;0\r\n/,
    );

    const json = await page.request.get('/rapport/json?fra=2025-01-01&til=2026-12-31');
    const report = (await json.json()) as { selection: unknown };
    expect(report.selection).toEqual({
      municipalities: ['751'],
      period: { from: '2025-01-01', to: '2026-12-31' },
    });

    // Dates typed the Danish way (where there is no date field) are read as the same days; a day that
    // does not exist is refused at its field.
    await page.goto('/rapport?fra=1.1.2025&til=31/12-2026');
    expect(await page.inputValue('#fra')).toBe('2025-01-01');
    expect(await page.content()).toContain('Forløb startet 2025-01-01 til 2026-12-31');
    await page.goto('/rapport?fra=2025-01-01&til=31.2.2026');
    expect((await errorSummary(page)).links.map(([href]) => href)).toEqual(['#til']);
    await checkPage(page, 'report-coordinator-error');
  });

  it('shows the evaluator the national report, anonymised, and one municipality at a time', async () => {
    const page = await e2e.newPage();
    await loginAs(page, EVALUATOR.email);
    await clickAndWait(page, page.locator('.navigation-menu').getByRole('link', { name: da['nav.report'] }));
    expect(await textOf(page, 'h1')).toBe(da['report.title']);
    expect(await textOf(page, 'main')).toContain(da['report.anonymised']);
    await checkPage(page, 'report-evaluator');

    await page.selectOption('#kommune', '250');
    await clickAndWait(page, page.getByRole('button', { name: da['report.show'] }));
    expect(new URL(page.url()).searchParams.get('kommune')).toBe('250');
    expect(await textOf(page, 'main')).toContain('Halsnæs Kommune');
    await checkPage(page, 'report-evaluator-halsnaes');

    const json = (await (await page.request.get('/rapport/json')).json()) as Record<string, unknown>;
    const small: number[] = [];
    JSON.parse(JSON.stringify(json), (key, value: unknown) => {
      const counts = ['n', 'missing', 'count', 'citizens', 'started', 'followedUp'];
      if (typeof value === 'number' && counts.includes(key) && value >= 1 && value <= 4) small.push(value);
      return value;
    });
    expect(small).toEqual([]);
    expect(JSON.stringify(json)).not.toContain('reasons');
  });
});
