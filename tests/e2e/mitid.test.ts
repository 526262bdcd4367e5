import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { testCpr } from '../factories/case-factory.ts';
import { CPR_CLAIM, LOA_CLAIM, TEST_CITIZENS } from '../setup/oidc-provider.ts';
import { activeCase, clickAndWait, COORDINATOR, loginAs, pathOf, SUPPORT, textOf } from './fixtures.ts';
import { hasChromium, useE2eWithIssuer } from './harness.ts';
import { checkPage, setWidth } from './page-checks.ts';

// The citizen's log-in with MitID in a browser on a phone (spec: Citizen log-in): "Log ind med MitID" on the
// log-in page leads to the test issuer (standing in for the NemLog-in broker); back from it, the citizen of
// an active case lands in their portal, which says "Logget ind med MitID". A log-in at a low level, and a
// CPR number no citizen has, get a plain page each, and no session.

/** From the log-in page through the test issuer as `accountId`, back to the app. */
async function logInWithMitId(page: Page, accountId: string): Promise<void> {
  await setWidth(page, 375);
  await page.goto('/log-ind');
  await clickAndWait(page, page.getByRole('link', { name: da['mitid.button'], exact: true }));
  await page.fill('#account', accountId);
  await clickAndWait(page, page.getByRole('button', { name: 'Log ind', exact: true }));
}

describe.skipIf(!hasChromium)('the citizen’s log-in with MitID', () => {
  const { e2e, issuer } = useE2eWithIssuer();

  it('takes the citizen of an active case to their portal', async () => {
    const cpr = testCpr();
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    await activeCase(coordinator, support, 'Mia MitID', cpr);
    issuer().setAccount('mia', { [CPR_CLAIM]: cpr.replace('-', ''), [LOA_CLAIM]: 'Substantial' });

    const citizen = await e2e.newPage();
    await logInWithMitId(citizen, 'mia');
    expect(pathOf(citizen)).toBe('/borger');
    expect(await textOf(citizen, '.portal-signed-in')).toBe(da['mitid.signedIn']);
    await checkPage(citizen, 'mitid-portal');
  });

  it('refuses a low level with a plain page', async () => {
    const citizen = await e2e.newPage();
    await logInWithMitId(citizen, TEST_CITIZENS.low.accountId);
    expect(pathOf(citizen)).toBe('/log-ind/mitid/retur');
    expect(await textOf(citizen, 'h1')).toBe(da['mitid.level.title']);
    await checkPage(citizen, 'mitid-level-refused');
    await clickAndWait(citizen, citizen.getByRole('link', { name: da['mitid.refused.back'], exact: true }));
    expect(pathOf(citizen)).toBe('/log-ind');
  });

  it('sends a CPR number no citizen has to the support person', async () => {
    const citizen = await e2e.newPage();
    await logInWithMitId(citizen, TEST_CITIZENS.unknown.accountId);
    expect(await textOf(citizen, 'h1')).toBe(da['mitid.unknown.title']);
    expect(await textOf(citizen, 'main')).toContain('Kontakt din støtteperson');
    await checkPage(citizen, 'mitid-unknown');
    await citizen.goto('/borger');
    expect(pathOf(citizen)).toBe('/log-ind');
  });
});
