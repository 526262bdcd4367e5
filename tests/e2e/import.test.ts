import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { clickAndWait, COORDINATOR, errorSummary, loginAs, pathOf, submit, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// The coordinator's import in a browser (spec: Import), without JavaScript: the page from
// the menu, a folder with a wrong row (every error listed, nothing imported), then the right folder,
// the imported case's page and the list of earlier imports. The import's rules are tested in
// tests/integration/import*.test.ts.

const fixture = (file: string) =>
  fileURLToPath(new URL(`../fixtures/import/aarhus/${file}`, import.meta.url));
const bad = fileURLToPath(new URL('../fixtures/import/bad/cases.csv', import.meta.url));

describe.skipIf(!hasChromium)('importing existing data', () => {
  const e2e = useE2e();

  it('lists the wrong rows of a bad file, then imports the right files', async () => {
    const page = await e2e.newPage({ javaScript: false });
    await loginAs(page, COORDINATOR.email);
    await clickAndWait(page, page.locator('.navigation-menu').getByRole('link', { name: da['nav.import'] }));
    expect(pathOf(page)).toBe('/import');
    expect(await textOf(page, 'h1')).toBe(da['import.title']);
    await checkPage(page, 'import');

    await page.setInputFiles('#files', [bad]);
    await submit(page, da['import.submit']);
    const summary = await errorSummary(page);
    expect(summary.heading).toBe('Intet er importeret. Ret 6 fejl, og prøv igen');
    expect(summary.links[0]).toEqual([
      '#files',
      expect.stringMatching(/^cases\.csv:1: shoe_size: Ukendt kolonne/),
    ]);
    expect(summary.links.map(([, text]) => text)).toContain(
      'cases.csv:3: municipality_code: "75" er ikke en kommunekode. Skriv de tre cifre, fx 751.',
    );
    await checkPage(page, 'import-errors');

    await page.setInputFiles('#files', [
      fixture('cases.csv'),
      fixture('answers.csv'),
      fixture('payments.csv'),
    ]);
    await submit(page, da['import.submit']);
    expect(await textOf(page, '.alert-success .alert-heading')).toBe(
      'Importeret: 2 forløb, 2 svar, 2 betalinger',
    );
    await checkPage(page, 'import-done');
    await clickAndWait(page, page.locator('main table a').first());
    expect(pathOf(page)).toMatch(/^\/forloeb\/[0-9a-f-]{36}$/);
    expect(await textOf(page, 'main')).toContain('Importeret borger (AAR-2019-1)');

    // The earlier imports (spec: Import): this one, with who, how and its counts, never the citizens.
    await page.goto('/import');
    await clickAndWait(page, page.getByRole('link', { name: da['import.history.link'] }));
    expect(pathOf(page)).toBe('/import/historik');
    const row = await textOf(page, 'main table tbody tr');
    expect(row).toContain(COORDINATOR.name);
    expect(row).toContain(da['import.history.source.web']);
    expect(await textOf(page, 'main')).not.toContain('AAR-2019-1');
    await checkPage(page, 'import-history');
  });
});
