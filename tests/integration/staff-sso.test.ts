import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import type { StaffIssuer, StaffSignIn } from '../../src/services/access/staff-sso-sign-in.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, actorOf, createStaffUser, HALSNAES, loginAs } from '../setup/actors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The municipality's own log-in for staff, at the service
// (spec: Staff log-in with the municipality's log-in): the identity here is what the relying party hands on after checking the ID token; the flow
// through a real issuer is in staff-sso-http.test.ts.

let t: TestContext;
let admin: Actor;
let halsnaesAdmin: Actor;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  admin = await actorOf(t, 'admin', AARHUS);
  halsnaesAdmin = await actorOf(t, 'admin', HALSNAES);
  await t.services.staffSso.updateSettings(admin, { enabled: 'on', claimValue: TENANT });
  await t.services.staffSso.setGroupRole(admin, { group: 'bb-stotte', role: 'support' });
  await t.services.staffSso.setGroupRole(admin, { group: 'bb-koordinator', role: 'coordinator' });
});
afterAll(() => t.close());

const TENANT = '6f1c2a8e-0000-4000-8000-aarhus000751';
const ISSUER = 'https://login.kommune.example/v2.0';
const STAFF: StaffIssuer = { municipalityClaim: 'tid', groupsClaim: 'groups', assurance: 'substantial' };
let subjects = 0;

function claims(over: Record<string, unknown> = {}) {
  const n = ++subjects;
  return {
    iss: ISSUER,
    sub: `subject-${n}`,
    sid: `sid-${n}`,
    tid: TENANT,
    name: `Medarbejder ${n}`,
    email: `sso${n}@aarhus.example`,
    groups: ['bb-stotte', 'alle-ansatte'],
    ...over,
  };
}

function signedIn(result: StaffSignIn) {
  if (result.kind !== 'signedIn') throw new Error(`refused: ${result.reason}`);
  return result;
}

async function userRow(id: string) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

async function userCount(): Promise<number> {
  return t.database.transaction(
    'all',
    async (tx) => (await tx.selectFrom('app_user').select('id').execute()).length,
  );
}

async function isLoggedIn(token: string): Promise<boolean> {
  return (await t.services.auth.authenticate(token)) !== null;
}

