import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import { ore } from '../../src/domain/money.ts';
import type { Actor } from '../../src/services/context.ts';
import type { Programme } from '../../src/services/cases/programme.service.ts';
import { AARHUS, actorOf, HALSNAES } from '../setup/actors.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { danishFields } from '../setup/messages.ts';

// The programme's rules (spec: Programme rules): the coordinator views and changes them; bad input is
// refused field by field and changes nothing; other roles and other municipalities get "not found".

let t: TestContext;
let coordinator: Actor;
let programme: Programme;
let halsnaesProgramme: Programme;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await actorOf(t, 'coordinator', AARHUS);
  [programme] = (await t.services.programmes.list(coordinator)) as [Programme];
  [halsnaesProgramme] = (await t.services.programmes.list(await actorOf(t, 'coordinator', HALSNAES))) as [
    Programme,
  ];
});
afterAll(() => t.close());

/** The stored row itself, read past the service, to prove a refused change wrote nothing. */
function storedRow(id: string) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('programme').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

function auditCount() {
  return t.database.transaction(
    'all',
    async (tx) => (await tx.selectFrom('audit_event').select('id').execute()).length,
  );
}

describe('viewing the programme', () => {
  it('shows the coordinator their municipality’s one programme with the demo rules', async () => {
    expect(programme).toMatchObject({
      municipalityId: AARHUS,
      name: 'Personlige borgerstyrede budgetter 2026–2027',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      pool: 25 * 50_000_00,
      rules: {
        maxGrant: 50_000_00,
        durationMonths: 12,
        maxLeadInMonths: 6,
        singleApprovalLimit: 5_000_00,
        directTransfer: { enabled: false, maxPerTransfer: 0, maxTotal: 0 },
        accountString: '751-5.38.50-BORGERBUDGET',
      },
    });
    expect(await t.services.programmes.get(coordinator, programme.id)).toEqual(programme);
    expect(await t.services.programmes.getForEdit(coordinator, programme.id)).toEqual(programme);
  });

  it.each(['support', 'finance'] as const)('lets a %s read it but not open it for editing', async (role) => {
    const actor = await actorOf(t, role);
    expect(await t.services.programmes.get(actor, programme.id)).toEqual(programme);
    await expect(t.services.programmes.getForEdit(actor, programme.id)).rejects.toThrow(NotFound);
  });

  it.each(['admin', 'evaluator'] as const)('answers a %s with NotFound', async (role) => {
    const actor = await actorOf(t, role);
    await expect(t.services.programmes.list(actor)).rejects.toThrow(NotFound);
    await expect(t.services.programmes.get(actor, programme.id)).rejects.toThrow(NotFound);
  });

  it("answers another municipality's, an unknown and a malformed id with NotFound", async () => {
    for (const id of [halsnaesProgramme.id, '00000000-0000-4000-8000-000000000000', 'abc', '']) {
      await expect(t.services.programmes.get(coordinator, id)).rejects.toThrow(NotFound);
    }
  });
});

