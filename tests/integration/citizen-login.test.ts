import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, TooManyAttempts, Unauthenticated, ValidationFailed } from '../../src/domain/errors.ts';
import { FREE_LOGIN_FAILURES } from '../../src/domain/session-policy.ts';
import type { Actor } from '../../src/services/context.ts';
import {
  ACTIVATION_CODE_VALID_MS,
  ACTIVATION_FAILED,
} from '../../src/services/access/citizen-login.service.ts';
import { caseIn, HALSNAES, staff, AARHUS } from '../factories/case-factory.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { actorOf } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { readability } from '../support/lix.ts';
import { asDanish, danishFields, GENERIC_ACTIVATION_ERROR } from '../setup/messages.ts';

// The citizen's log-in (spec: Citizen log-in): a one-time activation code from the support person, with which
// the citizen chooses a mobile number or an e-mail and a password; lost access is restored with a new
// code. Decided here: a new code ends the citizen's open sessions at once, but their old password keeps
// working until the new code is used (a code made by mistake, or a letter lost in the post, locks nobody
// out); using it sets the new password and ends every session again.

const PASSWORD = 'blå cykel under broen';
const NEW_PASSWORD = 'gul båd ved havnen i dag';

let t: TestContext;
let web: TestApp;
let coordinator: Actor;
let support: Actor;
let otherSupport: Actor;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  otherSupport = await staff(t, AARHUS, 'stotteperson2');
});
afterAll(() => t.close());

let addressCounter = 0;
/** A new client address per use, so one test's failures never throttle another's. */
const newAddress = () => `203.0.113.${++addressCounter}`;

let phoneCounter = 0;
/** A mobile number no one else in the test uses, written with spaces as a person writes it. */
const newPhone = () => {
  const digits = String(40000000 + ++phoneCounter * 7919);
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
};

const activeCase = () => caseIn(t, 'active', { coordinator, support });

function activate(code: string, login: string, password = PASSWORD, address = newAddress()) {
  return t.services.citizenLogin.activate({ code, login, password, passwordRepeat: password }, address);
}

/** A refusal's field messages in Danish words. */
function fieldsOf(error: Error): Record<string, string> {
  if (!(error instanceof ValidationFailed)) throw new Error('not a ValidationFailed');
  return danishFields(error.fields);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('not an Error');
  return error;
}

function auditOf(action: string) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute(),
  );
}

