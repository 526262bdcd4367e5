import type { Tx } from '../../db/client.ts';
import {
  attachmentsOf,
  vendorsOf,
  type AttachmentInfo,
  type PurchaseRequestRow,
  type VendorRow,
} from '../../db/repositories/money.repository.ts';
import { subGoalDescriptionsOf } from '../../db/repositories/plan.repository.ts';
import { citizenUsersAmong, userNamesOf } from '../../db/repositories/user.repository.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { ore, type Ore } from '../../domain/money.ts';
import type { ProgrammeRules } from '../../domain/programme-rules.ts';
import {
  mayApprove,
  missingDocuments,
  needsSecondApprover,
  possibleDuplicates,
  type AttachmentKind,
  type DuplicateCandidate,
  type PaymentMethod,
  type PurchaseStatus,
  type Refusal,
} from '../../domain/purchase-request.ts';
import { vouchersWithRequest } from '../../db/repositories/voucher.repository.ts';
import type { VoucherStatus } from '../../domain/voucher.ts';
import type { Actor } from '../context.ts';
import { toAttachmentView, type AttachmentView } from './attachment.service.ts';

// A purchase request as the case page and the API show it (spec: Purchase requests): its sub-goal and
// vendor, who wrote and decided it, whether the one looking may approve it (spec: Approval), possible
// duplicates (spec: Duplicates), the money it holds and the paperwork still missing.

export interface PurchaseRequestView {
  id: string;
  number: number;
  status: PurchaseStatus;
  title: string;
  purpose: string;
  category: ExpenseCategory;
  justification: string | null;
  amount: Ore;
  subGoal: { id: string; description: string } | null;
  vendor: { id: string; name: string; cvr: string | null } | null;
  paymentMethod: PaymentMethod;
  links: string;
  citizenConfirmed: { on: string; how: 'portal' | 'in_person' } | null;
  /** The citizen said no in the portal, with their reason if they gave one (spec: Citizen confirmation). */
  citizenDeclined: { at: Date; reason: string | null } | null;
  createdBy: string;
  /** Proposed by the citizen in their portal (a draft for the support person). */
  createdByCitizen: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  cancellationReason: string | null;
  /** Above the programme's limit: a coordinator, not the writer, approves. */
  needsCoordinator: boolean;
  /** Whether the one looking may approve it (a submitted request), and why not: the page says so. */
  approval: Refusal;
  /** Numbers of other requests that look like the same purchase (same vendor and amount, 30 days). */
  possibleDuplicates: number[];
  /** A request paid by voucher: its voucher's state and last day (spec: Vouchers); null before approval. */
  voucher: { status: VoucherStatus; expiresOn: string } | null;
  reserved: Ore;
  paid: Ore;
  refunded: Ore;
  attachments: AttachmentView[];
  /** What paperwork is still missing; a paid request missing its receipt is "receipt pending". */
  missing: AttachmentKind[];
}

/** What a request holds on the case's ledger. */
export interface RequestMoney {
  reserved: Ore;
  paid: Ore;
  refunded: Ore;
}

/** The names of some users (null ids left out). */
export function namesOf(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  return userNamesOf(tx, [...new Set(ids.filter((i): i is string => i !== null))]);
}

/** What the views need beyond the requests themselves, read once for all of them. */
interface Lookups {
  attachments: Map<string, AttachmentInfo[]>;
  vendors: Map<string, VendorRow>;
  subGoals: Map<string, string>;
  names: Map<string, string>;
  citizens: Set<string>;
  candidates: DuplicateCandidate[];
  vouchers: Map<string, { status: VoucherStatus; expiresOn: string }>;
}

async function lookupsOf(tx: Tx, requests: PurchaseRequestRow[], caseId: string): Promise<Lookups> {
  const attachments = new Map<string, AttachmentInfo[]>();
  for (const a of await attachmentsOf(
    tx,
    requests.map((r) => r.id),
  ))
    attachments.set(a.purchase_request_id, [...(attachments.get(a.purchase_request_id) ?? []), a]);
  const vendors = new Map(
    (await vendorsOf(tx, requests[0]?.municipality_id ?? 0, false)).map((v) => [v.id, v]),
  );
  const subGoals = await subGoalDescriptionsOf(tx, caseId);
  const names = await namesOf(
    tx,
    requests.flatMap((r) => [r.created_by, r.decided_by]),
  );
  // A request the citizen proposed in their portal is marked as theirs (spec: Proposals).
  const citizens = await citizenUsersAmong(tx, [...new Set(requests.map((r) => r.created_by))]);
  const candidates = requests.map((r) => ({
    requestNumber: r.request_number,
    vendorId: r.vendor_id,
    amount: ore(r.amount_ore),
    on: r.created_at.toISOString().slice(0, 10),
    status: r.status as PurchaseStatus,
  }));
  const vouchers = new Map(
    (await vouchersWithRequest(tx, { caseId })).map((v) => [
      v.purchase_request_id,
      { status: v.status as VoucherStatus, expiresOn: v.expires_on },
    ]),
  );
  return { attachments, vendors, subGoals, names, citizens, candidates, vouchers };
}

