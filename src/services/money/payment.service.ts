import { attachmentsOf } from '../../db/repositories/money.repository.ts';
import {
  type PayableRow,
  type PostedRow,
  batchCandidates,
  paymentQueueQuery,
  findPayable,
  paymentsOfRequest,
  paymentsBetween,
  postingsQuery,
} from '../../db/repositories/payment.repository.ts';
import { listProgrammes } from '../../db/repositories/programme.repository.ts';
import { bookkeepingCsv, type BookkeepingRow } from '../../domain/bookkeeping.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { NotFound, ValidationFailed } from '../../domain/errors.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { ore, type Ore } from '../../domain/money.ts';
import { shortName } from '../../domain/short-name.ts';
import type { BankAccount } from '../../domain/payment-file.ts';
import { FINANCE_STATUSES, type PaymentMethod, type PurchaseStatus } from '../../domain/purchase-request.ts';
import type { VoucherStatus } from '../../domain/voucher.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';
import { isUuid } from '../ids.ts';
import { toAttachmentView, type AttachmentView } from './attachment.service.ts';
import { pageOfRows } from '../../db/paging.ts';
import { pagedRows, windowOf, type Paged } from '../paging.ts';
import { PaymentQueueInput, PeriodInput, PostingListInput } from './money.schemas.ts';

// Finance's work (spec: Roles; spec: Payments): the approved requests of the municipality waiting to be paid,
// the payments and refunds posted, and the bookkeeping file for the ERP (payment files are in
// payment-file.service.ts; a payment by hand is purchase-payment.ts's pay). Finance sees amount, vendor,
// category, case and request number, what is bought (the request's title) and the short name of the
// sub-goal it serves — never who: not the citizen's name or CPR number, nor the purpose, notes or the
// plan — so nothing here is a read of the citizen's personal data and nothing goes to the access log.

export interface PaymentVendorView {
  name: string;
  cvr: string | null;
  bankRegistration: string | null;
  bankAccount: string | null;
  iban: string | null;
  ean: string | null;
}

export interface PayableView {
  id: string;
  caseNumber: number;
  requestNumber: number;
  status: PurchaseStatus;
  /** What is bought (spec: Payments). */
  title: string;
  /** The sub-goal it serves, as a short name; null when it serves none. */
  subGoal: string | null;
  amount: Ore;
  category: ExpenseCategory;
  vendor: PaymentVendorView | null;
  paymentMethod: PaymentMethod;
  approvedAt: Date | null;
  /** The payment file the request is in, if any (a request is in at most one). */
  batch: { id: string; messageId: string; status: 'created' | 'sent' } | null;
  /** The voucher's state, for a request paid by voucher (spec: Vouchers); otherwise null. */
  voucherStatus: VoucherStatus | null;
  /** The case's processing is restricted (spec: Restriction): finance sees it to hold the payment. */
  restricted: boolean;
}

export interface PostedPaymentView {
  kind: 'payment' | 'refund';
  requestId: string;
  caseNumber: number;
  requestNumber: number;
  amount: Ore;
  paidOn: string;
  reference: string;
  category: ExpenseCategory;
  vendorName: string | null;
  paymentMethod: PaymentMethod;
  status: PurchaseStatus;
}

/** A page of postings, with the period they were posted in. */
export interface PostedPage extends Paged<PostedPaymentView> {
  from: CalendarDate;
  to: CalendarDate;
}

export interface PayableDetail extends PayableView {
  postings: PostedPaymentView[];
  /** The invoice, receipt or proof of payment finance pays from and files. */
  attachments: AttachmentView[];
}

export interface BatchView {
  id: string;
  messageId: string;
  executionDate: string;
  status: 'created' | 'sent';
  total: Ore;
  count: number;
  createdAt: Date;
  sentAt: Date | null;
}

/** The remittance text the vendor and the ERP reconcile on: numbers only, never a name or CPR. */
export function remittanceOf(caseNumber: number, requestNumber: number): string {
  return `Sag ${caseNumber} anmodning ${requestNumber}`;
}

