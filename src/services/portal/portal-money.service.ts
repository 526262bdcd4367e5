import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { requestsOfCase, type PurchaseRequestRow } from '../../db/repositories/money.repository.ts';
import { vendorNamesOf } from '../../db/repositories/personal-data.repository.ts';
import { subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { checkAttachment } from '../../domain/attachment-file.ts';
import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import { NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { openReservation } from '../../domain/ledger.ts';
import { ore, type Ore } from '../../domain/money.ts';
import type { UnusedFundsRule } from '../../domain/programme-rules.ts';
import type { PurchaseStatus } from '../../domain/purchase-request.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { fieldErrors } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';
import { isUuid } from '../ids.ts';
import { storeAttachment } from '../money/attachment.service.ts';
import { caseLedger, toLedgerEntry } from '../money/ledger-record.ts';
import { insertDraftRequest } from '../money/purchase-draft.ts';
import { rulesOf } from '../cases/programme.service.ts';
import { requireOpenForRequests } from '../money/purchase-record.ts';
import { withOwnCase } from './portal-case.ts';
import { ProposalInput } from './portal.schemas.ts';

// The citizen's money in their portal: what is left, reserved and spent by sub-goal; every
// request of the case with its status in words; proposing a purchase (a draft for the support person,
// never a payment). Amounts only where the programme lets the citizen see them (spec: Hidden amounts;
// `citizenSeesAmount`: the London pilot did not tell participants the amount). Internal matters —
// notes, who decided, the category's justification — are never part of these views.

/**
 * A draft written for the citizen that waits for their word. Their own proposal does not, until the
 * support person has worked on it (a changed request needs the citizen's confirmation again), nor one
 * they said no to, until the support person changes it.
 */
export function waitsForConfirmation(
  r: Pick<
    PurchaseRequestRow,
    'status' | 'citizen_confirmed_on' | 'citizen_declined_at' | 'created_by' | 'created_at' | 'updated_at'
  >,
  actor: Actor,
): boolean {
  if (r.status !== 'draft' || r.citizen_confirmed_on !== null || r.citizen_declined_at !== null) return false;
  const untouchedProposal =
    r.created_by === actor.userId && r.updated_at.getTime() === r.created_at.getTime();
  return !untouchedProposal;
}

/** Where a request stands, for the citizen: its status and what they need to know about it. */
export type RequestState =
  | { kind: 'proposed' }
  | { kind: 'to_confirm' }
  | { kind: 'declined' }
  | { kind: 'confirmed'; on: string }
  | { kind: 'submitted' }
  | { kind: 'approved' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'cancelled' }
  | { kind: 'paid'; on: string | null }
  | { kind: 'refunded' };

export interface PortalRequest {
  id: string;
  number: number;
  title: string;
  purpose: string;
  subGoal: string | null;
  /** Null where the citizen does not see amounts. */
  amount: Ore | null;
  vendor: string | null;
  links: string;
  state: RequestState;
  proposedByMe: boolean;
}

export interface PortalBudget {
  seesAmount: boolean;
  phase: string;
  unusedFunds: UnusedFundsRule;
  hasGrant: boolean;
  /** Whether money is left to use: said in words where amounts are hidden. */
  moneyLeft: boolean;
  /** Null where the citizen does not see amounts. */
  totals: { granted: Ore; reserved: Ore; spent: Ore; available: Ore } | null;
  bySubGoal: { description: string | null; reserved: Ore | null; spent: Ore | null; used: boolean }[];
}

export interface ProposalForm {
  open: boolean;
  subGoals: { id: string; description: string }[];
}

function stateOf(r: PurchaseRequestRow, actor: Actor, paidOn: string | null): RequestState {
  const status = r.status as PurchaseStatus;
  switch (status) {
    case 'draft':
      if (r.citizen_confirmed_on !== null) return { kind: 'confirmed', on: r.citizen_confirmed_on };
      if (r.citizen_declined_at !== null) return { kind: 'declined' };
      return waitsForConfirmation(r, actor) ? { kind: 'to_confirm' } : { kind: 'proposed' };
    case 'rejected':
      return { kind: 'rejected', reason: r.rejection_reason ?? '' };
    case 'paid':
      return { kind: 'paid', on: paidOn };
    case 'submitted':
    case 'approved':
    case 'cancelled':
    case 'refunded':
      return { kind: status };
  }
}

async function requestsOf(tx: Tx, row: CaseRecord, actor: Actor, shown: boolean): Promise<PortalRequest[]> {
  const requests = await requestsOfCase(tx, row.id);
  const { rows } = await caseLedger(tx, row.id);
  const paidOn = new Map(
    rows.filter((e) => e.kind === 'payment').map((e) => [e.purchase_request_id ?? '', e.paid_on]),
  );
  const subGoals = new Map((await subGoalsOf(tx, row.id)).map((s) => [s.id, s.description]));
  const vendorIds = [...new Set(requests.map((r) => r.vendor_id).filter((v): v is string => v !== null))];
  const vendors = await vendorNamesOf(tx, vendorIds);
  return requests.map((r) => ({
    id: r.id,
    number: r.request_number,
    title: r.title,
    purpose: r.purpose,
    subGoal: r.sub_goal_id ? (subGoals.get(r.sub_goal_id) ?? null) : null,
    amount: shown ? ore(r.amount_ore) : null,
    vendor: r.vendor_id ? (vendors.get(r.vendor_id) ?? null) : null,
    links: r.links,
    state: stateOf(r, actor, paidOn.get(r.id) ?? null),
    proposedByMe: r.created_by === actor.userId,
  }));
}

/** What is left, reserved and spent, in all and by sub-goal. */
async function budget(deps: ServiceDeps, actor: Actor): Promise<PortalBudget> {
  return withOwnCase(deps, actor, async (tx, row) => {
    const rules = await rulesOf(tx, row.programme_id);
    const shown = rules.citizenSeesAmount;
    const { rows, balance } = await caseLedger(tx, row.id);
    const entries = rows.map(toLedgerEntry);
    const requests = await requestsOfCase(tx, row.id);
    const line = new Map<string | null, { reserved: number; spent: number }>();
    for (const r of requests) {
      const own = rows.filter((e) => e.purchase_request_id === r.id);
      const sum = (kind: string) => own.filter((e) => e.kind === kind).reduce((s, e) => s + e.amount_ore, 0);
      const reserved = openReservation(entries, r.id);
      const spent = sum('payment') - sum('refund');
      if (reserved === 0 && spent === 0) continue;
      const l = line.get(r.sub_goal_id) ?? { reserved: 0, spent: 0 };
      line.set(r.sub_goal_id, { reserved: l.reserved + reserved, spent: l.spent + spent });
    }
    const subGoals = (await subGoalsOf(tx, row.id)).filter((s) => s.status !== 'dropped' || line.has(s.id));
    const lines: { description: string | null; key: string | null }[] = [
      ...subGoals.map((s) => ({ description: s.description, key: s.id })),
      ...(line.has(null) ? [{ description: null, key: null }] : []),
    ];
    return {
      seesAmount: shown,
      phase: row.phase,
      unusedFunds: rules.unusedFunds,
      hasGrant: balance.granted > 0,
      moneyLeft: balance.available > 0,
      totals: shown
        ? {
            granted: balance.granted,
            reserved: balance.reserved,
            spent: balance.spent,
            available: balance.available,
          }
        : null,
      bySubGoal: lines.map(({ description, key }) => {
        const l = line.get(key) ?? { reserved: 0, spent: 0 };
        return {
          description,
          reserved: shown ? ore(l.reserved) : null,
          spent: shown ? ore(l.spent) : null,
          used: l.reserved !== 0 || l.spent !== 0,
        };
      }),
    };
  });
}

/** Every request of the case, newest first, with its status in words. */
async function purchases(deps: ServiceDeps, actor: Actor): Promise<PortalRequest[]> {
  return withOwnCase(deps, actor, async (tx, row) =>
    requestsOf(tx, row, actor, (await rulesOf(tx, row.programme_id)).citizenSeesAmount),
  );
}

/** Requests written on the citizen's behalf that wait for their confirmation. */
async function toConfirm(deps: ServiceDeps, actor: Actor): Promise<PortalRequest[]> {
  return withOwnCase(deps, actor, async (tx, row) => {
    const all = await requestsOf(tx, row, actor, (await rulesOf(tx, row.programme_id)).citizenSeesAmount);
    return all.filter((r) => r.state.kind === 'to_confirm');
  });
}

/** One request that waits for the citizen's word, for the page where they say no; else not found. */
async function toDecline(deps: ServiceDeps, actor: Actor, requestId: string): Promise<PortalRequest> {
  const found = (await toConfirm(deps, actor)).find((r) => r.id === requestId);
  if (!found) throw new NotFound();
  return found;
}

/** What the proposal form offers: the sub-goals, and whether requests can be written now. */
async function proposalForm(deps: ServiceDeps, actor: Actor): Promise<ProposalForm> {
  return withOwnCase(deps, actor, async (tx, row) => ({
    open: isCaseOpen(row.phase),
    subGoals: (await subGoalsOf(tx, row.id))
      .filter((s) => s.status !== 'dropped')
      .map((s) => ({ id: s.id, description: s.description })),
  }));
}

/**
 * The citizen proposes a purchase: a draft for their support person, marked as theirs (created by
 * the citizen's log-in), never a payment. The support person chooses the vendor, category and way
 * of paying; a photo of a quote comes along as the request's quote.
 */
async function propose(
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
  file: { name: string; bytes: Uint8Array } | null,
): Promise<string> {
  const parsed = ProposalInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const checked = file ? checkAttachment(file.name, file.bytes) : null;
  if (checked && !checked.ok) errors.file = checked.message;
  return withOwnCase(
    deps,
    actor,
    async (tx, row, at) => {
      requireOpenForRequests(row);
      const subGoalId = parsed.success ? parsed.data.subGoalId : null;
      if (subGoalId !== null) {
        const ok = isUuid(subGoalId) && (await subGoalsOf(tx, row.id)).some((s) => s.id === subGoalId);
        if (!ok) errors.subGoalId = message('field.portal.subGoalId');
      }
      if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
      const v = parsed.data;
      const request = await insertDraftRequest(tx, actor, at, row, {
        title: v.title,
        purpose: v.purpose,
        amount_ore: v.amountKr,
        // The support person sets these when they take the proposal up.
        category: 'other',
        justification: null,
        sub_goal_id: subGoalId,
        vendor_id: null,
        payment_method: 'invoice',
        links: v.shop ?? '',
      });
      if (file && checked?.ok) await storeAttachment(tx, actor, at, request, 'quote', checked, file.bytes);
      return request.id;
    },
    true,
  );
}

export function createPortalMoneyService(deps: ServiceDeps) {
  return {
    budget: (actor: Actor) => budget(deps, actor),
    purchases: (actor: Actor) => purchases(deps, actor),
    toConfirm: (actor: Actor) => toConfirm(deps, actor),
    toDecline: (actor: Actor, requestId: string) => toDecline(deps, actor, requestId),
    proposalForm: (actor: Actor) => proposalForm(deps, actor),
    propose: (actor: Actor, input: unknown, file: { name: string; bytes: Uint8Array } | null) =>
      propose(deps, actor, input, file),
  };
}