describe('issuing a code and activating with it', () => {
  it('makes a code of 12 unambiguous characters in groups of four, valid for 14 days', async () => {
    const { caseId } = await activeCase();
    const issued = await t.services.citizenLogin.issueActivationCode(support, caseId);
    expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(issued.expiresAt.getTime() - t.clock.now().getTime()).toBe(ACTIVATION_CODE_VALID_MS);
    expect(ACTIVATION_CODE_VALID_MS).toBe(14 * 24 * 3600 * 1000);
    expect(issued).toMatchObject({ citizenName: 'Test Borger', supportName: support.name });
  });

  it('logs the citizen in by mobile number; the session works, and so does logging in again', async () => {
    const { caseId, citizenId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const phone = newPhone();
    const { token, actor } = await activate(code, phone);
    expect(actor).toEqual({
      userId: expect.any(String) as string,
      role: 'citizen',
      municipalityId: AARHUS,
      municipalityName: 'Aarhus Kommune',
      name: 'Test Borger',
      email: null,
      signIn: { method: 'activation', assurance: 'low' },
    });
    expect((await t.services.auth.authenticate(token))?.actor).toMatchObject({ userId: actor.userId });
    const linked = await t.database.transaction('all', (tx) =>
      tx.selectFrom('citizen').select('user_id').where('id', '=', citizenId).executeTakeFirstOrThrow(),
    );
    expect(linked.user_id).toBe(actor.userId);
    // However the number is written.
    const digits = phone.replace(/ /g, '');
    for (const typed of [phone, `+45 ${phone}`, digits, `0045${digits}`]) {
      const again = await t.services.auth.login({ email: typed, password: PASSWORD }, newAddress());
      expect(again.actor.userId).toBe(actor.userId);
    }
    const stored = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('app_user')
        .select(['phone', 'email'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored).toEqual({ phone: `+45${digits}`, email: null });
  });

  it('logs the citizen in by e-mail, in any case and with spaces', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(coordinator, caseId);
    const { actor } = await activate(code.toLowerCase().replace(/-/g, ' '), ' Mette.Borger@Mail.Example ');
    expect(actor.email).toBe('mette.borger@mail.example');
    const again = await t.services.auth.login(
      { email: 'METTE.BORGER@mail.example', password: PASSWORD },
      newAddress(),
    );
    expect(again.actor).toMatchObject({ userId: actor.userId, role: 'citizen' });
  });

  it('writes the audit log: the account made, the code issued, the activation and the log-in', async () => {
    const { caseId, citizenId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const { actor } = await activate(code, newPhone());
    expect((await auditOf('user.create')).at(-1)).toMatchObject({
      actor_user_id: support.userId,
      entity_id: actor.userId,
      after: { role: 'citizen', citizenId },
    });
    expect((await auditOf('citizen.issueActivationCode')).at(-1)).toMatchObject({
      actor_user_id: support.userId,
      entity_type: 'citizen',
      entity_id: citizenId,
      municipality_id: AARHUS,
    });
    expect((await auditOf('citizen.activate')).at(-1)).toMatchObject({
      actor_user_id: actor.userId,
      actor_role: 'citizen',
      after: { login: 'phone' },
    });
    expect((await auditOf('session.login')).at(-1)).toMatchObject({
      actor_user_id: actor.userId,
      after: { method: 'activation' },
    });
    // The audit log never holds the code, not even its hash.
    const entries = await auditOf('citizen.issueActivationCode');
    expect(JSON.stringify(entries)).not.toContain(code);
  });
});

describe('refusals', () => {
  it('answers a wrong code with one generic message, and slows down after five failures', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      const error = await failure(activate(`ABCD-EFGH-JKM${i + 2}`, newPhone(), PASSWORD, address));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(asDanish(error)).toMatchObject({
        message: GENERIC_ACTIVATION_ERROR,
        fields: { code: ACTIVATION_FAILED },
      });
    }
    // Even the right code waits now.
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const throttled = await failure(activate(code, newPhone(), PASSWORD, address));
    expect(throttled).toBeInstanceOf(TooManyAttempts);
    t.clock.advance(2_000);
    const { actor } = await activate(code, newPhone(), PASSWORD, address);
    expect(actor.role).toBe('citizen');
  });

  it('checks no more codes in a burst of parallel guesses than one after another', async () => {
    const address = newAddress();
    const errors = await Promise.all(
      Array.from({ length: 40 }, () => failure(activate('ABCD-EFGH-JKMN', newPhone(), PASSWORD, address))),
    );
    // The generic refusal comes only after the code was checked; TooManyAttempts before it.
    expect(errors.filter((e) => e instanceof ValidationFailed)).toHaveLength(FREE_LOGIN_FAILURES);
    expect(errors.filter((e) => e instanceof TooManyAttempts)).toHaveLength(40 - FREE_LOGIN_FAILURES);
  });

  it('refuses an expired code with the same message', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    t.clock.advance(ACTIVATION_CODE_VALID_MS + 1);
    const error = await failure(activate(code, newPhone()));
    expect(asDanish(error)).toMatchObject({ message: GENERIC_ACTIVATION_ERROR });
  });

  it('refuses a code used once already', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    await activate(code, newPhone());
    const error = await failure(activate(code, newPhone()));
    expect(asDanish(error)).toMatchObject({ message: GENERIC_ACTIVATION_ERROR });
  });

  it('refuses a staff reset code, and an activation code is no staff reset code', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const admin = await actorOf(t, 'admin');
    const staffCode = (await t.services.users.issueResetCode(admin, otherSupport.userId)).code;
    expect(asDanish(await failure(activate(staffCode, newPhone())))).toMatchObject({
      message: GENERIC_ACTIVATION_ERROR,
    });
    const reset = t.services.users.resetPassword(
      { email: otherSupport.email, code, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD },
      newAddress(),
    );
    expect(await failure(reset)).toBeInstanceOf(ValidationFailed);
  });

  it('keeps the code when the password is refused, and says what to fix', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const phone = newPhone();
    const short = await failure(activate(code, phone, 'kort'));
    expect(fieldsOf(short)).toMatchObject({
      password: expect.stringContaining('12 tegn') as string,
    });
    const mismatch = await failure(
      t.services.citizenLogin.activate(
        { code, login: phone, password: PASSWORD, passwordRepeat: `${PASSWORD}!` },
        newAddress(),
      ),
    );
    expect(fieldsOf(mismatch)).toMatchObject({
      passwordRepeat: expect.any(String) as string,
    });
    const badLogin = await failure(activate(code, '1234'));
    expect(fieldsOf(badLogin)).toMatchObject({
      login: expect.stringContaining('8 cifre') as string,
    });
    const { actor } = await activate(code, phone);
    expect(actor.role).toBe('citizen');
  });

  it('never slows down the right code, however often the password is refused', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const address = newAddress();
    for (let i = 0; i <= FREE_LOGIN_FAILURES; i++) {
      const short = await failure(activate(code, newPhone(), 'kort', address));
      expect(fieldsOf(short)).toMatchObject({
        password: expect.stringContaining('12 tegn') as string,
      });
    }
    const { actor } = await activate(code, newPhone(), PASSWORD, address);
    expect(actor.role).toBe('citizen');
  });

  it('refuses a mobile number or an e-mail another user logs in with', async () => {
    const first = await activeCase();
    const phone = newPhone();
    await activate((await t.services.citizenLogin.issueActivationCode(support, first.caseId)).code, phone);
    const second = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, second.caseId);
    const taken = await failure(activate(code, `+45${phone.replace(/ /g, '')}`));
    expect(fieldsOf(taken)).toMatchObject({
      login: expect.stringContaining('bruges allerede') as string,
    });
    const staffEmail = await failure(activate(code, coordinator.email ?? ''));
    expect(fieldsOf(staffEmail)).toMatchObject({
      login: expect.stringContaining('bruges allerede') as string,
    });
    expect((await activate(code, newPhone())).actor.role).toBe('citizen');
  });

  it('lets only the support person of the case and the coordinator issue a code; others get NotFound', async () => {
    const { caseId } = await activeCase();
    const halsnaesCoordinator = await staff(t, HALSNAES, 'koordinator');
    const halsnaesSupport = await staff(t, HALSNAES, 'stotteperson');
    for (const actor of [
      otherSupport,
      halsnaesCoordinator,
      halsnaesSupport,
      await actorOf(t, 'finance'),
      await actorOf(t, 'admin'),
      await actorOf(t, 'evaluator'),
    ]) {
      expect(await failure(t.services.citizenLogin.issueActivationCode(actor, caseId))).toBeInstanceOf(
        NotFound,
      );
    }
    const missing = t.services.citizenLogin.issueActivationCode(
      support,
      '00000000-0000-4000-8000-000000000000',
    );
    expect(await failure(missing)).toBeInstanceOf(NotFound);
    expect(await failure(t.services.citizenLogin.issueActivationCode(support, 'not-a-uuid'))).toBeInstanceOf(
      NotFound,
    );
  });

  it('lets a citizen issue no code, not even on their own case', async () => {
    const { caseId } = await activeCase();
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const { actor } = await activate(code, newPhone());
    expect(await failure(t.services.citizenLogin.issueActivationCode(actor, caseId))).toBeInstanceOf(
      NotFound,
    );
  });
});

