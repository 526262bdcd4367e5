import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';
import { danishFields } from '../setup/messages.ts';

// The money path (spec: Money) through the services: grant, request, confirmation, approval (four eyes
// above the limit), payment, refund, and what goes back to the pool at close. The ledger's invariants
// are checked by the database's guard trigger too.

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  ({ coordinator, support, finance, vendorId } = await moneyTeam(t));
});
afterAll(() => t.close());

async function activeCaseWithGrant(kr: string): Promise<string> {
  const { caseId } = await caseIn(t, 'active', { coordinator, support });
  await t.services.budgets.grant(coordinator, caseId, { amountKr: kr });
  return caseId;
}

async function submittedRequest(caseId: string, amountKr: string, by = support): Promise<string> {
  const id = await t.services.purchases.create(by, caseId, {
    title: 'Cykel',
    purpose: 'Kan komme til praktik',
    amountKr,
    category: 'transport',
    vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(by, id, { how: 'in_person' });
  await t.services.purchases.submit(by, id);
  return id;
}

describe('the money path', () => {
  it('grants, reserves on approval, pays, refunds and returns the rest to the pool at close', async () => {
    const caseId = await activeCaseWithGrant('20000');
    const small = await submittedRequest(caseId, '3000');
    await t.services.purchases.approve(support, small);
    let b = (await t.services.budgets.overview(support, caseId, '/test')).balance;
    expect(b).toMatchObject({ granted: 20_000_00, reserved: 3_000_00, paid: 0, available: 17_000_00 });

    await t.services.purchases.pay(finance, small, { reference: 'F-1', amountKr: '2950' });
    b = (await t.services.budgets.overview(support, caseId, '/test')).balance;
    expect(b).toMatchObject({ reserved: 0, paid: 2_950_00, available: 17_050_00 });
    await expect(t.services.purchases.pay(finance, small, { reference: 'F-1' })).rejects.toMatchObject({
      code: 'purchase_pay_refused',
    });

    await t.services.purchases.refund(finance, small, { amountKr: '950', reference: 'Kreditnota 7' });
    b = (await t.services.budgets.overview(support, caseId, '/test')).balance;
    expect(b).toMatchObject({ paid: 2_950_00, refunded: 950_00, spent: 2_000_00, available: 18_000_00 });

    await t.services.cases.complete(support, caseId, {});
    b = (await t.services.budgets.overview(coordinator, caseId, '/test')).balance;
    expect(b).toMatchObject({ returned: 18_000_00, available: 0, spent: 2_000_00 });
  });

  it('needs a coordinator above the limit, and never the one who wrote the request', async () => {
    const caseId = await activeCaseWithGrant('30000');
    const big = await submittedRequest(caseId, '8000');
    await expect(t.services.purchases.approve(support, big)).rejects.toMatchObject({
      code: 'needs_coordinator',
    });
    await t.services.purchases.approve(coordinator, big);
    const own = await submittedRequest(caseId, '7000', coordinator);
    await expect(t.services.purchases.approve(coordinator, own)).rejects.toMatchObject({ code: 'four_eyes' });
  });

  it('refuses a request past the available amount and changes nothing', async () => {
    const caseId = await activeCaseWithGrant('4000');
    const first = await submittedRequest(caseId, '3000');
    await t.services.purchases.approve(support, first);
    const second = await submittedRequest(caseId, '1500');
    await expect(t.services.purchases.approve(support, second)).rejects.toMatchObject({
      code: 'budget_exceeded',
    });
    const overview = await t.services.budgets.overview(support, caseId, '/test');
    expect(overview.balance).toMatchObject({ reserved: 3_000_00, available: 1_000_00 });
    expect(overview.requests.find((r) => r.id === second)?.status).toBe('submitted');
  });

  it('keeps attachments checked by content, with their checksum, for those who may see the request', async () => {
    const caseId = await activeCaseWithGrant('5000');
    const id = await submittedRequest(caseId, '1000');
    const pdf = new TextEncoder().encode('%PDF-1.7\n% kvittering\n');
    const exe = new TextEncoder().encode('MZ\u0090 pretending to be a pdf');
    const refused = (await t.services.attachments
      .attach(support, id, { kind: 'receipt' }, { name: 'kvittering.pdf', bytes: exe })
      .catch((e: unknown) => e)) as ValidationFailed;
    expect(danishFields(refused.fields)).toMatchObject({ file: 'Filen skal være en PDF, JPEG eller PNG.' });
    const { attachmentId } = await t.services.attachments.attach(
      support,
      id,
      { kind: 'quote' },
      { name: '../Tilbud.exe', bytes: pdf },
    );
    // Finance sees a request's papers from its approval on, not while it is only submitted.
    await expect(t.services.attachments.download(finance, attachmentId, '/test')).rejects.toMatchObject({
      code: 'not_found',
    });
    await t.services.purchases.approve(support, id);
    const file = await t.services.attachments.download(finance, attachmentId, 'GET /bilag/:attachmentId');
    expect(file).toMatchObject({ fileName: 'Tilbud.pdf', contentType: 'application/pdf' });
    // The file may name the citizen: finance's reading of it is in the case's access log.
    const log = await t.database.transaction('all', (tx) =>
      tx.selectFrom('access_log').select(['user_id', 'purpose']).where('case_id', '=', caseId).execute(),
    );
    expect(log).toContainEqual({ user_id: finance.userId, purpose: 'GET /bilag/:attachmentId' });
    expect(Buffer.from(file.content).equals(Buffer.from(pdf))).toBe(true);
    const other = await staff(t, 250, 'okonomi');
    await expect(t.services.attachments.download(other, attachmentId, '/test')).rejects.toMatchObject({
      code: 'not_found',
    });
    const view = await t.services.budgets.overview(support, caseId, '/test');
    expect(view.requests[0]?.attachments.map((a) => a.kind)).toEqual(['quote']);
  });

  it('has the database refuse an overspending posting whatever the service does', async () => {
    const caseId = await activeCaseWithGrant('1000');
    const row = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx
        .selectFrom('citizen_case')
        .select(['programme_id'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
    );
    await expect(
      t.database.transaction({ municipalityId: AARHUS }, (tx) =>
        sql`insert into ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, payment_method,
          paid_on, posted_at) values (${AARHUS}, ${caseId}, ${row.programme_id}, 'payment', 100001, 'invoice',
          '2026-01-01', now())`.execute(tx),
      ),
    ).rejects.toThrow(/overspent/);
  });
});
