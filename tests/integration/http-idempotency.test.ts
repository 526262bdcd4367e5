import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, HALSNAES, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { programmeForm } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Every form carries an idempotency key, so a double submit has one effect (spec: Idempotency keys):
// a repeat gets the first answer (never a one-time code twice), the same key with another body is
// refused, a failed request lets go of its key, and keys belong to one user.

let t: TestContext;
let web: TestApp;
let admin: Browser;
let adminActor: Actor;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  const session = await loginAs(t, 'admin', AARHUS);
  adminActor = session.actor;
  admin = new Browser(web).useSession(session.token);
});
afterAll(() => t.close());

const CODE = /[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/;

async function usersWithEmail(email: string): Promise<number> {
  const rows = await t.database.transaction('all', (tx) =>
    tx.selectFrom('app_user').select('id').where('email', '=', email).execute(),
  );
  return rows.length;
}

async function postUser(browser: Browser, key: string, fields: Record<string, string>) {
  return browser.post('/brugere', { _csrf: await browser.csrfToken(), _idem: key, ...fields });
}

describe('idempotent forms', () => {
  it('creates one user from a double-submitted form; the repeat is sent to the list without the code', async () => {
    const key = newIdempotencyKey();
    const fields = { name: 'Dobbelt Klik', email: 'dobbelt.klik@aarhus.example', role: 'support' };
    const first = await postUser(admin, key, fields);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.headers.get('x-replay-as')).toBeNull();
    const code = CODE.exec(await first.text())?.[0];
    expect(code).toBeDefined();

    const second = await postUser(admin, key, fields);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/brugere');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const body = await second.text();
    expect(body).not.toContain(code);
    expect(body).not.toMatch(CODE);
    expect(await usersWithEmail('dobbelt.klik@aarhus.example')).toBe(1);
  });

  it('refuses the same key with a different body or on another path (409), and changes nothing', async () => {
    const key = newIdempotencyKey();
    const fields = { name: 'Første', email: 'forste@aarhus.example', role: 'support' };
    expect((await postUser(admin, key, fields)).status).toBe(201);
    const other = await postUser(admin, key, { ...fields, email: 'anden@aarhus.example' });
    expect(other.status).toBe(409);
    expect(await other.text()).toContain('Nøglen er allerede brugt til en anden forespørgsel.');
    const elsewhere = await admin.post(`/brugere/${adminActor.userId}/engangskode`, {
      _csrf: await admin.csrfToken(),
      _idem: key,
    });
    expect(elsewhere.status).toBe(409);
    expect(await usersWithEmail('anden@aarhus.example')).toBe(0);
  });

  it('lets go of the key when the request failed, so the corrected form can use it', async () => {
    const key = newIdempotencyKey();
    const bad = await postUser(admin, key, { name: 'Rettet', email: 'ikke-en-adresse', role: 'support' });
    expect(bad.status).toBe(422);
    // The corrected form is a new request body; it must not be refused as a mismatch.
    const good = await postUser(admin, key, {
      name: 'Rettet',
      email: 'rettet@aarhus.example',
      role: 'support',
    });
    expect(good.status).toBe(201);
    expect(await usersWithEmail('rettet@aarhus.example')).toBe(1);
  });

  it('keeps keys per user: another user may use the same key', async () => {
    const key = newIdempotencyKey();
    expect(
      (await postUser(admin, key, { name: 'Aarhus', email: 'nogle@aarhus.example', role: 'support' })).status,
    ).toBe(201);
    const halsnaes = new Browser(web).useSession((await loginAs(t, 'admin', HALSNAES)).token);
    const res = await postUser(halsnaes, key, {
      name: 'Halsnæs',
      email: 'nogle@halsnaes.example',
      role: 'support',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('gives two simultaneous submits one effect: the second waits for the first and gets its answer', async () => {
    const key = newIdempotencyKey();
    const fields = { name: 'Samtidig', email: 'samtidig@aarhus.example', role: 'finance' };
    const token = await admin.csrfToken();
    const body = { _csrf: token, _idem: key, ...fields };
    const responses = await Promise.all([admin.post('/brugere', body), admin.post('/brugere', body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 303]);
    const replay = responses.find((r) => r.status === 303);
    expect(replay?.headers.get('idempotent-replayed')).toBe('true');
    expect(await usersWithEmail('samtidig@aarhus.example')).toBe(1);
  });

  it('replays a saved programme change as the same redirect, and saves it once', async () => {
    const { token, actor } = await loginAs(t, 'coordinator', AARHUS);
    const coordinator = new Browser(web).useSession(token);
    const [programme] = await t.services.programmes.list(actor);
    if (!programme) throw new Error('no programme');
    const fields = {
      _csrf: await coordinator.csrfToken(),
      _idem: newIdempotencyKey(),
      ...programmeForm(programme, { durationMonths: '14' }),
    };
    const events = async () =>
      (
        await t.database.transaction('all', (tx) =>
          tx
            .selectFrom('audit_event')
            .select('id')
            .where('action', '=', 'programme.updateSettings')
            .execute(),
        )
      ).length;
    const before = await events();
    const first = await coordinator.post(`/ordning/${programme.id}/regler`, fields);
    expect([first.status, first.headers.get('location')]).toEqual([303, '/ordning?gemt=1']);
    const second = await coordinator.post(`/ordning/${programme.id}/regler`, fields);
    expect([second.status, second.headers.get('location')]).toEqual([303, '/ordning?gemt=1']);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await events()).toBe(before + 1);
    expect((await t.services.programmes.get(actor, programme.id)).rules.durationMonths).toBe(14);
  });
});