describe("signing in with the municipality's log-in", () => {
  it('makes the user at the first log-in, without a password, with the role their group maps to', async () => {
    const c = claims();
    const { token, actor } = signedIn(await t.services.staffSso.signIn(c, STAFF));
    expect(actor).toMatchObject({
      role: 'support',
      municipalityId: AARHUS,
      name: c.name,
      email: c.email,
      signIn: { method: 'municipal_sso', assurance: 'substantial' },
    });
    const row = await userRow(actor.userId);
    expect(row).toMatchObject({
      password_hash: null,
      external_issuer: ISSUER,
      external_subject: c.sub,
      external_groups: ['bb-stotte', 'alle-ansatte'],
      active: true,
    });
    const session = await t.database.transaction('all', (tx) =>
      tx.selectFrom('user_session').selectAll().where('user_id', '=', actor.userId).executeTakeFirstOrThrow(),
    );
    expect(session).toMatchObject({
      method: 'municipal_sso',
      assurance: 'substantial',
      issuer_session: c.sid,
    });
    expect(await isLoggedIn(token)).toBe(true);
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'after'])
        .where('entity_id', '=', actor.userId)
        .execute(),
    );
    expect(events.map((e) => e.action)).toEqual(['user.create', 'session.login']);
    expect(events[0]?.after).toMatchObject({ role: 'support', source: 'municipal_sso' });
  });

  it('finds the same user again by issuer and subject and takes their new name, e-mail and role', async () => {
    const c = claims();
    const first = signedIn(await t.services.staffSso.signIn(c, STAFF));
    const before = await userCount();
    const again = signedIn(
      await t.services.staffSso.signIn(
        { ...c, name: 'Nyt Navn', email: 'NYT.NAVN@aarhus.example', groups: ['bb-koordinator'] },
        STAFF,
      ),
    );
    expect(again.actor).toMatchObject({ userId: first.actor.userId, role: 'coordinator', name: 'Nyt Navn' });
    expect(again.actor.email).toBe('nyt.navn@aarhus.example');
    expect(await userCount()).toBe(before);
    // The new role ends the session started with the old one.
    expect(await isLoggedIn(first.token)).toBe(false);
    expect(await isLoggedIn(again.token)).toBe(true);
  });

  it('takes the name from the given and family names, and the e-mail from preferred_username', async () => {
    const c = claims({ name: undefined, given_name: 'Anne', family_name: 'Berg', email: undefined });
    const { actor } = signedIn(
      await t.services.staffSso.signIn({ ...c, preferred_username: 'Anne.Berg@aarhus.example' }, STAFF),
    );
    expect(actor).toMatchObject({ name: 'Anne Berg', email: 'anne.berg@aarhus.example' });
  });

  it('refuses an unknown or switched-off municipality value, and a log-in without one, and makes nothing', async () => {
    const before = await userCount();
    for (const tid of ['some-other-tenant', undefined, '']) {
      expect(await t.services.staffSso.signIn(claims({ tid }), STAFF)).toEqual({
        kind: 'refused',
        reason: 'noMunicipality',
      });
    }
    // Halsnæs has not switched it on, even with a value.
    await t.services.staffSso.updateSettings(halsnaesAdmin, { claimValue: 'halsnaes-tenant' });
    expect(await t.services.staffSso.signIn(claims({ tid: 'halsnaes-tenant' }), STAFF)).toEqual({
      kind: 'refused',
      reason: 'noMunicipality',
    });
    expect(await userCount()).toBe(before);
  });

  it('refuses groups that give no role, or two different roles, and makes nothing', async () => {
    const before = await userCount();
    expect(await t.services.staffSso.signIn(claims({ groups: ['alle-ansatte'] }), STAFF)).toEqual({
      kind: 'refused',
      reason: 'noRole',
    });
    expect(await t.services.staffSso.signIn(claims({ groups: undefined }), STAFF)).toEqual({
      kind: 'refused',
      reason: 'noRole',
    });
    expect(
      await t.services.staffSso.signIn(claims({ groups: ['bb-stotte', 'bb-koordinator'] }), STAFF),
    ).toEqual({ kind: 'refused', reason: 'severalRoles' });
    expect(await t.services.staffSso.signIn(claims({ email: undefined }), STAFF)).toEqual({
      kind: 'refused',
      reason: 'noEmail',
    });
    expect(await userCount()).toBe(before);
  });

  it('deactivates a known user whose groups no longer give a role, and ends their sessions', async () => {
    const c = claims();
    const first = signedIn(await t.services.staffSso.signIn(c, STAFF));
    expect(await t.services.staffSso.signIn({ ...c, groups: [] }, STAFF)).toEqual({
      kind: 'refused',
      reason: 'noRole',
    });
    expect(await isLoggedIn(first.token)).toBe(false);
    expect(await userRow(first.actor.userId)).toMatchObject({ active: false, external_role_lost: true });
    // A group with a role again: active again, the same user.
    const back = signedIn(await t.services.staffSso.signIn(c, STAFF));
    expect(back.actor.userId).toBe(first.actor.userId);
    expect(await userRow(first.actor.userId)).toMatchObject({ active: true, external_role_lost: false });
  });

  it('refuses a user the administrator deactivated, whatever their groups', async () => {
    const c = claims();
    const { actor } = signedIn(await t.services.staffSso.signIn(c, STAFF));
    await t.services.users.deactivate(admin, actor.userId);
    expect(await t.services.staffSso.signIn(c, STAFF)).toEqual({ kind: 'refused', reason: 'deactivated' });
  });

  it("takes over the municipality's local account with the same e-mail, and drops its password", async () => {
    const local = await createStaffUser(t, admin, { role: 'finance' });
    const { actor } = signedIn(await t.services.staffSso.signIn(claims({ email: local.email }), STAFF));
    expect(actor).toMatchObject({ userId: local.user.id, role: 'support' });
    expect(await userRow(local.user.id)).toMatchObject({ password_hash: null, external_issuer: ISSUER });
    await expect(
      t.services.auth.login({ email: local.email, password: local.password }, '192.0.2.9'),
    ).rejects.toThrow();
  });

  it("refuses an e-mail address another municipality's user has, and changes nothing", async () => {
    const other = await createStaffUser(t, halsnaesAdmin);
    expect(await t.services.staffSso.signIn(claims({ email: other.email }), STAFF)).toEqual({
      kind: 'refused',
      reason: 'emailTaken',
    });
    expect(await userRow(other.user.id)).toMatchObject({ external_subject: null, active: true });
  });

  it('never gives a user of the log-in a one-time code, and the user list says how they log in', async () => {
    const { actor } = signedIn(await t.services.staffSso.signIn(claims(), STAFF));
    await expect(t.services.users.issueResetCode(admin, actor.userId)).rejects.toBeInstanceOf(Conflict);
    const listed = (await t.services.users.list(admin)).find((u) => u.id === actor.userId);
    expect(listed).toMatchObject({ external: true, hasPendingCode: false });
  });
});

