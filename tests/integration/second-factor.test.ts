import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Conflict,
  NotFound,
  TooManyAttempts,
  Unauthenticated,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import { totp, TOTP_STEP_SECONDS } from '../../src/domain/totp.ts';
import { RECOVERY_CODES } from '../../src/services/access/second-factor.ts';
import type { Actor } from '../../src/services/context.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { demoCitizenLogins } from '../../src/services/demo/demo-citizen-logins.ts';
import { actorOf, AARHUS, createStaffUser, HALSNAES } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { enrolSecondFactor, secretOfKey } from '../setup/second-factor.ts';
import { TEST_SECRETS } from '../setup/test-deps.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// A second factor for local staff accounts (spec: Staff log-in): enrolling with a code the test computes
// from the secret the page shows, the log-in's second step (password_totp, substantial), a code never
// accepted twice, wrong codes throttled like passwords, recovery codes used once, the administrator's
// reset, and production's rule that no local staff account gets a session without it.

let t: TestContext;
let admin: Actor;
let address = 0;
/** A fresh client address per log-in, so the address's throttle of one test does not slow another. */
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  admin = await actorOf(t, 'admin');
});
afterAll(() => t.close());

/** The next time step: a code for it has not been used. */
const nextStep = () => t.clock.advance(TOTP_STEP_SECONDS * 1000);

async function auditOf(userId: string, action: string) {
  return t.database.transaction('all', (tx) =>
    tx
      .selectFrom('audit_event')
      .select(['actor_user_id', 'after'])
      .where('entity_id', '=', userId)
      .where('action', '=', action)
      .orderBy('id')
      .execute(),
  );
}

/** A new staff user who has enrolled from their settings; their secret and recovery codes. */
async function enrolledUser() {
  const made = await createStaffUser(t, admin);
  const { actor } = await t.services.auth.login(
    { email: made.email, password: made.password },
    nextAddress(),
  );
  return { ...made, actor, ...(await enrolSecondFactor(t.services, t.clock, actor)) };
}

async function passwordStep(user: { email: string; password: string }, at = nextAddress()) {
  const step = await t.services.auth.beginLogin({ email: user.email, password: user.password }, at);
  if (step.kind !== 'code') throw new Error(`Expected the code step, got ${step.kind}`);
  return step.pendingToken;
}

/** The second step of a log-in, with the user's code of this moment. */
function withCurrentCode(user: { secret: Buffer }, pending: string) {
  return t.services.secondFactor.completeLogin(
    pending,
    { code: totp(user.secret, t.clock.now()) },
    nextAddress(),
  );
}

describe('enrolling from the settings', () => {
  it('shows a secret in an otpauth URI, and turns on only with a right code, giving ten recovery codes', async () => {
    const made = await createStaffUser(t, admin);
    const { actor } = await t.services.auth.login(
      { email: made.email, password: made.password },
      nextAddress(),
    );
    expect(await t.services.secondFactor.status(actor)).toMatchObject({ local: true, enrolled: false });
    await t.services.secondFactor.start(actor);
    const setup = await t.services.secondFactor.setup(actor);
    expect(setup?.uri).toMatch(
      new RegExp(
        `^otpauth://totp/Borgerbudget:${encodeURIComponent(made.email)}\\?secret=[A-Z2-7]{32}&issuer=Borgerbudget`,
      ),
    );
    const secret = secretOfKey(setup?.secret ?? '');
    const wrong = totp(secret, new Date(t.clock.now().getTime() + 5 * 60_000));
    await expect(t.services.secondFactor.confirm(actor, { code: wrong })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    expect(await t.services.secondFactor.status(actor)).toMatchObject({ enrolled: false, settingUp: true });

    const codes = await t.services.secondFactor.confirm(actor, { code: totp(secret, t.clock.now()) });
    expect(codes).toHaveLength(RECOVERY_CODES);
    expect(new Set(codes).size).toBe(RECOVERY_CODES);
    expect(await t.services.secondFactor.status(actor)).toMatchObject({
      enrolled: true,
      settingUp: false,
      recoveryCodesLeft: RECOVERY_CODES,
    });
    expect(await t.services.secondFactor.setup(actor)).toBeNull();
    await expect(t.services.secondFactor.start(actor)).rejects.toBeInstanceOf(Conflict);
    expect(await auditOf(actor.userId, 'secondFactor.enrol')).toEqual([
      { actor_user_id: actor.userId, after: null },
    ]);
  });

  it('stores the secret encrypted and the recovery codes only as hashes', async () => {
    const user = await enrolledUser();
    const stored = await t.database.transaction('all', async (tx) => ({
      totp: await tx
        .selectFrom('user_totp')
        .selectAll()
        .where('user_id', '=', user.actor.userId)
        .executeTakeFirstOrThrow(),
      codes: await tx
        .selectFrom('user_totp_recovery_code')
        .select('code_hash')
        .where('user_id', '=', user.actor.userId)
        .execute(),
    }));
    expect(stored.totp.secret).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored.totp.secret).not.toContain(user.secret.toString('base64'));
    expect(stored.codes).toHaveLength(RECOVERY_CODES);
    const hashes = stored.codes.map((c) => c.code_hash).join(' ');
    for (const code of user.recoveryCodes) expect(hashes).not.toContain(code.replaceAll('-', ''));
  });
});

