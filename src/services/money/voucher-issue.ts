import type { Tx } from '../../db/client.ts';
import { findVendor, type PurchaseRequestRow } from '../../db/repositories/money.repository.ts';
import { pausesOf, type CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  citizenPhoneOfCase,
  insertOutboxMessage,
  insertVoucher,
  updateVoucher,
  voucherOfRequest,
} from '../../db/repositories/voucher.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict } from '../../domain/errors.ts';
import { formatKr, ore } from '../../domain/money.ts';
import type { ProgrammeRules } from '../../domain/programme-rules.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { formatVoucherCode, newVoucherCode, voucherExpiry } from '../../domain/voucher.ts';
import { message, translate, translator, type Message } from '../../i18n/index.ts';
import { recordAudit } from '../audit.service.ts';
import { caseState, periodOf, today } from '../cases/case-record.ts';
import type { Actor } from '../context.ts';

// A voucher's start and end inside the purchase request's own steps (spec: Vouchers): approval issues it
// (the reservation is the approval's), a cancellation ends it. Both run in the step's transaction.

const DANISH_DATE = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "6. januar 2027": the SMS and the reasons stored on a request are Danish. */
export function danishDate(date: CalendarDate): string {
  return DANISH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** Why a request may not be paid by voucher under the programme's rules; null when it may. */
export function voucherRefusal(
  rules: ProgrammeRules,
  category: ExpenseCategory,
  vendorId: string | null,
): { field: 'paymentMethod' | 'vendorId'; message: Message } | null {
  if (!rules.voucher.enabled)
    return { field: 'paymentMethod', message: message('voucher.refused.notEnabled') };
  if (!rules.categoryRules[category].voucher)
    return { field: 'paymentMethod', message: message('voucher.refused.categoryNotAllowed') };
  if (vendorId === null && !rules.voucher.anyVendor)
    return { field: 'vendorId', message: message('voucher.refused.vendorNeeded') };
  return null;
}

/**
 * Issues the voucher of a request being approved: its code, its maximum (the approved amount) and its
 * last day, 30 days on and never after the case's period. Where the citizen has a mobile number, the
 * code goes to the outbox as an SMS (without their name).
 */
export async function issueVoucher(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseRow: CaseRecord,
  request: PurchaseRequestRow,
  rules: ProgrammeRules,
): Promise<void> {
  const refused = voucherRefusal(rules, request.category as ExpenseCategory, request.vendor_id);
  if (refused) throw new Conflict(refused.message, 'voucher_not_allowed');
  const issuedOn = today(at);
  const period = periodOf(caseState(caseRow, await pausesOf(tx, [caseRow.id])), issuedOn);
  const voucher = await insertVoucher(tx, {
    municipality_id: caseRow.municipality_id,
    purchase_request_id: request.id,
    case_id: caseRow.id,
    code: newVoucherCode(),
    vendor_id: request.vendor_id,
    max_amount_ore: request.amount_ore,
    expires_on: voucherExpiry(issuedOn, period?.lastDay ?? null),
    issued_at: at,
    updated_at: at,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: caseRow.municipality_id,
    action: 'voucher.issue',
    entityType: 'voucher',
    entityId: voucher.id,
    after: {
      purchaseRequestId: request.id,
      vendorId: request.vendor_id,
      maxAmountOre: voucher.max_amount_ore,
      expiresOn: voucher.expires_on,
    },
  });
  const phone = await citizenPhoneOfCase(tx, caseRow.id);
  if (phone) {
    const shop = request.vendor_id ? (await findVendor(tx, request.vendor_id))?.name : undefined;
    const said = message('voucher.sms', {
      code: formatVoucherCode(voucher.code),
      shop: shop ?? message('voucher.sms.anyShop'),
      date: danishDate(voucher.expires_on as CalendarDate),
      max: formatKr(ore(voucher.max_amount_ore)),
    });
    await insertOutboxMessage(tx, {
      municipality_id: caseRow.municipality_id,
      channel: 'sms',
      recipient: phone,
      body: translate(translator('da'), said),
      created_at: at,
    });
  }
}

/**
 * Ends the voucher of a request being cancelled (the step releases the reservation). A redeemed
 * voucher is a payment to make: the request can then no longer be cancelled.
 */
export async function endVoucherOf(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  request: PurchaseRequestRow,
  status: 'cancelled' | 'expired',
): Promise<void> {
  const voucher = await voucherOfRequest(tx, request.id);
  if (!voucher) return;
  if (voucher.status === 'redeemed') {
    throw new Conflict(message('voucher.refused.cancelRedeemed'), 'voucher_redeemed');
  }
  if (voucher.status !== 'issued') return;
  await updateVoucher(tx, voucher.id, { status, ended_at: at, updated_at: at });
  await recordAudit(tx, actor, at, {
    municipalityId: request.municipality_id,
    action: `voucher.${status === 'cancelled' ? 'cancel' : 'expire'}`,
    entityType: 'voucher',
    entityId: voucher.id,
    before: { status: voucher.status },
    after: { status },
  });
}
