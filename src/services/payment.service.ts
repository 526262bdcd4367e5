import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { attachmentsOf } from '../db/repositories/money.repository.ts';
import { findMunicipality } from '../db/repositories/municipality.repository.ts';
import { listProgrammes } from '../db/repositories/programme.repository.ts';
import { bookkeepingCsv, type BookkeepingRow } from '../domain/bookkeeping.ts';
import type { CalendarDate } from '../domain/calendar-date.ts';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.ts';
import type { ExpenseCategory } from '../domain/expense-category.ts';
import { ore, type Ore } from '../domain/money.ts';
import { buildPaymentFile, PaymentFileError, type BankAccount } from '../domain/payment-file.ts';
import { FINANCE_STATUSES, type PaymentMethod, type PurchaseStatus } from '../domain/purchase-request.ts';
import { authorize, ownMunicipality } from './access.ts';
import { toAttachmentView, type AttachmentView } from './attachment.service.ts';
import { recordAudit } from './audit.service.ts';
import { today } from './case-record.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { parseInput } from './form-fields.ts';
import { isUuid } from './ids.ts';
import { BatchInput, PeriodInput, SentInput } from './money.schemas.ts';
import { lockRequest, payLocked } from './purchase.service.ts';

// Finance's work (SPEC §2 "finance"): the approved requests of the municipality waiting to be paid,
// payments registered one by one or in a payment file (pain.001) for the bank, and the bookkeeping
// file for the ERP. Finance sees amount, vendor, category, case and request number — never a request's
// title or purpose, the citizen's name, notes or goals — so nothing here is a read of personal data
// and nothing goes to the access log.

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
  amount: Ore;
  category: ExpenseCategory;
  vendor: PaymentVendorView | null;
  paymentMethod: PaymentMethod;
  approvedAt: Date | null;
  /** The payment file the request is in, if any (a request is in at most one). */
  batch: { id: string; messageId: string; status: 'created' | 'sent' } | null;
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

function vendorAccount(v: PaymentVendorView | null): BankAccount | null {
  if (!v) return null;
  if (v.bankRegistration !== null && v.bankAccount !== null)
    return { bankRegistration: v.bankRegistration, bankAccount: v.bankAccount };
  if (v.iban !== null) return { iban: v.iban };
  return null;
}

