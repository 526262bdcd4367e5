import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES } from '../../src/domain/expense-category.ts';
import type { Programme } from '../../src/services/cases/programme.service.ts';
import { AARHUS, caseIn, HALSNAES, programmeOf, staff } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey } from '../setup/http.ts';
import { programmeForm, programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Vouchers as staff meet them (spec: Vouchers), over HTTP where a page is involved: the programme's
// voucher settings round-trip through the coordinator's form; the request form offers 'Værdibevis' only
// when the programme does; finance issues a shop's redemption PIN, shown once and never replayed; the
// payment queue leaves out an approved voucher until a shop has redeemed it, and a payment by hand is
// refused till then; the redeemed voucher is paid by file, and the report counts it by payment method.

let t: TestContext;
let team: MoneyTeam;
let programmeId: string;
let caseId: string;
let coordinatorBrowser: Browser;
let supportBrowser: Browser;
let financeBrowser: Browser;
/** The PIN the vendor list issued to the team's vendor (the shop redeems with it below). */
let pin = '';

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  team = await moneyTeam(t, 'Værdibevisets Cykler ApS');
  programmeId = await programmeOf(t, team.coordinator);
  ({ caseId } = await caseIn(t, 'active', team));
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: '10000' });
  const app = buildApp(t.services);
  coordinatorBrowser = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
  supportBrowser = new Browser(app).useSession((await loginAs(t, 'support', AARHUS)).token);
  financeBrowser = new Browser(app).useSession((await loginAs(t, 'finance', AARHUS)).token);
});
afterAll(() => t.close());

const programme = (): Promise<Programme> => t.services.programmes.get(team.coordinator, programmeId);

/**
 * The voucher fields of the programme's form, every one given: those `on` lists ticked, the rest
 * unticked (absent), whatever is stored now.
 */
function voucherFields(on: readonly string[]): Record<string, string | null> {
  const categories = EXPENSE_CATEGORIES.map((c) => `categoryRules.${c}.voucher`);
  const names = ['voucherEnabled', 'voucherAnyVendor', ...categories];
  return Object.fromEntries(names.map((name) => [name, on.includes(name) ? 'on' : null]));
}

/** The programme's settings as stored, with the voucher settings `on` lists ticked and no other. */
async function setVouchers(on: readonly string[]): Promise<void> {
  const input = programmeInput(await programme(), voucherFields(on));
  await t.services.programmes.updateSettings(team.coordinator, programmeId, input);
}

/** Whether the page's checkbox with this id is ticked. */
function ticked(html: string, id: string): boolean {
  const input = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  if (!input) throw new Error(`No field ${id} on the page`);
  return /\schecked(=|\s|>|\/)/.test(input);
}