describe('changing the rules', () => {
  it('saves valid settings, stamps the time and audits before and after', async () => {
    t.clock.advance(60_000);
    const input = programmeInput(programme, {
      maxGrantKr: '40000',
      singleApprovalLimitKr: '2500,50',
      durationMonths: '15',
      directTransferEnabled: 'on',
      directTransferMaxPerKr: '1000',
      directTransferMaxTotalKr: '10000',
      citizenSeesAmount: null,
      'categoryRules.debt.rule': 'not_allowed',
    });
    const saved = await t.services.programmes.updateSettings(coordinator, programme.id, input);
    const expected: Programme = {
      ...programme,
      updatedAt: t.clock.now(),
      rules: {
        ...programme.rules,
        maxGrant: ore(40_000_00),
        singleApprovalLimit: ore(2_500_50),
        durationMonths: 15,
        citizenSeesAmount: false,
        directTransfer: { enabled: true, maxPerTransfer: ore(1_000_00), maxTotal: ore(10_000_00) },
        categoryRules: {
          ...programme.rules.categoryRules,
          debt: { ...programme.rules.categoryRules.debt, rule: 'not_allowed' },
        },
      },
    };
    expect(saved).toEqual(expected);
    expect(await t.services.programmes.get(coordinator, programme.id)).toEqual(expected);

    const event = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow(),
    );
    expect(event).toMatchObject({
      municipality_id: AARHUS,
      action: 'programme.updateSettings',
      entity_type: 'programme',
      entity_id: programme.id,
      actor_user_id: coordinator.userId,
      actor_role: 'coordinator',
      occurred_at: t.clock.now(),
    });
    expect(event.before).toMatchObject({ rules: { maxGrant: 50_000_00, durationMonths: 12 } });
    expect(event.after).toMatchObject({ rules: { maxGrant: 40_000_00, durationMonths: 15 } });
    programme = expected;
  });

  const invalid: [string, Record<string, string | null>, string[]][] = [
    ['a grant above 50,000 kr.', { maxGrantKr: '60000' }, ['maxGrantKr']],
    ['an approval limit above the grant', { singleApprovalLimitKr: '45000' }, ['singleApprovalLimitKr']],
    ['a duration that is not a number', { durationMonths: 'abc' }, ['durationMonths']],
    [
      'a duration out of range',
      { durationMonths: '37', maxLeadInMonths: '-1' },
      ['durationMonths', 'maxLeadInMonths'],
    ],
    [
      'direct transfer switched on with a limit of 0 kr.',
      { directTransferEnabled: 'on', directTransferMaxPerKr: '0', directTransferMaxTotalKr: '0' },
      ['directTransferMaxPerKr'],
    ],
    [
      'a total transfer limit under the per-transfer limit',
      { directTransferMaxTotalKr: '500' },
      ['directTransferMaxTotalKr'],
    ],
    [
      'amounts written wrongly',
      { poolKr: '2.50', maxGrantKr: '-5', singleApprovalLimitKr: '1,234' },
      ['poolKr', 'maxGrantKr', 'singleApprovalLimitKr'],
    ],
    ['a missing name and a bad date', { name: ' ', periodStart: '31.2.2026' }, ['name', 'periodStart']],
    ['an end before the start', { periodStart: '2027-01-01', periodEnd: '2026-01-01' }, ['periodEnd']],
    ['an unknown unused-funds rule', { unusedFunds: 'spend_it_all' }, ['unusedFunds']],
    ['an unknown category rule', { 'categoryRules.debt.rule': 'maybe' }, ['categoryRules.debt.rule']],
    [
      'a missing category',
      { 'categoryRules.debt.rule': null, 'categoryRules.debt.guideline': null },
      ['categoryRules.debt'],
    ],
  ];

  it.each(invalid)('refuses %s with field errors and changes nothing', async (_what, overrides, fields) => {
    const before = await storedRow(programme.id);
    const events = await auditCount();
    const error = await t.services.programmes
      .updateSettings(coordinator, programme.id, programmeInput(programme, overrides))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).fields).sort()).toEqual([...fields].sort());
    for (const message of Object.values(danishFields((error as ValidationFailed).fields)))
      expect(message).toMatch(/\S/);
    expect(await storedRow(programme.id)).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('gives plain Danish messages', async () => {
    const error = (await t.services.programmes
      .updateSettings(
        coordinator,
        programme.id,
        programmeInput(programme, { maxGrantKr: '60000', durationMonths: 'abc' }),
      )
      .catch((e: unknown) => e)) as ValidationFailed;
    expect(danishFields(error.fields)).toEqual({ durationMonths: 'Varigheden skal være et helt tal.' });
    const error2 = (await t.services.programmes
      .updateSettings(coordinator, programme.id, programmeInput(programme, { maxGrantKr: '60000' }))
      .catch((e: unknown) => e)) as ValidationFailed;
    expect(danishFields(error2.fields)).toEqual({
      maxGrantKr: 'Det højeste budget kan højst være 50.000 kr.',
    });
  });

  it.each(['support', 'finance', 'admin', 'evaluator'] as const)(
    'answers a %s who tries to change the rules with NotFound, and changes nothing',
    async (role) => {
      const actor = await actorOf(t, role);
      const before = await storedRow(programme.id);
      await expect(
        t.services.programmes.updateSettings(
          actor,
          programme.id,
          programmeInput(programme, { durationMonths: '20' }),
        ),
      ).rejects.toThrow(NotFound);
      expect(await storedRow(programme.id)).toEqual(before);
    },
  );

  it("answers a change to another municipality's programme with NotFound, and changes nothing", async () => {
    const before = await storedRow(halsnaesProgramme.id);
    const events = await auditCount();
    await expect(
      t.services.programmes.updateSettings(
        coordinator,
        halsnaesProgramme.id,
        programmeInput(halsnaesProgramme),
      ),
    ).rejects.toThrow(NotFound);
    expect(await storedRow(halsnaesProgramme.id)).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('answers unknown and malformed ids with NotFound', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'abc', '1 or 1=1']) {
      await expect(
        t.services.programmes.updateSettings(coordinator, id, programmeInput(programme)),
      ).rejects.toThrow(NotFound);
    }
  });
});
