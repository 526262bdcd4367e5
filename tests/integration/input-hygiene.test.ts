import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { GENERIC_LOGIN_ERROR } from '../setup/messages.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { caseIn, testCpr } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { actorOf, AARHUS, demoEmailOf, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Input hygiene at the boundary, through HTTP: a control character in a text field is refused with a
// Danish message at the field; in the address or a cookie the request is refused; a redirect taken
// from the request stays on the site; an uploaded file's name loses its bidi and zero-width
// characters. Never a 500, and a refused request changes nothing.

const CONTROL_CHARACTER_MESSAGE = da['field.controlCharacter'];
const CONTROL_IN_REQUEST_MESSAGE = da['error.controlInRequest'];

let t: TestContext;
let web: TestApp;
let team: MoneyTeam;
let caseId: string;
let supportToken: string;
let support: Browser;
let coordinator: Browser;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  team = await moneyTeam(t);
  ({ caseId } = await caseIn(t, 'active', team));
  const admin = await actorOf(t, 'admin', AARHUS);
  supportToken = (await t.services.apiTokens.issue(admin, { userId: team.support.userId, name: 'Test' }))
    .token;
  support = new Browser(web).useSession((await loginAs(t, 'support', AARHUS)).token);
  coordinator = new Browser(web).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
});
afterAll(() => t.close());

