import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { clickAndWait, COORDINATOR, errorSummary, loginAs, pathOf, submit, textOf } from './fixtures.ts';
import { hasChromium, useE2e } from './harness.ts';
import { checkPage } from './page-checks.ts';

// The citizen's requests about their data in a browser (spec: Data-subject requests): the coordinator
// opens the privacy page of a closed demo case (Henrik Bak's), puts a legal hold on it, makes the full
// copy to print, restricts the processing and lifts it again. Each new page is checked with axe-core at
// 1280 and 375 px.

describe.skipIf(!hasChromium)('the coordinator handles a citizen’s requests about their data', () => {
  const e2e = useE2e();

  it('holds, copies, restricts and lifts on a closed case', async () => {
    const page = await e2e.newPage();
    await loginAs(page, COORDINATOR.email);
    await page.goto('/forloeb/oversigt?fase=closed');
    await clickAndWait(page, page.getByRole('link', { name: 'Henrik Bak' }));
    const casePath = pathOf(page);
    await clickAndWait(page, page.getByRole('link', { name: da['dataSubject.link'] }));
    expect(pathOf(page)).toBe(`${casePath}/persondata`);
    expect(await textOf(page, 'h1')).toBe(da['dataSubject.title']);
    expect(await textOf(page, '#privacy-retention + p')).toMatch(
      /^Persondata i forløbet anonymiseres den \d+\. \w+ \d{4}\.$/,
    );
    await checkPage(page, 'data-subject-privacy');

    // A legal hold needs its reason: the error summary, and nothing set.
    await submit(page, da['dataSubject.hold.set']);
    expect((await errorSummary(page)).links.map(([href]) => href)).toEqual(['#hold-reason']);
    await checkPage(page, 'data-subject-hold-error');
    await page.fill('#hold-reason', 'Klagesag i Ankestyrelsen.');
    await submit(page, da['dataSubject.hold.set']);
    expect(await textOf(page, '.alert-success .alert-heading')).toBe(da['dataSubject.done.hold']);
    expect(await page.locator('main').textContent()).toContain('Klagesag i Ankestyrelsen.');
    await checkPage(page, 'data-subject-held');

    // The full copy, as a page to print: everything, internal notes included, and no menu on paper.
    await page.fill('#copy-note', 'Borgeren bad om kopien i borgerservice.');
    await submit(page, da['dataSubject.copy.html']);
    expect(await textOf(page, 'h1')).toBe(da['dataSubject.copy.pageTitle'].replace('{name}', 'Henrik Bak'));
    expect(await page.locator('main').textContent()).toContain(da['dataSubject.copy.audit']);
    await checkPage(page, 'data-subject-copy');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await clickAndWait(page, page.getByRole('link', { name: da['dataSubject.back'] }));

    // Restriction: the case becomes read-only, and the tag shows.
    await page.fill('#restrict-reason', 'Borgeren mener, at en note er forkert.');
    await submit(page, da['dataSubject.restriction.set']);
    expect(await textOf(page, '.alert-success .alert-heading')).toBe(da['dataSubject.done.restricted']);
    expect(await textOf(page, 'main .badge-error')).toBe(da['dataSubject.tag.restricted']);
    await checkPage(page, 'data-subject-restricted');
    await page.goto(casePath);
    expect(await textOf(page, 'main h1 + p .badge-error')).toBe(da['dataSubject.tag.restricted']);
    await page.goto(`${casePath}/persondata`);
    await submit(page, da['dataSubject.restriction.lift']);
    expect(await textOf(page, '.alert-success .alert-heading')).toBe(
      da['dataSubject.done.restrictionLifted'],
    );
    expect(await page.locator('main .badge-error').count()).toBe(0);
    const kinds = await page.locator('#privacy-requests + * tbody tr td:first-child').allTextContents();
    expect(kinds.map((k) => k.trim())).toEqual([
      da['dataSubject.kind.restriction_lifted'],
      da['dataSubject.kind.restriction'],
      da['dataSubject.kind.access'],
    ]);

    // Erasure is not possible under the public task: the page says why and until when.
    expect(await textOf(page, '#privacy-erasure + p')).toContain('kommunens myndighedsopgave');
    await page.goto(`${casePath}/persondata/sletning`);
    expect(await textOf(page, 'main .alert-warning')).toContain('kommunens myndighedsopgave');
    await checkPage(page, 'data-subject-erasure-refused');
  });
});
