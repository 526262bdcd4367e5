import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { ore } from '../../domain/money.ts';
import { PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import { codeOr, id, optionalDate, optionalKr, optionalText, requiredKr, text } from '../form-fields.ts';

// One schema per money form and API call (conventions: Input validation). Amounts are kroner as typed, turned
// into øre; the ledger's own rules (never past the available amount, never past the pool) are
// domain/ledger.ts's.

const MAX_REQUEST = ore(50_000_00);

export const GrantInput = z.object({
  amountKr: requiredKr('beløbet'),
  note: optionalText(1000),
});

export const PurchaseRequestInput = z.object({
  title: text('hvad der skal købes', 200, 'Skriv hvad der skal købes.'),
  purpose: text('formålet', 4000, 'Skriv hvordan købet hjælper borgeren mod målet.', 'multi'),
  amountKr: requiredKr('beløbet').refine((v) => v <= MAX_REQUEST, 'Beløbet kan højst være 50.000 kr.'),
  category: z.enum(EXPENSE_CATEGORIES, { error: 'Vælg en udgiftskategori fra listen.' }),
  justification: optionalText(4000, 'multi'),
  subGoalId: optionalText(100),
  vendorId: optionalText(100),
  paymentMethod: codeOr(PAYMENT_METHODS, 'invoice', 'Vælg en betalingsmåde fra listen.'),
  links: optionalText(2000, 'multi'),
});
export type PurchaseRequestInput = z.input<typeof PurchaseRequestInput>;

export const ConfirmInput = z.object({
  how: z
    .enum(['portal', 'in_person'], { error: 'Vælg hvordan borgeren har bekræftet.' })
    .default('in_person'),
  date: optionalDate,
});

export const ReasonInput = z.object({
  reason: text('en begrundelse', 4000, 'Skriv en begrundelse.', 'multi'),
});

export const PaymentInput = z.object({
  paidOn: optionalDate,
  reference: text('en reference', 200, 'Skriv betalingens reference, fx fakturanummer eller bilagsnummer.'),
  /** What was actually paid, when the invoice differs from the approved amount; empty: the approved. */
  amountKr: optionalKr('Det betalte beløb').transform((v) => v ?? undefined),
});

export const RefundInput = z.object({
  amountKr: requiredKr('beløbet'),
  refundedOn: optionalDate,
  reference: text('en reference', 200, 'Skriv refusionens reference.'),
});

export const VendorInput = z.object({
  name: text('leverandørens navn', 200, 'Skriv leverandørens navn.'),
  cvr: optionalText(8).refine((v) => v === null || /^[0-9]{8}$/.test(v), 'Et CVR-nummer har 8 cifre.'),
  bankRegistration: optionalText(4).refine(
    (v) => v === null || /^[0-9]{4}$/.test(v),
    'Et registreringsnummer har 4 cifre.',
  ),
  bankAccount: optionalText(10).refine(
    (v) => v === null || /^[0-9]{1,10}$/.test(v),
    'Et kontonummer har højst 10 cifre.',
  ),
  iban: optionalText(34)
    .transform((v) => (v === null ? null : v.replace(/\s+/g, '').toUpperCase()))
    .refine(
      (v) => v === null || /^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(v),
      'IBAN-nummeret er ikke gyldigt.',
    ),
  ean: optionalText(13).refine((v) => v === null || /^[0-9]{13}$/.test(v), 'Et EAN-nummer har 13 cifre.'),
});

/** A period of payments (bookkeeping); empty: this month. */
export const PeriodInput = z.object({ from: optionalDate, to: optionalDate });

/** A payment file of the given approved bank transfers, or of every one waiting. */
export const BatchInput = z.object({
  requestIds: z.array(id('Vælg betalingerne fra listen.')).optional(),
  executionDate: optionalDate,
});

/** The file was sent; the day the bank pays (empty: the file's execution date). */
export const SentInput = z.object({ executionDate: optionalDate });