/** A call to the API with the support person's token: a read, or a write with a JSON or multipart body. */
async function api(method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${supportToken}` });
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers.set('idempotency-key', newIdempotencyKey());
    if (!(body instanceof FormData)) headers.set('content-type', 'application/json');
    payload = body instanceof FormData ? body : JSON.stringify(body);
  }
  return await web.app.request(`${web.config.baseUrl.origin}/api/v1${path}`, {
    method,
    headers,
    body: payload,
  });
}

const TABLES = [
  'audit_event',
  'citizen',
  'follow_up_note',
  'purchase_request',
  'purchase_attachment',
  'login_throttle',
  'user_session',
] as const;

/** How many rows the tables a refused request could have written to hold. */
function rowCounts() {
  return t.database.transaction('all', async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  });
}

const purchase = (title: string) => ({
  title,
  purpose: 'Kan komme til praktik',
  amountKr: '2500',
  category: 'transport',
  vendorId: team.vendorId,
  paymentMethod: 'bank_transfer',
});

/** The inline message of a page's field (DKFDS: a hidden "Fejl: " before it). */
function inlineError(html: string, fieldId: string): string | undefined {
  return new RegExp(`id="${fieldId}-error"><span class="sr-only">[^<]*</span>([^<]*)<`).exec(html)?.[1];
}

describe('a control character in a text field', () => {
  const rows: {
    what: string;
    send: () => Promise<Response>;
    status: number;
    /** The field whose message it is: a page's field id, or the API's field name. */
    field: string;
    message: string;
  }[] = [
    {
      what: "a citizen's name on referral (NUL)",
      send: () =>
        coordinator.submit('/forloeb/ny/borger', {
          cpr: testCpr(),
          name: 'An\u0000na',
          preferredLanguage: 'da',
        }),
      status: 422,
      field: 'name',
      message: CONTROL_CHARACTER_MESSAGE,
    },
    {
      what: 'a follow-up note (ESC)',
      send: () => support.submit(`/forloeb/${caseId}/noter`, { 'note.body': 'Mødtes\u001b[31m i dag' }),
      status: 422,
      field: 'note-body',
      message: CONTROL_CHARACTER_MESSAGE,
    },
    {
      what: 'a purchase request title (NUL)',
      send: () => support.submit(`/forloeb/${caseId}/anmodninger/ny`, purchase('Cykel\u0000')),
      status: 422,
      field: 'title',
      message: CONTROL_CHARACTER_MESSAGE,
    },
    {
      what: 'a purchase request title (a line break in a one-line field)',
      send: () => support.submit(`/forloeb/${caseId}/anmodninger/ny`, purchase('Cykel\nmed lygter')),
      status: 422,
      field: 'title',
      message: CONTROL_CHARACTER_MESSAGE,
    },
    {
      what: 'the log-in e-mail (NUL): the one message of every failed log-in',
      send: () => new Browser(web).login(`${demoEmailOf('support')}\u0000`, DEMO_PASSWORD),
      status: 401,
      field: 'email',
      message: GENERIC_LOGIN_ERROR,
    },
    {
      what: 'an API JSON body field: a note (NUL)',
      send: () => api('POST', `/cases/${caseId}/notes`, { body: 'Mødtes\u0000 i dag' }),
      status: 422,
      field: 'body',
      message: CONTROL_CHARACTER_MESSAGE,
    },
  ];

  it.each(rows)('$what: $status with the message at the field, nothing changed', async (row) => {
    const before = await rowCounts();
    const res = await row.send();
    expect(res.status).toBe(row.status);
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
      const json = (await res.json()) as { error: { fields: Record<string, string> } };
      expect(json.error.fields[row.field]).toBe(row.message);
    } else {
      expect(inlineError(await res.text(), row.field)).toBe(row.message);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps tabs and line breaks (CRLF, as browsers send them) in a multi-line field', async () => {
    const body = 'Mødtes i dag.\r\n\tAftalt: ny tid om en uge.';
    const res = await support.submit(`/forloeb/${caseId}/noter`, { 'note.body': body });
    expect(res.status).toBe(303);
    const notes = await t.services.notes.list(team.support, caseId, '/test');
    expect(notes.map((n) => n.body)).toContain(body);
  });
});

describe('a control character in the address or a cookie', () => {
  const rows: { what: string; send: () => Promise<Response> }[] = [
    {
      what: 'a query-string search (NUL)',
      send: () => coordinator.get('/forloeb/oversigt?stoetteperson=%00'),
    },
    { what: 'an API query-string search (NUL)', send: () => api('GET', '/cases?supportUserId=a%00b') },
    { what: 'a path parameter (NUL)', send: () => coordinator.get('/forloeb/%00') },
    {
      what: 'the language switch with a tab',
      send: () => coordinator.get('/sprog/en?tilbage=/%09/evil.example'),
    },
    {
      what: 'the language switch with a line break',
      send: () => coordinator.get('/sprog/en?tilbage=/%0a/evil.example'),
    },
    {
      what: 'a cookie (NUL)',
      send: () => {
        const browser = new Browser(web);
        browser.cookies.set(browser.cookieName('lang'), 'da%00');
        return browser.get('/log-ind');
      },
    },
  ];

  it.each(rows)('$what: 400 with the message, nothing changed', async (row) => {
    const before = await rowCounts();
    const res = await row.send();
    expect([res.status, await res.text()]).toEqual([400, CONTROL_IN_REQUEST_MESSAGE]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("the language switch's way back", () => {
  // As the query string carries it.
  it.each([
    ['/forloeb%3Fgemt%3D1', '/forloeb?gemt=1'],
    ['//evil.example', '/'],
    ['/%5Cevil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/a/../..//evil.example', '/'],
  ])('tilbage=%s goes to %j', async (back, location) => {
    const res = await coordinator.get(`/sprog/en?tilbage=${back}`);
    expect([res.status, res.headers.get('location')]).toEqual([303, location]);
  });
});

describe("an uploaded file's name", () => {
  it('loses its right-to-left override, so it shows what it is', async () => {
    const requestId = await t.services.purchases.create(team.support, caseId, purchase('Cykel'));
    const form = new FormData();
    form.set('kind', 'quote');
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n% tilbud\n')], 'passwd\u202Egpj.pdf'));
    const res = await api('POST', `/purchase-requests/${requestId}/attachments`, form);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stored = await t.database.transaction('all', (tx) =>
      tx.selectFrom('purchase_attachment').select('file_name').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(stored.file_name).toBe('passwdgpj.pdf');
  });
});
