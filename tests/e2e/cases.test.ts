import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CASE_PHASE_LABELS } from '../../src/domain/case-lifecycle.ts';
import { MAX_SUB_GOALS } from '../../src/domain/plan.ts';
import { DEMO_MUNICIPALITIES, demoEmail } from '../../src/services/demo/demo-organisation.ts';
import { da } from '../../src/i18n/da.ts';
import { testCpr } from '../factories/case-factory.ts';
import {
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
import { checkPage } from './page-checks.ts';

// From referral to start in a browser (spec: Phases): the coordinator refers a citizen, screens the
// referral and assigns a support person; the support person records the conditions, writes the plan and
// starts the case. A sixth sub-goal is refused with the domain's message; another municipality's citizen
// and case stay hidden.

const SIXTH_SUB_GOAL = `Et forløb kan højst have ${MAX_SUB_GOALS} delmål. Et fravalgt delmål tæller ikke med.`;
const HALSNAES = DEMO_MUNICIPALITIES.find((m) => m.id === 250);

async function phaseOf(page: Page): Promise<string> {
  return textOf(page, 'main h1 + p .badge');
}

/** The referral in three steps, from the CPR search to the case page. */
async function refer(page: Page, cpr: string, name: string): Promise<void> {
  await page.goto('/forloeb/ny');
  await page.fill('#cpr', cpr);
  await submit(page, da['referral.find.submit']);
  expect(await textOf(page, 'h1')).toBe(da['referral.register.title']);
  await page.fill('#name', name);
  await submit(page, da['referral.register.submit']);
  expect(await textOf(page, 'h1')).toBe(da['referral.refer.title']);
}

describe.skipIf(!hasChromium)('cases from referral to an active case with a plan', () => {
  const e2e = useE2e();

  it('takes a citizen from referral to an active, planned case', async () => {
    const cpr = testCpr();
    const citizen = 'Lærke Bundgaard';
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    await clickAndWait(
      coordinator,
      coordinator.locator('.navigation-menu').getByRole('link', { name: da['nav.overview'] }),
    );
    expect(await textOf(coordinator, 'h1')).toBe(da['cases.overview.title']);
    await checkPage(coordinator, 'cases-overview');

    // Step 1 refuses a malformed CPR number with the error summary, keeping what was typed.
    await coordinator.goto('/forloeb/ny');
    await coordinator.fill('#cpr', '12345');
    await submit(coordinator, da['referral.find.submit']);
    expect((await errorSummary(coordinator)).links.map(([href]) => href)).toEqual(['#cpr']);
    expect(await coordinator.inputValue('#cpr')).toBe('12345');
    await checkPage(coordinator, 'referral-find-error');

    await refer(coordinator, cpr, citizen);
    // The CPR number is shown masked, and never in an address.
    const masked = `${cpr.slice(0, 6)}-XXXX`;
    expect(await coordinator.content()).toContain(masked);
    expect(await coordinator.content()).not.toContain(cpr.slice(7));
    expect(coordinator.url()).not.toContain(cpr.slice(0, 6));
    await checkPage(coordinator, 'referral-refer');
    await coordinator.selectOption('#source', 'street_team');
    await coordinator.fill('#reason', 'Sover ude og ønsker en ny start.');
    await submit(coordinator, da['referral.refer.submit']);
    expect(pathOf(coordinator)).toMatch(/^\/forloeb\/[0-9a-f-]{36}$/);
    const casePath = pathOf(coordinator);
    expect(await phaseOf(coordinator)).toBe(da[CASE_PHASE_LABELS.referred]);
    await checkPage(coordinator, 'case-referred');

    await submit(coordinator, da['case.action.startScreening']);
    // A decision without a choice is refused; the reason typed is kept.
    await coordinator.fill('#screening-reason', 'Borgeren er i målgruppen og motiveret.');
    await submit(coordinator, da['case.action.saveDecision']);
    expect((await errorSummary(coordinator)).links).toEqual([
      ['#screening-decision', da['case.action.decisionRequired']],
    ]);
    expect(await coordinator.inputValue('#screening-reason')).toBe('Borgeren er i målgruppen og motiveret.');
    await checkPage(coordinator, 'case-screening-error');
    await coordinator.check('#screening-decision');
    await submit(coordinator, da['case.action.saveDecision']);
    expect(await phaseOf(coordinator)).toBe(da[CASE_PHASE_LABELS.lead_in]);

    await clickAndWait(coordinator, coordinator.getByRole('link', { name: da['case.action.assign'] }));
    await checkPage(coordinator, 'case-assign-support');
    await coordinator.selectOption('#supportUserId', { label: SUPPORT.name });
    await submit(coordinator, da['case.action.assign']);
    expect(pathOf(coordinator)).toBe(casePath);
    expect(await coordinator.content()).toContain(SUPPORT.name);

    // The support person finds the citizen in their caseload.
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    await clickAndWait(
      support,
      support.locator('.navigation-menu').getByRole('link', { name: da['nav.cases'] }),
    );
    await checkPage(support, 'caseload');
    await clickAndWait(support, support.getByRole('link', { name: citizen }));
    expect(pathOf(support)).toBe(casePath);

    await clickAndWait(support, support.getByRole('link', { name: da['case.conditions.print'] }).first());
    expect(await textOf(support, 'main ol li')).not.toBe('');
    await checkPage(support, 'case-conditions');
    await support.goBack();
    await support.check('#ack-method');
    await submit(support, da['case.action.acknowledge']);
    expect(await support.content()).not.toContain(da['case.conditions.missing']);

    await clickAndWait(support, support.getByRole('link', { name: da['case.plan.link'] }));
    await support.fill('#dream-dream', 'Jeg drømmer om mit eget sted og om at male igen.');
    await submit(support, da['plan.dream.save']);
    await support.fill('#goal-description', 'At bo i egen bolig og have en hverdag med maleriet.');
    await support.check('#goal-categories-housing');
    await support.check('#goal-categories-self_esteem_wellbeing');
    await submit(support, da['plan.goal.add']);
    expect(await support.locator('main .badge-info').count()).toBe(2);
    for (let n = 1; n <= MAX_SUB_GOALS; n++) {
      await support.fill('#subGoal-description', `Delmål ${n}`);
      await submit(support, da['plan.subGoal.add']);
    }
    expect(await textOf(support, 'main section:has(#subGoal-description) h2')).toBe(
      `Delmål (${MAX_SUB_GOALS} af højst ${MAX_SUB_GOALS})`,
    );
    await checkPage(support, 'plan-five-sub-goals');

    // A sixth is refused with the domain's message, and what was typed is still there.
    await support.fill('#subGoal-description', 'Delmål 6');
    await submit(support, da['plan.subGoal.add']);
    expect((await errorSummary(support)).links).toEqual([['#subGoal-description', SIXTH_SUB_GOAL]]);
    expect(await support.inputValue('#subGoal-description')).toBe('Delmål 6');
    await checkPage(support, 'plan-sixth-sub-goal-refused');

    await clickAndWait(support, support.getByRole('link', { name: da['plan.back'] }));
    await submit(support, da['case.action.activate']);
    expect(await phaseOf(support)).toBe(da[CASE_PHASE_LABELS.active]);
    await checkPage(support, 'case-active');

    // The intake baseline is optional and needs consent: without it nothing is saved.
    await clickAndWait(support, support.getByRole('link', { name: da['case.intake.link'] }));
    await support.check('#targetGroups');
    await submit(support, da['case.intake.save']);
    expect((await errorSummary(support)).links.map(([href]) => href)).toEqual(['#baselineConsent']);
    await checkPage(support, 'case-intake-error');
    await support.check('#baselineConsent');
    await support.selectOption('#incomeSource', 'cash_benefit');
    await submit(support, da['case.intake.save']);
    expect(await textOf(support, 'main .alert')).toBe(da['case.intake.saved']);
    expect(await support.isChecked('#targetGroups')).toBe(true);
  });

  it("keeps another municipality's citizen and case out of reach", async () => {
    if (!HALSNAES) throw new Error('The demo organisation has no Halsnæs Kommune');
    const cpr = testCpr();
    const other = await e2e.newPage();
    await loginAs(other, demoEmail(HALSNAES, 'koordinator'));
    await refer(other, cpr, 'Borger i Halsnæs');
    await other.selectOption('#source', 'self');
    await other.fill('#reason', 'Har selv spurgt.');
    await submit(other, da['referral.refer.submit']);
    const otherCase = pathOf(other);

    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    // Searching for the CPR number finds nobody: registering would be the next step.
    await coordinator.goto('/forloeb/ny');
    await coordinator.fill('#cpr', cpr);
    await submit(coordinator, da['referral.find.submit']);
    expect(await textOf(coordinator, 'h1')).toBe(da['referral.register.title']);
    const response = await coordinator.goto(otherCase);
    expect(response?.status()).toBe(404);
    expect(await textOf(coordinator, 'h1')).toBe(da['error.notFound.title']);
    await checkPage(coordinator, 'case-other-municipality');
  });
});
