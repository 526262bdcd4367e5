import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnusedFundsRule } from '../../src/domain/programme-rules.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, programmeOf } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { asDanish } from '../setup/messages.ts';

// The programme's unused-funds rule where money is approved (spec: Unused funds; domain
// purchase-request.ts checkUnusedFunds), once per setting: under `planned_subgoals_only` nothing more
// is approved once every sub-goal that was not dropped is achieved, and the request page says why;
// under `citizen_may_use_all` the citizen may spend the rest.

const MET =
  'Borgeren har nået alle sine delmål, og efter ordningens regler må resten af budgettet ikke bruges.';

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  ({ coordinator, support, finance, vendorId } = await moneyTeam(t));
});
afterAll(() => t.close());

async function useRule(unusedFunds: UnusedFundsRule): Promise<void> {
  const id = await programmeOf(t, coordinator);
  const programme = await t.services.programmes.get(coordinator, id);
  await t.services.programmes.updateSettings(coordinator, id, programmeInput(programme, { unusedFunds }));
}

/** An active case with 10,000 kr. and three sub-goals: one in progress, one planned, one dropped. */
async function caseWithPlan() {
  const { caseId } = await caseIn(t, 'active', { coordinator, support });
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '10000' });
  const subGoal = (description: string, status: string) =>
    t.services.plans.addSubGoal(support, caseId, { description, status });
  return {
    caseId,
    licence: await subGoal('Tage kørekort', 'in_progress'),
    bicycle: await subGoal('Cykle til praktik', 'planned'),
    gym: await subGoal('Gå til fitness', 'dropped'),
  };
}

const achieve = (caseId: string, subGoalId: string, description: string) =>
  t.services.plans.updateSubGoal(support, caseId, subGoalId, { description, status: 'achieved' });

async function submitted(caseId: string, subGoalId: string | null): Promise<string> {
  const id = await t.services.purchases.create(support, caseId, {
    title: 'Køretimer',
    purpose: 'Det næste skridt mod målet',
    amountKr: '1000',
    category: 'transport',
    subGoalId: subGoalId ?? '',
    vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(support, id, { how: 'in_person' });
  await t.services.purchases.submit(support, id);
  return id;
}

describe('planned_subgoals_only', () => {
  it('approves nothing more once the sub-goals are met, and the request page says why', async () => {
    await useRule('planned_subgoals_only');
    const { caseId, licence, bicycle } = await caseWithPlan();
    const early = await submitted(caseId, licence);
    await t.services.purchases.approve(support, early);
    // One sub-goal achieved, one still planned: the rest is not yet "the rest".
    await achieve(caseId, licence, 'Tage kørekort');
    await t.services.purchases.approve(support, await submitted(caseId, null));

    await achieve(caseId, bicycle, 'Cykle til praktik');
    const late = await submitted(caseId, licence);
    expect(
      asDanish(await t.services.purchases.approve(support, late).catch((e: unknown) => e)),
    ).toMatchObject({
      code: 'sub_goals_met',
      message: expect.stringContaining(MET) as string,
    });
    let overview = await t.services.budgets.overview(support, caseId, '/test');
    expect(overview.balance).toMatchObject({ reserved: 2_000_00, available: 8_000_00 });
    expect(overview.requests.find((r) => r.id === late)?.status).toBe('submitted');

    const browser = new Browser(buildApp(t.services)).useSession((await loginAs(t, 'support', AARHUS)).token);
    const page = await browser.submit(`/forloeb/${caseId}/anmodninger/${late}/godkend`, {});
    expect(page.status).toBe(409);
    expect((await page.text()).replace(/\u00a0/g, ' ')).toContain(MET);

    // What was approved before the sub-goals were met is paid as usual; a new sub-goal opens spending.
    await t.services.purchases.pay(finance, early, { reference: 'F-1' });
    const exam = await t.services.plans.addSubGoal(support, caseId, { description: 'Bestå teoriprøven' });
    await t.services.purchases.approve(support, await submitted(caseId, exam));
    overview = await t.services.budgets.overview(support, caseId, '/test');
    expect(overview.balance).toMatchObject({ reserved: 2_000_00, paid: 1_000_00, available: 7_000_00 });
  });
});

describe('citizen_may_use_all', () => {
  it('lets a citizen who met the sub-goals spend the rest', async () => {
    await useRule('citizen_may_use_all');
    const { caseId, licence, bicycle } = await caseWithPlan();
    await achieve(caseId, licence, 'Tage kørekort');
    await achieve(caseId, bicycle, 'Cykle til praktik');
    await t.services.purchases.approve(support, await submitted(caseId, null));
    await t.services.purchases.approve(support, await submitted(caseId, licence));
    const overview = await t.services.budgets.overview(support, caseId, '/test');
    expect(overview.balance).toMatchObject({ reserved: 2_000_00, available: 8_000_00 });
  });
});
