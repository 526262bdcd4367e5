import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { HALSNAES, caseIn, staff } from '../factories/case-factory.ts';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { danishFields } from '../setup/messages.ts';

// The support person's caseload and the coordinator's overview (spec: Next steps): phase, days left,
// next step; filters by phase and support person; lead-ins longer than the programme allows flagged.
// Halsnæs, whose demo has one support person, so the lists are small and known.

const DAY = 86_400_000;

let t: TestContext;
let coordinator: Actor;
let support: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, HALSNAES, 'koordinator');
  support = await staff(t, HALSNAES, 'stotteperson');
});
afterAll(() => t.close());

describe('the overview and the caseload', () => {
  it('flag a lead-in that has lasted longer than the programme allows, and filter', async () => {
    const waiting = await caseIn(t, 'lead_in', { coordinator, support });
    const unassigned = await caseIn(t, 'screening', { coordinator, support });
    t.clock.advance(200 * DAY); // the default maximum lead-in is six months
    try {
      const { items, countsByPhase } = await t.services.cases.overview(coordinator, {}, 'GET /oversigt');
      const mine = items.find((i) => i.id === waiting.caseId);
      expect(mine).toMatchObject({ phase: 'lead_in', leadInOverdue: true, nextStep: 'form_plan' });
      expect(countsByPhase.lead_in).toBeGreaterThanOrEqual(1);
      const overdue = await t.services.cases.overview(coordinator, { overdueOnly: 'on' }, 'GET /oversigt');
      expect(overdue.items.map((i) => i.id)).toEqual([waiting.caseId]);
      const screening = await t.services.cases.overview(coordinator, { phase: 'screening' }, 'GET /oversigt');
      expect(screening.items.map((i) => i.id)).toContain(unassigned.caseId);
      expect(screening.items.every((i) => i.phase === 'screening')).toBe(true);
      const nobody = await t.services.cases.overview(coordinator, { supportUserId: 'none' }, 'GET /oversigt');
      expect(nobody.items.every((i) => i.support === null)).toBe(true);
      expect(nobody.items.map((i) => i.id)).toContain(unassigned.caseId);
      const bySupport = await t.services.cases.overview(
        coordinator,
        { supportUserId: support.userId },
        'GET /oversigt',
      );
      expect(bySupport.items.every((i) => i.support?.userId === support.userId)).toBe(true);
      const unknown = await t.services.cases.overview(coordinator, { supportUserId: 'x' }, 'GET /oversigt');
      expect(unknown.items).toEqual([]);
      const badPhase = t.services.cases.overview(coordinator, { phase: 'sleeping' }, 'GET /oversigt');
      const refused = (await badPhase.catch((e: unknown) => e)) as ValidationFailed;
      expect(danishFields(refused.fields)).toMatchObject({ phase: 'Vælg en fase fra listen.' });
    } finally {
      t.clock.advance(-200 * DAY);
    }
  });

  it('show the support person their own open cases with days left and the next step', async () => {
    const active = await caseIn(t, 'active', { coordinator, support });
    await t.services.plans.addSubGoal(support, active.caseId, { description: 'Første skridt' });
    const closed = await caseIn(t, 'active', { coordinator, support });
    await t.services.cases.complete(support, closed.caseId, {});
    const { items: caseload } = await t.services.cases.caseload(support, {}, 'GET /mine-forloeb');
    expect(caseload.find((c) => c.id === active.caseId)).toMatchObject({
      phase: 'active',
      daysLeft: 365,
      endDate: '2027-03-02',
      nextStep: 'follow_up',
      support: { userId: support.userId },
    });
    expect(caseload.map((c) => c.id)).not.toContain(closed.caseId);
    expect(caseload.every((c) => c.support?.userId === support.userId)).toBe(true);
    const { items: withClosed } = await t.services.cases.caseload(
      support,
      { includeClosed: true },
      'GET /mine-forloeb',
    );
    expect(withClosed.find((c) => c.id === closed.caseId)).toMatchObject({
      phase: 'closed',
      closeOutcome: 'completed',
      daysLeft: null,
    });
  });

  it('print the conditions from the programme’s rules, with the acknowledgement once recorded', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const before = await t.services.cases.conditions(support, caseId, 'GET /forloeb/:id/betingelser');
    expect(before.acknowledgement).toBeNull();
    expect(before.conditions.map((c) => c.code)).toContain('no_cash');
    await t.services.cases.acknowledgeConditions(support, caseId, { method: 'on_paper', date: '2026-03-02' });
    const after = await t.services.cases.conditions(support, caseId, 'GET /forloeb/:id/betingelser');
    expect(after.acknowledgement).toEqual({
      acknowledgedOn: '2026-03-02',
      method: 'on_paper',
      recordedBy: support.name,
    });
  });
});
