import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVoucherCode } from '../../src/domain/voucher.ts';
import type { Actor } from '../../src/services/context.ts';
import type { VoucherView } from '../../src/services/money/voucher.service.ts';
import { AARHUS, programmeOf, registerCitizen, staff, testCpr } from '../factories/case-factory.ts';
import { citizenSession, type CitizenSession } from '../factories/citizen-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { readability } from '../support/lix.ts';

// The vouchers' pages over HTTP: the citizen's "Mine værdibeviser" with a QR code and the code for each
// voucher ready to use and a line for each used, ended or expired one (only their own); the link from
// the portal's front page; the sheet staff print, which names neither the citizen nor their CPR number;
// the voucher's section on the purchase request's page; the shop's line in the citizen's access log;
// English; and no kroner where the programme hides amounts from the citizen.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const DAY = 24 * 60 * 60 * 1000;
const CITIZEN_NAME = 'Vibeke Kodeskov';
const CITIZEN_CPR = testCpr();

let t: TestContext;
let web: TestApp;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;
let me: CitizenSession;
let other: CitizenSession;
let mine: { caseId: string; citizenId: string };
/** My vouchers by title. */
const v: Record<string, VoucherView> = {};
let othersVoucher: VoucherView;

/** Text as a reader sees it: the no-break space of "1.000 kr." as a plain space. */
const plain = (html: string) => html.replace(/\u00a0|&nbsp;|&#160;/g, ' ');

/** An active case of a citizen registered with the name and CPR number given (as caseIn, named). */
async function namedActiveCase(name: string, cpr: string) {
  const citizen = await registerCitizen(t, coordinator, { name, cpr });
  const { id: caseId } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: 'Henvist til test.',
  });
  await t.services.cases.startScreening(coordinator, caseId);
  await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
  await t.services.cases.assignSupport(coordinator, caseId, { supportUserId: support.userId });
  await t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' });
  await t.services.cases.activate(support, caseId, {});
  return { caseId, citizenId: citizen.id };
}

/** A request paid by voucher, confirmed, submitted and approved: approval issues the voucher. */
async function approvedVoucher(
  caseId: string,
  title: string,
  amountKr: string,
  shop: 'named' | 'any' = 'named',
): Promise<VoucherView> {
  const requestId = await t.services.purchases.create(support, caseId, {
    title,
    purpose: 'Så jeg kan komme ud at løbe',
    amountKr,
    category: 'exercise_leisure',
    ...(shop === 'named' ? { vendorId } : {}),
    paymentMethod: 'voucher',
  });
  await t.services.purchases.confirm(support, requestId, { how: 'in_person' });
  await t.services.purchases.submit(support, requestId);
  await t.services.purchases.approve(support, requestId);
  const voucher = await t.services.vouchers.ofRequest(support, requestId);
  if (!voucher) throw new Error('approval issued no voucher');
  return voucher;
}

async function refresh(title: string): Promise<VoucherView> {
  const found = await t.services.vouchers.ofRequest(support, v[title]?.requestId ?? '');
  if (!found) throw new Error(`no voucher ${title}`);
  v[title] = found;
  return found;
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  finance = await staff(t, AARHUS, 'okonomi');
  vendorId = await t.services.budgets.addVendor(finance, {
    name: 'Løbeshoppen ApS',
    cvr: '40506071',
    bankRegistration: '1234',
    bankAccount: '0040506071',
  });
  // The programme offers vouchers, for leisure and exercise, at a named shop or any on the list.
  const programmeId = await programmeOf(t, coordinator);
  const programme = await t.services.programmes.get(coordinator, programmeId);
  await t.services.programmes.updateSettings(
    coordinator,
    programmeId,
    programmeInput(programme, {
      voucherEnabled: 'on',
      voucherAnyVendor: 'on',
      'categoryRules.exercise_leisure.voucher': 'on',
    }),
  );

  mine = await namedActiveCase(CITIZEN_NAME, CITIZEN_CPR);
  const theirs = await namedActiveCase('Anden Borger', testCpr());
  await t.services.budgets.grant(coordinator, mine.caseId, { amountKr: '10000' });
  await t.services.budgets.grant(coordinator, theirs.caseId, { amountKr: '10000' });

  // One voucher runs out unused: 31 days on, the daily run ends it.
  v.Svømmekort = await approvedVoucher(mine.caseId, 'Svømmekort', '300');
  t.clock.advance(31 * DAY);
  await t.services.vouchers.expireOverdue();
  await refresh('Svømmekort');

  v.Løbesko = await approvedVoucher(mine.caseId, 'Løbesko', '800');
  v.Vandflaske = await approvedVoucher(mine.caseId, 'Vandflaske', '150', 'any');
  v.Regnjakke = await approvedVoucher(mine.caseId, 'Regnjakke', '600');
  v.Pandelampe = await approvedVoucher(mine.caseId, 'Pandelampe', '250');
  othersVoucher = await approvedVoucher(theirs.caseId, 'Andens cykelhjelm', '400');

  // The shop redeems the rain jacket for less than the maximum; the head torch is cancelled.
  const pin = await t.services.vouchers.issuePin(finance, vendorId);
  const { ticket } = await t.services.vouchers.check({ pin, code: v.Regnjakke.code }, '198.51.100.7');
  await t.services.vouchers.redeem(
    { ticket, amountKr: '450', receiptNumber: 'K-77', key: 'redeem-regnjakke-1' },
    { name: 'kvittering.png', bytes: PNG },
  );
  await refresh('Regnjakke');
  await t.services.purchases.cancel(support, v.Pandelampe.requestId, { reason: 'Ikke brug for den.' });
  await refresh('Pandelampe');

  me = await citizenSession(t, { existing: mine, coordinator, support });
  other = await citizenSession(t, { existing: theirs, coordinator, support });
});
afterAll(() => t.close());