/** Other requests that look like the same purchase, flagged while this one is undecided. */
function duplicatesOf(r: PurchaseRequestRow, candidates: readonly DuplicateCandidate[]): number[] {
  if (r.status !== 'submitted' && r.status !== 'draft') return [];
  return possibleDuplicates(
    {
      vendorId: r.vendor_id,
      amount: ore(r.amount_ore),
      on: r.created_at.toISOString().slice(0, 10),
      requestNumber: r.request_number,
    },
    candidates,
  );
}

type ViewRules = Pick<ProgrammeRules, 'receiptsRequired' | 'singleApprovalLimit'>;

function toView(actor: Actor, r: PurchaseRequestRow, l: Lookups, money: RequestMoney, rules: ViewRules) {
  const files = l.attachments.get(r.id) ?? [];
  const vendor = r.vendor_id ? l.vendors.get(r.vendor_id) : undefined;
  const status = r.status as PurchaseStatus;
  return {
    id: r.id,
    number: r.request_number,
    status,
    title: r.title,
    purpose: r.purpose,
    category: r.category as ExpenseCategory,
    justification: r.justification,
    amount: ore(r.amount_ore),
    subGoal: r.sub_goal_id ? { id: r.sub_goal_id, description: l.subGoals.get(r.sub_goal_id) ?? '' } : null,
    vendor: vendor ? { id: vendor.id, name: vendor.name, cvr: vendor.cvr } : null,
    paymentMethod: r.payment_method as PaymentMethod,
    links: r.links,
    citizenConfirmed:
      r.citizen_confirmed_on && r.citizen_confirmed_how
        ? { on: r.citizen_confirmed_on, how: r.citizen_confirmed_how as 'portal' | 'in_person' }
        : null,
    citizenDeclined: r.citizen_declined_at
      ? { at: r.citizen_declined_at, reason: r.citizen_decline_reason }
      : null,
    createdBy: l.names.get(r.created_by) ?? '',
    createdByCitizen: l.citizens.has(r.created_by),
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    decidedBy: r.decided_by ? (l.names.get(r.decided_by) ?? '') : null,
    decidedAt: r.decided_at,
    rejectionReason: r.rejection_reason,
    cancellationReason: r.cancellation_reason,
    needsCoordinator: needsSecondApprover(ore(r.amount_ore), rules.singleApprovalLimit),
    approval: mayApprove({
      approverRole: actor.role,
      approverUserId: actor.userId,
      amount: ore(r.amount_ore),
      singleApprovalLimit: rules.singleApprovalLimit,
      createdBy: r.created_by,
      submittedBy: r.submitted_by,
    }),
    possibleDuplicates: duplicatesOf(r, l.candidates),
    voucher: l.vouchers.get(r.id) ?? null,
    ...money,
    attachments: files.map(toAttachmentView),
    missing: missingDocuments(
      status,
      r.payment_method as PaymentMethod,
      files.map((a) => a.kind as AttachmentKind),
      rules.receiptsRequired,
    ),
  } satisfies PurchaseRequestView;
}

/** The case's requests as views, in the order given, for the one looking (`actor`). */
export async function requestViews(
  tx: Tx,
  actor: Actor,
  requests: PurchaseRequestRow[],
  perRequest: Map<string, RequestMoney>,
  rules: ViewRules,
  caseId: string,
): Promise<PurchaseRequestView[]> {
  const lookups = await lookupsOf(tx, requests, caseId);
  return requests.map((r) =>
    toView(
      actor,
      r,
      lookups,
      perRequest.get(r.id) ?? { reserved: ore(0), paid: ore(0), refunded: ore(0) },
      rules,
    ),
  );
}
