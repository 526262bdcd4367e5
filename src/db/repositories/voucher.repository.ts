import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type { OutboxMessageTable, VoucherTable } from '../schema-money.ts';

// Vouchers (spec: Vouchers), the shops' redemption PINs and the outbox of messages to citizens.

export type VoucherRow = Selectable<VoucherTable>;

export async function insertVoucher(tx: Tx, values: Insertable<VoucherTable>): Promise<VoucherRow> {
  return tx.insertInto('voucher').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateVoucher(tx: Tx, id: string, values: Updateable<VoucherTable>): Promise<void> {
  await tx.updateTable('voucher').set(values).where('id', '=', id).execute();
}

export function findVoucher(tx: Tx, id: string): Promise<VoucherRow | undefined> {
  return tx.selectFrom('voucher').selectAll().where('id', '=', id).executeTakeFirst();
}

export function voucherOfRequest(tx: Tx, requestId: string): Promise<VoucherRow | undefined> {
  return tx.selectFrom('voucher').selectAll().where('purchase_request_id', '=', requestId).executeTakeFirst();
}

/** A voucher with what it buys and where, for the pages that show it. */
export function vouchersWithRequest(tx: Tx, where: { caseId: string } | { requestId: string }) {
  let q = tx
    .selectFrom('voucher as v')
    .innerJoin('purchase_request as r', 'r.id', 'v.purchase_request_id')
    .leftJoin('vendor as s', 's.id', 'v.vendor_id')
    .leftJoin('vendor as by', 'by.id', 'v.redeemed_by_vendor_id')
    .select([
      'v.id',
      'v.purchase_request_id',
      'v.case_id',
      'v.code',
      'v.status',
      'v.vendor_id',
      's.name as vendor_name',
      'v.max_amount_ore',
      'v.expires_on',
      'v.issued_at',
      'v.redeemed_at',
      'v.redeemed_amount_ore',
      'by.name as redeemed_by_name',
      'v.redemption_reference',
      'v.ended_at',
      'r.request_number',
      'r.title',
      'r.category',
    ]);
  q =
    'caseId' in where
      ? q.where('v.case_id', '=', where.caseId)
      : q.where('v.purchase_request_id', '=', where.requestId);
  return q.orderBy('v.issued_at', 'desc').execute();
}

export type VoucherWithRequestRow = Awaited<ReturnType<typeof vouchersWithRequest>>[number];

/**
 * Where a code belongs, read across municipalities (the shop's page knows no municipality): only the
 * ids, so that the redemption itself runs in the voucher's municipality.
 */
export function placeOfCode(tx: Tx, code: string) {
  return tx
    .selectFrom('voucher')
    .select(['id', 'municipality_id', 'case_id'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Issued vouchers whose last day was before `today`. */
export function overdueVouchers(tx: Tx, today: string) {
  return tx
    .selectFrom('voucher')
    .select(['id', 'municipality_id', 'case_id', 'purchase_request_id', 'expires_on'])
    .where('status', '=', 'issued')
    .where('expires_on', '<', today)
    .orderBy('expires_on')
    .execute();
}

export function vendorByPinHash(tx: Tx, municipalityId: number, pinHash: string) {
  return tx
    .selectFrom('vendor')
    .select(['id', 'name', 'active'])
    .where('municipality_id', '=', municipalityId)
    .where('redemption_pin_hash', '=', pinHash)
    .executeTakeFirst();
}

export async function setVendorPin(tx: Tx, vendorId: string, pinHash: string, at: Date): Promise<void> {
  await tx
    .updateTable('vendor')
    .set({ redemption_pin_hash: pinHash, redemption_pin_set_at: at, updated_at: at })
    .where('id', '=', vendorId)
    .execute();
}

/** The citizen's mobile number, for the voucher's SMS: their contact number, else the one they log in with. */
export async function citizenPhoneOfCase(tx: Tx, caseId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
    .leftJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['p.phone', 'u.phone as login_phone'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return row?.phone ?? row?.login_phone ?? null;
}

export async function insertOutboxMessage(tx: Tx, values: Insertable<OutboxMessageTable>): Promise<void> {
  await tx.insertInto('outbox_message').values(values).execute();
}

/**
 * Issued vouchers whose last day is `lastDay` or before, soonest first: the municipality's, or only the
 * cases `supportUserId` is the support person of.
 */
export function vouchersEndingBy(
  tx: Tx,
  municipalityId: number,
  lastDay: string,
  supportUserId: string | null,
) {
  let q = tx
    .selectFrom('voucher as v')
    .innerJoin('purchase_request as r', 'r.id', 'v.purchase_request_id')
    .innerJoin('citizen_case as c', 'c.id', 'v.case_id')
    .select([
      'v.case_id',
      'v.purchase_request_id',
      'v.expires_on',
      'r.request_number',
      'r.title',
      'c.case_number',
    ])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.status', '=', 'issued')
    .where('v.expires_on', '<=', lastDay);
  if (supportUserId !== null) {
    q = q
      .innerJoin('support_assignment as s', (j) =>
        j.onRef('s.case_id', '=', 'v.case_id').on('s.ended_at', 'is', null),
      )
      .where('s.support_user_id', '=', supportUserId);
  }
  return q.orderBy('v.expires_on').orderBy('c.case_number').limit(50).execute();
}
