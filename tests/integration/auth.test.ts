import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyAttempts, Unauthenticated, ValidationFailed } from '../../src/domain/errors.ts';
import { FREE_LOGIN_FAILURES } from '../../src/domain/session-policy.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { AARHUS, actorOf, createStaffUser, demoEmailOf } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { asDanish, GENERIC_LOGIN_ERROR } from '../setup/messages.ts';

// Log-in with local accounts (spec: Staff log-in; spec: Passwords; ASVS 5.0 §6): one generic error whatever
// was wrong, and a growing wait after five failures per account and per address — never a hard lock-out.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

const SECOND = 1000;
let addressCounter = 0;
/** A new client address per test, so one test's failures never throttle another's. */
const newAddress = () => `203.0.113.${++addressCounter}`;

function login(email: string, password: string, address: string) {
  return t.services.auth.login({ email, password }, address);
}

/** The error a log-in attempt ends with (it must fail). */
async function failure(email: string, password: string, address: string): Promise<Error> {
  const error: unknown = await login(email, password, address).then(
    () => new Error('expected the log-in to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('not an Error');
  return error;
}

describe('log-in', () => {
  it('lets a user in with the right password, whatever the case and spaces of the e-mail', async () => {
    const { token, actor } = await login('  KOORDINATOR@Aarhus.Example ', DEMO_PASSWORD, newAddress());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(actor).toEqual({
      userId: expect.any(String) as string,
      role: 'coordinator',
      municipalityId: AARHUS,
      municipalityName: 'Aarhus Kommune',
      name: 'Hanne Kjær',
      email: 'koordinator@aarhus.example',
      signIn: { method: 'password', assurance: 'low' },
    });
  });

  it('gives the evaluator the national authority as their municipality', async () => {
    const { actor } = await login(demoEmailOf('evaluator'), DEMO_PASSWORD, newAddress());
    expect(actor).toMatchObject({
      role: 'evaluator',
      municipalityId: null,
      municipalityName: 'Socialstyrelsen',
    });
  });

  it('answers a wrong password and an unknown e-mail with the same error', async () => {
    const address = newAddress();
    const wrongPassword = await failure(demoEmailOf('coordinator'), 'forkert-kode-123456', address);
    const unknownEmail = await failure('ingen@aarhus.example', DEMO_PASSWORD, address);
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error).toBeInstanceOf(Unauthenticated);
      expect(asDanish(error)).toMatchObject({ code: 'unauthenticated', message: GENERIC_LOGIN_ERROR });
    }
    expect(Object.keys(wrongPassword)).toEqual(Object.keys(unknownEmail));
  });

  it('refuses empty fields with the generic message and without counting a failure', async () => {
    const address = newAddress();
    const error = await failure('', '', address);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(asDanish(error).message).toBe(GENERIC_LOGIN_ERROR);
    const { actor } = await login(demoEmailOf('finance'), DEMO_PASSWORD, address);
    expect(actor.role).toBe('finance');
  });

  it('refuses a deactivated user with the generic error, even with the right password', async () => {
    const admin = await actorOf(t, 'admin');
    const staff = await createStaffUser(t, admin);
    await t.services.users.deactivate(admin, staff.user.id);
    const error = await failure(staff.email, staff.password, newAddress());
    expect(error).toBeInstanceOf(Unauthenticated);
    expect(asDanish(error).message).toBe(GENERIC_LOGIN_ERROR);
  });

  it('refuses a user who has not yet chosen a password', async () => {
    const admin = await actorOf(t, 'admin');
    const { user } = await t.services.users.create(admin, {
      name: 'Uden Kode',
      email: 'uden.kode@aarhus.example',
      role: 'finance',
    });
    expect(user.hasPendingCode).toBe(true);
    const error = await failure('uden.kode@aarhus.example', '', newAddress());
    expect(asDanish(error).message).toBe(GENERIC_LOGIN_ERROR);
    const error2 = await failure('uden.kode@aarhus.example', 'et gæt på en kode her', newAddress());
    expect(error2).toBeInstanceOf(Unauthenticated);
  });
});

