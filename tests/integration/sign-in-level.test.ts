import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInLevelTooLow } from '../../src/domain/errors.ts';
import type { ChangeAssuranceLevel } from '../../src/domain/sign-in.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// A session records how its user signed in and at which level; a municipality whose programme asks for
// "substantial" gets no change to money or personal data from a session below it — only the changes to
// one's own sign-in (log out, stay logged in) — and the app's own work is not limited
// (spec: Log-in and assurance).

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

async function requireLevel(level: ChangeAssuranceLevel): Promise<void> {
  await t.database.transaction('all', (tx) =>
    tx
      .updateTable('programme')
      .set({ change_assurance: level })
      .where('municipality_id', '=', AARHUS)
      .execute(),
  );
}

/** Whether a command by `actor` ran its effect. */
async function performs(actor: Actor, ownSignIn = false): Promise<boolean> {
  let ran = false;
  await t.services.commands.run(
    actor,
    null,
    () => {
      ran = true;
      return Promise.resolve({ response: { status: 204, headers: {}, body: '' }, keep: true });
    },
    { ownSignIn },
  );
  return ran;
}

describe('the level a session was started at', () => {
  it('is recorded with the session and audited with the log-in', async () => {
    const { token, actor } = await loginAs(t, 'coordinator');
    expect(actor.signIn).toEqual({ method: 'password', assurance: 'low' });
    const found = await t.services.auth.authenticate(token);
    expect(found?.actor.signIn).toEqual({ method: 'password', assurance: 'low' });
    const audit = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select('after')
        .where('actor_user_id', '=', actor.userId)
        .where('action', '=', 'session.login')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow(),
    );
    expect(audit.after).toEqual({ method: 'password', assurance: 'low' });
  });
});

describe('a programme that asks for a substantial level before changes', () => {
  it('refuses a password-only session and runs nothing of the command', async () => {
    const { actor } = await loginAs(t, 'coordinator');
    await requireLevel('substantial');
    try {
      await expect(performs(actor)).rejects.toBeInstanceOf(SignInLevelTooLow);
    } finally {
      await requireLevel('low');
    }
    expect(await performs(actor)).toBe(true);
  });

  it("lets any level change its own sign-in, a substantial session change anything, and the app's own work run", async () => {
    const { actor } = await loginAs(t, 'coordinator');
    await requireLevel('substantial');
    try {
      expect(await performs(actor, true)).toBe(true);
      expect(
        await performs({ ...actor, signIn: { method: 'password_totp', assurance: 'substantial' } }),
      ).toBe(true);
      expect(await performs({ ...actor, signIn: { method: 'mitid', assurance: 'high' } })).toBe(true);
      const { signIn: _none, ...system } = actor;
      expect(await performs(system)).toBe(true);
    } finally {
      await requireLevel('low');
    }
  });

  it('answers a form with a plain 403 page and changes nothing, while logging out still works', async () => {
    const browser = new Browser(buildApp(t.services));
    const { token } = await loginAs(t, 'admin');
    browser.useSession(token);
    await requireLevel('substantial');
    try {
      const email = 'niveau.test@aarhus.example';
      const res = await browser.submit('/brugere', { name: 'Niveau Test', email, role: 'support' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Log ind på en sikrere måde');
      const created = await t.database.transaction('all', (tx) =>
        tx.selectFrom('app_user').select('id').where('email', '=', email).execute(),
      );
      expect(created).toEqual([]);
      const out = await browser.submit('/log-ud', {});
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/log-ind?besked=logget-af');
      expect(await t.services.auth.authenticate(token)).toBeNull();
    } finally {
      await requireLevel('low');
    }
  });
});
