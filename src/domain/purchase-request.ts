// A purchase request (anmodning om køb; spec: Purchase requests): what the citizen wants bought, why, for
// which sub-goal, from whom and how it is paid. The rules here are pure; the service applies them with the
// case row locked and posts the money to the ledger (domain/ledger.ts):
//
//   draft → submitted → approved (reserves) → paid (reservation becomes payment) → refunded
//             │  ▲           └→ cancelled (releases)
//             │  └ (back to draft is not a step: a rejected request is rewritten as a new one)
//             ├→ rejected (reason)
//             └→ cancelled
//   draft → cancelled
//
// Approval (spec: Approval; the programme's `singleApprovalLimit`): the support person
// approves alone up to the limit; above it a coordinator approves, and never the person who wrote or
// submitted the request (four eyes). A coordinator may approve any amount that is not their own request.

import type { SubGoalStatus } from './plan.ts';
import type { CategoryRuleKind, ProgrammeRules, UnusedFundsRule } from './programme-rules.ts';
import { formatKr, type Ore } from './money.ts';
import type { Role } from './roles.ts';
import { message, type Message, type MessageKey } from '../i18n/index.ts';

export const PURCHASE_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'cancelled',
  'paid',
  'refunded',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

/** What finance sees of the requests (spec: Payments): approved and later, never a draft or a refused one. */
export const FINANCE_STATUSES = ['approved', 'paid', 'refunded'] as const satisfies readonly PurchaseStatus[];

export const PURCHASE_STATUS_LABELS: Readonly<Record<PurchaseStatus, MessageKey>> = {
  draft: 'label.purchaseStatus.draft',
  submitted: 'label.purchaseStatus.submitted',
  approved: 'label.purchaseStatus.approved',
  rejected: 'label.purchaseStatus.rejected',
  cancelled: 'label.purchaseStatus.cancelled',
  paid: 'label.purchaseStatus.paid',
  refunded: 'label.purchaseStatus.refunded',
};