describe('logging in with the second factor', () => {
  it('asks for the code after the password, and then starts a password_totp session at substantial', async () => {
    const user = await enrolledUser();
    nextStep();
    const pending = await passwordStep(user);
    expect(await t.services.secondFactor.pendingStep(pending)).toBe('code');
    const done = await withCurrentCode(user, pending);
    const signIn = { method: 'password_totp', assurance: 'substantial' };
    expect(done.actor.signIn).toEqual(signIn);
    expect(done.recoveryCodesLeft).toBeNull();
    expect((await t.services.auth.authenticate(done.token))?.actor.signIn).toEqual(signIn);
    const logins = await auditOf(user.actor.userId, 'session.login');
    expect(logins.at(-1)?.after).toEqual(signIn);
    // The waiting log-in is used up.
    expect(await t.services.secondFactor.pendingStep(pending)).toBeNull();
    await expect(withCurrentCode(user, pending)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('never accepts a code twice, also in another log-in', async () => {
    const user = await enrolledUser();
    nextStep();
    const code = totp(user.secret, t.clock.now());
    await t.services.secondFactor.completeLogin(await passwordStep(user), { code }, nextAddress());
    const again = await passwordStep(user);
    await expect(
      t.services.secondFactor.completeLogin(again, { code }, nextAddress()),
    ).rejects.toBeInstanceOf(ValidationFailed);
    // The refused code leaves the waiting log-in for the next, right one.
    nextStep();
    const done = await withCurrentCode(user, again);
    expect(done.actor.userId).toBe(user.actor.userId);
  });

  it('counts wrong codes in the log-in throttle of the account', async () => {
    const user = await enrolledUser();
    const pending = await passwordStep(user);
    const wrong = totp(user.secret, new Date(t.clock.now().getTime() + 10 * 60_000));
    const refusals: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      refusals.push(
        await t.services.secondFactor
          .completeLogin(pending, { code: wrong }, nextAddress())
          .catch((e: unknown) => e),
      );
    }
    expect(refusals.slice(0, 4).every((e) => e instanceof ValidationFailed)).toBe(true);
    expect(refusals.at(-1)).toBeInstanceOf(TooManyAttempts);
    // The right code waits its turn too, then works and clears the count.
    await expect(withCurrentCode(user, pending)).rejects.toBeInstanceOf(TooManyAttempts);
    t.clock.advance(61_000);
    const done = await withCurrentCode(user, pending);
    expect(done.actor.userId).toBe(user.actor.userId);
  });

  it('takes a recovery code once instead of a code, says how many are left, and audits it', async () => {
    const user = await enrolledUser();
    const [first = ''] = user.recoveryCodes;
    const done = await t.services.secondFactor.completeLogin(
      await passwordStep(user),
      { code: first.toLowerCase() },
      nextAddress(),
    );
    expect(done.recoveryCodesLeft).toBe(RECOVERY_CODES - 1);
    expect(done.actor.signIn).toEqual({ method: 'password_totp', assurance: 'substantial' });
    expect(await auditOf(user.actor.userId, 'secondFactor.useRecoveryCode')).toEqual([
      { actor_user_id: user.actor.userId, after: { recoveryCodesLeft: RECOVERY_CODES - 1 } },
    ]);
    await expect(
      t.services.secondFactor.completeLogin(await passwordStep(user), { code: first }, nextAddress()),
    ).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('forgets a waiting log-in after five minutes', async () => {
    const user = await enrolledUser();
    const pending = await passwordStep(user);
    t.clock.advance(5 * 60_000 + 1000);
    expect(await t.services.secondFactor.pendingStep(pending)).toBeNull();
    await expect(withCurrentCode(user, pending)).rejects.toBeInstanceOf(Unauthenticated);
  });
});

describe("the user's own changes", () => {
  it('makes new recovery codes and turns off only with a current code, each audited', async () => {
    const user = await enrolledUser();
    nextStep();
    await expect(
      t.services.secondFactor.newRecoveryCodes(user.actor, { code: '000000' }, nextAddress()),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const codes = await t.services.secondFactor.newRecoveryCodes(
      user.actor,
      { code: totp(user.secret, t.clock.now()) },
      nextAddress(),
    );
    expect(codes).toHaveLength(RECOVERY_CODES);
    expect(codes).not.toContain(user.recoveryCodes[0]);
    nextStep();
    await t.services.secondFactor.turnOff(
      user.actor,
      { code: totp(user.secret, t.clock.now()) },
      nextAddress(),
    );
    expect(await t.services.secondFactor.status(user.actor)).toMatchObject({ enrolled: false });
    expect(await auditOf(user.actor.userId, 'secondFactor.newRecoveryCodes')).toHaveLength(1);
    expect(await auditOf(user.actor.userId, 'secondFactor.turnOff')).toHaveLength(1);
    // Without it, the password alone makes the session again (outside production).
    const step = await t.services.auth.beginLogin(
      { email: user.email, password: user.password },
      nextAddress(),
    );
    expect(step.kind).toBe('session');
  });
});

describe("the administrator's reset", () => {
  it("ends the user's second factor and sessions, audited; only for the administrator's municipality", async () => {
    const user = await enrolledUser();
    nextStep();
    const { token } = await withCurrentCode(user, await passwordStep(user));
    const otherAdmin = await actorOf(t, 'admin', HALSNAES);
    await expect(t.services.secondFactor.reset(otherAdmin, user.actor.userId)).rejects.toBeInstanceOf(
      NotFound,
    );
    const coordinator = await actorOf(t, 'coordinator', AARHUS);
    await expect(t.services.secondFactor.reset(coordinator, user.actor.userId)).rejects.toBeInstanceOf(
      NotFound,
    );

    await t.services.secondFactor.reset(admin, user.actor.userId);
    expect(await t.services.auth.authenticate(token)).toBeNull();
    expect(await t.services.secondFactor.status(user.actor)).toMatchObject({ enrolled: false });
    expect(await auditOf(user.actor.userId, 'secondFactor.reset')).toEqual([
      { actor_user_id: admin.userId, after: null },
    ]);
    await expect(t.services.secondFactor.reset(admin, user.actor.userId)).rejects.toBeInstanceOf(Conflict);
  });

  it('is a button on the users page for a user with a second factor', async () => {
    const user = await enrolledUser();
    const browser = new Browser(buildApp(t.services));
    expect((await browser.login('admin@aarhus.example', DEMO_PASSWORD)).status).toBe(303);
    const list = await browser.get(`/brugere?q=${encodeURIComponent(user.email)}`);
    expect(await list.text()).toContain(`/brugere/${user.actor.userId}/to-trin/nulstil`);
    const res = await browser.submit(`/brugere/${user.actor.userId}/to-trin/nulstil`, {});
    expect(res.status).toBe(303);
    const after = await browser.get(res.headers.get('location') ?? '');
    expect(await after.text()).toContain('skal slå to-trins-log-ind til igen');
  });
});

describe('in production', () => {
  let production: Services;
  beforeAll(() => {
    production = createServices({
      database: t.database,
      clock: t.clock,
      secrets: TEST_SECRETS,
      production: true,
    });
  });

  it('sends a local staff account without a second factor to enrol before it gets a session', async () => {
    const made = await createStaffUser(t, admin);
    const step = await production.auth.beginLogin(
      { email: made.email, password: made.password },
      nextAddress(),
    );
    if (step.kind !== 'enrol') throw new Error(`Expected enrolment, got ${step.kind}`);
    const setup = await production.secondFactor.pendingSetup(step.pendingToken);
    const secret = secretOfKey(setup?.secret ?? '');
    await expect(
      production.secondFactor.completeEnrolment(step.pendingToken, { code: '123 456' }, nextAddress()),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const done = await production.secondFactor.completeEnrolment(
      step.pendingToken,
      { code: totp(secret, t.clock.now()) },
      nextAddress(),
    );
    expect(done.actor.signIn).toEqual({ method: 'password_totp', assurance: 'substantial' });
    expect(done.recoveryCodes).toHaveLength(RECOVERY_CODES);
    expect(await auditOf(done.actor.userId, 'secondFactor.enrol')).toHaveLength(1);
    // From now on, the code step; and it cannot be turned off.
    nextStep();
    const next = await production.auth.beginLogin(
      { email: made.email, password: made.password },
      nextAddress(),
    );
    expect(next.kind).toBe('code');
    await expect(
      production.secondFactor.turnOff(done.actor, { code: totp(secret, t.clock.now()) }, nextAddress()),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it('leaves citizens alone', async () => {
    const [citizen] = demoCitizenLogins();
    const step = await production.auth.beginLogin(
      { email: citizen?.email ?? '', password: DEMO_PASSWORD },
      nextAddress(),
    );
    expect(step.kind).toBe('session');
  });
});

describe('the pages', () => {
  it('log in with the password, then the code, through the forms', async () => {
    const user = await enrolledUser();
    nextStep();
    const browser = new Browser(buildApp(t.services));
    const first = await browser.login(user.email, user.password);
    expect([first.status, first.headers.get('location')]).toEqual([303, '/log-ind/to-trin']);
    expect(browser.cookies.has(browser.cookieName('session'))).toBe(false);
    // The waiting log-in's cookie: HttpOnly, SameSite=Lax, five minutes; the page has the usual headers.
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('bb_signin=')) ?? '';
    expect(cookie).toMatch(/Max-Age=300/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const page = await browser.get('/log-ind/to-trin');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Skriv koden fra din app');
    const wrong = await browser.submit('/log-ind/to-trin', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Koden passer ikke');
    const res = await browser.submit('/log-ind/to-trin', { code: totp(user.secret, t.clock.now()) });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/']);
    expect((await browser.get('/')).status).toBe(200);
  });
});
