import { z } from 'zod';
import { findVendorByCvr, insertVendor, type VendorRow } from '../../db/repositories/money.repository.ts';
import { pageOfRows } from '../../db/paging.ts';
import type { Tx } from '../../db/client.ts';
import { VENDOR_SORTS } from '../../domain/list-orders.ts';
import {
  lockVendor,
  updateVendor,
  vendorProposalsQuery,
  vendorsQuery,
  type VendorProposalRow,
} from '../../db/repositories/vendor.repository.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { isAllowed } from '../../domain/permissions.ts';
import type { VendorStatus } from '../../domain/vendor.ts';
import { message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { optionalCode, parseInput } from '../form-fields.ts';
import { pageFields, pageNumber, pagedRows, searchText, windowOf, type Paged } from '../paging.ts';
import { isUuid } from '../ids.ts';
import { VendorProposalInput, VendorRejectionInput } from './money.schemas.ts';

// Vendor proposals (spec: Vendors): the support person proposes a shop the citizen wants to buy from —
// name, CVR number, and an IBAN or the municipality's payment card — and finance (or the coordinator,
// who keeps the list too) approves it or rejects it with a reason the support person reads. Only an
// approved vendor can be chosen for a request (purchase-draft.ts) and so be paid. Each step is one
// command with its audit event.

export interface VendorProposalView {
  id: string;
  name: string;
  cvr: string | null;
  iban: string | null;
  paysByCard: boolean;
  status: VendorStatus;
  proposedBy: string;
  proposedAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
}

/** The vendor page: the list, and the proposals the actor decides on or has made. */
export interface VendorListing {
  /** Finance and the coordinator: they add vendors and decide on proposals. */
  manages: boolean;
  /** One page of the list; a support person's only of the vendors that may be chosen. */
  vendors: Paged<VendorRow>;
  /** To the managers every proposal; to a support person their own: open ones first, a page at a time. */
  proposals: Paged<VendorProposalView>;
}

function toView(r: VendorProposalRow): VendorProposalView {
  return {
    id: r.id,
    name: r.name,
    cvr: r.cvr,
    iban: r.iban,
    paysByCard: r.pays_by_card,
    status: r.status as VendorStatus,
    proposedBy: r.proposed_by_name,
    proposedAt: r.proposed_at ?? r.created_at,
    decidedAt: r.decided_at,
    rejectionReason: r.rejection_reason,
  };
}

const vendorListFields = {
  ...pageFields(VENDOR_SORTS),
  q: searchText,
  status: optionalCode(['active', 'proposed'], 'field.list.status'),
  /** The page of the proposals, the page's second list. */
  proposalPage: pageNumber,
};

/**
 * The vendor list (spec: Lists): page, order, search on name and CVR number, approved or proposed; and
 * the page of the proposals, as many to a page as the vendor list.
 */
const VendorListInput = z
  .object(vendorListFields)
  .optional()
  .transform((v) => v ?? z.object(vendorListFields).parse({}));

async function listing(deps: ServiceDeps, actor: Actor, input: unknown): Promise<VendorListing> {
  const manages = isAllowed(actor.role, 'vendor.manage');
  if (!manages) authorize(actor, 'vendor.propose');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(VendorListInput, input);
  const read = vendorPageReader(municipalityId, manages, o);
  const window = windowOf({ page: o.proposalPage, limit: o.limit });
  const proposals = (tx: Tx) => vendorProposalsQuery(tx, municipalityId, manages ? undefined : actor.userId);
  return deps.database.transaction({ municipalityId }, async (tx) => ({
    manages,
    vendors: await read(tx),
    proposals: pagedRows(await pageOfRows(proposals(tx), window), window.size, toView),
  }));
}

/** One page of the vendor list, for anyone who may read it (the API's vendor list). */
async function vendorPage(deps: ServiceDeps, actor: Actor, input: unknown): Promise<Paged<VendorRow>> {
  authorize(actor, 'vendor.read');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(VendorListInput, input);
  const read = vendorPageReader(municipalityId, isAllowed(actor.role, 'vendor.manage'), o);
  return deps.database.transaction({ municipalityId }, read);
}

/** Reads the page the input asks for; the proposed vendors only for those who decide on them. */
function vendorPageReader(municipalityId: number, manages: boolean, o: z.output<typeof VendorListInput>) {
  const filter = {
    status: manages && o.status === 'proposed' ? ('proposed' as const) : ('active' as const),
    search: o.q ?? undefined,
  };
  const window = windowOf(o);
  return async (tx: Tx): Promise<Paged<VendorRow>> =>
    pagedRows(
      await pageOfRows(vendorsQuery(tx, municipalityId, filter, o.sort), window),
      window.size,
      (v) => v,
    );
}

/** One proposal, for the page where it is rejected with a reason. */
async function proposal(deps: ServiceDeps, actor: Actor, vendorId: string): Promise<VendorProposalView> {
  authorize(actor, 'vendor.manage');
  const municipalityId = ownMunicipality(actor);
  if (!isUuid(vendorId)) throw new NotFound();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const found = await vendorProposalsQuery(tx, municipalityId)
      .where('v.id', '=', vendorId)
      .executeTakeFirst();
    if (!found) throw new NotFound();
    return toView(found);
  });
}

