import { sql, type Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type { VendorTable } from '../schema-money.ts';
import type { VendorRow } from './money.repository.ts';
import type { VendorSort } from '../../domain/list-orders.ts';
import { containsPattern } from '../paging.ts';

// Vendor proposals (vendor-proposal.service.ts): the proposals of a municipality or of one support person,
// with who proposed them, and a proposal locked while finance decides.

export interface VendorListFilter {
  /** Active and approved (those that may be chosen and paid), or proposed and not yet decided. */
  status: 'active' | 'proposed';
  /** The name or the CVR number contains it. */
  search?: string | undefined;
}

/** The vendor list, filtered, in order; each order ends in the id (db/paging.ts). */
export function vendorsQuery(tx: Tx, municipalityId: number, filter: VendorListFilter, sort: VendorSort) {
  let query = tx.selectFrom('vendor').selectAll().where('municipality_id', '=', municipalityId);
  query =
    filter.status === 'active'
      ? query.where('active', '=', true).where('status', '=', 'approved')
      : query.where('status', '=', 'proposed');
  if (filter.search !== undefined) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('cvr', 'like', pattern)]));
  }
  return sort === 'cvr' ? query.orderBy('cvr').orderBy('id') : query.orderBy(sql`lower(name)`).orderBy('id');
}

/** Proposals, open ones first and then the newest, ending in the id (db/paging.ts); `proposedBy`: only theirs. */
export function vendorProposalsQuery(tx: Tx, municipalityId: number, proposedBy?: string) {
  let query = tx
    .selectFrom('vendor as v')
    .innerJoin('app_user as u', 'u.id', 'v.proposed_by')
    .selectAll('v')
    .select('u.name as proposed_by_name')
    .where('v.municipality_id', '=', municipalityId);
  if (proposedBy !== undefined) query = query.where('v.proposed_by', '=', proposedBy);
  return query
    .orderBy((eb) => eb.case().when('v.status', '=', 'proposed').then(0).else(1).end())
    .orderBy('v.proposed_at', 'desc')
    .orderBy('v.id', 'desc');
}

export type VendorProposalRow = Awaited<
  ReturnType<ReturnType<typeof vendorProposalsQuery>['execute']>
>[number];

/** The municipality's vendor, locked for a decision; undefined when there is none. */
export function lockVendor(tx: Tx, municipalityId: number, id: string): Promise<VendorRow | undefined> {
  return tx
    .selectFrom('vendor')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateVendor(tx: Tx, id: string, values: Updateable<VendorTable>): Promise<void> {
  await tx.updateTable('vendor').set(values).where('id', '=', id).execute();
}
