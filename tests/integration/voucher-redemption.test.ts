import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { AppError, TooManyAttempts } from '../../src/domain/errors.ts';
import { formatKr, ore } from '../../src/domain/money.ts';
import { formatVoucherCode, parseVoucherCode, VOUCHER_VALID_DAYS } from '../../src/domain/voucher.ts';
import { createServices } from '../../src/services/index.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { enableVouchers, issuedVoucher, receiptPdf } from '../factories/voucher-factory.ts';
import { createTestContext, TEST_SECRETS, type TestContext } from '../setup/test-db.ts';
import { danishFields } from '../setup/messages.ts';

// A shop redeems a voucher (spec: Vouchers) through the services, as its pages do: the money stays
// exact — what the shop did not use is back in the budget at once, the redemption happens once however
// often or in parallel it is sent, and every refusal writes nothing. The ledger check is clean after each.

let t: TestContext;
let team: MoneyTeam;
const ADDRESS = '192.0.2.50';

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  team = await moneyTeam(t);
  await enableVouchers(t, team);
}, 120_000);
afterAll(() => t.close());

async function rowsOf(caseId: string) {
  return t.database.transaction('all', async (tx) => ({
    ledger: await tx
      .selectFrom('ledger_entry')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute(),
    vouchers: await tx.selectFrom('voucher').selectAll().where('case_id', '=', caseId).execute(),
    attachments: await tx.selectFrom('purchase_attachment').select(['id', 'uploaded_by_vendor_id']).execute(),
    access: await tx.selectFrom('access_log').selectAll().where('case_id', '=', caseId).execute(),
  }));
}

async function ledgerIsClean() {
  expect((await t.services.system.checkLedger()).problems).toEqual([]);
}