/** A support person proposes a vendor; returns its id. A CVR number already on the list is refused. */
async function propose(deps: ServiceDeps, actor: Actor, input: unknown): Promise<string> {
  authorize(actor, 'vendor.propose');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(VendorProposalInput, input);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const same = await findVendorByCvr(tx, municipalityId, v.cvr);
    if (same) {
      const key = same.status === 'proposed' ? 'error.money.vendorProposed' : 'error.money.vendorExists';
      throw new Conflict(message(key), 'vendor_exists');
    }
    const row = await insertVendor(tx, {
      municipality_id: municipalityId,
      name: v.name,
      cvr: v.cvr,
      iban: v.iban,
      pays_by_card: v.payWith === 'card',
      status: 'proposed',
      proposed_by: actor.userId,
      proposed_at: at,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: 'vendor.propose',
      entityType: 'vendor',
      entityId: row.id,
      after: { status: 'proposed', name: v.name, cvr: v.cvr, paysByCard: v.payWith === 'card' },
    });
    return row.id;
  });
}

/** Approves or rejects an open proposal; a decided one is refused, so a second decision changes nothing. */
async function decide(
  deps: ServiceDeps,
  actor: Actor,
  vendorId: string,
  decision: { status: 'approved'; reason: null } | { status: 'rejected'; reason: string },
): Promise<void> {
  const municipalityId = ownMunicipality(actor);
  if (!isUuid(vendorId)) throw new NotFound();
  const at = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const vendor = await lockVendor(tx, municipalityId, vendorId);
    if (!vendor || vendor.proposed_by === null) throw new NotFound();
    if (vendor.status !== 'proposed') {
      throw new Conflict(message('error.money.vendorDecided'), 'vendor_decided');
    }
    await updateVendor(tx, vendor.id, {
      status: decision.status,
      decided_by: actor.userId,
      decided_at: at,
      rejection_reason: decision.reason,
      updated_at: at,
    });
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: decision.status === 'approved' ? 'vendor.approve' : 'vendor.reject',
      entityType: 'vendor',
      entityId: vendor.id,
      before: { status: vendor.status },
      after: { status: decision.status, ...(decision.reason ? { reason: decision.reason } : {}) },
    });
  });
}

async function approve(deps: ServiceDeps, actor: Actor, vendorId: string): Promise<void> {
  authorize(actor, 'vendor.manage');
  await decide(deps, actor, vendorId, { status: 'approved', reason: null });
}

async function reject(deps: ServiceDeps, actor: Actor, vendorId: string, input: unknown): Promise<void> {
  authorize(actor, 'vendor.manage');
  const v = parseInput(VendorRejectionInput, input);
  await decide(deps, actor, vendorId, { status: 'rejected', reason: v.reason });
}

export function createVendorProposalService(deps: ServiceDeps) {
  return {
    listing: (actor: Actor, input: unknown) => listing(deps, actor, input),
    page: (actor: Actor, input: unknown) => vendorPage(deps, actor, input),
    proposal: (actor: Actor, vendorId: string) => proposal(deps, actor, vendorId),
    propose: (actor: Actor, input: unknown) => propose(deps, actor, input),
    approve: (actor: Actor, vendorId: string) => approve(deps, actor, vendorId),
    reject: (actor: Actor, vendorId: string, input: unknown) => reject(deps, actor, vendorId, input),
  };
}
