import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { danishFields } from '../setup/messages.ts';
import { StatementCounter } from '../setup/statement-counter.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Finance's payment queue a page at a time (spec: Lists): 50 a page, filtered by payment method, payment
// file and text, in the order asked for, a bad page number never a failed page, and still no case
// content and nothing in the access log. Aarhus gets 53 approved bank transfers and 3 invoices more.

const TRANSFERS = 53;
const INVOICES = 3;

let t: TestContext;
let app: TestApp;
let finance: Actor;
let browser: Browser;
/** The queue before this file's requests. */
let before: number;
/** The requests put in a payment file. */
let inFile: string[];
/** The approved requests not in a file, to pay by hand. */
let loose: string[];
const counter = new StatementCounter();

beforeAll(async () => {
  t = await createTestContext({ demo: true, plugins: [counter] });
  app = buildApp(t.services);
  const team = await moneyTeam(t, 'Sideskiftet ApS');
  const { coordinator, support } = team;
  finance = team.finance;
  before = (await t.services.payments.queue(finance)).total;
  const invoiceVendor = await t.services.budgets.addVendor(finance, {
    name: 'Tandklinikken Tæt',
    cvr: '87654321',
  });
  const { caseId } = await caseIn(t, 'active', { coordinator, support });
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '20000' });
  const approved = async (i: number, invoice: boolean): Promise<string> => {
    const requestId = await t.services.purchases.create(support, caseId, {
      title: invoice ? `Tandbehandling ${i}` : `Buskort måned ${String(i).padStart(2, '0')}`,
      purpose: 'Hemmeligt formål',
      amountKr: String(100 + i),
      category: 'transport',
      vendorId: invoice ? invoiceVendor : team.vendorId,
      paymentMethod: invoice ? 'invoice' : 'bank_transfer',
    });
    await t.services.purchases.confirm(support, requestId, { how: 'in_person' });
    await t.services.purchases.submit(support, requestId);
    await t.services.purchases.approve(support, requestId);
    return requestId;
  };
  const transfers: string[] = [];
  for (let i = 1; i <= TRANSFERS; i++) transfers.push(await approved(i, false));
  for (let i = 1; i <= INVOICES; i++) await approved(i, true);
  inFile = transfers.slice(0, 2);
  loose = transfers.slice(2);
  await t.services.payments.createBatch(finance, { requestIds: inFile });
  browser = new Browser(app).useSession((await loginAs(t, 'finance')).token);
}, 300_000);
afterAll(() => t.close());

