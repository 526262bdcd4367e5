import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVoucherCode } from '../../src/domain/voucher.ts';
import { translator } from '../../src/i18n/index.ts';
import { caseIn, programmeOf } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, hiddenField, type TestApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The shop's pages for a voucher, over HTTP: the QR code's link fills in the code; a wrong PIN and a
// wrong code get the same answer; the right pair shows what was approved and the maximum, never the
// citizen; the receipt redeems the voucher once, and the same form sent again gets the same reference.
// Public pages with CSRF, outside an actor's command even when someone is logged in; in Danish and English.

const da = translator('da');
const WRONG = da('voucher.refused.wrongPinOrCode');
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

let t: TestContext;
let web: TestApp;
let team: MoneyTeam;
let pin: string;

/** Text as a reader sees it: the no-break space of "2.500 kr." as a plain space, an apostrophe as one. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ').replace(/&#39;/g, "'");

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  team = await moneyTeam(t, 'Indløsningens Cykler');
  const programmeId = await programmeOf(t, team.coordinator);
  const programme = await t.services.programmes.get(team.coordinator, programmeId);
  await t.services.programmes.updateSettings(
    team.coordinator,
    programmeId,
    programmeInput(programme, { voucherEnabled: 'on', 'categoryRules.transport.voucher': 'on' }),
  );
  pin = await t.services.vouchers.issuePin(team.finance, team.vendorId);
});
afterAll(() => t.close());

let addressCounter = 0;
/** A browser from an address of its own, so one test's tries never throttle another's. */
const shop = () => new Browser(web, `198.51.100.${++addressCounter}`);

/** An approved request paid by voucher at the team's vendor; its code and request. */
async function voucher(amountKr = '2500'): Promise<{ code: string; requestId: string }> {
  const { caseId } = await caseIn(t, 'active', team);
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '10000' });
  const requestId = await t.services.purchases.create(team.support, caseId, {
    title: 'Cykel med lygter',
    purpose: 'Kan komme til praktik',
    amountKr,
    category: 'transport',
    vendorId: team.vendorId,
    paymentMethod: 'voucher',
  });
  await t.services.purchases.confirm(team.support, requestId, { how: 'in_person' });
  await t.services.purchases.submit(team.support, requestId);
  await t.services.purchases.approve(team.support, requestId);
  const issued = await t.services.vouchers.ofRequest(team.support, requestId);
  if (!issued) throw new Error('No voucher issued');
  return { code: issued.code, requestId };
}

const grouped = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** The receipt's form as the page sends it: its hidden fields, what was typed, and the file. */
function receiptForm(page: string, fields: Record<string, string>, file?: File): FormData {
  const form = new FormData();
  for (const name of ['_csrf', '_idem', 'ticket']) form.set(name, hiddenField(page, name));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set('file', file);
  return form;
}

/** A multipart post, as a browser sends the receipt's form (Browser posts only url-encoded forms). */
async function postReceipt(browser: Browser, form: FormData): Promise<Response> {
  const headers = new Headers({
    origin: browser.origin,
    cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
  });
  const env = { incoming: { socket: { remoteAddress: browser.address, remotePort: 50000 } } };
  return await web.app.request(
    `${browser.origin}/indloes/kvittering`,
    { method: 'POST', headers, body: form },
    env,
  );
}

const pdf = () => new File([PDF], 'kvittering.pdf', { type: 'application/pdf' });