describe('the vouchers as the service gives them', () => {
  it('are in the states the pages show', () => {
    expect(v.Svømmekort?.status).toBe('expired');
    expect(v.Løbesko?.status).toBe('issued');
    expect(v.Vandflaske).toMatchObject({ status: 'issued', shopName: null });
    expect(v.Regnjakke).toMatchObject({ status: 'redeemed', redeemedAmount: 45000 });
    expect(v.Pandelampe?.status).toBe('cancelled');
  });
});

describe('Mine værdibeviser', () => {
  it('shows each voucher ready to use with its QR code, its code, shop, maximum and last day', async () => {
    const res = await new Browser(web).useSession(me.token).get('/borger/vaerdibeviser');
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain('<h1>Mine værdibeviser</h1>');
    for (const ready of [v.Løbesko, v.Vandflaske]) {
      if (!ready) throw new Error('missing voucher');
      expect(html).toContain(formatVoucherCode(ready.code));
      expect(html).toContain(ready.title);
    }
    // A QR code per voucher ready to use: inline SVG, labelled, holding the shop's link.
    expect(html.match(/<svg class="qr qr--phone" role="img" aria-label="QR-kode/g)).toHaveLength(2);
    expect(html).toContain('Løbeshoppen ApS');
    expect(html).toContain('Alle butikker på kommunens liste');
    expect(html).toContain('800 kr.');
    expect(html).toContain('Sidste dag');
    // The old ones in a line each.
    expect(html).toContain('Gamle værdibeviser');
    expect(html).toContain('Brugt 2. april 2026. Du købte for 450 kr. i Løbeshoppen ApS.');
    expect(html).toContain('Udløbet. Den sidste dag var 1. april 2026.');
    expect(html).toContain('Annulleret. Det kan ikke bruges.');
    // Used, cancelled and expired codes are not shown as codes to use.
    for (const old of [v.Regnjakke, v.Pandelampe, v.Svømmekort]) {
      expect(html).not.toContain(formatVoucherCode(old?.code ?? ''));
    }
    // Never another citizen's voucher.
    expect(html).not.toContain(othersVoucher.title);
    expect(html).not.toContain(formatVoucherCode(othersVoucher.code));
    // In the portal's menu.
    expect(html).toContain('href="/borger/vaerdibeviser" class="nav-link" aria-current="page"');
  });

  it('is plain Danish, with vouchers in every state (LIX ≤ 35)', async () => {
    const html = await (await new Browser(web).useSession(me.token).get('/borger/vaerdibeviser')).text();
    const r = readability(html);
    expect(r.lix, r.sentencesText.join(' | ')).toBeLessThanOrEqual(35);
  });

  it('says so when the citizen has none', async () => {
    const fresh = await citizenSession(t, { coordinator, support });
    const html = await (await new Browser(web).useSession(fresh.token).get('/borger/vaerdibeviser')).text();
    expect(html).toContain('Du har ingen værdibeviser lige nu.');
    expect(html).not.toContain('<svg class="qr');
  });

  it('shows the other citizen only their own', async () => {
    const html = await (await new Browser(web).useSession(other.token).get('/borger/vaerdibeviser')).text();
    expect(html).toContain(formatVoucherCode(othersVoucher.code));
    expect(html).not.toContain(formatVoucherCode(v.Løbesko?.code ?? ''));
    expect(html).not.toContain('Regnjakke');
  });

  it('is linked from the front page while a voucher is ready to use', async () => {
    const html = await (await new Browser(web).useSession(me.token).get('/borger')).text();
    expect(html).toContain('<a href="/borger/vaerdibeviser">Du har 2 værdibeviser, du kan bruge.</a>');
    const fresh = await citizenSession(t, { coordinator, support });
    const none = await (await new Browser(web).useSession(fresh.token).get('/borger')).text();
    expect(none).not.toContain('<a href="/borger/vaerdibeviser">Du har');
  });

  it('is not for staff', async () => {
    const b = new Browser(web).useSession((await loginAs(t, 'support', AARHUS)).token);
    expect((await b.get('/borger/vaerdibeviser')).status).toBe(404);
  });

  it('speaks English when the citizen switches', async () => {
    const b = new Browser(web).useSession(me.token);
    await b.get('/sprog/en?tilbage=/borger/vaerdibeviser');
    const html = plain(await (await b.get('/borger/vaerdibeviser')).text());
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<h1>My vouchers</h1>');
    expect(html).toContain('Any shop on the municipality’s list');
    expect(html).toContain('aria-label="QR code with the voucher’s code. The shop scans it."');
    expect(html).toContain('Old vouchers');
    const home = await (await b.get('/borger')).text();
    expect(home).toContain('You have 2 vouchers you can use.');
  });
});

describe('the shop in the citizen’s access log', () => {
  it('names the shop that redeemed the voucher', async () => {
    const html = await (await new Browser(web).useSession(me.token).get('/borger/log')).text();
    expect(html).toMatch(
      /<p class="mt-0 mb-1">Løbeshoppen ApS<\/p><ul class="mt-0"><li>Indløste dit værdibevis<\/li>/,
    );
  });
});

describe('the printable voucher', () => {
  let b: Browser;
  beforeAll(async () => {
    b = new Browser(web).useSession((await loginAs(t, 'support', AARHUS)).token);
  });
  const sheetPath = (voucher: VoucherView | undefined) =>
    `/forloeb/${mine.caseId}/anmodninger/${voucher?.requestId ?? ''}/vaerdibevis`;

  it('has the QR code, the code, shop, maximum, last day, what to do and the shop’s address', async () => {
    const res = await b.get(sheetPath(v.Løbesko));
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    const code = v.Løbesko?.code ?? '';
    expect(html).toContain('<article class="voucher-sheet');
    expect(html).toMatch(/<svg class="qr qr--sheet" role="img"/);
    expect(html).toContain(formatVoucherCode(code));
    expect(html).toContain('Løbeshoppen ApS');
    expect(html).toContain('Løbesko');
    expect(html).toContain('800 kr.');
    expect(html).toContain('Sådan gør du');
    expect(html).toContain(
      'Butikken: gå til http://localhost:3000/indloes, og skriv jeres PIN-kode og koden.',
    );
    expect(html).toContain(`http://localhost:3000/indloes/${code}`);
  });

  it('names neither the citizen nor their CPR number', async () => {
    const html = await (await b.get(sheetPath(v.Vandflaske))).text();
    expect(html).toContain('Gå til en butik på kommunens liste senest');
    expect(html).not.toContain(CITIZEN_NAME);
    expect(html).not.toContain('Vibeke');
    expect(html).not.toContain(CITIZEN_CPR);
    expect(html).not.toContain(CITIZEN_CPR.replace('-', ''));
    // Nor anything shaped like one on the sheet itself.
    const sheet = /<article class="voucher-sheet[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
    expect(sheet).toContain('Værdibevis');
    expect(sheet).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('is not printed as a voucher once it cannot be used', async () => {
    const html = await (await b.get(sheetPath(v.Regnjakke))).text();
    expect(html).toContain('Værdibeviset kan ikke bruges (status: Brugt).');
    expect(html).not.toContain('<article class="voucher-sheet');
  });

  it('is not found for a request without a voucher, under another case, or for the citizen', async () => {
    const withoutVoucher = await t.services.purchases.create(support, mine.caseId, {
      title: 'Cykellygter',
      purpose: 'Så jeg kan cykle om aftenen',
      amountKr: '200',
      category: 'transport',
      vendorId,
      paymentMethod: 'invoice',
    });
    expect((await b.get(`/forloeb/${mine.caseId}/anmodninger/${withoutVoucher}/vaerdibevis`)).status).toBe(
      404,
    );
    const elsewhere = `/forloeb/${other.caseId}/anmodninger/${v.Løbesko?.requestId ?? ''}/vaerdibevis`;
    expect((await b.get(elsewhere)).status).toBe(404);
    const citizen = new Browser(web).useSession(me.token);
    expect((await citizen.get(sheetPath(v.Løbesko))).status).toBe(404);
  });

  it('speaks English', async () => {
    const english = new Browser(web).useSession((await loginAs(t, 'support', AARHUS)).token);
    await english.get(`/sprog/en?tilbage=${encodeURIComponent(sheetPath(v.Løbesko))}`);
    const html = await (await english.get(sheetPath(v.Løbesko))).text();
    expect(html).toContain('What to do');
    expect(html).toContain('The shop: go to http://localhost:3000/indloes and enter your PIN and the code.');
  });
});

describe('the voucher on the purchase request’s page', () => {
  let b: Browser;
  beforeAll(async () => {
    b = new Browser(web).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
  });
  const requestPath = (voucher: VoucherView | undefined) =>
    `/forloeb/${mine.caseId}/anmodninger/${voucher?.requestId ?? ''}`;

  it('shows a voucher ready to use with its code and the link to print it', async () => {
    const html = plain(await (await b.get(requestPath(v.Løbesko))).text());
    expect(html).toContain('<h2 id="voucher-heading">Værdibevis</h2>');
    expect(html).toContain('<span class="badge badge-success">Klar til brug</span>');
    expect(html).toContain(formatVoucherCode(v.Løbesko?.code ?? ''));
    expect(html).toContain('<th scope="row">Højst</th><td>800 kr.</td>');
    expect(html).toContain(`href="${requestPath(v.Løbesko)}/vaerdibevis"`);
  });

  it('shows what the shop redeemed, by whom and its reference', async () => {
    const html = plain(await (await b.get(requestPath(v.Regnjakke))).text());
    expect(html).toContain('<span class="badge badge-info">Brugt</span>');
    expect(html).toContain('<th scope="row">Indløst beløb</th><td>450 kr.</td>');
    expect(html).toContain('<th scope="row">Indløst af</th><td>Løbeshoppen ApS</td>');
    expect(html).toContain(v.Regnjakke?.reference ?? 'no reference');
    expect(html).not.toContain(`${requestPath(v.Regnjakke)}/vaerdibevis`);
  });

  it('has no voucher section for a request paid otherwise', async () => {
    const requests = (await t.services.budgets.overview(coordinator, mine.caseId, 'test')).requests;
    const invoice = requests.find((r) => r.paymentMethod !== 'voucher');
    if (!invoice) throw new Error('no request paid otherwise');
    const html = await (await b.get(`/forloeb/${mine.caseId}/anmodninger/${invoice.id}`)).text();
    expect(html).not.toContain('id="voucher-heading"');
  });

  it('speaks English', async () => {
    const english = new Browser(web).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
    await english.get('/sprog/en?tilbage=/');
    const html = await (await english.get(requestPath(v.Regnjakke))).text();
    expect(html).toContain('<h2 id="voucher-heading">Voucher</h2>');
    expect(html).toContain('Amount redeemed');
  });
});

describe('where the citizen does not see the amount', () => {
  it('shows the vouchers without kroner', async () => {
    const programmeId = await programmeOf(t, coordinator);
    const programme = await t.services.programmes.get(coordinator, programmeId);
    await t.services.programmes.updateSettings(
      coordinator,
      programmeId,
      programmeInput(programme, {
        citizenSeesAmount: null,
        voucherEnabled: 'on',
        voucherAnyVendor: 'on',
        'categoryRules.exercise_leisure.voucher': 'on',
      }),
    );
    const html = plain(
      await (await new Browser(web).useSession(me.token).get('/borger/vaerdibeviser')).text(),
    );
    expect(html).toContain(formatVoucherCode(v.Løbesko?.code ?? ''));
    expect(html).toContain('Butikken kan se, hvor meget du må købe for.');
    expect(html).not.toContain(' kr.');
    expect(html).toContain('i Løbeshoppen ApS.');
  });
});

describe('vouchers about to expire', () => {
  it('are on the support person’s and the coordinator’s front page a week before their last day, and flagged on the budget', async () => {
    const ready = v.Løbesko;
    if (!ready) throw new Error('No voucher ready to use');
    const staffPage = async (role: 'support' | 'coordinator', path: string) =>
      plain(
        await (await new Browser(web).useSession((await loginAs(t, role, AARHUS)).token).get(path)).text(),
      );
    expect(await staffPage('support', '/')).not.toContain('Værdibeviser, der snart udløber');
    t.clock.advance(24 * DAY);
    try {
      for (const role of ['support', 'coordinator'] as const) {
        const home = await staffPage(role, '/');
        expect(home).toContain('Værdibeviser, der snart udløber');
        expect(home).toContain(`href="/forloeb/${mine.caseId}/anmodninger/${ready.requestId}"`);
      }
      expect(await staffPage('support', `/forloeb/${mine.caseId}/budget`)).toContain(
        'Værdibevis, sidste dag',
      );
    } finally {
      t.clock.advance(-24 * DAY);
    }
  });
});