export function vendorAccount(v: PaymentVendorView | null): BankAccount | null {
  if (!v) return null;
  if (v.bankRegistration !== null && v.bankAccount !== null)
    return { bankRegistration: v.bankRegistration, bankAccount: v.bankAccount };
  if (v.iban !== null) return { iban: v.iban };
  return null;
}

export function toPayable(r: PayableRow): PayableView {
  return {
    id: r.id,
    caseNumber: r.case_number,
    requestNumber: r.request_number,
    status: r.status as PurchaseStatus,
    title: r.title,
    subGoal: r.sub_goal_description === null ? null : shortName(r.sub_goal_description),
    amount: ore(r.amount_ore),
    category: r.category as ExpenseCategory,
    vendor:
      r.vendor_id !== null && r.vendor_name !== null
        ? {
            name: r.vendor_name,
            cvr: r.vendor_cvr,
            bankRegistration: r.bank_registration,
            bankAccount: r.bank_account,
            iban: r.iban,
            ean: r.ean,
          }
        : null,
    paymentMethod: r.payment_method as PaymentMethod,
    approvedAt: r.decided_at,
    batch:
      r.batch_id !== null && r.message_id !== null
        ? { id: r.batch_id, messageId: r.message_id, status: r.batch_status as 'created' | 'sent' }
        : null,
    voucherStatus: r.voucher_status as VoucherStatus | null,
    restricted: r.restricted_since !== null,
  };
}

/**
 * Whether a payment file may pay the request: a bank transfer, or a voucher a shop has redeemed, which
 * is paid to the shop's account (spec: Payment files; spec: Vouchers).
 */
export function paidByFile(p: Pick<PayableView, 'paymentMethod' | 'voucherStatus'>): boolean {
  return (
    p.paymentMethod === 'bank_transfer' || (p.paymentMethod === 'voucher' && p.voucherStatus === 'redeemed')
  );
}

function toPosted(p: PostedRow): PostedPaymentView {
  return {
    kind: p.kind as 'payment' | 'refund',
    requestId: p.request_id,
    caseNumber: p.case_number,
    requestNumber: p.request_number,
    amount: ore(p.amount_ore),
    paidOn: p.paid_on ?? '',
    reference: p.reference ?? '',
    category: p.category as ExpenseCategory,
    vendorName: p.vendor_name,
    paymentMethod: p.payment_method as PaymentMethod,
    status: p.status as PurchaseStatus,
  };
}

function checkPeriod(input: unknown, at: Date): { from: CalendarDate; to: CalendarDate } {
  const v = parseInput(PeriodInput, input);
  const on = today(at);
  const from = v.from ?? (`${(v.to ?? on).slice(0, 7)}-01` as CalendarDate);
  // Without an end, today, or the first day itself when that is later (a period is never backwards).
  const to = v.to ?? (from > on ? from : on);
  if (to < from) throw new ValidationFailed({ to: message('field.period.toBeforeFrom') });
  return { from, to };
}

/** The bookkeeping form's default period (this month so far), for those who may export. */
function bookkeepingPeriod(deps: ServiceDeps, actor: Actor): { from: CalendarDate; to: CalendarDate } {
  authorize(actor, 'bookkeeping.export');
  ownMunicipality(actor);
  return checkPeriod({}, deps.clock.now());
}

/** The vendor list page is for those who keep the list (finance, coordinator). */
function assertMayManageVendors(actor: Actor): void {
  authorize(actor, 'vendor.manage');
  ownMunicipality(actor);
}

/**
 * One page of the approved requests of the municipality waiting for payment (spec: Lists), oldest
 * approval first unless the input orders otherwise; by payment method, payment file and text.
 */
async function queue(deps: ServiceDeps, actor: Actor, options: unknown): Promise<Paged<PayableView>> {
  authorize(actor, 'payment.queue');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(PaymentQueueInput, options);
  const filter = { method: o.method ?? undefined, file: o.file ?? undefined, search: o.q ?? undefined };
  const window = windowOf(o);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const rows = await pageOfRows(paymentQueueQuery(tx, municipalityId, filter, o.sort), window);
    return pagedRows(rows, window.size, toPayable);
  });
}

