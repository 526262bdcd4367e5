import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { parameterChunks } from '../chunks.ts';
import type { Tx } from '../client.ts';
import type {
  LedgerEntryTable,
  PurchaseAttachmentTable,
  PurchaseRequestTable,
  VendorTable,
} from '../schema-money.ts';

export type LedgerEntryRow = Selectable<LedgerEntryTable>;
export type PurchaseRequestRow = Selectable<PurchaseRequestTable>;
export type VendorRow = Selectable<VendorTable>;
export type AttachmentInfo = Omit<Selectable<PurchaseAttachmentTable>, 'content'>;

// ---- Ledger ----

/**
 * Postings in the given order (the guard trigger checks each on top of those before it), returned in
 * that order: identity values follow the rows' order, RETURNING's order is not promised.
 */
export async function insertLedgerEntries(
  tx: Tx,
  values: readonly Insertable<LedgerEntryTable>[],
): Promise<LedgerEntryRow[]> {
  const rows: LedgerEntryRow[] = [];
  for (const chunk of parameterChunks(values)) {
    const inserted = await tx.insertInto('ledger_entry').values(chunk).returningAll().execute();
    rows.push(...inserted.sort((a, b) => a.id - b.id));
  }
  return rows;
}

/** The case's postings in the order they were made. */
export function ledgerOf(tx: Tx, caseId: string): Promise<LedgerEntryRow[]> {
  return tx.selectFrom('ledger_entry').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** What the programme's cases hold of its pool: Σ grants − Σ returns, in øre. */
export async function heldOfPool(tx: Tx, programmeId: string): Promise<number> {
  const row = await tx
    .selectFrom('ledger_entry')
    .select(
      sql<number>`coalesce(sum(case kind when 'grant' then amount_ore else -amount_ore end), 0)::bigint`.as(
        'held',
      ),
    )
    .where('programme_id', '=', programmeId)
    .where('kind', 'in', ['grant', 'return_to_pool'])
    .executeTakeFirstOrThrow();
  return row.held;
}

// ---- Purchase requests ----

export async function nextRequestNumber(tx: Tx, caseId: string): Promise<number> {
  const row = await tx
    .selectFrom('purchase_request')
    .select(sql<number>`coalesce(max(request_number), 0) + 1`.as('next'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export function insertPurchaseRequest(
  tx: Tx,
  values: Insertable<PurchaseRequestTable>,
): Promise<PurchaseRequestRow> {
  return tx.insertInto('purchase_request').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updatePurchaseRequest(
  tx: Tx,
  id: string,
  values: Updateable<PurchaseRequestTable>,
): Promise<void> {
  await tx.updateTable('purchase_request').set(values).where('id', '=', id).execute();
}

export function findPurchaseRequest(tx: Tx, id: string): Promise<PurchaseRequestRow | undefined> {
  return tx.selectFrom('purchase_request').selectAll().where('id', '=', id).executeTakeFirst();
}

export function requestsOfCase(tx: Tx, caseId: string): Promise<PurchaseRequestRow[]> {
  return tx
    .selectFrom('purchase_request')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('request_number', 'desc')
    .execute();
}

/** The case's direct transfers to the citizen that hold money: approved or paid. */
export function directTransfersOfCase(tx: Tx, caseId: string) {
  return tx
    .selectFrom('purchase_request')
    .select(['id', 'amount_ore'])
    .where('case_id', '=', caseId)
    .where('payment_method', '=', 'direct_to_citizen')
    .where('status', 'in', ['approved', 'paid'])
    .execute();
}

/** The case's drafts, with what tells whether one waits for the citizen's confirmation. */
export function draftsOfCase(tx: Tx, caseId: string) {
  return tx
    .selectFrom('purchase_request')
    .select([
      'status',
      'citizen_confirmed_on',
      'citizen_declined_at',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('case_id', '=', caseId)
    .where('status', '=', 'draft')
    .execute();
}

/** The attachments of some requests, without their content. */
export function attachmentsOf(tx: Tx, requestIds: readonly string[]): Promise<AttachmentInfo[]> {
  if (requestIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('purchase_attachment')
    .select([
      'id',
      'municipality_id',
      'purchase_request_id',
      'kind',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_by',
      'uploaded_by_vendor_id',
      'uploaded_at',
    ])
    .where('purchase_request_id', 'in', requestIds)
    .orderBy('uploaded_at')
    .execute();
}

/** Stores a file on a request; returns the attachment's id. */
export async function insertAttachment(tx: Tx, values: Insertable<PurchaseAttachmentTable>): Promise<string> {
  const row = await tx
    .insertInto('purchase_attachment')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One attachment with its content, and its request's case and status (who may see it). */
export function findAttachment(tx: Tx, id: string) {
  return tx
    .selectFrom('purchase_attachment as a')
    .innerJoin('purchase_request as r', 'r.id', 'a.purchase_request_id')
    .select([
      'a.municipality_id',
      'a.file_name',
      'a.content_type',
      'a.sha256',
      'a.content',
      'r.case_id',
      'r.status',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

// ---- Vendors ----

/** The municipality's vendors; `activeOnly`: those that may be chosen and paid (active and approved). */
export function vendorsOf(tx: Tx, municipalityId: number, activeOnly = true): Promise<VendorRow[]> {
  let query = tx.selectFrom('vendor').selectAll().where('municipality_id', '=', municipalityId);
  if (activeOnly) query = query.where('active', '=', true).where('status', '=', 'approved');
  return query.orderBy(sql`lower(name)`).execute();
}

export function findVendor(tx: Tx, id: string): Promise<VendorRow | undefined> {
  return tx.selectFrom('vendor').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The municipality's vendor with this CVR number, if any (a CVR number is on the list once, approved or
 * proposed; a rejected proposal does not hold it).
 */
export function findVendorByCvr(tx: Tx, municipalityId: number, cvr: string) {
  return tx
    .selectFrom('vendor')
    .select(['id', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('cvr', '=', cvr)
    .where('status', '<>', 'rejected')
    .executeTakeFirst();
}

export function insertVendor(tx: Tx, values: Insertable<VendorTable>): Promise<VendorRow> {
  return tx.insertInto('vendor').values(values).returningAll().executeTakeFirstOrThrow();
}