describe('the first step: the PIN and the code', () => {
  it('fills in the code from the QR code’s link, normalised, in groups of four', async () => {
    const { code } = await voucher();
    const browser = shop();
    const messy = `${code.slice(0, 6).toLowerCase()}-${code.slice(6)}`;
    const res = await browser.get(`/indloes/${messy}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<title>${da('voucherShop.title')} – `);
    expect(html).toContain(`value="${grouped(code)}"`);
    expect(html).toContain('action="/indloes"');
    expect(html).toContain('name="_csrf"');
    expect(html).toMatch(/<input[^>]*name="pin"[^>]*>/);
    const pinInput = /<input[^>]*name="pin"[^>]*>/.exec(html)?.[0] ?? '';
    expect(pinInput).toContain('type="text"');
    expect(pinInput).toContain('inputmode="numeric"');
    expect(pinInput).toContain('autocomplete="off"');
    const codeInput = /<input[^>]*name="code"[^>]*>/.exec(html)?.[0] ?? '';
    expect(codeInput).toContain('autocapitalize="characters"');
    expect(codeInput).toContain('spellcheck="false"');
    // The bare page has an empty code field.
    const bare = await (await browser.get('/indloes')).text();
    expect(bare).toContain('name="code" value=""');
  });

  it('gives a wrong PIN and a wrong code the same answer, and never shows the PIN again', async () => {
    const { code } = await voucher();
    const wrongPin = pin.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    let other = newVoucherCode();
    while (other === code) other = newVoucherCode();
    const answers: string[] = [];
    for (const tried of [
      { pin: wrongPin, code },
      { pin, code: other },
    ]) {
      const res = await shop().submit('/indloes', tried);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('data-module="error-summary"');
      expect(html).toContain('<title>Fejl: ');
      expect(html).toContain(WRONG);
      expect(/<input[^>]*name="pin"[^>]*>/.exec(html)?.[0]).toContain('value=""');
      expect(html).toContain(`value="${tried.code}"`);
      answers.push(/<div class="alert alert-error[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '');
    }
    expect(answers[0]).toBe(answers[1]);
    // A typo in the code (its check character) is told with the same words, before any guess counts.
    const typo = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    const res = await shop().submit('/indloes', { pin, code: typo });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(WRONG);
  });

  it('slows down guessing: after five wrong tries the page says to wait', async () => {
    const browser = shop();
    for (let i = 0; i < 5; i++) {
      const res = await browser.submit('/indloes', { pin: '12345678', code: newVoucherCode() });
      expect(res.status).toBe(422);
    }
    const res = await browser.submit('/indloes', { pin: '12345678', code: newVoucherCode() });
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).toContain(da('error.access.tooManyAttempts', { seconds: 1 }));
    expect(html).toContain('action="/indloes"');
  });

  it('lets a shop check one voucher after another from its counter without waiting', async () => {
    const browser = shop();
    for (let i = 0; i < 7; i++) {
      const { code } = await voucher('100');
      expect((await browser.submit('/indloes', { pin, code })).status).toBe(200);
    }
  });

  it('shows what was approved, the maximum and the shop, and nothing about the citizen', async () => {
    const { code } = await voucher('2500');
    const res = await shop().submit('/indloes', { pin, code: grouped(code).toLowerCase() });
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain('Kunden kan købe for højst 2.500 kr.');
    expect(html).toContain('Cykel med lygter');
    expect(html).toContain('>Transport<');
    expect(html).toContain('Indløsningens Cykler');
    expect(html).toContain(grouped(code));
    expect(html).toContain('Højst 2.500 kr.');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('action="/indloes/kvittering"');
    expect(html).toContain('name="ticket"');
    expect(html).toContain('accept="application/pdf,image/jpeg,image/png"');
    // Never the citizen: not the name, not the purpose the support person wrote.
    expect(html).not.toContain('Test Borger');
    expect(html).not.toContain('Kan komme til praktik');
  });
});

