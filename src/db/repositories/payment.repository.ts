import { sql, type Insertable } from 'kysely';
import type { PaymentQueueSort, PostingSort, QueueFileState } from '../../domain/list-orders.ts';
import type { PaymentMethod } from '../../domain/purchase-request.ts';
import { containsPattern } from '../paging.ts';
import type { Tx } from '../client.ts';
import type { PaymentBatchItemTable, PaymentBatchTable } from '../schema-money.ts';

// Finance's queries (payment.service.ts, payment-file.service.ts): requests waiting for or past payment,
// the payments and refunds posted, and payment files with their items.

/** Requests with their case number, vendor and payment file, as finance sees them. */
export function payableRequests(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('purchase_request as r')
    .innerJoin('citizen_case as c', 'c.id', 'r.case_id')
    .leftJoin('vendor as v', 'v.id', 'r.vendor_id')
    .leftJoin('payment_batch_item as i', 'i.purchase_request_id', 'r.id')
    .leftJoin('payment_batch as b', 'b.id', 'i.batch_id')
    .leftJoin('voucher as vo', 'vo.purchase_request_id', 'r.id')
    .leftJoin('sub_goal as sg', 'sg.id', 'r.sub_goal_id')
    .select([
      'r.id',
      'r.title',
      'sg.description as sub_goal_description',
      'r.status',
      'r.request_number',
      'r.amount_ore',
      'r.category',
      'r.payment_method',
      'r.decided_at',
      'r.vendor_id',
      'c.case_number',
      'c.restricted_since',
      'v.name as vendor_name',
      'v.cvr as vendor_cvr',
      'v.bank_registration',
      'v.bank_account',
      'v.iban',
      'v.ean',
      'b.id as batch_id',
      'b.message_id',
      'b.status as batch_status',
      'vo.status as voucher_status',
    ])
    .where('r.municipality_id', '=', municipalityId);
}

export type PayableRow = Awaited<ReturnType<ReturnType<typeof payableRequests>['execute']>>[number];

/** What finance's queue can be narrowed to (spec: Lists). */
export interface PaymentQueueFilter {
  method?: PaymentMethod | undefined;
  /** In no payment file, in one not yet sent, or in one sent to the bank. */
  file?: QueueFileState | undefined;
  /** The title or the vendor's name contains it, or (all digits) it is the case or request number. */
  search?: string | undefined;
}

/** Each order ends in the case and request number, unique in a municipality: a row is on one page only. */
const QUEUE_ORDERS: Record<PaymentQueueSort, readonly [string, 'asc' | 'desc'][]> = {
  godkendt: [['r.decided_at', 'asc']],
  nummer: [],
  beloeb: [['r.amount_ore', 'desc']],
};

/**
 * Approved requests waiting for payment, oldest approval first unless `sort` says otherwise (finance's
 * queue). A voucher is a payment to make only once a shop has redeemed it (spec: Vouchers).
 */
export function paymentQueueQuery(
  tx: Tx,
  municipalityId: number,
  filter: PaymentQueueFilter = {},
  sort: PaymentQueueSort = 'godkendt',
) {
  let q = payableRequests(tx, municipalityId)
    .where('r.status', '=', 'approved')
    .where((eb) => eb.or([eb('r.payment_method', '<>', 'voucher'), eb('vo.status', '=', 'redeemed')]));
  if (filter.method !== undefined) q = q.where('r.payment_method', '=', filter.method);
  if (filter.file === 'none') q = q.where('b.id', 'is', null);
  else if (filter.file !== undefined) q = q.where('b.status', '=', filter.file);
  const search = filter.search;
  if (search !== undefined) {
    const pattern = containsPattern(search);
    const byText = sql<boolean>`(r.title ILIKE ${pattern} OR v.name ILIKE ${pattern})`;
    q = /^\d{1,9}$/.test(search)
      ? q.where((eb) =>
          eb.or([
            eb('c.case_number', '=', Number(search)),
            eb('r.request_number', '=', Number(search)),
            byText,
          ]),
        )
      : q.where(byText);
  }
  for (const [column, direction] of QUEUE_ORDERS[sort]) q = q.orderBy(sql.ref(column), direction);
  return q.orderBy('c.case_number').orderBy('r.request_number');
}

/** One request as finance sees it, if its status is one of `statuses`. */
export function findPayable(
  tx: Tx,
  municipalityId: number,
  requestId: string,
  statuses: readonly string[],
): Promise<PayableRow | undefined> {
  return payableRequests(tx, municipalityId)
    .where('r.id', '=', requestId)
    .where('r.status', 'in', statuses)
    .executeTakeFirst();
}