describe('restoring lost access with a new code', () => {
  it('ends open sessions at once; the old password works until the new code is used, then only the new one', async () => {
    const { caseId } = await activeCase();
    const phone = newPhone();
    const first = await t.services.citizenLogin.issueActivationCode(support, caseId);
    const { token, actor } = await activate(first.code, phone);

    const second = await t.services.citizenLogin.issueActivationCode(support, caseId);
    expect(await t.services.auth.authenticate(token)).toBeNull();
    // The first code is replaced, even had it not been used.
    expect(asDanish(await failure(activate(first.code, phone)))).toMatchObject({
      message: GENERIC_ACTIVATION_ERROR,
    });
    // The old password still lets the citizen in until they use the new code.
    const meanwhile = await t.services.auth.login({ email: phone, password: PASSWORD }, newAddress());
    expect(meanwhile.actor.userId).toBe(actor.userId);

    const renewed = await activate(second.code, phone, NEW_PASSWORD);
    expect(renewed.actor.userId).toBe(actor.userId);
    expect(await t.services.auth.authenticate(meanwhile.token)).toBeNull();
    expect(
      await failure(t.services.auth.login({ email: phone, password: PASSWORD }, newAddress())),
    ).toBeInstanceOf(Unauthenticated);
    const after = await t.services.auth.login({ email: phone, password: NEW_PASSWORD }, newAddress());
    expect(after.actor.userId).toBe(actor.userId);
  });

  it('lets the citizen change from mobile number to e-mail; the number no longer logs in', async () => {
    const { caseId } = await activeCase();
    const phone = newPhone();
    await activate((await t.services.citizenLogin.issueActivationCode(support, caseId)).code, phone);
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    await activate(code, 'skiftet@mail.example', NEW_PASSWORD);
    expect(
      await failure(t.services.auth.login({ email: phone, password: NEW_PASSWORD }, newAddress())),
    ).toBeInstanceOf(Unauthenticated);
    const { actor } = await t.services.auth.login(
      { email: 'skiftet@mail.example', password: NEW_PASSWORD },
      newAddress(),
    );
    expect(actor.email).toBe('skiftet@mail.example');
  });
});