function requestsQuery(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('purchase_request as r')
    .innerJoin('citizen_case as c', 'c.id', 'r.case_id')
    .leftJoin('vendor as v', 'v.id', 'r.vendor_id')
    .leftJoin('payment_batch_item as i', 'i.purchase_request_id', 'r.id')
    .leftJoin('payment_batch as b', 'b.id', 'i.batch_id')
    .select([
      'r.id',
      'r.status',
      'r.request_number',
      'r.amount_ore',
      'r.category',
      'r.payment_method',
      'r.decided_at',
      'r.vendor_id',
      'c.case_number',
      'v.name as vendor_name',
      'v.cvr as vendor_cvr',
      'v.bank_registration',
      'v.bank_account',
      'v.iban',
      'v.ean',
      'b.id as batch_id',
      'b.message_id',
      'b.status as batch_status',
    ])
    .where('r.municipality_id', '=', municipalityId);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

function toPayable(r: RequestRow): PayableView {
  return {
    id: r.id,
    caseNumber: r.case_number,
    requestNumber: r.request_number,
    status: r.status as PurchaseStatus,
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
  };
}

function postingsQuery(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('ledger_entry as e')
    .innerJoin('purchase_request as r', 'r.id', 'e.purchase_request_id')
    .innerJoin('citizen_case as c', 'c.id', 'e.case_id')
    .leftJoin('vendor as v', 'v.id', 'r.vendor_id')
    .select([
      'e.id',
      'e.kind',
      'e.amount_ore',
      'e.paid_on',
      'e.reference',
      'e.programme_id',
      'r.id as request_id',
      'r.request_number',
      'r.category',
      'r.payment_method',
      'r.status',
      'c.case_number',
      'v.name as vendor_name',
      'v.cvr as vendor_cvr',
    ])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.kind', 'in', ['payment', 'refund'])
    .orderBy('e.paid_on')
    .orderBy('e.id');
}

type PostingRow = Awaited<ReturnType<ReturnType<typeof postingsQuery>['execute']>>[number];

function toPosted(p: PostingRow): PostedPaymentView {
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
  const to = v.to ?? today(at);
  const from = v.from ?? (`${to.slice(0, 7)}-01` as CalendarDate);
  if (to < from) throw new ValidationFailed({ to: 'Slutdatoen kan ikke ligge før startdatoen.' });
  return { from, to };
}

export function createPaymentService(deps: ServiceDeps) {
  const { database, clock } = deps;

  /** Why a request cannot go into a payment file, or null. */
  function batchRefusal(p: PayableView): string | null {
    const which = `Sag ${p.caseNumber} anmodning ${p.requestNumber}`;
    if (p.status !== 'approved') return `${which} er ikke godkendt og venter ikke på betaling.`;
    if (p.paymentMethod !== 'bank_transfer') return `${which} betales ikke ved bankoverførsel.`;
    if (vendorAccount(p.vendor) === null) return `${which}: leverandøren har ingen bankkonto på listen.`;
    if (p.batch !== null) return `${which} er allerede i betalingsfilen ${p.batch.messageId}.`;
    return null;
  }

  async function batchRow(tx: Tx, municipalityId: number, batchId: string, lock = false) {
    if (!isUuid(batchId)) throw new NotFound();
    let q = tx
      .selectFrom('payment_batch')
      .selectAll()
      .where('id', '=', batchId)
      .where('municipality_id', '=', municipalityId);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFound();
    return row;
  }

  async function itemsOf(tx: Tx, municipalityId: number, batchId: string) {
    const items = await tx
      .selectFrom('payment_batch_item')
      .select(['purchase_request_id', 'end_to_end_id'])
      .where('batch_id', '=', batchId)
      .execute();
    const rows = await requestsQuery(tx, municipalityId)
      .where(
        'r.id',
        'in',
        items.map((i) => i.purchase_request_id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, toPayable(r)]));
    return items.map((i) => {
      const p = byId.get(i.purchase_request_id);
      if (!p) throw new NotFound();
      return { endToEndId: i.end_to_end_id, payable: p };
    });
  }

  return {
    /** The bookkeeping form's default period (this month so far), for those who may export. */
    bookkeepingPeriod(actor: Actor): { from: CalendarDate; to: CalendarDate } {
      authorize(actor, 'bookkeeping.export');
      ownMunicipality(actor);
      return checkPeriod({}, clock.now());
    },

    /** The vendor list page is for those who keep the list (finance, coordinator). */
    assertMayManageVendors(actor: Actor): void {
      authorize(actor, 'vendor.manage');
      ownMunicipality(actor);
    },

    /** Approved requests of the municipality, waiting for payment, oldest approval first. */
    async queue(actor: Actor): Promise<PayableView[]> {
      authorize(actor, 'payment.queue');
      const municipalityId = ownMunicipality(actor);
      return database.transaction({ municipalityId }, async (tx) => {
        const rows = await requestsQuery(tx, municipalityId)
          .where('r.status', '=', 'approved')
          .orderBy('r.decided_at')
          .orderBy('c.case_number')
          .orderBy('r.request_number')
          .execute();
        return rows.map(toPayable);
      });
    },

    /** One approved, paid or refunded request, with its payments and refunds (the register page). */
    async payable(actor: Actor, requestId: string): Promise<PayableDetail> {
      authorize(actor, 'payment.register');
      const municipalityId = ownMunicipality(actor);
      if (!isUuid(requestId)) throw new NotFound();
      return database.transaction({ municipalityId }, async (tx) => {
        const row = await requestsQuery(tx, municipalityId)
          .where('r.id', '=', requestId)
          .where('r.status', 'in', FINANCE_STATUSES)
          .executeTakeFirst();
        if (!row) throw new NotFound();
        const postings = await postingsQuery(tx, municipalityId).where('r.id', '=', requestId).execute();
        const attachments = await attachmentsOf(tx, [requestId]);
        return {
          ...toPayable(row),
          postings: postings.map(toPosted),
          attachments: attachments.map(toAttachmentView),
        };
      });
    },

    /** Payments and refunds posted in a period (by payment date), for the "paid" list. */
    async paid(actor: Actor, period: unknown): Promise<PostedPaymentView[]> {
      authorize(actor, 'payment.queue');
      const municipalityId = ownMunicipality(actor);
      const { from, to } = checkPeriod(period, clock.now());
      return database.transaction({ municipalityId }, async (tx) => {
        const rows = await postingsQuery(tx, municipalityId)
          .where('e.paid_on', '>=', from)
          .where('e.paid_on', '<=', to)
          .execute();
        return rows.map(toPosted);
      });
    },

    /**
     * A payment file of approved bank transfers: the ones given, or every one waiting that is in no
     * file yet. Refuses (and creates nothing) if any of them cannot be paid by the file.
     */
    async createBatch(actor: Actor, input: unknown): Promise<string> {
      authorize(actor, 'payment.file');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(BatchInput, input);
      const at = clock.now();
      const executionDate = v.executionDate ?? today(at);
      if (executionDate < today(at))
        throw new ValidationFailed({ executionDate: 'Udførelsesdatoen kan ikke ligge før i dag.' });
      try {
        return await database.transaction({ municipalityId }, async (tx) => {
          // Which requests: the ones given, or every approved bank transfer in no file yet.
          const explicit = v.requestIds !== undefined;
          const ids = explicit ? [...new Set(v.requestIds)] : [];
          if (ids.some((id) => !isUuid(id))) throw new NotFound();
          let candidates = requestsQuery(tx, municipalityId).select('r.case_id');
          candidates = explicit
            ? candidates.where('r.id', 'in', ids)
            : candidates
                .where('r.status', '=', 'approved')
                .where('r.payment_method', '=', 'bank_transfer')
                .where('i.batch_id', 'is', null);
          const found = explicit && ids.length === 0 ? [] : await candidates.execute();
          if (explicit && found.length !== ids.length) throw new NotFound();
          // Lock their cases, in one order (two files made at once cannot deadlock), so that none of them
          // is paid by hand, cancelled or put in another file meanwhile; then read them again.
          const byCase = [...found].sort((a, b) =>
            a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0,
          );
          for (const r of byCase) await lockRequest(tx, actor, 'payment.file', r.id);
          const locked = found.length
            ? await requestsQuery(tx, municipalityId)
                .where(
                  'r.id',
                  'in',
                  found.map((r) => r.id),
                )
                .orderBy('c.case_number')
                .orderBy('r.request_number')
                .execute()
            : [];
          let payables = locked.map(toPayable);
          if (explicit) {
            const refusals = payables.map(batchRefusal).filter((m): m is string => m !== null);
            if (refusals.length > 0) throw new Conflict(refusals.join(' '), 'not_payable_by_file');
          } else {
            payables = payables.filter((p) => batchRefusal(p) === null);
          }
          if (payables.length === 0)
            throw new Conflict('Der er ingen godkendte bankoverførsler at betale.', 'nothing_to_pay');
          const messageId = `BB-${municipalityId}-${today(at).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
          const total = payables.reduce((s, p) => s + p.amount, 0);
          const batch = await tx
            .insertInto('payment_batch')
            .values({
              municipality_id: municipalityId,
              message_id: messageId,
              execution_date: executionDate,
              total_ore: total,
              payment_count: payables.length,
              created_by: actor.userId,
              created_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx
            .insertInto('payment_batch_item')
            .values(
              payables.map((p) => ({
                batch_id: batch.id,
                municipality_id: municipalityId,
                purchase_request_id: p.id,
                end_to_end_id: `BB-${p.caseNumber}-${p.requestNumber}`,
              })),
            )
            .execute();
          await recordAudit(tx, actor, at, {
            municipalityId,
            action: 'payment.createBatch',
            entityType: 'payment_batch',
            entityId: batch.id,
            after: {
              messageId,
              executionDate,
              totalOre: total,
              requests: payables.map((p) => p.id),
            },
          });
          return batch.id;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new Conflict('En af anmodningerne er allerede i en anden betalingsfil.', 'already_in_batch');
        throw error;
      }
    },

    /** The municipality's payment files, newest first. */
    async batches(actor: Actor): Promise<BatchView[]> {
      authorize(actor, 'payment.file');
      const municipalityId = ownMunicipality(actor);
      const rows = await database.transaction({ municipalityId }, (tx) =>
        tx
          .selectFrom('payment_batch')
          .selectAll()
          .where('municipality_id', '=', municipalityId)
          .orderBy('created_at', 'desc')
          .execute(),
      );
      return rows.map((b) => ({
        id: b.id,
        messageId: b.message_id,
        executionDate: b.execution_date,
        status: b.status as 'created' | 'sent',
        total: ore(b.total_ore),
        count: b.payment_count,
        createdAt: b.created_at,
        sentAt: b.sent_at,
      }));
    },

    /** The pain.001.001.03 file for the bank, from the municipality's account and the vendors'. */
    async batchFile(actor: Actor, batchId: string): Promise<{ fileName: string; xml: string }> {
      authorize(actor, 'payment.file');
      const municipalityId = ownMunicipality(actor);
      return database.transaction({ municipalityId }, async (tx) => {
        const batch = await batchRow(tx, municipalityId, batchId);
        const municipality = await findMunicipality(tx, municipalityId);
        if (!municipality) throw new NotFound();
        const debtor: BankAccount | null =
          municipality.bank_registration !== null && municipality.bank_account !== null
            ? { bankRegistration: municipality.bank_registration, bankAccount: municipality.bank_account }
            : municipality.iban !== null
              ? { iban: municipality.iban }
              : null;
        if (debtor === null)
          throw new Conflict('Kommunens bankkonto er ikke sat op, så der kan ikke dannes en betalingsfil.');
        const items = await itemsOf(tx, municipalityId, batch.id);
        try {
          const xml = buildPaymentFile({
            debtor: { ...debtor, name: municipality.name },
            messageId: batch.message_id,
            createdAt: batch.created_at,
            executionDate: batch.execution_date,
            payments: items.map(({ endToEndId, payable: p }) => {
              const account = vendorAccount(p.vendor);
              if (!account || !p.vendor)
                throw new PaymentFileError(`Sag ${p.caseNumber} anmodning ${p.requestNumber}: ingen konto.`);
              return {
                endToEndId,
                amount: p.amount,
                creditor: { ...account, name: p.vendor.name },
                remittance: remittanceOf(p.caseNumber, p.requestNumber),
              };
            }),
          });
          return { fileName: `${batch.message_id}.xml`, xml };
        } catch (error) {
          if (error instanceof PaymentFileError) throw new Conflict(error.message, error.code);
          throw error;
        }
      });
    },

    /**
     * The file was sent to the bank: every payment in it is registered, in one transaction. A file is
     * marked sent once; a second time is refused and changes nothing, so nothing is paid twice.
     */
    async markSent(actor: Actor, batchId: string, input: unknown = {}): Promise<void> {
      authorize(actor, 'payment.file');
      authorize(actor, 'payment.register');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(SentInput, input);
      const at = clock.now();
      await database.transaction({ municipalityId }, async (tx) => {
        const batch = await batchRow(tx, municipalityId, batchId, true);
        if (batch.status === 'sent')
          throw new Conflict('Betalingsfilen er allerede markeret som sendt.', 'batch_already_sent');
        // The ledger dates a payment when it happened: a file sent ahead of its execution date is
        // booked on the day it was sent.
        const executionDate = v.executionDate ?? (batch.execution_date as CalendarDate);
        const paidOn = executionDate > today(at) ? today(at) : executionDate;
        // Cases are locked in the order of their ids, as createBatch does: the two cannot deadlock.
        const items = await tx
          .selectFrom('payment_batch_item as i')
          .innerJoin('purchase_request as r', 'r.id', 'i.purchase_request_id')
          .select(['i.purchase_request_id', 'i.end_to_end_id'])
          .where('i.batch_id', '=', batch.id)
          .orderBy('r.case_id')
          .orderBy('i.end_to_end_id')
          .execute();
        for (const item of items) {
          const locked = await lockRequest(tx, actor, 'payment.register', item.purchase_request_id);
          await payLocked(tx, actor, at, locked, {
            paidOn,
            reference: `${batch.message_id}/${item.end_to_end_id}`,
            amount: undefined,
            batchId: batch.id,
          });
        }
        await tx
          .updateTable('payment_batch')
          .set({ status: 'sent', sent_by: actor.userId, sent_at: at })
          .where('id', '=', batch.id)
          .execute();
        await recordAudit(tx, actor, at, {
          municipalityId,
          action: 'payment.markSent',
          entityType: 'payment_batch',
          entityId: batch.id,
          before: { status: batch.status },
          after: { status: 'sent', paidOn, count: items.length },
        });
      });
    },

    /** The ERP file: every payment and refund posted in the period, on the programme's account. */
    async bookkeeping(actor: Actor, period: unknown): Promise<{ fileName: string; csv: string }> {
      authorize(actor, 'bookkeeping.export');
      const municipalityId = ownMunicipality(actor);
      const { from, to } = checkPeriod(period, clock.now());
      return database.transaction({ municipalityId }, async (tx) => {
        const programmes = await listProgrammes(tx, municipalityId);
        const first = programmes[0];
        if (!first) throw new NotFound();
        const rows = await postingsQuery(tx, municipalityId)
          .where('e.paid_on', '>=', from)
          .where('e.paid_on', '<=', to)
          .execute();
        const toRow = (p: PostingRow): BookkeepingRow => ({
          postedOn: p.paid_on ?? '',
          caseNumber: String(p.case_number),
          requestNumber: String(p.request_number),
          kind: p.kind as 'payment' | 'refund',
          amount: ore(p.amount_ore),
          category: p.category as ExpenseCategory,
          vendorName: p.vendor_name ?? 'Udbetalt til borgeren',
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
    },
  };
}
