import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { LIMITS } from '../../domain/programme-rules.ts';
import { PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import { codeOr, id, optionalDate, optionalKr, optionalText, requiredKr, say, text } from '../form-fields.ts';

// One schema per money form and API call (conventions: Input validation). Amounts are kroner as typed, turned
// into øre; the ledger's own rules (never past the available amount, never past the pool) are
// domain/ledger.ts's.

/** One request is at most the scheme's cap on a grant (spec: Maximum grant). */
const MAX_REQUEST = LIMITS.maxGrant;

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

export const VendorInput = z.object({
  name: text('field.vendor.name', 200),
  cvr: optionalText(8).refine((v) => v === null || /^[0-9]{8}$/.test(v), say('field.vendor.cvr')),
  bankRegistration: optionalText(4).refine(
    (v) => v === null || /^[0-9]{4}$/.test(v),
    say('field.vendor.bankRegistration'),
  ),
  bankAccount: optionalText(10).refine(
    (v) => v === null || /^[0-9]{1,10}$/.test(v),
    say('field.vendor.bankAccount'),
  ),
  iban: optionalText(34)
    .transform((v) => (v === null ? null : v.replace(/\s+/g, '').toUpperCase()))
    .refine((v) => v === null || /^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(v), say('field.vendor.iban')),
  ean: optionalText(13).refine((v) => v === null || /^[0-9]{13}$/.test(v), say('field.vendor.ean')),
});

/** A period of payments (bookkeeping); empty: this month. */
export const PeriodInput = z.object({ from: optionalDate, to: optionalDate });

/** A payment file of the given approved bank transfers, or of every one waiting. */
export const BatchInput = z.object({
  requestIds: z.array(id('field.payment.requestIds')).optional(),
  executionDate: optionalDate,
});

/** The file was sent; the day the bank pays (empty: the file's execution date). */
export const SentInput = z.object({ executionDate: optionalDate });
