import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Amounts and dates as Danes type them, through the staff and the citizen's forms
// (spec: Input of amounts and dates): "6.500" is 6.500 kr. on both; "2.50" is answered with a question
// and nothing is stored; a date typed as 2.3.2026 is the 2nd of March, and 31.2.2026 is refused at its
// field.

let t: TestContext;
let me: CitizenSession;
let support: Actor;
let coordinator: Actor;
let vendorId: string;
let staffBrowser: Browser;
let citizenBrowser: Browser;

const QUESTION = 'Mente du 2,50 kr. eller 250 kr.? Skriv øre med komma, fx 2,50.';
/** Text as a reader sees it: the no-break space of "1.000 kr." as a plain space. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ');

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  me = await citizenSession(t);
  ({ support, coordinator } = me);
  await t.services.budgets.grant(coordinator, me.caseId, { amountKr: '20.000' });
  const [vendor] = await t.services.budgets.vendors(support);
  vendorId = vendor?.id ?? '';
  const app = buildApp(t.services);
  staffBrowser = new Browser(app).useSession((await loginAs(t, 'support')).token);
  citizenBrowser = new Browser(app).useSession(me.token);
});
afterAll(() => t.close());

const requests = () => t.services.purchases.listForCase(support, me.caseId);

describe('the staff purchase-request form', () => {
  const post = (amountKr: string, title: string) =>
    staffBrowser.submit(`/forloeb/${me.caseId}/anmodninger/ny`, {
      title,
      purpose: 'Kan komme til praktik',
      amountKr,
      category: 'transport',
      vendorId,
      paymentMethod: 'bank_transfer',
    });

  it('stores "6.500" as 6.500 kr.', async () => {
    const res = await post('6.500', 'Cykel med anhænger');
    expect(res.status).toBe(303);
    const stored = (await requests()).find((r) => r.title === 'Cykel med anhænger');
    expect(stored?.amount_ore).toBe(650_000);
  });

  it('asks about "2.50" at the field, keeps what was typed and stores nothing', async () => {
    const before = await requests();
    const res = await post('2.50', 'Cykellås');
    expect(res.status).toBe(422);
    const html = plain(await res.text());
    expect(html).toContain('data-module="error-summary"');
    expect(html).toContain('href="#amountKr"');
    expect(html).toContain(QUESTION);
    expect(html).toContain('value="2.50"');
    expect(await requests()).toEqual(before);
  });
});

describe('the citizen’s proposal form', () => {
  const post = (amountKr: string, title: string) =>
    citizenBrowser.submit('/borger/koeb/nyt', { title, purpose: 'Til mit værksted', amountKr, shop: '' });

  it('stores "6.500" as 6.500 kr.', async () => {
    const res = await post('6.500', 'Værktøjskasse');
    expect(res.status).toBe(303);
    const stored = (await requests()).find((r) => r.title === 'Værktøjskasse');
    expect(stored?.amount_ore).toBe(650_000);
  });

  it('asks about "2.50" and stores nothing', async () => {
    const before = await requests();
    const res = await post('2.50', 'Skruetrækker');
    expect(res.status).toBe(422);
    const html = plain(await res.text());
    expect(html).toContain(QUESTION);
    expect(html).toContain('value="2.50"');
    expect(await requests()).toEqual(before);
  });
});

describe('a date field', () => {
  const post = (writtenOn: string, body: string) =>
    staffBrowser.submit(`/forloeb/${me.caseId}/noter`, { 'note.body': body, 'note.writtenOn': writtenOn });
  const notes = () => t.services.notes.list(support, me.caseId, 'test');

  it('is a native date field, and a date typed as d.m.åååå is that day', async () => {
    const page = await (await staffBrowser.get(`/forloeb/${me.caseId}`)).text();
    expect(page).toMatch(
      /<input[^>]*name="note.writtenOn"[^>]*type="date"|<input[^>]*type="date"[^>]*name="note.writtenOn"/,
    );
    const res = await post('2.3.2026', 'Talte om cyklen.');
    expect(res.status).toBe(303);
    expect((await notes()).find((n) => n.body === 'Talte om cyklen.')?.writtenOn).toBe('2026-03-02');
  });

  it('refuses a day that does not exist at its field and stores nothing', async () => {
    const before = await notes();
    const res = await post('31.2.2026', 'Talte om hjelmen.');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Datoen 31.2.2026 findes ikke: den måned har kun 28 dage.');
    expect(await notes()).toEqual(before);
  });
});
