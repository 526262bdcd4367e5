import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DUE_STATUS_LABELS } from '../../src/domain/questionnaire/due.ts';
import { currentInstrument } from '../../src/domain/questionnaire/instrument.ts';
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
import { checkPage } from './page-checks.ts';

// Questionnaires in a browser (spec: Who answers; spec: Saving part-way): the support person opens the
// citizen's start questionnaire from the case page, enters part of the citizen's answers on the citizen's
// behalf and saves part-way; "save as complete" with answers missing is refused with the error summary; they
// come back, the answers are still there, they finish it, and the case page shows it answered.

const TITLE = da[currentInstrument('citizen_start').title];

const choice = (page: Page, item: string, value: string) =>
  page.locator(`input[name="answers.${item}"][value="${value}"]`);

/** The status cell of the citizen's start questionnaire in the case page's section. */
function startStatus(page: Page): Promise<string> {
  return textOf(page, `#spoergeskemaer tr:has(a[href$="/spoergeskemaer/citizen_start"]) td:nth-child(2)`);
}

describe.skipIf(!hasChromium)('the questionnaires of a case', () => {
  const e2e = useE2e();

  it('are entered on the citizen’s behalf part-way, completed later, and shown answered', async () => {
    const coordinator = await e2e.newPage();
    await loginAs(coordinator, COORDINATOR.email);
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT.email);
    const casePath = await activeCase(coordinator, support, 'Rikke Spørgsmål');

    await support.goto(casePath);
    expect(await textOf(support, '#spoergeskemaer h2')).toBe(da['questionnaires.title']);
    expect(await startStatus(support)).toBe(da[DUE_STATUS_LABELS.due]);
    await checkPage(support, 'questionnaires-case-due');

    const link = support.getByRole('link', { name: `${da['questionnaires.answer']}: ${TITLE}` });
    await clickAndWait(support, link);
    expect(pathOf(support)).toBe(`${casePath}/spoergeskemaer/citizen_start`);
    expect(await textOf(support, 'main .alert-info')).toContain(da['questionnaire.onBehalfNotice']);
    await checkPage(support, 'questionnaire-citizen-start');

    // Part-way: the goal, the distance and the first WHO-5 statement.
    await choice(support, 'goal_categories', 'education_employment').check();
    await choice(support, 'goal_categories', 'self_esteem_wellbeing').check();
    await choice(support, 'distance', 'far').check();
    await choice(support, 'who5_1', '3').check();
    await submit(support, da['questionnaire.savePartial']);
    expect(await textOf(support, 'main .alert-success')).toBe(da['questionnaire.saved']);

    // Complete with four statements unanswered: refused, with a message for each, nothing changed.
    await submit(support, da['questionnaire.saveComplete']);
    const summary = await errorSummary(support);
    expect(summary.links.map(([href]) => href)).toEqual([
      '#answers-who5_2',
      '#answers-who5_3',
      '#answers-who5_4',
      '#answers-who5_5',
    ]);
    expect(summary.links[0]?.[1]).toBe(
      'Besvar "Trivsel (WHO-5), udsagn 2" for at gemme spørgeskemaet som færdigt.',
    );
    expect(await choice(support, 'distance', 'far').isChecked()).toBe(true);
    await checkPage(support, 'questionnaire-incomplete');

    // Later: the case page says it is saved part-way; the answers are still there.
    await support.goto(casePath);
    expect(await startStatus(support)).toBe(
      `${da[DUE_STATUS_LABELS.due]} ${da['questionnaires.partway'].replace('{answered}', '3').replace('{total}', '7')}`,
    );
    await clickAndWait(support, link);
    expect(await choice(support, 'distance', 'far').isChecked()).toBe(true);
    expect(await choice(support, 'goal_categories', 'self_esteem_wellbeing').isChecked()).toBe(true);
    expect(await choice(support, 'who5_1', '3').isChecked()).toBe(true);
    for (const [item, value] of [
      ['who5_2', '2'],
      ['who5_3', '4'],
      ['who5_4', '1'],
      ['who5_5', '0'],
    ] as const) {
      await choice(support, item, value).check();
    }
    await submit(support, da['questionnaire.saveComplete']);
    expect(await textOf(support, 'main .alert-success')).toBe(da['questionnaire.completed']);
    await checkPage(support, 'questionnaire-completed');

    await support.goto(casePath);
    expect(await startStatus(support)).toBe(da[DUE_STATUS_LABELS.done]);
    await checkPage(support, 'questionnaires-case-answered');

    // The coordinator reads the answers, without a form.
    await coordinator.goto(`${casePath}/spoergeskemaer/citizen_start`);
    expect(await textOf(coordinator, 'main')).toContain(da['questionnaire.readOnly']);
    expect(await coordinator.getByRole('button', { name: da['questionnaire.saveComplete'] }).count()).toBe(0);
    await checkPage(coordinator, 'questionnaire-coordinator');
  });
});