describe('a voucher', () => {
  it('is issued at approval with a checked code, the approved maximum reserved and a last day within 30 days', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '2500' });
    expect(parseVoucherCode(v.code)).toBe(v.code);
    const { ledger, vouchers } = await rowsOf(v.caseId);
    expect(ledger.map((r) => [r.kind, r.amount_ore])).toEqual([
      ['grant', 10_000_00],
      ['reservation', 2_500_00],
    ]);
    const [voucher] = vouchers;
    expect(voucher).toMatchObject({ status: 'issued', max_amount_ore: 2_500_00, vendor_id: team.vendorId });
    const days =
      (Date.parse(voucher?.expires_on ?? '') - Date.parse(t.clock.now().toISOString().slice(0, 10))) /
      86_400_000;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(VOUCHER_VALID_DAYS);
    await ledgerIsClean();
  });

  it('is sent to the citizen’s mobile number as an SMS in the outbox, without their name', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '650', phone: '20 30 40 50' });
    const sms = await t.database.transaction('all', (tx) =>
      tx.selectFrom('outbox_message').selectAll().where('recipient', '=', '20 30 40 50').execute(),
    );
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', sent_at: null });
    expect(sms[0]?.body).toContain(formatVoucherCode(v.code));
    expect(sms[0]?.body).toContain('Cykelsmeden ApS');
    expect(sms[0]?.body).not.toContain('Test Borger');
  });

  it('is redeemed for 80 % of the maximum: the 20 % is available again at once, the receipt attached, the citizen’s log told', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '2500' });
    const checked = await t.services.vouchers.check({ pin: v.pin, code: v.code.toLowerCase() }, ADDRESS);
    expect(checked.voucher).toMatchObject({
      maxAmount: 2_500_00,
      title: 'Cykel til arbejdet',
      shopName: 'Cykelsmeden ApS',
    });
    expect(JSON.stringify(checked.voucher)).not.toMatch(/Test Borger/);
    const done = await t.services.vouchers.redeem(
      { ticket: checked.ticket, amountKr: '2000', receiptNumber: 'K-77', key: 'form-key-0001' },
      receiptPdf(),
    );
    expect(done).toMatchObject({ amount: 2_000_00, maxAmount: 2_500_00, shopName: 'Cykelsmeden ApS' });
    expect(done.reference).toMatch(/^VB-[2-9A-HJKMNP-Z]{8}$/);
    const { ledger, vouchers, access } = await rowsOf(v.caseId);
    expect(ledger.map((r) => [r.kind, r.amount_ore])).toEqual([
      ['grant', 10_000_00],
      ['reservation', 2_500_00],
      ['reservation_release', 500_00],
    ]);
    expect(vouchers[0]).toMatchObject({
      status: 'redeemed',
      redeemed_amount_ore: 2_000_00,
      receipt_number: 'K-77',
    });
    expect(access.filter((a) => a.vendor_id === team.vendorId)).toHaveLength(1);
    const overview = await t.services.budgets.overview(team.support, v.caseId, '/test');
    expect(overview.balance).toMatchObject({ reserved: 2_000_00, available: 8_000_00 });
    // The request is now a payment to make: finance pays the receipt's amount and the reservation is gone.
    await t.services.purchases.pay(team.finance, v.requestId, { reference: done.reference });
    const paid = await t.services.budgets.overview(team.support, v.caseId, '/test');
    expect(paid.balance).toMatchObject({ reserved: 0, paid: 2_000_00, available: 8_000_00 });
    await ledgerIsClean();
  });

  it('answers a replayed redemption with the first confirmation and writes nothing more', async () => {
    const v = await issuedVoucher(t, team);
    const { ticket } = await t.services.vouchers.check({ pin: v.pin, code: v.code }, ADDRESS);
    const input = { ticket, amountKr: '1000', receiptNumber: 'K-2', key: 'replayed-key-01' };
    const first = await t.services.vouchers.redeem(input, receiptPdf());
    const before = await rowsOf(v.caseId);
    const again = await t.services.vouchers.redeem(input, receiptPdf());
    expect(again).toEqual(first);
    expect(await rowsOf(v.caseId)).toEqual(before);
    // Another form (another key) for the same voucher is refused: it is used.
    await expect(
      t.services.vouchers.redeem({ ...input, key: 'another-key-01' }, receiptPdf()),
    ).rejects.toMatchObject({
      code: 'voucher_redeemed',
    });
    await ledgerIsClean();
  });

  it('refuses over the maximum, without a receipt or number, expired, cancelled, and writes nothing', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '1500' });
    const { ticket } = await t.services.vouchers.check({ pin: v.pin, code: v.code }, ADDRESS);
    const before = await rowsOf(v.caseId);
    const wrong = await t.services.vouchers
      .redeem({ ticket, amountKr: '1500,01', receiptNumber: ' ', key: 'bad-input-01' }, null)
      .catch((e: unknown) => e);
    expect(danishFields((wrong as { fields: Record<string, never> }).fields)).toEqual({
      amountKr: `Beløbet må højst være ${formatKr(ore(1_500_00))}`,
      receiptNumber: 'Skriv kvitteringens eller fakturaens nummer.',
      file: 'Vælg kvitteringen eller fakturaen som PDF, JPEG eller PNG.',
    });
    expect(await rowsOf(v.caseId)).toEqual(before);

    await t.services.purchases.cancel(team.support, v.requestId, {
      reason: 'Borgeren fik cyklen forærende.',
    });
    await expect(
      t.services.vouchers.redeem(
        { ticket, amountKr: '100', receiptNumber: 'K-3', key: 'cancelled-01' },
        receiptPdf(),
      ),
    ).rejects.toMatchObject({ code: 'voucher_cancelled' });
    const cancelled = await rowsOf(v.caseId);
    expect(cancelled.ledger.at(-1)).toMatchObject({ kind: 'reservation_release', amount_ore: 1_500_00 });
    expect(cancelled.vouchers[0]).toMatchObject({ status: 'cancelled' });
    await ledgerIsClean();
  });

  it('ends after its last day: the shop is refused, and the hourly job releases the reservation', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '700' });
    const { ticket } = await t.services.vouchers.check({ pin: v.pin, code: v.code }, ADDRESS);
    t.clock.advance((VOUCHER_VALID_DAYS + 1) * 86_400_000);
    try {
      const before = await rowsOf(v.caseId);
      const late = await t.services.vouchers
        .redeem({ ticket, amountKr: '100', receiptNumber: 'K-4', key: 'expired-01' }, receiptPdf())
        .catch((e: unknown) => e);
      // The page was open longer than a ticket lasts: the shop enters the PIN again, and then hears why.
      expect(late).toBeInstanceOf(AppError);
      expect(await rowsOf(v.caseId)).toEqual(before);
      const fresh = await t.services.vouchers.check({ pin: v.pin, code: v.code }, ADDRESS);
      await expect(
        t.services.vouchers.redeem(
          { ticket: fresh.ticket, amountKr: '100', receiptNumber: 'K-4', key: 'expired-02' },
          receiptPdf(),
        ),
      ).rejects.toMatchObject({ code: 'voucher_expired' });
      expect(await t.services.vouchers.expireOverdue()).toBeGreaterThanOrEqual(1);
      const after = await rowsOf(v.caseId);
      expect(after.vouchers[0]).toMatchObject({ status: 'expired' });
      expect(after.ledger.at(-1)).toMatchObject({ kind: 'reservation_release', amount_ore: 700_00 });
      expect(await t.services.vouchers.expireOverdue()).toBe(0);
      await ledgerIsClean();
    } finally {
      t.clock.advance(-(VOUCHER_VALID_DAYS + 1) * 86_400_000);
    }
  });

  it('is refused to another shop on the list, with the same answer as a wrong PIN, and nothing written', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '900' });
    const other = await t.services.budgets.addVendor(team.finance, {
      name: 'Anden Butik ApS',
      cvr: '87654321',
    });
    const otherPin = await t.services.vouchers.issuePin(team.finance, other);
    const before = await rowsOf(v.caseId);
    const refused = await t.services.vouchers
      .check({ pin: otherPin, code: v.code }, '192.0.2.70')
      .catch((e: unknown) => e);
    expect(danishFields((refused as { fields: Record<string, never> }).fields)).toEqual({
      pin: 'PIN-koden eller værdibevisets kode er forkert. Tjek begge, og prøv igen.',
    });
    expect(await rowsOf(v.caseId)).toEqual(before);
  });

  it('gives one answer for a wrong PIN and a wrong code, and slows down guessing', async () => {
    const v = await issuedVoucher(t, team);
    const answer = async (pin: string, code: string, from: string) =>
      t.services.vouchers.check({ pin, code }, from).then(
        () => 'accepted',
        (e: unknown) =>
          e instanceof TooManyAttempts
            ? 'wait'
            : Object.values(danishFields((e as { fields: Record<string, never> }).fields)).join(),
      );
    const wrongPin = await answer('00000000', v.code, '192.0.2.60');
    const otherCode = (await issuedVoucher(t, team)).code;
    const pinOfNobody = await answer(v.pin === '11111111' ? '22222222' : '11111111', otherCode, '192.0.2.61');
    expect(wrongPin).toBe('PIN-koden eller værdibevisets kode er forkert. Tjek begge, og prøv igen.');
    expect(pinOfNobody).toBe(wrongPin);
    // Guessing PINs for one code from one address: after the free attempts, the next must wait.
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) answers.push(await answer(String(10_000_000 + i), v.code, '192.0.2.62'));
    expect(answers).toContain('wait');
  });
});

describe.skipIf(!process.env.DATABASE_URL)('a voucher under concurrency (PostgreSQL only)', () => {
  let racing: DatabaseHandle;
  beforeAll(async () => {
    racing = await openDatabase({ databaseUrl: t.url, dataDir: 'memory://', migrate: false, poolSize: 25 });
  });
  afterAll(() => racing.close());

  it('is redeemed once when 20 shops’ forms arrive at the same moment', async () => {
    const v = await issuedVoucher(t, team, { maxKr: '3000' });
    const services = createServices({
      database: racing,
      clock: t.clock,
      secrets: TEST_SECRETS,
      production: false,
    });
    const { ticket } = await services.vouchers.check({ pin: v.pin, code: v.code }, ADDRESS);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        services.vouchers.redeem(
          { ticket, amountKr: String(1000 + i), receiptNumber: `K-${i}`, key: `parallel-${i}-key` },
          receiptPdf(),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual(Array<string>(19).fill('voucher_redeemed'));
    const { ledger, vouchers } = await rowsOf(v.caseId);
    expect(vouchers[0]?.status).toBe('redeemed');
    expect(ledger.filter((r) => r.kind === 'reservation_release')).toHaveLength(1);
    await ledgerIsClean();
  });
});
