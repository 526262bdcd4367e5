import type { Balance } from '../../domain/ledger.ts';
import type {
  BudgetOverview,
  PostingView,
  PurchaseRequestView,
} from '../../services/money/budget.service.ts';
import type { AttachmentView } from '../../services/money/attachment.service.ts';
import type { Services } from '../../services/index.ts';

type VendorRow = Awaited<ReturnType<Services['budgets']['vendors']>>[number];

// The JSON shapes of a case's budget, its purchase requests and the vendor list. Amounts are
// integer øre, named …Ore (never floats, so an integration can add them up exactly); instants are
// ISO 8601 strings, calendar dates YYYY-MM-DD.

function balanceJson(b: Balance) {
  return {
    grantedOre: b.granted,
    returnedOre: b.returned,
    reservedOre: b.reserved,
    paidOre: b.paid,
    refundedOre: b.refunded,
    spentOre: b.spent,
    availableOre: b.available,
  };
}

export function attachmentJson(a: AttachmentView) {
  return {
    id: a.id,
    kind: a.kind,
    fileName: a.fileName,
    sizeBytes: a.sizeBytes,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

function postingJson(p: PostingView) {
  return {
    id: p.id,
    kind: p.kind,
    amountOre: p.amount,
    settlesOre: p.settles,
    requestNumber: p.requestNumber,
    paidOn: p.paidOn,
    reference: p.reference,
    note: p.note,
    postedAt: p.postedAt.toISOString(),
    postedBy: p.postedBy,
  };
}

function purchaseRequestJson(r: PurchaseRequestView) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    title: r.title,
    purpose: r.purpose,
    category: r.category,
    justification: r.justification,
    amountOre: r.amount,
    subGoal: r.subGoal,
    vendor: r.vendor,
    paymentMethod: r.paymentMethod,
    links: r.links,
    citizenConfirmed: r.citizenConfirmed,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    rejectionReason: r.rejectionReason,
    cancellationReason: r.cancellationReason,
    needsCoordinator: r.needsCoordinator,
    possibleDuplicates: r.possibleDuplicates,
    reservedOre: r.reserved,
    paidOre: r.paid,
    refundedOre: r.refunded,
    attachments: r.attachments.map(attachmentJson),
    missing: r.missing,
  };
}

export function budgetJson(o: BudgetOverview) {
  return {
    caseId: o.caseId,
    phase: o.phase,
    balance: balanceJson(o.balance),
    maxGrantOre: o.maxGrant,
    singleApprovalLimitOre: o.singleApprovalLimit,
    poolRemainingOre: o.poolRemaining,
    bySubGoal: o.bySubGoal.map((l) => ({
      subGoalId: l.subGoalId,
      description: l.description,
      reservedOre: l.reserved,
      spentOre: l.spent,
    })),
    byCategory: o.byCategory.map((l) => ({
      category: l.category,
      reservedOre: l.reserved,
      spentOre: l.spent,
    })),
    postings: o.postings.map(postingJson),
    requests: o.requests.map(purchaseRequestJson),
  };
}

export function vendorJson(v: VendorRow) {
  return {
    id: v.id,
    name: v.name,
    cvr: v.cvr,
    bankRegistration: v.bank_registration,
    bankAccount: v.bank_account,
    iban: v.iban,
    ean: v.ean,
    active: v.active,
  };
}