describe('the pages', () => {
  async function supportBrowser(): Promise<Browser> {
    const browser = new Browser(web, newAddress());
    browser.useSession(
      (await t.services.auth.login({ email: support.email ?? '', password: DEMO_PASSWORD }, newAddress()))
        .token,
    );
    return browser;
  }

  function codeOf(html: string): string {
    const code = /id="activation-code">([A-Z0-9-]+)</.exec(html)?.[1];
    if (!code) throw new Error('no code on the page');
    return code;
  }

  it('issues a code from the case page, activates at /aktiver and logs in at /log-ind by phone', async () => {
    const { caseId } = await activeCase();
    const staffBrowser = await supportBrowser();
    const casePage = await (await staffBrowser.get(`/forloeb/${caseId}`)).text();
    expect(casePage).toContain(`action="/forloeb/${caseId}/aktiveringskode"`);
    const issued = await staffBrowser.submit(`/forloeb/${caseId}/aktiveringskode`, {});
    expect(issued.status).toBe(201);
    const letter = await issued.text();
    const code = codeOf(letter);
    expect(letter).toContain('localhost:3000/aktiver');
    expect(letter).toContain(support.name);

    const citizen = new Browser(web, newAddress());
    const phone = newPhone();
    const done = await citizen.submit('/aktiver', {
      code,
      login: phone,
      password: PASSWORD,
      passwordRepeat: PASSWORD,
    });
    expect([done.status, done.headers.get('location')]).toEqual([303, '/borger']);
    const home = await citizen.get('/');
    expect([home.status, home.headers.get('location')]).toEqual([303, '/borger']);

    await citizen.submit('/log-ud', {});
    const login = await citizen.login(phone, PASSWORD);
    expect([login.status, login.headers.get('location')]).toEqual([303, '/borger']);
    // Staff still land on the front page.
    const staffLogin = await new Browser(web, newAddress()).login(coordinator.email ?? '', DEMO_PASSWORD);
    expect(staffLogin.headers.get('location')).toBe('/');
  });

  it('keeps what was typed (not the passwords) and shows the generic message for a wrong code', async () => {
    const citizen = new Browser(web, newAddress());
    const res = await citizen.submit('/aktiver', {
      code: 'AAAA-BBBB-CCCC',
      login: '22 33 44 55',
      password: PASSWORD,
      passwordRepeat: PASSWORD,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(GENERIC_ACTIVATION_ERROR);
    expect(html).toMatch(/name="code"[^>]*value="AAAA-BBBB-CCCC"/);
    expect(html).toMatch(/name="login"[^>]*value="22 33 44 55"/);
    expect(html).not.toContain(PASSWORD);
  });

  it('never shows a code again when the form is sent twice with the same idempotency key', async () => {
    const { caseId } = await activeCase();
    const staffBrowser = await supportBrowser();
    const form = { _csrf: await staffBrowser.csrfToken(), _idem: 'citizen-code-replay-1' };
    const first = await staffBrowser.post(`/forloeb/${caseId}/aktiveringskode`, form);
    expect(first.status).toBe(201);
    const replay = await staffBrowser.post(`/forloeb/${caseId}/aktiveringskode`, form);
    expect([replay.status, replay.headers.get('location')]).toEqual([303, `/forloeb/${caseId}`]);
  });

  it('keeps the activation page and the letter easy to read (LIX ≤ 35)', async () => {
    const page = readability(await (await new Browser(web).get('/aktiver')).text());
    const { caseId } = await activeCase();
    const issued = await (await supportBrowser()).submit(`/forloeb/${caseId}/aktiveringskode`, {});
    const html = await issued.text();
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
    const letter = readability(article);
    expect(letter.words).toBeGreaterThan(40);
    expect(page.lix, page.sentencesText.join('\n')).toBeLessThanOrEqual(35);
    expect(letter.lix, letter.sentencesText.join('\n')).toBeLessThanOrEqual(35);
  });
});

describe('a citizen and the staff side', () => {
  let citizen: Browser;
  let caseId: string;
  let token: string;
  beforeAll(async () => {
    ({ caseId } = await activeCase());
    const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
    ({ token } = await activate(code, newPhone()));
    citizen = new Browser(web, newAddress()).useSession(token);
  });

  it('gets "not found" for staff pages, even their own case', async () => {
    const missing = await citizen.get('/findes-ikke');
    expect(missing.status).toBe(404);
    const missingText = (await missing.text()).replace(/(nonce|value|href)="[^"]*"/g, '');
    for (const path of [
      '/forloeb',
      '/forloeb/oversigt',
      `/forloeb/${caseId}`,
      `/forloeb/${caseId}/plan`,
      '/brugere',
      '/ordning',
      '/api-noegler',
      '/rapport',
    ]) {
      const res = await citizen.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect((await res.text()).replace(/(nonce|value|href)="[^"]*"/g, '')).toEqual(missingText);
    }
    const post = await citizen.submit(`/forloeb/${caseId}/aktiveringskode`, {});
    expect(post.status).toBe(404);
  });

  it('gets "not found" from the API, as for a route that does not exist', async () => {
    const missing = await citizen.get('/api/v1/findes-ikke');
    for (const path of ['/api/v1/me', '/api/v1/cases', `/api/v1/cases/${caseId}`, '/api/v1/programmes']) {
      const res = await citizen.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      const body = (await res.json()) as { error?: { code?: string } };
      expect(body.error?.code).toBe('not_found');
    }
    expect(missing.status).toBe(404);
  });
});

describe('the demo citizens', () => {
  it('log in by e-mail (Mads, Aarhus) and by mobile number (Sara, Kolding), also after loading again', async () => {
    await t.services.demo.load();
    const mads = await t.services.auth.login(
      { email: 'borger@aarhus.example', password: DEMO_PASSWORD },
      newAddress(),
    );
    expect(mads.actor).toMatchObject({ role: 'citizen', name: 'Mads Bøgh', municipalityId: AARHUS });
    const sara = await t.services.auth.login({ email: '20260001', password: DEMO_PASSWORD }, newAddress());
    expect(sara.actor).toMatchObject({ role: 'citizen', name: 'Sara Lindqvist', municipalityId: 621 });
    expect(t.services.demo.logins().filter((l) => l.role === 'citizen')).toEqual([
      {
        municipality: 'Aarhus Kommune (751)',
        role: 'citizen',
        name: 'Mads Bøgh',
        email: 'borger@aarhus.example',
      },
      {
        municipality: 'Kolding Kommune (621)',
        role: 'citizen',
        name: 'Sara Lindqvist',
        email: '20 26 00 01',
      },
    ]);
  });
});
