import { sql } from 'kysely';
import { asDba } from '../setup/dba.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../src/db/client.ts';
import { message } from '../../src/i18n/index.ts';
import { AARHUS, actorOf, createStaffUser, HALSNAES, loginAs } from '../setup/actors.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The audit log (spec: Audit log): every change is written, hash-chained per municipality;
// the database refuses to change or remove an event; and `verifyAuditChains` finds the first broken link
// when someone with more rights than the app (a DBA) changes one anyway.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

function chainEvents(chain: number) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('audit_event').selectAll().where('chain', '=', chain).orderBy('seq').execute(),
  );
}

describe('the audit log', () => {
  it('has written the demo data: one chain per municipality and the national chain', async () => {
    const report = await t.services.system.verifyAuditChains();
    // The demo's money goes through the services, one event per vendor, posting and request step (and
    // Kolding's voucher, issued at its approval).
    const money = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['chain', 'action'])
        .where((eb) =>
          eb.or([
            eb('action', 'like', 'vendor.%'),
            eb('action', 'like', 'ledger.%'),
            eb('action', 'like', 'purchase.%'),
            eb('action', 'like', 'voucher.%'),
            eb('action', 'like', 'questionnaire.%'),
          ]),
        )
        .execute(),
    );
    expect(new Set(money.map((e) => e.chain))).toEqual(new Set([AARHUS, 250, 621, 350]));
    // Aarhus 1 programme + 5 users + 5 demo cases, Halsnæs 1 + 4 + 4, Kolding 1 + 5 + 3, Lejre 1 + 4 + 3,
    // national 1 evaluator; then the money and the questionnaires; then two citizens' portal log-ins
    // (Aarhus and Kolding: account, code, activation and log-in, 4 events each).
    const citizenLogins = 2 * 4;
    expect(report).toEqual({
      chains: 5,
      events: 11 + 9 + 9 + 8 + 1 + money.length + citizenLogins,
      firstBreak: null,
    });
    const aarhus = await chainEvents(AARHUS);
    expect(aarhus.slice(0, 11).map((e) => e.action)).toEqual([
      'programme.create',
      ...Array<string>(5).fill('user.create'),
      ...Array<string>(5).fill('demo.createCase'),
    ]);
    expect(aarhus.slice(11, 15).map((e) => e.action)).toEqual(Array<string>(4).fill('vendor.create'));
  });

  it('records every change of a realistic session, in order, and the chain stays whole', async () => {
    const before = (await chainEvents(AARHUS)).length;
    const admin = await loginAs(t, 'admin');
    t.clock.advance(60_000);
    const staff = await createStaffUser(t, admin.actor, { role: 'support' });
    const staffSession = await t.services.auth.login(
      { email: staff.email, password: staff.password },
      '192.0.2.3',
    );
    await t.services.users.issueResetCode(admin.actor, staff.user.id);
    await t.services.users.deactivate(admin.actor, staff.user.id);
    const coordinator = await actorOf(t, 'coordinator');
    const [programme] = await t.services.programmes.list(coordinator);
    if (!programme) throw new Error('no programme');
    await t.services.programmes.updateSettings(
      coordinator,
      programme.id,
      programmeInput(programme, { durationMonths: '18' }),
    );
    await t.services.auth.logout(admin.token, admin.actor);
    // Refused changes write nothing.
    await t.services.programmes
      .updateSettings(coordinator, programme.id, programmeInput(programme, { durationMonths: 'x' }))
      .catch(() => undefined);
    await t.services.users.deactivate(admin.actor, admin.actor.userId).catch(() => undefined);

    const events = (await chainEvents(AARHUS)).slice(before);
    expect(events.map((e) => [e.action, e.actor_role, e.entity_id])).toEqual([
      ['session.login', 'admin', admin.actor.userId],
      ['user.create', 'admin', staff.user.id],
      ['user.setPassword', null, staff.user.id],
      ['session.login', 'support', staff.user.id],
      ['user.issueResetCode', 'admin', staff.user.id],
      ['user.deactivate', 'admin', staff.user.id],
      ['session.login', 'coordinator', coordinator.userId],
      ['programme.updateSettings', 'coordinator', programme.id],
      ['session.logout', 'admin', admin.actor.userId],
    ]);
    expect(staffSession.actor.userId).toBe(staff.user.id);
    // Contiguous numbers, each event linked to the one before.
    const all = await chainEvents(AARHUS);
    all.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.municipality_id).toBe(AARHUS);
      if (i > 0) expect(e.prev_hash).toBe(all[i - 1]?.hash);
    });
    expect(events.find((e) => e.action === 'user.deactivate')).toMatchObject({
      before: { active: true },
      after: { active: false },
    });
    // The one-time code and the password are never in the log.
    expect(JSON.stringify(events)).not.toContain(staff.password);
    expect(JSON.stringify(events)).not.toContain(staff.code);
    expect(await t.services.system.verifyAuditChains()).toMatchObject({ chains: 5, firstBreak: null });
  });

  it('keeps the chains of municipalities apart', async () => {
    await loginAs(t, 'coordinator', HALSNAES);
    const halsnaes = await chainEvents(HALSNAES);
    expect(halsnaes.at(-1)).toMatchObject({
      action: 'session.login',
      municipality_id: HALSNAES,
      seq: halsnaes.length,
    });
    expect((await loginAs(t, 'evaluator')).actor.municipalityId).toBeNull();
    expect((await chainEvents(0)).at(-1)).toMatchObject({ action: 'session.login', municipality_id: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of an event', async () => {
    const update = t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.updateTable('audit_event').set({ action: 'user.nothing' }).where('seq', '=', 1).execute(),
    );
    await expect(update).rejects.toThrow('audit_event is append-only: UPDATE refused');
    const remove = t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.deleteFrom('audit_event').where('seq', '=', 1).execute(),
    );
    await expect(remove).rejects.toThrow('audit_event is append-only: DELETE refused');
    // PGlite's app role has no TRUNCATE grant at all; on PostgreSQL the owner may, and the trigger refuses.
    const truncate = t.database.transaction('all', (tx) => sql`truncate audit_event`.execute(tx));
    await expect(truncate).rejects.toThrow(
      t.database.kind === 'pglite'
        ? 'permission denied for table audit_event'
        : 'audit_event is append-only: TRUNCATE refused',
    );
    expect(await t.services.system.verifyAuditChains()).toMatchObject({ firstBreak: null });
  });

  it('reports the first broken link when a DBA changes an event', async () => {
    const before = await t.services.system.verifyAuditChains();
    await asDba(
      t.database,
      `update audit_event set after = jsonb_set(after, '{role}', '"admin"') where chain = ${AARHUS} and seq = 3`,
    );
    const report = await t.services.system.verifyAuditChains();
    expect(report.firstBreak).toEqual({
      chain: AARHUS,
      seq: 3,
      reason: message('cli.check.reason.contentChanged'),
    });
    // The chains before Aarhus (0, 250, 350, 621) were read in full, then Aarhus up to the break.
    expect(report.chains).toBe(before.chains);
    // The app is back to its unprivileged role afterwards.
    const role = await sql<{ user: string }>`select current_user as user`.execute(t.database.db);
    expect(role.rows[0]?.user).toBe(t.url ? new URL(t.url).username : APP_ROLE);
  });

  it('reports a removed event as missing', async () => {
    await asDba(t.database, `delete from audit_event where chain = ${HALSNAES} and seq = 2`);
    // Halsnæs (250) comes before Aarhus (751), so its break is now the first.
    expect((await t.services.system.verifyAuditChains()).firstBreak).toEqual({
      chain: HALSNAES,
      seq: 3,
      reason: message('cli.check.reason.missingEvent', { seq: 2 }),
    });
  });
});