export const PAYMENT_METHODS = [
  'invoice',
  'requisition',
  'payment_card',
  'bank_transfer',
  'direct_to_citizen',
  'voucher',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, MessageKey>> = {
  invoice: 'label.paymentMethod.invoice',
  requisition: 'label.paymentMethod.requisition',
  payment_card: 'label.paymentMethod.payment_card',
  bank_transfer: 'label.paymentMethod.bank_transfer',
  direct_to_citizen: 'label.paymentMethod.direct_to_citizen',
  voucher: 'label.paymentMethod.voucher',
};

export const ATTACHMENT_KINDS = ['quote', 'invoice', 'receipt', 'proof_of_payment'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, MessageKey>> = {
  quote: 'label.attachmentKind.quote',
  invoice: 'label.attachmentKind.invoice',
  receipt: 'label.attachmentKind.receipt',
  proof_of_payment: 'label.attachmentKind.proof_of_payment',
};

export type PurchaseAction = 'edit' | 'submit' | 'approve' | 'reject' | 'cancel' | 'pay' | 'refund';

const FROM: Readonly<Record<PurchaseAction, readonly PurchaseStatus[]>> = {
  edit: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  cancel: ['draft', 'submitted', 'approved'],
  pay: ['approved'],
  refund: ['paid'],
};

export type Refusal =
  { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: Message };

const OK = { ok: true } as const;

/** Whether `action` may happen to a request in `status` (who may do it is decided elsewhere). */
export function canStep(status: PurchaseStatus, action: PurchaseAction): Refusal {
  return FROM[action].includes(status)
    ? OK
    : { ok: false, code: `purchase_${action}_refused`, message: message(`purchase.refused.${action}`) };
}

export const NEXT_STATUS: Readonly<Partial<Record<PurchaseAction, PurchaseStatus>>> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  pay: 'paid',
  refund: 'refunded',
};

export interface ApprovalContext {
  readonly approverRole: Role;
  readonly approverUserId: string;
  readonly amount: Ore;
  readonly singleApprovalLimit: Ore;
  /** Who wrote the request and who submitted it: neither may be the second pair of eyes. */
  readonly createdBy: string;
  readonly submittedBy: string | null;
}

/** Four eyes above the programme's limit (spec: Approval); the reason when refused. */
export function mayApprove(c: ApprovalContext): Refusal {
  const ownRequest = c.approverUserId === c.createdBy || c.approverUserId === c.submittedBy;
  if (c.approverRole === 'support') {
    if (needsSecondApprover(c.amount, c.singleApprovalLimit)) {
      return {
        ok: false,
        code: 'needs_coordinator',
        message: message('purchase.refused.needs_coordinator', { limit: formatKr(c.singleApprovalLimit) }),
      };
    }
    return OK;
  }
  if (c.approverRole === 'coordinator') {
    if (ownRequest && needsSecondApprover(c.amount, c.singleApprovalLimit)) {
      return {
        ok: false,
        code: 'four_eyes',
        message: message('purchase.refused.four_eyes', { limit: formatKr(c.singleApprovalLimit) }),
      };
    }
    return OK;
  }
  return { ok: false, code: 'not_approver', message: message('purchase.refused.not_approver') };
}

/**
 * Whether the request needs a coordinator's approval — and, when a coordinator wrote it, another one's
 * (spec: Approval): above the programme's limit. Shown on the request before anyone decides.
 */
export function needsSecondApprover(amount: Ore, singleApprovalLimit: Ore): boolean {
  return amount > singleApprovalLimit;
}

export interface CategoryCheck {
  readonly rule: CategoryRuleKind;
  readonly guideline: string;
}

/**
 * The programme's rule for the category where the request is written: `not_allowed` blocks with the
 * municipality's guideline, `needs_justification` requires one. Returns the field errors.
 */
export function checkCategory(
  rule: CategoryCheck,
  justification: string | null | undefined,
): { category?: Message; justification?: Message } {
  const guideline = rule.guideline.trim();
  if (rule.rule === 'not_allowed') {
    return {
      category: guideline
        ? message('purchase.category.notAllowedWhy', { guideline })
        : message('purchase.category.notAllowed'),
    };
  }
  if (rule.rule === 'needs_justification' && !justification?.trim()) {
    return {
      justification: guideline
        ? message('purchase.category.justifyHow', { guideline })
        : message('purchase.category.justify'),
    };
  }
  return {};
}

/**
 * The programme's `unusedFunds` rule where money is approved (spec: Unused funds): whether a citizen
 * who met the sub-goals may spend the rest. In the 2020 evaluation report (§6.5 "Udmøntning af
 * budgettet") one municipality let the citizen use the whole amount, another did not "i tilfælde hvor
 * borgeren har indfriet sine delmål uden at bruge hele budgettet" — the rest was paid back. The sub-goals are met when the plan has a sub-goal that was
 * not dropped and every such sub-goal is achieved; a plan without one has met nothing yet. Once they
 * are met, under `planned_subgoals_only` no further request is approved — none can be for a planned
 * sub-goal still open — and the rest goes back to the pool at close; a new or re-opened sub-goal opens
 * spending again. Under `citizen_may_use_all` the rest may be spent. A request approved before keeps
 * its reservation and is paid as usual.
 */
export function checkUnusedFunds(
  rule: UnusedFundsRule,
  subGoals: readonly { readonly status: SubGoalStatus }[],
): Refusal {
  if (rule === 'citizen_may_use_all') return OK;
  const counted = subGoals.filter((s) => s.status !== 'dropped');
  const met = counted.length > 0 && counted.every((s) => s.status === 'achieved');
  if (!met) return OK;
  return {
    ok: false,
    code: 'sub_goals_met',
    message: message('purchase.refused.sub_goals_met'),
  };
}

/**
 * Direct transfers to the citizen (spec: Direct transfers): only when the programme allows them, at
 * most `maxPerTransfer` each and `maxTotal` in all (`alreadyTransferred`: what the case's other
 * approved or paid direct transfers hold).
 */
export function checkDirectTransfer(
  rules: Pick<ProgrammeRules, 'directTransfer'>,
  amount: Ore,
  alreadyTransferred: Ore,
): Message | undefined {
  const d = rules.directTransfer;
  if (!d.enabled) return message('purchase.directTransfer.disabled');
  if (amount > d.maxPerTransfer) {
    return message('purchase.directTransfer.perTransfer', { max: formatKr(d.maxPerTransfer) });
  }
  if (alreadyTransferred + amount > d.maxTotal) {
    return message('purchase.directTransfer.total', {
      max: formatKr(d.maxTotal),
      used: formatKr(alreadyTransferred),
    });
  }
  return undefined;
}

export interface DuplicateCandidate {
  readonly requestNumber: number;
  readonly vendorId: string | null;
  readonly amount: Ore;
  /** ISO date (YYYY-MM-DD) the other request was written or submitted. */
  readonly on: string;
  readonly status: PurchaseStatus;
}

/**
 * Possible duplicates (spec: Duplicates): another request of the same case to the same vendor for the same
 * amount within 30 days, that is not rejected or cancelled. Flagged before approval, never blocking.
 */
export function possibleDuplicates(
  request: { vendorId: string | null; amount: Ore; on: string; requestNumber: number },
  others: readonly DuplicateCandidate[],
): number[] {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  return others
    .filter(
      (o) =>
        o.requestNumber !== request.requestNumber &&
        o.status !== 'rejected' &&
        o.status !== 'cancelled' &&
        o.vendorId !== null &&
        o.vendorId === request.vendorId &&
        o.amount === request.amount &&
        Math.abs(day(o.on) - day(request.on)) <= 30,
    )
    .map((o) => o.requestNumber)
    .sort((a, b) => a - b);
}

/**
 * What is missing before the paperwork of a request is complete: a receipt once it is paid (when the
 * programme requires receipts), an invoice for the `invoice` method. Empty when nothing is missing;
 * a paid request with a missing receipt is `receipt_pending`.
 */
export function missingDocuments(
  status: PurchaseStatus,
  method: PaymentMethod,
  kinds: readonly AttachmentKind[],
  receiptsRequired: boolean,
): AttachmentKind[] {
  const missing: AttachmentKind[] = [];
  if (status !== 'paid' && status !== 'refunded') return missing;
  if (method === 'invoice' && !kinds.includes('invoice')) missing.push('invoice');
  if (receiptsRequired && !kinds.includes('receipt')) missing.push('receipt');
  return missing;
}
