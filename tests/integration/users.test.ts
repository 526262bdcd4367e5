import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound, Unauthenticated, ValidationFailed } from '../../src/domain/errors.ts';
import { LOGIN_FAILED } from '../../src/services/access/auth.service.ts';
import type { Actor } from '../../src/services/context.ts';
import { PASSWORD_MESSAGES } from '../../src/services/access/password.ts';
import { CODE_FAILED } from '../../src/services/access/user.service.ts';
import { AARHUS, actorOf, createStaffUser, HALSNAES, loginAs } from '../setup/actors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { asDanish, danishFields, GENERIC_CODE_ERROR } from '../setup/messages.ts';

// The municipality's administrator manages the staff accounts of their own municipality (spec: Roles);
// everyone else, and every other municipality, gets "not found".

let t: TestContext;
let admin: Actor;
let halsnaesAdmin: Actor;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  admin = await actorOf(t, 'admin', AARHUS);
  halsnaesAdmin = await actorOf(t, 'admin', HALSNAES);
});
afterAll(() => t.close());

const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;
const DAY = 24 * 60 * 60_000;

async function counts() {
  return t.database.transaction('all', async (tx) => ({
    users: (await tx.selectFrom('app_user').select('id').execute()).length,
    events: (await tx.selectFrom('audit_event').select('id').execute()).length,
  }));
}

async function halsnaesUserId(): Promise<string> {
  const users = await t.services.users.list(halsnaesAdmin);
  const user = users.find((u) => u.role === 'support');
  if (!user) throw new Error('no Halsnæs support user');
  return user.id;
}