/** How many approved requests a payment file would pay now (the payment files page). */
async function waitingForFile(deps: ServiceDeps, actor: Actor): Promise<number> {
  authorize(actor, 'payment.queue');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction(
    { municipalityId },
    async (tx) => (await batchCandidates(tx, municipalityId, null)).length,
  );
}

/** One approved, paid or refunded request, with its payments and refunds (the register page). */
async function payable(deps: ServiceDeps, actor: Actor, requestId: string): Promise<PayableDetail> {
  authorize(actor, 'payment.register');
  const municipalityId = ownMunicipality(actor);
  if (!isUuid(requestId)) throw new NotFound();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const row = await findPayable(tx, municipalityId, requestId, FINANCE_STATUSES);
    if (!row) throw new NotFound();
    const postings = await paymentsOfRequest(tx, municipalityId, requestId);
    const attachments = await attachmentsOf(tx, [requestId]);
    return {
      ...toPayable(row),
      postings: postings.map(toPosted),
      attachments: attachments.map(toAttachmentView),
    };
  });
}

/**
 * One page of the payments and refunds posted in a period (this month so far unless given), by payment
 * date unless the input orders otherwise; only payments or only refunds if asked.
 */
async function paid(deps: ServiceDeps, actor: Actor, options: unknown): Promise<PostedPage> {
  authorize(actor, 'payment.queue');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(PostingListInput, options);
  const { from, to } = checkPeriod(o, deps.clock.now());
  const window = windowOf(o);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const query = postingsQuery(tx, municipalityId, { from, to, kind: o.kind ?? undefined }, o.sort);
    const rows = await pageOfRows(query, window);
    return { ...pagedRows(rows, window.size, toPosted), from, to };
  });
}

/** The ERP file: every payment and refund posted in the period, on the programme's account. */
async function bookkeeping(
  deps: ServiceDeps,
  actor: Actor,
  period: unknown,
): Promise<{ fileName: string; csv: string }> {
  authorize(actor, 'bookkeeping.export');
  const municipalityId = ownMunicipality(actor);
  const { from, to } = checkPeriod(period, deps.clock.now());
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const programmes = await listProgrammes(tx, municipalityId);
    const first = programmes[0];
    if (!first) throw new NotFound();
    const rows = await paymentsBetween(tx, municipalityId, from, to);
    const toRow = (p: PostedRow): BookkeepingRow => ({
      postedOn: p.paid_on ?? '',
      caseNumber: String(p.case_number),
      requestNumber: String(p.request_number),
      kind: p.kind as 'payment' | 'refund',
      amount: ore(p.amount_ore),
      category: p.category as ExpenseCategory,
      vendorName: p.vendor_name,
      vendorCvr: p.vendor_cvr,
      method: p.payment_method,
      reference: p.reference ?? '',
    });
    // One file; each programme's postings on that programme's account string.
    const parts = programmes
      .map((prog) => ({ prog, rows: rows.filter((r) => r.programme_id === prog.id) }))
      .filter((part, i) => i === 0 || part.rows.length > 0)
      .map((part, i) => {
        const csv = bookkeepingCsv(part.prog.account_string, part.rows.map(toRow));
        if (i === 0) return csv;
        return csv.slice(csv.indexOf('\n') + 1); // no second BOM and header
      });
    return { fileName: `bogfoering-${municipalityId}-${from}-${to}.csv`, csv: parts.join('') };
  });
}

export function createPaymentService(deps: ServiceDeps) {
  return {
    bookkeepingPeriod: (actor: Actor) => bookkeepingPeriod(deps, actor),
    assertMayManageVendors: (actor: Actor) => assertMayManageVendors(actor),
    queue: (actor: Actor, options?: unknown) => queue(deps, actor, options),
    waitingForFile: (actor: Actor) => waitingForFile(deps, actor),
    payable: (actor: Actor, requestId: string) => payable(deps, actor, requestId),
    paid: (actor: Actor, options?: unknown) => paid(deps, actor, options),
    bookkeeping: (actor: Actor, period: unknown) => bookkeeping(deps, actor, period),
  };
}