describe("finance's payment queue, a page at a time", () => {
  it('shows 50, the rest on page 2, in one transaction with nothing in the access log', async () => {
    const total = before + TRANSFERS + INVOICES;
    const first = await t.services.payments.queue(finance);
    expect(first).toMatchObject({ page: 1, size: 50, total, pages: Math.ceil(total / 50) });
    expect(first.items).toHaveLength(50);
    const counted = await counter.count(() => t.services.payments.queue(finance, { page: '2' }));
    const second = await t.services.payments.queue(finance, { page: 2 });
    expect(second.items).toHaveLength(total - 50);
    const ids = [...first.items, ...second.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(total);
    // Oldest approval first.
    const approvedAt = [...first.items, ...second.items].map((p) => p.approvedAt?.getTime() ?? 0);
    expect(approvedAt).toEqual([...approvedAt].sort((a, b) => a - b));
    expect(counted.transactions).toBe(1);
    expect(counted.sql.filter((s) => /access_log/i.test(s))).toEqual([]);
    expect(counted.sql.filter((s) => /from "purchase_request"/i.test(s))).toHaveLength(2);

    const last = await t.services.payments.queue(finance, { page: 999 });
    expect(last.page).toBe(first.pages);
  });

  it('filters by payment method, payment file and text, and orders by amount', async () => {
    const invoices = await t.services.payments.queue(finance, { method: 'invoice', q: 'tandbehandling' });
    expect(invoices.total).toBe(INVOICES);
    expect(invoices.items.every((p) => p.paymentMethod === 'invoice')).toBe(true);

    const filed = await t.services.payments.queue(finance, { file: 'created' });
    expect(filed.items.map((p) => p.id).sort()).toEqual([...inFile].sort());
    const loose = await t.services.payments.queue(finance, { file: 'none', q: 'Sideskiftet' });
    expect(loose.total).toBe(TRANSFERS - inFile.length);
    expect(loose.items.every((p) => p.batch === null && p.vendor?.name === 'Sideskiftet ApS')).toBe(true);
    expect((await t.services.payments.queue(finance, { file: 'sent', q: 'Sideskiftet' })).total).toBe(0);

    const month = await t.services.payments.queue(finance, { q: 'måned 07' });
    expect(month.items.map((p) => p.title)).toEqual(['Buskort måned 07']);
    const byCase = await t.services.payments.queue(finance, { q: String(month.items[0]?.caseNumber) });
    expect(byCase.total).toBe(TRANSFERS + INVOICES);
    expect((await t.services.payments.queue(finance, { q: '_' })).total).toBe(0);

    const largest = await t.services.payments.queue(finance, { sort: 'beloeb', q: 'Buskort' });
    const amounts = largest.items.map((p) => Number(p.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(largest.items[0]?.title).toBe(`Buskort måned ${TRANSFERS}`);

    const refused = (await t.services.payments
      .queue(finance, { method: 'cash', q: '0102031234' })
      .catch((e: unknown) => e)) as ValidationFailed;
    expect(Object.keys(danishFields(refused.fields)).sort()).toEqual(['method', 'q']);
  });

  it('pages the web page with the filter kept, never fails on a bad value, and shows no case content', async () => {
    const res = await browser.get('/betalinger?fil=none&side=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/aria-current="page"[^>]*>2</);
    expect(html).toContain('href="/betalinger?fil=none"');
    expect(html).toContain('Viser 51–');
    expect(html).not.toContain('Hemmeligt formål');

    for (const query of ['side=abc', 'side=-1', 'sorter=nope', 'side=99999999999999999999']) {
      const bad = await browser.get(`/betalinger?${query}`);
      expect(bad.status, query).toBe(200);
      expect(await bad.text()).toContain('class="pagination"');
    }
    const badFile = await browser.get('/betalinger?fil=lost&betalingsmaade=cash');
    expect(badFile.status).toBe(200);
    const badHtml = await badFile.text();
    expect(badHtml).toContain('Vælg en betalingsmåde fra listen.');
    expect(badHtml).toContain('class="pagination"');

    const filtered = await (
      await browser.get('/betalinger?betalingsmaade=invoice&soeg=Tandbehandling')
    ).text();
    expect(filtered).toContain('Viser 1–3 af 3');
    expect(filtered).not.toContain('class="pagination"');

    // The payment files page still counts every request a file would pay, not a page of them.
    const loose = async (method: string) =>
      (await t.services.payments.queue(finance, { file: 'none', method })).total;
    const waiting = (await loose('bank_transfer')) + (await loose('voucher'));
    expect(waiting).toBeGreaterThanOrEqual(TRANSFERS - inFile.length);
    const files = await (await browser.get('/betalinger/filer')).text();
    expect(files).toContain(`venter og ikke er i en fil: ${waiting}.`);
  });

  it('answers the API with one page, the count in X-Total-Count and the next page in Link', async () => {
    const admin = await staff(t, AARHUS, 'admin');
    const { token } = await t.services.apiTokens.issue(admin, { userId: finance.userId, name: 'Sider' });
    const res = await app.app.request(
      `${browser.origin}/api/v1/payments?limit=20&page=2&method=bank_transfer`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    const items = (await res.json()) as { id: string; paymentMethod: string }[];
    expect(items).toHaveLength(20);
    expect(items.every((p) => p.paymentMethod === 'bank_transfer')).toBe(true);
    expect(Number(res.headers.get('x-total-count'))).toBeGreaterThanOrEqual(TRANSFERS);
    expect(res.headers.get('link')).toContain('rel="next"');
  });
});

describe('the bookkeeping list of payments and refunds posted', () => {
  /** Postings of any period before this block's. */
  let earlier: number;
  const ALL = { from: '2000-01-01', to: '2099-12-31' };

  beforeAll(async () => {
    earlier = (await t.services.payments.paid(finance, ALL)).total;
    for (const [i, id] of loose.entries())
      await t.services.purchases.pay(finance, id, { reference: `Bet ${i}` });
    await t.services.purchases.refund(finance, loose[0] ?? '', { amountKr: '10', reference: 'Kreditnota 9' });
  }, 300_000);

  it('shows 50 a page, by kind and period, in date order, newest first or largest first', async () => {
    const posted = loose.length + 1;
    const first = await t.services.payments.paid(finance, ALL);
    expect(first.total).toBe(earlier + posted);
    expect(first.items).toHaveLength(50);
    const counted = await counter.count(() => t.services.payments.paid(finance, { ...ALL, page: '2' }));
    expect(counted.transactions).toBe(1);
    expect(counted.sql.filter((s) => /access_log/i.test(s))).toEqual([]);
    const second = await t.services.payments.paid(finance, { ...ALL, page: 2 });
    expect(second.items).toHaveLength(first.total - 50);
    const dates = [...first.items, ...second.items].map((p) => p.paidOn);
    expect(dates).toEqual([...dates].sort());

    const refunds = await t.services.payments.paid(finance, { ...ALL, kind: 'refund' });
    expect(refunds.items.every((p) => p.kind === 'refund')).toBe(true);
    expect(refunds.items.map((p) => p.reference)).toContain('Kreditnota 9');
    const thisMonth = await t.services.payments.paid(finance, {});
    expect(thisMonth.total).toBeGreaterThanOrEqual(posted);
    expect((await t.services.payments.paid(finance, { from: '2001-01-01', to: '2001-12-31' })).total).toBe(0);

    const newest = await t.services.payments.paid(finance, { ...ALL, sort: 'nyeste' });
    const newestDates = newest.items.map((p) => p.paidOn);
    expect(newestDates).toEqual([...newestDates].sort().reverse());
    const largest = await t.services.payments.paid(finance, { ...ALL, sort: 'beloeb', limit: 100 });
    const amounts = largest.items.map((p) => Number(p.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('pages /bogfoering with the period kept, and never fails on a bad value', async () => {
    const res = await browser.get('/bogfoering?fra=2000-01-01&til=2099-12-31&side=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/aria-current="page"[^>]*>2</);
    expect(html).toContain('href="/bogfoering?fra=2000-01-01&amp;til=2099-12-31"');
    expect(html).toContain('Kreditnota 9');

    for (const query of ['side=abc', 'side=0', 'sorter=nope', 'art=gift']) {
      const bad = await browser.get(`/bogfoering?fra=2000-01-01&${query}`);
      expect(bad.status, query).toBe(200);
      expect(await bad.text()).toContain('class="pagination"');
    }
    const backwards = await browser.get('/bogfoering?fra=2026-05-01&til=2026-04-01');
    expect(backwards.status).toBe(200);
    expect(await backwards.text()).toContain('Slutdatoen kan ikke ligge før startdatoen.');

    const refunds = await (await browser.get('/bogfoering?fra=2000-01-01&art=refund')).text();
    expect(refunds).toContain('Kreditnota 9');
    expect(refunds).not.toContain('Bet 1<');
    // The queue page no longer lists what was paid: it points here.
    expect(await (await browser.get('/betalinger')).text()).toContain('href="/bogfoering"');
  });
});
