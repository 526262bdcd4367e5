import type { Tx } from '../client.ts';

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

export type PayableRow = Awaited<ReturnType<ReturnType<typeof payableRequests>['execute']>>[number];

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
