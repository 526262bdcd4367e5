import type { Tx } from '../../db/client.ts';
import { updatePurchaseRequest } from '../../db/repositories/money.repository.ts';
import { paymentFileOfRequest } from '../../db/repositories/payment.repository.ts';
import { voucherOfRequest } from '../../db/repositories/voucher.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import { canPay, canRefund, openReservation } from '../../domain/ledger.ts';
import { ore, type Ore } from '../../domain/money.ts';
import { message } from '../../i18n/index.ts';
import { recordAudit } from '../audit.service.ts';
import { notInFuture, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { caseLedger, post, toLedgerEntry } from './ledger-record.ts';
import { PaymentInput, RefundInput } from './money.schemas.ts';
import { type Locked, requireStep, moveOn, runStep } from './purchase-record.ts';

// Paying a request and refunding it (spec: Payments; spec: Refunds): finance's steps on an approved or paid
// request. A payment file pays its requests through payLocked too (payment-file.service.ts).

export async function payLocked(
  tx: Tx,
  actor: Actor,
  at: Date,
  locked: Locked,
  p: { paidOn: CalendarDate | undefined; reference: string; amount: Ore | undefined; batchId?: string },
): Promise<void> {
  const { request, caseRow } = locked;
  requireStep(request, 'pay');
  // A request in a payment file is paid when the file is marked sent, never by hand as well: the bank
  // would pay it twice.
  if (p.batchId === undefined) {
    const inFile = await paymentFileOfRequest(tx, request.id);
    if (inFile) throw new Conflict(message('error.money.inPaymentFile'), 'in_payment_file');
  }
  // A voucher is paid to the shop that redeemed it, never before (spec: Vouchers).
  if (request.payment_method === 'voucher') {
    const voucher = await voucherOfRequest(tx, request.id);
    if (voucher?.status !== 'redeemed') {
      throw new Conflict(message('voucher.refused.notRedeemed'), 'voucher_not_redeemed');
    }
  }
  const { rows, balance } = await caseLedger(tx, caseRow.id);
  const settles = openReservation(rows.map(toLedgerEntry), request.id);
  const amount = p.amount ?? ore(request.amount_ore);
  const decision = canPay(balance, amount, settles);
  if (!decision.ok) throw new ValidationFailed({ amountKr: decision.error.message });
  const paidOn = notInFuture(p.paidOn ?? today(at), at, 'paidOn');
  await post(tx, actor, at, caseRow, {
    kind: 'payment',
    amount,
    settles,
    purchaseRequestId: request.id,
    paymentMethod: request.payment_method,
    paidOn,
    reference: p.reference,
    paymentBatchId: p.batchId ?? null,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: request.municipality_id,
    action: 'purchase.pay',
    entityType: 'purchase_request',
    entityId: request.id,
    before: { status: request.status },
    after: { status: 'paid', amountOre: amount, paidOn },
  });
  await updatePurchaseRequest(tx, request.id, { status: 'paid', updated_at: at });
}

/**
 * Finance registers that the money left, with its date and reference (spec: Payments): the
 * reservation becomes the payment. The invoice may differ from the approved amount; the whole
 * reservation is settled either way, and a larger invoice needs room in the available amount.
 */
export async function pay(deps: ServiceDeps, actor: Actor, requestId: string, input: unknown): Promise<void> {
  const v = parseInput(PaymentInput, input);
  await runStep(deps, actor, 'payment.register', requestId, (tx, locked, at) =>
    payLocked(tx, actor, at, locked, { paidOn: v.paidOn, reference: v.reference, amount: v.amountKr }),
  );
}

export async function refund(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown,
): Promise<void> {
  const v = parseInput(RefundInput, input);
  await runStep(deps, actor, 'payment.register', requestId, async (tx, locked, at) => {
    const { request, caseRow } = locked;
    requireStep(request, 'refund');
    const { rows, balance } = await caseLedger(tx, caseRow.id);
    const paid = rows
      .filter((r) => r.purchase_request_id === request.id && r.kind === 'payment')
      .reduce((sum, r) => sum + r.amount_ore, 0);
    // A request is refunded once, up to its own payment (canRefund bounds by what it is given).
    const decision = canRefund({ ...balance, paid: ore(paid), refunded: ore(0) }, v.amountKr);
    if (!decision.ok) throw new ValidationFailed({ amountKr: decision.error.message });
    const on = notInFuture(v.refundedOn ?? today(at), at, 'refundedOn');
    await post(tx, actor, at, caseRow, {
      kind: 'refund',
      amount: v.amountKr,
      purchaseRequestId: request.id,
      paidOn: on,
      reference: v.reference,
    });
    await moveOn(tx, actor, at, locked, 'refund', {}, { refundedOre: v.amountKr, on });
  });
}
