import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { danishFields } from '../setup/messages.ts';

// Follow-up notes (spec: Follow-up notes): dated, by the support person or a coordinator, shared with the
// citizen unless marked internal — and an internal note is never shown to the citizen.

let t: TestContext;
let coordinator: Actor;
let support: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
});
afterAll(() => t.close());

/** The citizen's own portal log-in, made directly in the database: a citizen user linked to them. */
async function portalActor(citizenId: string, n: number): Promise<Actor> {
  const user = await t.database.transaction('all', async (tx) => {
    const row = await tx
      .insertInto('app_user')
      .values({
        municipality_id: AARHUS,
        email: `borger${n}@borger.example`,
        name: 'Borger',
        role: 'citizen',
        password_hash: null,
        reset_code_hash: null,
        reset_code_expires_at: null,
        deactivated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('citizen').set({ user_id: row.id }).where('id', '=', citizenId).execute();
    return row;
  });
  return {
    userId: user.id,
    role: 'citizen',
    municipalityId: AARHUS,
    municipalityName: 'Aarhus Kommune',
    name: 'Borger',
    email: `borger${n}@borger.example`,
  };
}

describe('follow-up notes', () => {
  it('are shared with the citizen unless internal', async () => {
    const { caseId, citizenId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.notes.add(support, caseId, { body: 'Vi har købt cyklen.', writtenOn: '2026-03-02' });
    t.clock.advance(60_000);
    await t.services.notes.add(support, caseId, { body: 'Bekymret for boligen.', internal: 'on' });
    t.clock.advance(60_000);
    await t.services.notes.add(coordinator, caseId, { body: 'Godt forløb indtil nu.', internal: false });

    const staffView = await t.services.notes.list(support, caseId, 'GET /forloeb/:id/opfoelgning');
    expect(staffView.map((n) => [n.body, n.internal, n.author.role])).toEqual([
      ['Godt forløb indtil nu.', false, 'coordinator'],
      ['Bekymret for boligen.', true, 'support'],
      ['Vi har købt cyklen.', false, 'support'],
    ]);

    const citizen = await portalActor(citizenId, 1);
    const own = await t.services.notes.list(citizen, caseId, 'GET /mit-forloeb/opfoelgning');
    expect(own.map((n) => n.body)).toEqual(['Godt forløb indtil nu.', 'Vi har købt cyklen.']);
    // The citizen may read, never write, and never another citizen's case.
    await expect(t.services.notes.add(citizen, caseId, { body: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const other = await caseIn(t, 'active', { coordinator, support });
    await expect(t.services.notes.list(citizen, other.caseId, 'GET /test')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.services.cases.detail(citizen, caseId, 'GET /test')).rejects.toMatchObject({
      code: 'not_found',
    });

    // Staff reads are logged; the citizen's reading of their own notes is not.
    const logged = await t.database.transaction('all', (tx) =>
      tx.selectFrom('access_log').select(['user_role', 'purpose']).where('case_id', '=', caseId).execute(),
    );
    expect(logged).toEqual([{ user_role: 'support', purpose: 'GET /forloeb/:id/opfoelgning' }]);
  });

  it('keep their words out of the audit log, which says who wrote one, when and how shared', async () => {
    const { caseId } = await caseIn(t, 'lead_in', { coordinator, support });
    const id = await t.services.notes.add(support, caseId, {
      body: 'Meget personlig oplysning.',
      internal: true,
    });
    const audit = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id', 'after'])
        .where('entity_id', '=', id)
        .execute(),
    );
    expect(audit).toEqual([
      {
        action: 'note.write',
        actor_user_id: support.userId,
        after: { caseId, writtenOn: '2026-03-02', internal: true },
      },
    ]);
  });

  it('are dated between the referral and today, and not written on a closed case', async () => {
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const refusal = async (input: object) =>
      danishFields(
        ((await t.services.notes.add(support, caseId, input).catch((e: unknown) => e)) as ValidationFailed)
          .fields,
      );
    expect(await refusal({ body: 'x', writtenOn: '2026-03-03' })).toMatchObject({
      writtenOn: 'Datoen kan ikke ligge efter i dag.',
    });
    expect(await refusal({ body: 'x', writtenOn: '2025-01-01' })).toMatchObject({
      writtenOn: 'Datoen kan ikke ligge før henvisningen.',
    });
    expect(await refusal({ body: '   ' })).toMatchObject({ body: 'Skriv opfølgningen.' });
    await t.services.cases.complete(support, caseId, {});
    await expect(t.services.notes.add(support, caseId, { body: 'x' })).rejects.toMatchObject({
      code: 'case_closed',
    });
    expect(await t.services.notes.list(support, caseId, 'GET /test')).toEqual([]);
  });
});
