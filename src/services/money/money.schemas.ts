import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { LIMITS } from '../../domain/programme-rules.ts';
import { normaliseIban } from '../../domain/payment-file.ts';
import { PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import { PAYMENT_QUEUE_SORTS, POSTING_SORTS, QUEUE_FILE_STATES } from '../../domain/list-orders.ts';
import { pageFields, searchText } from '../paging.ts';
import {
  codeOr,
  id,
  optionalCode,
  optionalDate,
  optionalKr,
  optionalText,
  requiredKr,
  say,
  text,
} from '../form-fields.ts';

// One schema per money form and API call (conventions: Input validation). Amounts are kroner as typed, turned
// into øre; the ledger's own rules (never past the available amount, never past the pool) are
// domain/ledger.ts's.

/** One request is at most the scheme's cap on a grant (spec: Maximum grant). */
const MAX_REQUEST = LIMITS.maxGrant;

/** Finance's queue (spec: Lists): page, order, search, and by payment method and payment file. */
const paymentQueueFields = {
  ...pageFields(PAYMENT_QUEUE_SORTS),
  q: searchText,
  method: optionalCode(PAYMENT_METHODS, 'field.purchase.paymentMethod'),
  file: optionalCode(QUEUE_FILE_STATES, 'field.queue.file'),
};
export const PaymentQueueInput = z
  .object(paymentQueueFields)
  .optional()
  .transform((v) => v ?? z.object(paymentQueueFields).parse({}));

export const GrantInput = z.object({
  amountKr: requiredKr(),
  note: optionalText(1000),
});

export const PurchaseRequestInput = z.object({
  title: text('field.purchase.title', 200),
  purpose: text('field.purchase.purpose', 4000, 'multi'),
  amountKr: requiredKr().refine((v) => v <= MAX_REQUEST, say('field.purchase.amountTooBig')),
  category: z.enum(EXPENSE_CATEGORIES, { error: say('field.expenseCategory') }),
  justification: optionalText(4000, 'multi'),
  subGoalId: optionalText(100),
  vendorId: optionalText(100),
  paymentMethod: codeOr(PAYMENT_METHODS, 'invoice', 'field.purchase.paymentMethod'),
  links: optionalText(2000, 'multi'),
});
export type PurchaseRequestInput = z.input<typeof PurchaseRequestInput>;

export const ConfirmInput = z.object({
  how: z.enum(['portal', 'in_person'], { error: say('field.purchase.confirmedHow') }).default('in_person'),
  date: optionalDate,
});

export const ReasonInput = z.object({
  reason: text('field.purchase.reason', 4000, 'multi'),
});

export const PaymentInput = z.object({
  paidOn: optionalDate,
  reference: text('field.payment.reference', 200),
  /** What was actually paid, when the invoice differs from the approved amount; empty: the approved. */
  amountKr: optionalKr('field.payment.amount').transform((v) => v ?? undefined),
});

export const RefundInput = z.object({
  amountKr: requiredKr(),
  refundedOn: optionalDate,
  reference: text('field.refund.reference', 200),
});

/** A CVR number as printed ("12 34 56 78" too): eight digits (spec: Vendors). */
const cvr = optionalText(11)
  .transform((v) => (v === null ? null : v.replace(/\s+/g, '')))
  .refine((v) => v === null || /^[0-9]{8}$/.test(v), say('field.vendor.cvr'));

/** An IBAN as printed on an invoice, spaces allowed; its checksum must hold (ISO 13616, mod 97). */
const iban = optionalText(42)
  .transform((v) => (v === null ? null : (normaliseIban(v) ?? v)))
  .refine((v) => v === null || normaliseIban(v) !== null, say('field.vendor.iban'));

export const VendorInput = z.object({
  name: text('field.vendor.name', 200),
  cvr,
  bankRegistration: optionalText(4).refine(
    (v) => v === null || /^[0-9]{4}$/.test(v),
    say('field.vendor.bankRegistration'),
  ),
  bankAccount: optionalText(10).refine(
    (v) => v === null || /^[0-9]{1,10}$/.test(v),
    say('field.vendor.bankAccount'),
  ),
  iban,
  ean: optionalText(13).refine((v) => v === null || /^[0-9]{13}$/.test(v), say('field.vendor.ean')),
});

/**
 * A support person's proposal (spec: Vendors): the name, the CVR number, and an IBAN to pay to or the
 * municipality's payment card.
 */
export const VendorProposalInput = z
  .object({
    name: text('field.vendor.name', 200),
    cvr: cvr.refine((v) => v !== null, say('field.vendor.cvrMissing')),
    payWith: z.enum(['iban', 'card'], { error: say('field.vendor.payWith') }),
    iban,
  })
  .superRefine((v, ctx) => {
    if (v.payWith === 'iban' && v.iban === null) {
      ctx.addIssue({ code: 'custom', path: ['iban'], message: say('field.vendor.ibanMissing') });
    }
  })
  .transform((v) => ({ ...v, iban: v.payWith === 'iban' ? v.iban : null }));

/** Finance's no to a proposed vendor, with the reason the support person reads. */
export const VendorRejectionInput = z.object({
  reason: text('field.vendor.rejectionReason', 1000, 'multi'),
});

/** A period of payments (bookkeeping); empty: this month. */
export const PeriodInput = z.object({ from: optionalDate, to: optionalDate });

/** The postings of a period a page at a time (spec: Lists): by kind, in the order asked for. */
const postingListFields = {
  ...pageFields(POSTING_SORTS),
  from: optionalDate,
  to: optionalDate,
  kind: optionalCode(['payment', 'refund'], 'field.posting.kind'),
};
export const PostingListInput = z
  .object(postingListFields)
  .optional()
  .transform((v) => v ?? z.object(postingListFields).parse({}));

/** A payment file of the given approved bank transfers, or of every one waiting. */
export const BatchInput = z.object({
  requestIds: z.array(id('field.payment.requestIds')).optional(),
  executionDate: optionalDate,
});

/** The file was sent; the day the bank pays (empty: the file's execution date). */
export const SentInput = z.object({ executionDate: optionalDate });
