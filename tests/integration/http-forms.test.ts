import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import type { Programme } from '../../src/services/cases/programme.service.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { programmeForm } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The programme rules and new user forms through the pages (conventions: Input validation): a bad value
// re-renders the form with DKFDS's error summary ("Fejl: " in the title), keeps what was typed, and changes
// nothing.

let t: TestContext;
let web: TestApp;
let coordinator: Browser;
let coordinatorActor: Actor;
let programme: Programme;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  const session = await loginAs(t, 'coordinator', AARHUS);
  coordinatorActor = session.actor;
  coordinator = new Browser(web).useSession(session.token);
  [programme] = (await t.services.programmes.list(coordinatorActor)) as [Programme];
});
afterAll(() => t.close());

function storedRow(id: string) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('programme').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

describe('the programme rules form', () => {
  it('renders the stored values, with the unticked direct-transfer box unticked', async () => {
    const res = await coordinator.get(`/ordning/${programme.id}/regler`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<input[^>]*name="maxGrantKr"[^>]*value="50000"/);
    expect(html).toMatch(/<input[^>]*name="directTransferEnabled"(?![^>]*checked)[^>]*>/);
    expect(html).toMatch(/<input[^>]*name="receiptsRequired"[^>]*checked/);
  });

  it('saves the form as a browser sends it: unticked boxes are simply absent', async () => {
    const fields = programmeForm(programme, { receiptsRequired: null, durationMonths: '16' });
    expect(fields).not.toHaveProperty('directTransferEnabled');
    const res = await coordinator.submit(`/ordning/${programme.id}/regler`, fields);
    expect([res.status, res.headers.get('location')]).toEqual([303, '/ordning?gemt=1']);
    const saved = await t.services.programmes.get(coordinatorActor, programme.id);
    expect(saved.rules).toMatchObject({
      receiptsRequired: false,
      durationMonths: 16,
      directTransfer: { enabled: false },
    });
    const page = await coordinator.get('/ordning?gemt=1');
    expect(page.status).toBe(200);
    programme = saved;
  });

  it('re-renders a bad value with the error summary, keeps the input and changes nothing', async () => {
    const before = await storedRow(programme.id);
    const res = await coordinator.submit(
      `/ordning/${programme.id}/regler`,
      programmeForm(programme, { maxGrantKr: '60000', targetGroup: 'Unge <18–30> & "andre"' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<title>Fejl: /);
    expect(html).toContain('data-module="error-summary"');
    expect(html).toContain('href="#maxGrantKr"');
    expect(html).toContain('Det højeste budget kan højst være 50.000 kr.');
    expect(html).toMatch(/<input[^>]*name="maxGrantKr"[^>]*value="60000"/);
    expect(html).toMatch(/<input[^>]*name="maxGrantKr"[^>]*aria-invalid="true"/);
    // What was typed comes back escaped.
    expect(html).toContain('Unge &lt;18–30&gt; &amp; &quot;andre&quot;');
    expect(html).not.toContain('<18–30>');
    expect(await storedRow(programme.id)).toEqual(before);
  });
});

describe('the new user form', () => {
  it('re-renders bad input with the error summary and keeps what was typed', async () => {
    const admin = new Browser(web).useSession((await loginAs(t, 'admin', AARHUS)).token);
    const res = await admin.submit('/brugere', { name: 'Ny Person', email: 'ny.person@', role: 'finance' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<title>Fejl: /);
    expect(html).toContain('Skriv en gyldig e-mailadresse, fx navn@kommune.dk.');
    expect(html).toMatch(/<input[^>]*name="name"[^>]*value="Ny Person"/);
    expect(html).toMatch(/<input[^>]*name="email"[^>]*value="ny.person@"/);
    expect(html).toMatch(/<option value="finance" selected/);
    const rows = await t.database.transaction('all', (tx) =>
      tx.selectFrom('app_user').select('id').where('name', '=', 'Ny Person').execute(),
    );
    expect(rows).toEqual([]);
  });

  it('accepts an e-mail address pasted with spaces around it', async () => {
    const admin = new Browser(web).useSession((await loginAs(t, 'admin', AARHUS)).token);
    const res = await admin.submit('/brugere', {
      name: 'Kopieret',
      email: ' kopieret@aarhus.example ',
      role: 'finance',
    });
    expect(res.status).toBe(201);
  });
});
