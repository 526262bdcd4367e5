import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, HALSNAES, staff } from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Vendor proposals (spec: Vendors): a support person proposes a vendor — name, CVR number, an IBAN or the
// payment card — finance approves it or rejects it with a reason; only an approved vendor can be chosen
// for a request. Bad input gets a clear message and changes nothing; each decision is audited once.

let t: TestContext;
let web: TestApp;
let support: Actor;
let coordinator: Actor;
let finance: Actor;
let halsnaesFinance: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  support = await staff(t, AARHUS, 'stotteperson');
  coordinator = await staff(t, AARHUS, 'koordinator');
  finance = await staff(t, AARHUS, 'okonomi');
  halsnaesFinance = await staff(t, HALSNAES, 'okonomi');
});
afterAll(() => t.close());

const auditOf = (vendorId: string) =>
  t.database.transaction('all', (tx) =>
    tx
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', vendorId)
      .orderBy('seq')
      .execute(),
  );

const approvedIds = async (actor: Actor) => (await t.services.budgets.vendors(actor)).map((v) => v.id);

describe('a support person proposes a vendor', () => {
  it('refuses bad input field by field, in Danish, and adds nothing', async () => {
    const before = (await t.services.vendorProposals.listing(support, {})).proposals.total;
    const refused = (input: Record<string, string>) =>
      t.services.vendorProposals.propose(support, input).then(
        () => ({}),
        (error: unknown) => {
          const { fields = {} } = error as { fields?: Record<string, { key: string }> };
          return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.key]));
        },
      );
    expect(await refused({ name: '', cvr: '1234', payWith: 'iban', iban: 'DK5100400440116243' })).toEqual({
      name: 'field.vendor.name',
      cvr: 'field.vendor.cvr',
      iban: 'field.vendor.iban',
    });
    expect(await refused({ name: 'Butik', cvr: '', payWith: 'iban', iban: '' })).toEqual({
      cvr: 'field.vendor.cvrMissing',
      iban: 'field.vendor.ibanMissing',
    });
    expect(await refused({ name: 'Butik', cvr: '12345678', payWith: 'cash' })).toEqual({
      payWith: 'field.vendor.payWith',
    });
    expect((await t.services.vendorProposals.listing(support, {})).proposals.total).toBe(before);
  });

  it('is not chosen until finance approves it, then is', async () => {
    const id = await t.services.vendorProposals.propose(support, {
      name: 'Cykelværkstedet Øst',
      cvr: '12 34 56 74',
      payWith: 'iban',
      iban: 'dk50 0040 0440 1162 43',
    });
    const mine = (await t.services.vendorProposals.listing(support, {})).proposals.items.find(
      (p) => p.id === id,
    );
    expect(mine).toMatchObject({ status: 'proposed', cvr: '12345674', iban: 'DK5000400440116243' });
    expect(await approvedIds(support)).not.toContain(id);

    // A request naming the proposed vendor is refused on the vendor field.
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    const request = { title: 'Cykel', purpose: 'Til praktik', amountKr: '1500', category: 'transport' };
    await expect(
      t.services.purchases.create(support, caseId, {
        ...request,
        vendorId: id,
        paymentMethod: 'bank_transfer',
      }),
    ).rejects.toMatchObject({ fields: { vendorId: { key: 'field.purchase.vendorId' } } });

    // Only those who keep the list decide; another municipality's finance does not even find it.
    await expect(t.services.vendorProposals.approve(support, id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.services.vendorProposals.approve(halsnaesFinance, id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await t.services.vendorProposals.approve(finance, id);
    expect(await approvedIds(support)).toContain(id);
    await t.services.purchases.create(support, caseId, {
      ...request,
      vendorId: id,
      paymentMethod: 'bank_transfer',
    });

    // Decided once: a second decision is refused and changes nothing.
    await expect(
      t.services.vendorProposals.reject(finance, id, { reason: 'For sent' }),
    ).rejects.toMatchObject({ code: 'vendor_decided' });
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['vendor.propose', 'vendor.approve']);
  });

  it('is rejected with a reason the support person reads, and frees the CVR number', async () => {
    const id = await t.services.vendorProposals.propose(support, {
      name: 'Ophørt Elektronik ApS',
      cvr: '23456781',
      payWith: 'card',
    });
    await expect(
      t.services.vendorProposals.propose(support, { name: 'Samme igen', cvr: '23456781', payWith: 'card' }),
    ).rejects.toMatchObject({ code: 'vendor_exists' });
    await expect(t.services.vendorProposals.reject(finance, id, { reason: '' })).rejects.toMatchObject({
      fields: { reason: { key: 'field.vendor.rejectionReason' } },
    });
    await t.services.vendorProposals.reject(coordinator, id, { reason: 'Virksomheden er ophørt.' });
    const mine = (await t.services.vendorProposals.listing(support, {})).proposals.items.find(
      (p) => p.id === id,
    );
    expect(mine).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Virksomheden er ophørt.',
      paysByCard: true,
    });
    expect(await approvedIds(finance)).not.toContain(id);
    // A rejected proposal does not hold its CVR number.
    await t.services.vendorProposals.propose(support, { name: 'Ny butik', cvr: '23456781', payWith: 'card' });
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['vendor.propose', 'vendor.reject']);
  });

  it('shows the support person the list and the form, and finance the proposals to decide', async () => {
    const supportBrowser = new Browser(web).useSession((await loginAs(t, 'support')).token);
    const page = await (await supportBrowser.get('/leverandoerer')).text();
    expect(page).toContain('Foreslå en leverandør');
    expect(page).toContain('action="/leverandoerer/forslag"');
    expect(page).not.toContain('/pin');

    const bad = await supportBrowser.submit('/leverandoerer/forslag', {
      name: 'Butik',
      cvr: '123',
      payWith: 'iban',
      iban: 'DK00 1234',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Et CVR-nummer har 8 cifre');
    expect(html).toContain('IBAN-nummeret er ikke gyldigt');
    expect(html).toContain('value="Butik"');

    const ok = await supportBrowser.submit('/leverandoerer/forslag', {
      name: 'Genbrugsbutikken Lyset',
      cvr: '34567899',
      payWith: 'card',
    });
    expect(ok.status).toBe(303);
    const id = (await t.services.vendorProposals.listing(support, {})).proposals.items.find(
      (p) => p.name === 'Genbrugsbutikken Lyset',
    )?.id;
    const financeBrowser = new Browser(web).useSession((await loginAs(t, 'finance')).token);
    const list = await (await financeBrowser.get('/leverandoerer')).text();
    expect(list).toContain('Forslag der venter på dig');
    expect(list).toContain(`action="/leverandoerer/${id}/godkend"`);
    const rejectPage = await financeBrowser.get(`/leverandoerer/${id}/afvis`);
    expect(rejectPage.status).toBe(200);
    const noReason = await financeBrowser.submit(`/leverandoerer/${id}/afvis`, { reason: '' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv hvorfor leverandøren ikke godkendes.');
    expect((await financeBrowser.submit(`/leverandoerer/${id}/godkend`, {})).status).toBe(303);
    expect(await approvedIds(support)).toContain(id);
  });
});
