import type { Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type { VendorTable } from '../schema-money.ts';
import type { VendorRow } from './money.repository.ts';

// Vendor proposals (vendor-proposal.service.ts): the proposals of a municipality or of one support person,
// with who proposed them, and a proposal locked while finance decides.

/** Proposals, open ones first and then the newest; `proposedBy`: only that person's. */
export function vendorProposalsOf(tx: Tx, municipalityId: number, proposedBy?: string) {
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
    .execute();
}

export type VendorProposalRow = Awaited<ReturnType<typeof vendorProposalsOf>>[number];

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