describe('listing and creating users', () => {
  it("lists only the admin's own municipality's users", async () => {
    const users = await t.services.users.list(admin);
    expect(users.map((u) => u.email).sort()).toEqual(
      [
        'admin@aarhus.example',
        'koordinator@aarhus.example',
        'okonomi@aarhus.example',
        'stotteperson2@aarhus.example',
        'stotteperson@aarhus.example',
      ].sort(),
    );
    expect(
      (await t.services.users.list(halsnaesAdmin)).every((u) => u.email.endsWith('@halsnaes.example')),
    ).toBe(true);
  });

  it('creates a user with a one-time code, valid for 72 hours, and audits it', async () => {
    const { user, code } = await t.services.users.create(admin, {
      name: '  Ny Kollega ',
      email: 'Ny.Kollega@Aarhus.Example',
      role: 'finance',
    });
    expect(code).toMatch(CODE);
    expect(user).toEqual({
      id: expect.any(String) as string,
      name: 'Ny Kollega',
      email: 'ny.kollega@aarhus.example',
      role: 'finance',
      active: true,
      createdAt: expect.any(Date) as Date,
      deactivatedAt: null,
      hasPendingCode: true,
      external: false,
    });
    const row = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ municipality_id: AARHUS, password_hash: null });
    // Only a keyed hash of the code is kept.
    expect(row.reset_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.reset_code_expires_at).toEqual(new Date(t.clock.now().getTime() + 3 * DAY));
    expect((await t.services.users.list(admin)).map((u) => u.id)).toContain(user.id);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await counts();
    const error = await t.services.users
      .create(admin, { name: '', email: 'ikke-en-adresse', role: 'citizen' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).fields).sort()).toEqual(['email', 'name', 'role']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an e-mail address used in another municipality, with a field error, and writes nothing', async () => {
    const before = await counts();
    for (const email of ['koordinator@aarhus.example', ' KOORDINATOR@aarhus.example']) {
      const error = await t.services.users
        .create(halsnaesAdmin, { name: 'Dublet', email, role: 'support' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(danishFields((error as ValidationFailed).fields)).toEqual({
        email: 'Der findes allerede en bruger med den e-mailadresse.',
      });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('deactivating users', () => {
  it('deactivates a user of the own municipality', async () => {
    const staff = await createStaffUser(t, admin);
    t.clock.advance(5000);
    await t.services.users.deactivate(admin, staff.user.id);
    const listed = (await t.services.users.list(admin)).find((u) => u.id === staff.user.id);
    expect(listed).toMatchObject({ active: false, deactivatedAt: t.clock.now(), hasPendingCode: false });
    // Deactivating twice is harmless and writes nothing more.
    const before = await counts();
    await t.services.users.deactivate(admin, staff.user.id);
    expect(await counts()).toEqual(before);
    // A deactivated user gets no new code.
    await expect(t.services.users.issueResetCode(admin, staff.user.id)).rejects.toThrow(Conflict);
  });

  it('will not let an admin deactivate themselves', async () => {
    const error = await t.services.users.deactivate(admin, admin.userId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(asDanish(error)).toMatchObject({ message: 'Du kan ikke deaktivere dig selv.' });
    expect((await loginAs(t, 'admin')).actor.userId).toBe(admin.userId);
  });

  it('answers an Aarhus admin acting on a Halsnæs user with NotFound, and changes nothing', async () => {
    const id = await halsnaesUserId();
    const before = await counts();
    await expect(t.services.users.deactivate(admin, id)).rejects.toThrow(NotFound);
    await expect(t.services.users.issueResetCode(admin, id)).rejects.toThrow(NotFound);
    expect((await t.services.users.list(halsnaesAdmin)).find((u) => u.id === id)).toMatchObject({
      active: true,
      hasPendingCode: false,
    });
    expect(await counts()).toEqual(before);
  });

  it('answers unknown and malformed ids with NotFound', async () => {
    await expect(t.services.users.deactivate(admin, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      NotFound,
    );
    await expect(t.services.users.deactivate(admin, 'not-a-uuid')).rejects.toThrow(NotFound);
    await expect(t.services.users.issueResetCode(admin, "'; drop table app_user; --")).rejects.toThrow(
      NotFound,
    );
  });

  it.each(['coordinator', 'support', 'finance', 'evaluator'] as const)(
    'answers a %s calling any user function with NotFound',
    async (role) => {
      const actor = await actorOf(t, role);
      const target = (await t.services.users.list(admin)).find((u) => u.role === 'support');
      if (!target) throw new Error('no target');
      const before = await counts();
      await expect(t.services.users.list(actor)).rejects.toThrow(NotFound);
      expect(() => t.services.users.assertMayCreate(actor)).toThrow(NotFound);
      await expect(
        t.services.users.create(actor, { name: 'X', email: 'x@aarhus.example', role: 'admin' }),
      ).rejects.toThrow(NotFound);
      await expect(t.services.users.deactivate(actor, target.id)).rejects.toThrow(NotFound);
      await expect(t.services.users.issueResetCode(actor, target.id)).rejects.toThrow(NotFound);
      expect(await counts()).toEqual(before);
    },
  );
});

describe('setting a password with a one-time code', () => {
  let n = 0;
  const address = () => `198.18.0.${++n}`;
  const reset = (email: string, code: string, password: string, passwordRepeat = password) =>
    t.services.users.resetPassword({ email, code, password, passwordRepeat }, address());

  async function rejection(promise: Promise<void>): Promise<ValidationFailed> {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    return error as ValidationFailed;
  }

  async function newUser() {
    const email = `kode${++n}@aarhus.example`;
    const { user, code } = await t.services.users.create(admin, {
      name: 'Kode Bruger',
      email,
      role: 'support',
    });
    return { user, email, code };
  }

  const GOOD = 'syv søde sommerfugle i haven';

  it('answers a wrong code and an unknown e-mail with the same generic error', async () => {
    const { email, code } = await newUser();
    const wrongCode = await rejection(reset(email, 'ABCD-EFGH-JKMN', GOOD));
    const unknown = await rejection(reset('ingen@aarhus.example', code, GOOD));
    for (const error of [wrongCode, unknown]) {
      expect(asDanish(error).message).toBe(GENERIC_CODE_ERROR);
      expect(error.fields).toEqual({ code: CODE_FAILED });
    }
  });

  it('refuses an expired code (after 72 hours)', async () => {
    const { email, code } = await newUser();
    t.clock.advance(73 * 60 * 60_000);
    expect((await rejection(reset(email, code, GOOD))).fields).toEqual({ code: CODE_FAILED });
  });

  it('refuses a short, common or personal password with the policy message, and keeps the code', async () => {
    const { email, code } = await newUser();
    expect((await rejection(reset(email, code, 'kort-kode'))).fields).toEqual({
      password: PASSWORD_MESSAGES.too_short,
    });
    expect((await rejection(reset(email, code, 'password1234'))).fields).toEqual({
      password: PASSWORD_MESSAGES.common,
    });
    expect((await rejection(reset(email, code, 'Sommer2024!!'))).fields).toEqual({
      password: PASSWORD_MESSAGES.common,
    });
    expect((await rejection(reset(email, code, `${email} er min kode`))).fields).toEqual({
      password: PASSWORD_MESSAGES.contains_identity,
    });
    expect(danishFields((await rejection(reset(email, code, GOOD, `${GOOD}!`))).fields)).toEqual({
      passwordRepeat: 'De to adgangskoder er ikke ens.',
    });
    // None of those used the code up.
    await reset(email, code, GOOD);
  });

  it('sets the password: the user logs in with it, old sessions end, and the code works only once', async () => {
    const staff = await createStaffUser(t, admin);
    const oldSession = await t.services.auth.login(
      { email: staff.email, password: staff.password },
      address(),
    );
    const { code } = await t.services.users.issueResetCode(admin, staff.user.id);
    expect(code).toMatch(CODE);
    // People type codes in lower case and without dashes.
    await reset(staff.email, code.toLowerCase().replace(/-/g, ' '), GOOD);

    expect(await t.services.auth.authenticate(oldSession.token)).toBeNull();
    const { actor } = await t.services.auth.login({ email: staff.email, password: GOOD }, address());
    expect(actor.userId).toBe(staff.user.id);
    await expect(
      t.services.auth.login({ email: staff.email, password: staff.password }, address()),
    ).rejects.toThrow(new Unauthenticated(LOGIN_FAILED));
    const again = await rejection(reset(staff.email, code, 'en helt anden lang sætning'));
    expect(again.fields).toEqual({ code: CODE_FAILED });
    expect((await t.services.users.list(admin)).find((u) => u.id === staff.user.id)?.hasPendingCode).toBe(
      false,
    );
  });

  it('makes a new code replace the previous one', async () => {
    const { user, email, code: first } = await newUser();
    const { code: second } = await t.services.users.issueResetCode(admin, user.id);
    expect((await rejection(reset(email, first, GOOD))).fields).toEqual({ code: CODE_FAILED });
    await reset(email, second, GOOD);
  });

  it('refuses the code of a user who was deactivated', async () => {
    const { user, email, code } = await newUser();
    await t.services.users.deactivate(admin, user.id);
    expect((await rejection(reset(email, code, GOOD))).fields).toEqual({ code: CODE_FAILED });
  });

  it('slows down guessing codes for an account after 5 wrong ones', async () => {
    const { email, code } = await newUser();
    for (let i = 0; i < 5; i++) await rejection(reset(email, `AAAA-BBBB-CCC${i + 2}`, GOOD));
    const error = await reset(email, code, GOOD).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 1 });
    t.clock.advance(1001);
    await reset(email, code, GOOD);
  });
});