describe('failed log-ins slow down (never a lock-out)', () => {
  const email = demoEmailOf('support');

  async function tooMany(address: string, password = DEMO_PASSWORD): Promise<TooManyAttempts> {
    const error = await failure(email, password, address);
    if (!(error instanceof TooManyAttempts)) throw new Error(`expected TooManyAttempts, got ${error.name}`);
    return error;
  }

  async function failTimes(n: number, address: string, who = email) {
    for (let i = 0; i < n; i++) {
      expect(await failure(who, `forkert-kode-nummer-${i}`, address)).toBeInstanceOf(Unauthenticated);
    }
  }

  it('refuses the 6th attempt, even with the right password, until the delay has passed; the delay doubles', async () => {
    const address = newAddress();
    await failTimes(5, address);

    const first = await tooMany(address);
    expect(asDanish(first)).toMatchObject({
      code: 'too_many_attempts',
      retryAfterSeconds: 1,
      message: 'For mange forsøg. Vent 1 sekunder, og prøv igen.',
    });
    t.clock.advance(999);
    expect((await tooMany(address)).retryAfterSeconds).toBe(1);

    t.clock.advance(2);
    await failTimes(1, address); // the 6th failure: now 2 seconds
    expect((await tooMany(address)).retryAfterSeconds).toBe(2);
    t.clock.advance(2 * SECOND + 1);
    await failTimes(1, address); // the 7th: 4 seconds
    expect((await tooMany(address)).retryAfterSeconds).toBe(4);
    t.clock.advance(3 * SECOND);
    expect((await tooMany(address)).retryAfterSeconds).toBe(1);

    t.clock.advance(SECOND + 1);
    const { actor } = await login(email, DEMO_PASSWORD, address);
    expect(actor.email).toBe(email);

    // Success cleared both counters: the next failure is an ordinary one, not a wait.
    await failTimes(1, address);
    const again = await login(email, DEMO_PASSWORD, address);
    expect(again.actor.email).toBe(email);
  });

  it('caps the delay at a minute', async () => {
    const address = newAddress();
    await failTimes(5, address);
    for (let failures = 5; failures < 12; failures++) {
      t.clock.advance(61 * SECOND);
      await failTimes(1, address);
    }
    // 12 failures would be 2^7 = 128 s without the cap.
    expect((await tooMany(address)).retryAfterSeconds).toBe(60);
    t.clock.advance(60 * SECOND + 1);
    expect((await login(email, DEMO_PASSWORD, address)).actor.email).toBe(email);
  });

  it('forgets failures older than an hour', async () => {
    const address = newAddress();
    await failTimes(5, address);
    expect((await tooMany(address)).retryAfterSeconds).toBe(1);
    t.clock.advance(60 * 60 * SECOND + 1);
    await failTimes(1, address); // counted as the first of a new window: no wait after it
    expect((await login(email, DEMO_PASSWORD, address)).actor.email).toBe(email);
  });

  it('throttles per address: failures on many accounts slow down that address, not another', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      expect(await failure(`ukendt${i}@aarhus.example`, 'forkert-kode-123456', address)).toBeInstanceOf(
        Unauthenticated,
      );
    }
    const error = await failure(demoEmailOf('finance'), DEMO_PASSWORD, address);
    expect(error).toBeInstanceOf(TooManyAttempts);
    const elsewhere = await login(demoEmailOf('finance'), DEMO_PASSWORD, newAddress());
    expect(elsewhere.actor.role).toBe('finance');
    t.clock.advance(SECOND + 1);
  });

  it('throttles per account: failures from many addresses slow down that account', async () => {
    const who = demoEmailOf('support', 621);
    for (let i = 0; i < 5; i++) await failTimes(1, newAddress(), who);
    const error = await failure(who, DEMO_PASSWORD, newAddress());
    expect(error).toBeInstanceOf(TooManyAttempts);
    expect(asDanish(error).message).toBe('For mange forsøg. Vent 1 sekunder, og prøv igen.');
    // Another account from the same fresh address is not affected.
    expect((await login(demoEmailOf('admin', 621), DEMO_PASSWORD, newAddress())).actor.role).toBe('admin');
    t.clock.advance(SECOND + 1);
    expect((await login(who, DEMO_PASSWORD, newAddress())).actor.email).toBe(who);
  });

  it('throttles unknown accounts exactly like known ones', async () => {
    const address = newAddress();
    await failTimes(5, address, 'findes.ikke@aarhus.example');
    const error = await failure('findes.ikke@aarhus.example', DEMO_PASSWORD, address);
    expect(error).toBeInstanceOf(TooManyAttempts);
    expect(error).toMatchObject({ retryAfterSeconds: 1 });
    t.clock.advance(SECOND + 1);
  });

  it('checks no more passwords in a burst of parallel guesses than one after another', async () => {
    const address = newAddress();
    const errors = await Promise.all(
      Array.from({ length: 40 }, (_, i) => failure(email, `forkert-kode-samtidig-${i}`, address)),
    );
    // Unauthenticated comes only after the password was checked; TooManyAttempts before it.
    expect(errors.filter((e) => e instanceof Unauthenticated)).toHaveLength(FREE_LOGIN_FAILURES);
    expect(errors.filter((e) => e instanceof TooManyAttempts)).toHaveLength(40 - FREE_LOGIN_FAILURES);
    expect((await tooMany(address)).retryAfterSeconds).toBe(1);
    t.clock.advance(SECOND + 1);
    expect((await login(email, DEMO_PASSWORD, address)).actor.email).toBe(email);
  });

  it('throttles the log-in form just the same for someone already logged in', async () => {
    // A logged-in actor's form posts run as commands, whose failures roll back: the log-in form must not.
    const session = await login(demoEmailOf('coordinator'), DEMO_PASSWORD, newAddress());
    const browser = new Browser(buildApp(t.services), newAddress()).useSession(session.token);
    const answers: string[] = [];
    for (let i = 0; i <= FREE_LOGIN_FAILURES; i++) {
      answers.push(await (await browser.login(email, `forkert-kode-logget-ind-${i}`)).text());
    }
    expect(answers.slice(0, FREE_LOGIN_FAILURES).every((a) => a.includes(GENERIC_LOGIN_ERROR))).toBe(true);
    expect(answers.at(-1)).toContain('For mange forsøg');
    t.clock.advance(SECOND + 1);
  });

  it('keeps neither e-mail addresses nor client addresses in the throttle table', async () => {
    const rows = await t.database.transaction('all', (tx) =>
      tx.selectFrom('login_throttle').selectAll().execute(),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