describe('the receipt', () => {
  it('redeems 80 % with a PDF: a reference for the invoice; the same form again gives the same', async () => {
    const { code, requestId } = await voucher('2500');
    const browser = shop();
    const page = await (await browser.submit('/indloes', { pin, code })).text();
    const form = receiptForm(page, { amountKr: '2000,00', receiptNumber: 'K-4711' }, pdf());
    const res = await postReceipt(browser, form);
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    const reference = /class="one-time-code[^"]*">(VB-[A-Z0-9]{8})</.exec(html)?.[1];
    expect(reference).toBeDefined();
    expect(html).toContain('Skriv referencen på fakturaen.');
    expect(html).toContain('Kommunen betaler 2.000 kr. til butikken.');
    expect(html).not.toContain('Test Borger');

    // The same form sent again (a reload, a lost answer): the same reference, redeemed once.
    const again = await postReceipt(
      browser,
      receiptForm(page, { amountKr: '2000,00', receiptNumber: 'K-4711' }, pdf()),
    );
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(`>${reference ?? ''}<`);

    const redeemed = await t.services.vouchers.ofRequest(team.support, requestId);
    expect(redeemed).toMatchObject({ status: 'redeemed', redeemedAmount: 200000, reference });
    const receipts = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('purchase_attachment')
        .select('kind')
        .where('purchase_request_id', '=', requestId)
        .execute(),
    );
    expect(receipts).toEqual([{ kind: 'receipt' }]);

    // Another form (a fresh key) for the same voucher: used, said plainly.
    const fresh = await (await browser.submit('/indloes', { pin, code })).text();
    expect(plain(fresh)).toContain(da('voucherShop.refused.title'));
    expect(fresh).toContain(da('voucher.refused.redeemed'));
  });

  it('comes back with the errors at the fields and what was typed, and keeps the voucher', async () => {
    const { code, requestId } = await voucher('2500');
    const browser = shop();
    const page = await (await browser.submit('/indloes', { pin, code })).text();
    const res = await postReceipt(browser, receiptForm(page, { amountKr: '2600', receiptNumber: '' }));
    expect(res.status).toBe(422);
    const html = plain(await res.text());
    expect(html).toContain('data-module="error-summary"');
    expect(html).toContain('href="#amountKr"');
    expect(html).toContain('href="#receiptNumber"');
    expect(html).toContain('href="#file"');
    expect(html).toContain('Beløbet må højst være 2.500 kr.');
    expect(html).toContain('value="2600"');
    expect(html).toContain('Kunden kan købe for højst 2.500 kr.');
    expect(hiddenField(html, 'ticket')).toBe(hiddenField(page, 'ticket'));
    expect(await t.services.vouchers.ofRequest(team.support, requestId)).toMatchObject({ status: 'issued' });

    // Corrected, from the page that came back: redeemed.
    const done = await postReceipt(
      browser,
      receiptForm(html, { amountKr: '2500', receiptNumber: 'F 12' }, pdf()),
    );
    expect(done.status).toBe(200);
    expect(await t.services.vouchers.ofRequest(team.support, requestId)).toMatchObject({
      status: 'redeemed',
    });
  });

  it('sends a form whose ticket is too old back to the first step', async () => {
    const { code } = await voucher();
    const browser = shop();
    const page = await (await browser.submit('/indloes', { pin, code })).text();
    t.clock.advance(21 * 60_000);
    const res = await postReceipt(browser, receiptForm(page, { amountKr: '100', receiptNumber: '1' }, pdf()));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(da('voucher.refused.ticketExpired'));
    expect(html).toContain('name="pin"');
  });

  it('says plainly that a cancelled voucher cannot be used', async () => {
    const { code, requestId } = await voucher();
    const browser = shop();
    const page = await (await browser.submit('/indloes', { pin, code })).text();
    await t.services.purchases.cancel(team.support, requestId, { reason: 'Borgeren købte andet.' });
    const res = await postReceipt(browser, receiptForm(page, { amountKr: '100', receiptNumber: '1' }, pdf()));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain(da('voucherShop.refused.title'));
    expect(html).toContain(da('voucher.refused.cancelled'));
    expect(html).toContain('href="/indloes"');
  });
});

describe('public, yet protected', () => {
  it('refuses a post without the CSRF token', async () => {
    const { code } = await voucher();
    const res = await shop().post('/indloes', { pin, code });
    expect(res.status).toBe(403);
  });

  it('works for a shop whose browser is also logged in as staff: outside the actor’s command', async () => {
    const { code, requestId } = await voucher();
    const browser = shop().useSession((await loginAs(t, 'coordinator')).token);
    const page = await browser.submit('/indloes', { pin, code });
    expect(page.status).toBe(200);
    const res = await postReceipt(
      browser,
      receiptForm(await page.text(), { amountKr: '1250,50', receiptNumber: 'K-1' }, pdf()),
    );
    expect(res.status).toBe(200);
    expect(await t.services.vouchers.ofRequest(team.support, requestId)).toMatchObject({
      status: 'redeemed',
      redeemedAmount: 125050,
    });
  });

  it('speaks English after the language switch', async () => {
    const { code } = await voucher('2500');
    const browser = shop();
    browser.cookies.set(browser.cookieName('lang'), 'en');
    const form = await browser.get(`/indloes/${code}`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Redeem voucher');
    expect(plain(html)).toContain("The shop's PIN");
    const res = await browser.submit('/indloes', { pin, code });
    expect(res.status).toBe(200);
    const step2 = plain(await res.text());
    expect(step2).toContain('The customer can buy for at most 2.500 kr.');
    expect(step2).toContain('What is approved');
    expect(step2).toContain('Amount on the receipt');
    const wrong = await browser.submit('/indloes', { pin: '00000000', code });
    expect(plain(await wrong.text())).toContain(translator('en')('voucher.refused.wrongPinOrCode'));
  });
});
