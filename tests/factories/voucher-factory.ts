import type { TestContext } from '../setup/test-db.ts';
import { programmeInput } from '../setup/programme.ts';
import { caseIn } from './case-factory.ts';
import type { MoneyTeam } from './money-factory.ts';

// Vouchers in tests (spec: Vouchers): the Aarhus programme offering them, an active case with a grant,
// and an approved request paid by voucher, with the vendor's redemption PIN.

/** Switches vouchers on in the coordinator's programme (any vendor on the list too, if asked). */
export async function enableVouchers(t: TestContext, team: MoneyTeam, anyVendor = false): Promise<void> {
  const [programme] = await t.services.programmes.list(team.coordinator);
  if (!programme) throw new Error('No programme');
  const settings = programmeInput(programme, {
    voucherEnabled: 'on',
    voucherAnyVendor: anyVendor ? 'on' : null,
  });
  await t.services.programmes.updateSettings(team.coordinator, programme.id, settings);
}

export interface IssuedVoucher {
  caseId: string;
  citizenId: string;
  requestId: string;
  code: string;
  pin: string;
}

/**
 * An approved voucher request (issuing the vendor a new PIN, so earlier ones stop working) of `maxKr` on a new active case granted `grantKr`, its code, and a fresh
 * PIN of the vendor (vouchers must be enabled). `vendorId: null`: any vendor on the list.
 */
export async function issuedVoucher(
  t: TestContext,
  team: MoneyTeam,
  options: { maxKr?: string; grantKr?: string; vendorId?: string | null; phone?: string } = {},
): Promise<IssuedVoucher> {
  const { caseId, citizenId } = await caseIn(t, 'active', team);
  if (options.phone) {
    await t.services.citizens.update(team.coordinator, citizenId, {
      name: 'Test Borger',
      phone: options.phone,
    });
  }
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: options.grantKr ?? '10000' });
  const vendorId = options.vendorId === undefined ? team.vendorId : options.vendorId;
  const requestId = await t.services.purchases.create(team.support, caseId, {
    title: 'Cykel til arbejdet',
    purpose: 'Kan komme på arbejde',
    amountKr: options.maxKr ?? '2500',
    category: 'transport',
    ...(vendorId ? { vendorId } : {}),
    paymentMethod: 'voucher',
  });
  await t.services.purchases.confirm(team.support, requestId, { how: 'in_person' });
  await t.services.purchases.submit(team.support, requestId);
  await t.services.purchases.approve(team.coordinator, requestId);
  const voucher = await t.services.vouchers.ofRequest(team.support, requestId);
  if (!voucher) throw new Error('No voucher was issued');
  const pin = await t.services.vouchers.issuePin(team.finance, team.vendorId);
  return { caseId, citizenId, requestId, code: voucher.code, pin };
}

/** A small PDF, as a shop's receipt. */
export function receiptPdf(): { name: string; bytes: Uint8Array } {
  return { name: 'kvittering.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n') };
}