/** The given requests as finance sees them; `byNumber` orders them by case and request number. */
export function payablesByIds(
  tx: Tx,
  municipalityId: number,
  ids: readonly string[],
  byNumber = false,
): Promise<PayableRow[]> {
  const query = payableRequests(tx, municipalityId).where('r.id', 'in', ids);
  return (byNumber ? query.orderBy('c.case_number').orderBy('r.request_number') : query).execute();
}

/**
 * What a payment file would hold, with each request's case: the given requests (`ids`), or (null)
 * every approved bank transfer in no file yet, and every redeemed voucher (paid to the shop by bank
 * transfer; spec: Vouchers).
 */
export function batchCandidates(tx: Tx, municipalityId: number, ids: readonly string[] | null) {
  const query = payableRequests(tx, municipalityId).select('r.case_id');
  return (
    ids !== null
      ? query.where('r.id', 'in', ids)
      : query
          .where('r.status', '=', 'approved')
          .where((eb) =>
            eb.or([
              eb('r.payment_method', '=', 'bank_transfer'),
              eb.and([eb('r.payment_method', '=', 'voucher'), eb('vo.status', '=', 'redeemed')]),
            ]),
          )
          .where('i.batch_id', 'is', null)
  ).execute();
}

/** Payments and refunds with their request, case number and vendor, by payment date. */
export function postedPayments(tx: Tx, municipalityId: number) {
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

export type PostedRow = Awaited<ReturnType<ReturnType<typeof postedPayments>['execute']>>[number];

/** The payments and refunds of one request. */
export function paymentsOfRequest(tx: Tx, municipalityId: number, requestId: string): Promise<PostedRow[]> {
  return postedPayments(tx, municipalityId).where('r.id', '=', requestId).execute();
}

/** The payments and refunds paid in a period, both days included. */
export function paymentsBetween(
  tx: Tx,
  municipalityId: number,
  from: string,
  to: string,
): Promise<PostedRow[]> {
  return postedPayments(tx, municipalityId)
    .where('e.paid_on', '>=', from)
    .where('e.paid_on', '<=', to)
    .execute();
}

/** The postings list's orders (spec: Lists); each ends in the posting's id, so a row is on one page. */
const POSTING_ORDERS: Record<PostingSort, readonly [string, 'asc' | 'desc'][]> = {
  dato: [['e.paid_on', 'asc']],
  nyeste: [['e.paid_on', 'desc']],
  beloeb: [['e.amount_ore', 'desc']],
};

/** Payments and refunds posted from `from` to `to`, or only of one kind, in the order asked for. */
export function postingsQuery(
  tx: Tx,
  municipalityId: number,
  filter: { from: string; to: string; kind?: 'payment' | 'refund' | undefined },
  sort: PostingSort,
) {
  let q = postedPayments(tx, municipalityId)
    .clearOrderBy()
    .where('e.paid_on', '>=', filter.from)
    .where('e.paid_on', '<=', filter.to);
  if (filter.kind !== undefined) q = q.where('e.kind', '=', filter.kind);
  for (const [column, direction] of POSTING_ORDERS[sort]) q = q.orderBy(sql.ref(column), direction);
  return q.orderBy('e.id');
}

/** The payment file a request is in, if any (a request is in at most one). */
export function paymentFileOfRequest(tx: Tx, requestId: string) {
  return tx
    .selectFrom('payment_batch_item')
    .select('batch_id')
    .where('purchase_request_id', '=', requestId)
    .executeTakeFirst();
}

export function findBatch(tx: Tx, municipalityId: number, batchId: string, lock = false) {
  let q = tx
    .selectFrom('payment_batch')
    .selectAll()
    .where('id', '=', batchId)
    .where('municipality_id', '=', municipalityId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function batchesOf(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('payment_batch')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** A file's items, in the order their cases are locked in (by case id: two files cannot deadlock). */
export function batchItems(tx: Tx, batchId: string) {
  return tx
    .selectFrom('payment_batch_item as i')
    .innerJoin('purchase_request as r', 'r.id', 'i.purchase_request_id')
    .select(['i.purchase_request_id', 'i.end_to_end_id'])
    .where('i.batch_id', '=', batchId)
    .orderBy('r.case_id')
    .orderBy('i.end_to_end_id')
    .execute();
}

/** A new payment file; returns its id. */
export async function insertBatch(tx: Tx, values: Insertable<PaymentBatchTable>): Promise<string> {
  const row = await tx.insertInto('payment_batch').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertBatchItems(
  tx: Tx,
  values: readonly Insertable<PaymentBatchItemTable>[],
): Promise<void> {
  await tx.insertInto('payment_batch_item').values(values).execute();
}

export async function markBatchSent(tx: Tx, batchId: string, sentBy: string, at: Date): Promise<void> {
  await tx
    .updateTable('payment_batch')
    .set({ status: 'sent', sent_by: sentBy, sent_at: at })
    .where('id', '=', batchId)
    .execute();
}