describe("the programme's voucher settings", () => {
  it('round-trip through the form: ticked boxes are stored and shown ticked again', async () => {
    const form = await coordinatorBrowser.get(`/ordning/${programmeId}/regler`);
    expect(form.status).toBe(200);
    const empty = await form.text();
    expect(empty).toContain('Værdibeviser');
    expect(empty).toContain('Tilbyd værdibeviser');
    expect(empty).toContain('Alle butikker på leverandørlisten må indløse');
    expect(empty).toContain('Kan købes med værdibevis');

    const saved = await coordinatorBrowser.submit(
      `/ordning/${programmeId}/regler`,
      programmeForm(
        await programme(),
        voucherFields([
          'voucherEnabled',
          'voucherAnyVendor',
          'categoryRules.transport.voucher',
          'categoryRules.electronics.voucher',
        ]),
      ),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/ordning?gemt=1');
    const rules = (await programme()).rules;
    expect(rules.voucher).toEqual({ enabled: true, anyVendor: true });
    expect(rules.categoryRules.transport.voucher).toBe(true);
    expect(rules.categoryRules.electronics.voucher).toBe(true);
    expect(rules.categoryRules.debt.voucher).toBe(false);

    const again = await (await coordinatorBrowser.get(`/ordning/${programmeId}/regler`)).text();
    expect(ticked(again, 'voucherEnabled')).toBe(true);
    expect(ticked(again, 'voucherAnyVendor')).toBe(true);
    expect(ticked(again, 'categoryRules-transport-voucher')).toBe(true);
    expect(ticked(again, 'categoryRules-electronics-voucher')).toBe(true);
    expect(ticked(again, 'categoryRules-housing-voucher')).toBe(false);

    const page = await (await coordinatorBrowser.get('/ordning')).text();
    expect(page).toMatch(/Tilbyd værdibeviser<\/th>\s*<td[^>]*>Ja</);
    expect(page).toMatch(/Alle butikker på leverandørlisten må indløse<\/th>\s*<td[^>]*>Ja</);
    expect(page).toContain('<th scope="col">Kan købes med værdibevis</th>');
  });

  it('unticks what was unticked, and a refused form keeps what was typed', async () => {
    const saved = await coordinatorBrowser.submit(
      `/ordning/${programmeId}/regler`,
      programmeForm(await programme(), voucherFields(['voucherEnabled', 'categoryRules.transport.voucher'])),
    );
    expect(saved.status).toBe(303);
    const rules = (await programme()).rules;
    expect(rules.voucher).toEqual({ enabled: true, anyVendor: false });
    expect(rules.categoryRules.electronics.voucher).toBe(false);

    const refused = await coordinatorBrowser.submit(
      `/ordning/${programmeId}/regler`,
      programmeForm(await programme(), {
        ...voucherFields(['voucherAnyVendor', 'categoryRules.housing.voucher']),
        name: '',
      }),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(ticked(html, 'voucherEnabled')).toBe(false);
    expect(ticked(html, 'voucherAnyVendor')).toBe(true);
    expect(ticked(html, 'categoryRules-housing-voucher')).toBe(true);
    expect((await programme()).rules.voucher).toEqual({ enabled: true, anyVendor: false });
  });
});

describe('the purchase request form', () => {
  const newRequestPage = async () => (await supportBrowser.get(`/forloeb/${caseId}/anmodninger/ny`)).text();

  it("offers no 'Værdibevis' when the programme offers no vouchers", async () => {
    await setVouchers([]);
    const html = await newRequestPage();
    expect(html).not.toContain('value="voucher"');
    expect(html).not.toContain('Borgeren får en kode');
  });

  it("offers 'Værdibevis' with its hint when it does, and says the vendor may be left empty", async () => {
    await setVouchers(['voucherEnabled', 'categoryRules.transport.voucher']);
    let html = await newRequestPage();
    expect(html).toMatch(/value="voucher"[^>]*>\s*<label[^>]*>Værdibevis</);
    expect(html).toContain(
      'Borgeren får en kode og køber selv i butikken. Pengene er reserveret, til butikken har indløst koden.',
    );
    expect(html).toMatch(/Kan ikke købes med værdibevis: [^<]*Gældsafvikling/);
    expect(html).not.toContain('Ved værdibevis må leverandøren stå tom');

    await setVouchers(['voucherEnabled', 'voucherAnyVendor', 'categoryRules.transport.voucher']);
    html = await newRequestPage();
    expect(html).toContain('Ved værdibevis må leverandøren stå tom');
  });
});

describe("a shop's redemption PIN", () => {
  const PIN = /<p class="one-time-code" id="redemption-pin">\s*(\d{8})\s*<\/p>/;

  it('is issued from the vendor list and shown once; a repeat of the form is sent to the list without it', async () => {
    const before = await (await financeBrowser.get('/leverandoerer')).text();
    expect(before).toContain('PIN-kode til værdibeviser');
    expect(before).toContain(`action="/leverandoerer/${team.vendorId}/pin"`);
    expect(before).toContain('aria-label="Udsted PIN-kode til Værdibevisets Cykler ApS"');

    const key = newIdempotencyKey();
    const form = { _csrf: await financeBrowser.csrfToken(), _idem: key };
    const first = await financeBrowser.post(`/leverandoerer/${team.vendorId}/pin`, form);
    expect(first.status).toBe(201);
    expect(first.headers.get('x-replay-as')).toBeNull();
    const html = await first.text();
    expect(html).toContain('Giv PIN-koden til butikken. Den vises kun nu.');
    pin = PIN.exec(html)?.[1] ?? '';
    expect(pin).toMatch(/^\d{8}$/);

    const repeat = await financeBrowser.post(`/leverandoerer/${team.vendorId}/pin`, form);
    expect(repeat.status).toBe(303);
    expect(repeat.headers.get('location')).toBe('/leverandoerer');
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(await repeat.text()).not.toContain(pin);

    const after = await (await financeBrowser.get('/leverandoerer')).text();
    expect(after).toContain('aria-label="Ny PIN-kode til Værdibevisets Cykler ApS"');
    expect(after).not.toContain(pin);
  });

  it('is not issued by a support person, nor for a vendor of another municipality', async () => {
    const denied = await supportBrowser.submit(`/leverandoerer/${team.vendorId}/pin`, {});
    expect(denied.status).toBe(404);
    const halsnaes = await t.services.budgets.addVendor(await staff(t, HALSNAES, 'okonomi'), {
      name: 'Halsnæs Cykler',
      cvr: '23456789',
    });
    const elsewhere = await financeBrowser.submit(`/leverandoerer/${halsnaes}/pin`, {});
    expect(elsewhere.status).toBe(404);
  });
});

describe('an approved voucher in finance', () => {
  let requestId: string;

  it('is not in the payment queue, and is not paid by hand or by file, until a shop has redeemed it', async () => {
    await setVouchers(['voucherEnabled', 'categoryRules.transport.voucher']);
    requestId = await t.services.purchases.create(team.support, caseId, {
      title: 'Cykel',
      purpose: 'Kan komme til praktik',
      amountKr: '2000',
      category: 'transport',
      vendorId: team.vendorId,
      paymentMethod: 'voucher',
    });
    await t.services.purchases.confirm(team.support, requestId, { how: 'in_person' });
    await t.services.purchases.submit(team.support, requestId);
    await t.services.purchases.approve(team.support, requestId);

    const queue = (await t.services.payments.queue(team.finance)).items;
    expect(queue.map((p) => p.id)).not.toContain(requestId);
    await expect(
      t.services.purchases.pay(team.finance, requestId, { reference: 'Forsøg' }),
    ).rejects.toMatchObject({ code: 'voucher_not_redeemed' });
    const page = await financeBrowser.submit(`/betalinger/${requestId}`, { reference: 'Forsøg' });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Værdibeviset er ikke indløst endnu.');
    await expect(
      t.services.payments.createBatch(team.finance, { requestIds: [requestId] }),
    ).rejects.toMatchObject({ code: 'not_payable_by_file' });
  });

  it('is a payment to make once redeemed: in the queue, paid by file, and counted in the report', async () => {
    const report = () => t.services.reports.view(team.coordinator, {});
    const before = (await report()).report.purchasesByPaymentMethod.all.byMethod.voucher;

    const voucher = await t.services.vouchers.ofRequest(team.support, requestId);
    expect(voucher?.status).toBe('issued');
    const { ticket } = await t.services.vouchers.check({ pin, code: voucher?.code ?? '' }, '192.0.2.77');
    await t.services.vouchers.redeem(
      { ticket, amountKr: '1800', receiptNumber: 'K-1001', key: 'voucher-staff-redeem-1' },
      { name: 'kvittering.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n% kvittering\n') },
    );

    const queued = (await t.services.payments.queue(team.finance)).items.find((p) => p.id === requestId);
    expect(queued).toMatchObject({ paymentMethod: 'voucher', voucherStatus: 'redeemed', amount: 1800_00 });
    const batchId = await t.services.payments.createBatch(team.finance, { requestIds: [requestId] });
    await t.services.payments.markSent(team.finance, batchId);
    const paid = await t.services.payments.payable(team.finance, requestId);
    expect(paid.status).toBe('paid');

    const after = (await report()).report.purchasesByPaymentMethod.all.byMethod.voucher;
    expect(Number(after.count)).toBe(Number(before.count) + 1);
    expect(Number(after.citizens)).toBe(Number(before.citizens) + 1);
    expect(Number(after.kr)).toBeCloseTo(Number(before.kr) + 1800, 2);

    const page = await (await coordinatorBrowser.get('/rapport')).text();
    expect(page).toContain('<h2 id="figur-purchasesByPaymentMethod">Køb efter betalingsmåde</h2>');
    expect(page).toContain('<th scope="row">Værdibevis</th>');
    const csv = await (await coordinatorBrowser.get('/rapport/csv/purchasesByPaymentMethod')).text();
    expect(csv).toContain('municipality_code;payment_method;label;kr;count;citizens;n\r\n');
    expect(csv).toMatch(/\r\nall;voucher;Værdibevis;\d+,\d\d;\d+;\d+;\d+\r\n/);
  });
});