describe('the mapping, changed by the administrator', () => {
  it('applies at once: a group given another role changes the role and ends the sessions', async () => {
    const group = `bb-skift-${++subjects}`;
    await t.services.staffSso.setGroupRole(admin, { group, role: 'support' });
    const { token, actor } = signedIn(await t.services.staffSso.signIn(claims({ groups: [group] }), STAFF));
    await t.services.staffSso.setGroupRole(admin, { group, role: 'finance' });
    expect(await isLoggedIn(token)).toBe(false);
    expect(await userRow(actor.userId)).toMatchObject({ active: true, role: 'finance' });
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'before', 'after'])
        .where('entity_id', '=', actor.userId)
        .execute(),
    );
    expect(events.at(-1)).toEqual({
      action: 'user.ssoUpdate',
      before: { role: 'support' },
      after: { role: 'finance' },
    });
    await t.services.staffSso.removeGroupRole(admin, group);
  });

  it('applies at once: a user left without a role is deactivated, logged out, and refused until a group gives one', async () => {
    const group = `bb-fjern-${++subjects}`;
    await t.services.staffSso.setGroupRole(admin, { group, role: 'support' });
    const c = claims({ groups: [group, 'bb-andet'] });
    const first = signedIn(await t.services.staffSso.signIn(c, STAFF));
    // Another group with the same role: nothing changes for the user.
    await t.services.staffSso.setGroupRole(admin, { group: 'bb-andet', role: 'support' });
    await t.services.staffSso.removeGroupRole(admin, group);
    expect(await isLoggedIn(first.token)).toBe(true);
    await t.services.staffSso.removeGroupRole(admin, 'bb-andet');
    expect(await isLoggedIn(first.token)).toBe(false);
    expect(await userRow(first.actor.userId)).toMatchObject({ active: false, external_role_lost: true });
    expect(await t.services.staffSso.signIn(c, STAFF)).toEqual({ kind: 'refused', reason: 'noRole' });
    await t.services.staffSso.setGroupRole(admin, { group, role: 'coordinator' });
    const back = signedIn(await t.services.staffSso.signIn(c, STAFF));
    expect(back.actor).toMatchObject({ userId: first.actor.userId, role: 'coordinator' });
    await t.services.staffSso.removeGroupRole(admin, group);
  });

  it("refuses a change that would change the administrator's own role, and keeps nothing", async () => {
    const { actor } = signedIn(
      await t.services.staffSso
        .setGroupRole(admin, { group: 'bb-admin', role: 'admin' })
        .then(() => t.services.staffSso.signIn(claims({ groups: ['bb-admin'] }), STAFF)),
    );
    await expect(t.services.staffSso.removeGroupRole(actor, 'bb-admin')).rejects.toBeInstanceOf(Conflict);
    expect((await t.services.staffSso.view(admin)).mapping).toContainEqual({
      group: 'bb-admin',
      role: 'admin',
    });
    await t.services.staffSso.removeGroupRole(admin, 'bb-admin');
  });

  it('refuses a missing group or role, and a value another municipality claims', async () => {
    await expect(
      t.services.staffSso.setGroupRole(admin, { group: ' ', role: 'finance' }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(
      t.services.staffSso.setGroupRole(admin, { group: 'x', role: 'evaluator' }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(
      t.services.staffSso.updateSettings(halsnaesAdmin, { enabled: 'on', claimValue: TENANT }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(t.services.staffSso.updateSettings(halsnaesAdmin, { enabled: 'on' })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });

  it("is the administrator's only: other roles, and other municipalities' administrators, get not found", async () => {
    for (const role of ['support', 'coordinator', 'finance', 'evaluator'] as const) {
      const actor = await actorOf(t, role, AARHUS);
      await expect(t.services.staffSso.view(actor)).rejects.toBeInstanceOf(NotFound);
      await expect(
        t.services.staffSso.setGroupRole(actor, { group: 'x', role: 'support' }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(t.services.staffSso.removeGroupRole(actor, 'bb-stotte')).rejects.toBeInstanceOf(NotFound);
      await expect(
        t.services.staffSso.updateSettings(actor, { enabled: 'on', claimValue: 'x' }),
      ).rejects.toBeInstanceOf(NotFound);
    }
    // Halsnæs's administrator works on Halsnæs's mapping only: Aarhus's groups are not there.
    await expect(t.services.staffSso.removeGroupRole(halsnaesAdmin, 'bb-stotte')).rejects.toBeInstanceOf(
      NotFound,
    );
    expect((await t.services.staffSso.view(admin)).mapping).toContainEqual({
      group: 'bb-stotte',
      role: 'support',
    });
  });

  it('switched off, ends the sessions it started, and no others', async () => {
    const { token } = signedIn(await t.services.staffSso.signIn(claims(), STAFF));
    const local = await loginAs(t, 'coordinator', AARHUS);
    await t.services.staffSso.updateSettings(admin, { claimValue: TENANT });
    expect(await isLoggedIn(token)).toBe(false);
    expect(await t.services.staffSso.signIn(claims(), STAFF)).toEqual({
      kind: 'refused',
      reason: 'noMunicipality',
    });
    expect(await isLoggedIn(local.token)).toBe(true);
    await t.services.staffSso.updateSettings(admin, { enabled: 'on', claimValue: TENANT });
  });
});

describe("the issuer's back-channel logout", () => {
  it('ends the session it names by sid, and no other', async () => {
    const c = claims();
    const one = signedIn(await t.services.staffSso.signIn(c, STAFF));
    const two = signedIn(await t.services.staffSso.signIn({ ...c, sid: 'another-sid' }, STAFF));
    expect(await t.services.staffSso.issuerLogout('municipal_sso', { iss: ISSUER, sid: c.sid })).toBe(1);
    expect(await isLoggedIn(one.token)).toBe(false);
    expect(await isLoggedIn(two.token)).toBe(true);
    // The citizens' issuer cannot end a staff session with the same sid.
    expect(await t.services.staffSso.issuerLogout('mitid', { iss: ISSUER, sid: 'another-sid' })).toBe(0);
    expect(await isLoggedIn(two.token)).toBe(true);
  });

  it('ends all the sessions of the subject when there is no sid', async () => {
    const c = claims();
    const one = signedIn(await t.services.staffSso.signIn(c, STAFF));
    const two = signedIn(await t.services.staffSso.signIn({ ...c, sid: undefined }, STAFF));
    expect(await t.services.staffSso.issuerLogout('municipal_sso', { iss: ISSUER, sub: c.sub })).toBe(2);
    expect(await isLoggedIn(one.token)).toBe(false);
    expect(await isLoggedIn(two.token)).toBe(false);
    expect(
      await t.services.staffSso.issuerLogout('municipal_sso', { iss: 'https://other.example', sub: c.sub }),
    ).toBe(0);
  });
});
