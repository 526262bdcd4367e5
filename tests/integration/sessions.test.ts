import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createStaffUser, loginAs } from '../setup/actors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Sessions (spec: Sessions; ASVS 5.0 §7): stored in the database behind an opaque token, a new token at
// every log-in, ended after 30 idle minutes, after 12 hours in all, at log-out, and at once when the
// account is deactivated.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function sessionRow(token: string) {
  const hash = createHash('sha256').update(token).digest('hex');
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('user_session').selectAll().where('token_hash', '=', hash).executeTakeFirstOrThrow(),
  );
}

describe('sessions', () => {
  it('gives a new token at every log-in, and stores only its hash', async () => {
    const first = await loginAs(t, 'support');
    const second = await loginAs(t, 'support');
    expect(second.token).not.toBe(first.token);
    const row = await sessionRow(first.token);
    expect(row).toMatchObject({
      user_id: first.actor.userId,
      municipality_id: 751,
      created_at: t.clock.now(),
      last_seen_at: t.clock.now(),
      ended_at: null,
    });
    const raw = await t.database.transaction('all', (tx) =>
      tx.selectFrom('user_session').select('token_hash').where('token_hash', '=', first.token).execute(),
    );
    expect(raw).toEqual([]);
    // Both sessions are valid: a user may be logged in on two devices.
    expect((await t.services.auth.authenticate(first.token))?.actor.userId).toBe(first.actor.userId);
    expect((await t.services.auth.authenticate(second.token))?.actor.userId).toBe(first.actor.userId);
  });

  it('returns the actor and when the session expires', async () => {
    const { token, actor } = await loginAs(t, 'coordinator');
    const found = await t.services.auth.authenticate(token, 'req-12345678');
    expect(found).toEqual({
      actor: { ...actor, requestId: 'req-12345678' },
      expiresAt: new Date(t.clock.now().getTime() + 30 * MINUTE),
    });
  });

  it('knows no unknown, malformed or empty token', async () => {
    expect(await t.services.auth.authenticate('x'.repeat(43))).toBeNull();
    expect(await t.services.auth.authenticate('short')).toBeNull();
    expect(await t.services.auth.authenticate('')).toBeNull();
    expect(await t.services.auth.authenticate('y'.repeat(5000))).toBeNull();
  });

  it('ends after 30 idle minutes', async () => {
    const { token } = await loginAs(t, 'finance');
    t.clock.advance(30 * MINUTE);
    expect(await t.services.auth.authenticate(token)).not.toBeNull();
    // That look touched the session; 30 more minutes and 1 ms of silence end it.
    t.clock.advance(30 * MINUTE + 1);
    expect(await t.services.auth.authenticate(token)).toBeNull();
    expect((await sessionRow(token)).ended_at).toEqual(t.clock.now());
    // Ended means ended: activity afterwards does not bring it back.
    expect(await t.services.auth.authenticate(token)).toBeNull();
  });

  it('writes activity at most once a minute, and reports the expiry from the last write', async () => {
    const { token } = await loginAs(t, 'finance');
    const loggedInAt = t.clock.now();
    t.clock.advance(30_000);
    const found = await t.services.auth.authenticate(token);
    expect(found?.expiresAt).toEqual(new Date(loggedInAt.getTime() + 30 * MINUTE));
    expect((await sessionRow(token)).last_seen_at).toEqual(loggedInAt);
    t.clock.advance(31_000);
    const later = await t.services.auth.authenticate(token);
    expect((await sessionRow(token)).last_seen_at).toEqual(t.clock.now());
    expect(later?.expiresAt).toEqual(new Date(t.clock.now().getTime() + 30 * MINUTE));
  });

  it('ends after 12 hours in all, even when used every 20 minutes', async () => {
    const { token } = await loginAs(t, 'support');
    const loggedInAt = t.clock.now().getTime();
    for (let step = 1; step <= 36; step++) {
      t.clock.advance(20 * MINUTE);
      const found = await t.services.auth.authenticate(token);
      expect(found, `after ${step * 20} minutes`).not.toBeNull();
      // The idle timeout, or the absolute one when that comes first.
      const expected = Math.min(t.clock.now().getTime() + 30 * MINUTE, loggedInAt + 12 * HOUR);
      expect(found?.expiresAt.getTime()).toBe(expected);
    }
    t.clock.advance(1);
    expect(await t.services.auth.authenticate(token)).toBeNull();
  });

  it('can be kept alive by the idle warning, but not past 12 hours or once idle too long', async () => {
    const { token } = await loginAs(t, 'support');
    const loggedInAt = t.clock.now().getTime();
    t.clock.advance(25 * MINUTE);
    expect(await t.services.auth.keepAlive(token)).toEqual(new Date(loggedInAt + 55 * MINUTE));
    t.clock.advance(25 * MINUTE);
    expect(await t.services.auth.authenticate(token)).not.toBeNull();
    t.clock.advance(31 * MINUTE);
    expect(await t.services.auth.keepAlive(token)).toBeNull();
    expect(await t.services.auth.authenticate(token)).toBeNull();
  });

  it('ends at log-out', async () => {
    const { token, actor } = await loginAs(t, 'coordinator');
    const other = await loginAs(t, 'coordinator');
    await t.services.auth.logout(token, actor);
    expect(await t.services.auth.authenticate(token)).toBeNull();
    expect((await sessionRow(token)).ended_at).toEqual(t.clock.now());
    // Logging out on one device leaves the other alone.
    expect(await t.services.auth.authenticate(other.token)).not.toBeNull();
  });

  it("ends all of a user's sessions at once when the account is deactivated", async () => {
    const admin = await actorOf(t, 'admin');
    const staff = await createStaffUser(t, admin, { role: 'coordinator' });
    const a = await t.services.auth.login({ email: staff.email, password: staff.password }, '192.0.2.7');
    const b = await t.services.auth.login({ email: staff.email, password: staff.password }, '192.0.2.8');
    expect(await t.services.auth.authenticate(a.token)).not.toBeNull();

    t.clock.advance(1000);
    await t.services.users.deactivate(admin, staff.user.id);
    expect(await t.services.auth.authenticate(a.token)).toBeNull();
    expect(await t.services.auth.authenticate(b.token)).toBeNull();
    expect(await t.services.auth.keepAlive(b.token)).toBeNull();
    for (const token of [a.token, b.token]) {
      expect((await sessionRow(token)).ended_at).toEqual(t.clock.now());
    }
    // The admin's own session is untouched.
    const adminSession = await loginAs(t, 'admin');
    expect(await t.services.auth.authenticate(adminSession.token)).not.toBeNull();
  });

  it('ends the sessions of a user who sets a new password with a one-time code', async () => {
    const admin = await actorOf(t, 'admin');
    const staff = await createStaffUser(t, admin);
    const before = await t.services.auth.login({ email: staff.email, password: staff.password }, '192.0.2.9');
    const { code } = await t.services.users.issueResetCode(admin, staff.user.id);
    const password = 'blå cykel under gammel bro';
    await t.services.users.resetPassword(
      { email: staff.email, code, password, passwordRepeat: password },
      '192.0.2.9',
    );
    expect(await t.services.auth.authenticate(before.token)).toBeNull();
    const after = await t.services.auth.login({ email: staff.email, password }, '192.0.2.9');
    expect(await t.services.auth.authenticate(after.token)).not.toBeNull();
  });
});
