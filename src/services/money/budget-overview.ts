import {
  heldOfPool,
  requestsOfCase,
  type LedgerEntryRow,
  type PurchaseRequestRow,
} from '../../db/repositories/money.repository.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { openReservation, type Balance, type LedgerEntryKind } from '../../domain/ledger.ts';
import { ore, type Ore } from '../../domain/money.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { loadCase, logAccess } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { caseLedger, toLedgerEntry } from './ledger-record.ts';
import { programmeOf } from '../cases/programme.service.ts';
import {
  namesOf,
  requestViews,
  type PurchaseRequestView,
  type RequestMoney,
} from './purchase-request-view.ts';

// The case's budget as the case page and the API show it (spec: Budget ledger; spec: Balance): granted,
// reserved, paid, available; by sub-goal and by category; every posting; every purchase request with what
// is missing.

export interface PostingView {
  id: number;
  kind: LedgerEntryKind;
  amount: Ore;
  settles: Ore;
  requestNumber: number | null;
  paidOn: string | null;
  reference: string | null;
  note: string | null;
  postedAt: Date;
  postedBy: string | null;
}

export interface SpendingLine {
  reserved: Ore;
  spent: Ore;
}

export interface BudgetOverview {
  caseId: string;
  phase: string;
  balance: Balance;
  maxGrant: Ore;
  singleApprovalLimit: Ore;
  /** What is left in the programme's pool (for those who grant). */
  poolRemaining: Ore | null;
  bySubGoal: ({ subGoalId: string | null; description: string | null } & SpendingLine)[];
  byCategory: ({ category: ExpenseCategory } & SpendingLine)[];
  postings: PostingView[];
  requests: PurchaseRequestView[];
}

/** What each request holds: its open reservation, what was paid and refunded. */
function moneyOfRequests(rows: LedgerEntryRow[], requests: PurchaseRequestRow[]): Map<string, RequestMoney> {
  const entries = rows.map(toLedgerEntry);
  const perRequest = new Map<string, RequestMoney>();
  for (const r of requests) {
    const own = rows.filter((e) => e.purchase_request_id === r.id);
    const sum = (kind: string) =>
      ore(own.filter((e) => e.kind === kind).reduce((s, e) => s + e.amount_ore, 0));
    perRequest.set(r.id, {
      reserved: openReservation(entries, r.id),
      paid: sum('payment'),
      refunded: sum('refund'),
    });
  }
  return perRequest;
}

/** Reserved and spent (paid − refunded) by sub-goal and by category; lines with nothing are left out. */
function spendingOf(views: PurchaseRequestView[]): Pick<BudgetOverview, 'bySubGoal' | 'byCategory'> {
  const bySubGoal = new Map<string | null, { description: string | null } & SpendingLine>();
  const byCategory = new Map<ExpenseCategory, SpendingLine>();
  for (const r of views) {
    const line = { reserved: r.reserved, spent: ore(r.paid - r.refunded) };
    if (line.reserved === 0 && line.spent === 0) continue;
    const key = r.subGoal?.id ?? null;
    const g = bySubGoal.get(key) ?? {
      description: r.subGoal?.description ?? null,
      reserved: ore(0),
      spent: ore(0),
    };
    bySubGoal.set(key, {
      ...g,
      reserved: ore(g.reserved + line.reserved),
      spent: ore(g.spent + line.spent),
    });
    const c = byCategory.get(r.category) ?? { reserved: ore(0), spent: ore(0) };
    byCategory.set(r.category, {
      reserved: ore(c.reserved + line.reserved),
      spent: ore(c.spent + line.spent),
    });
  }
  return {
    bySubGoal: [...bySubGoal].map(([subGoalId, l]) => ({ subGoalId, ...l })),
    byCategory: [...byCategory].map(([category, l]) => ({ category, ...l })),
  };
}

function postingViews(
  rows: LedgerEntryRow[],
  requests: PurchaseRequestRow[],
  names: Map<string, string>,
): PostingView[] {
  const numbers = new Map(requests.map((r) => [r.id, r.request_number]));
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind as LedgerEntryKind,
    amount: ore(e.amount_ore),
    settles: ore(e.settles_ore),
    requestNumber: e.purchase_request_id ? (numbers.get(e.purchase_request_id) ?? null) : null,
    paidOn: e.paid_on,
    reference: e.reference,
    note: e.note,
    postedAt: e.posted_at,
    postedBy: e.posted_by ? (names.get(e.posted_by) ?? null) : null,
  }));
}

/** The case's budget as the case page shows it; logged as a read of the case. */
export async function overview(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<BudgetOverview> {
  authorize(actor, 'budget.read');
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const caseRow = await loadCase(tx, actor, 'budget.read', caseId);
    const programme = await programmeOf(tx, caseRow.programme_id);
    const { rows, balance } = await caseLedger(tx, caseRow.id);
    const requests = await requestsOfCase(tx, caseRow.id);
    const perRequest = moneyOfRequests(rows, requests);
    const views = await requestViews(tx, actor, requests, perRequest, programme.rules, caseRow.id);
    const names = await namesOf(
      tx,
      rows.map((e) => e.posted_by),
    );
    await logAccess(tx, actor, at, purpose, [
      { caseId: caseRow.id, citizenId: caseRow.citizen_id, municipalityId },
    ]);
    return {
      caseId: caseRow.id,
      phase: caseRow.phase,
      balance,
      maxGrant: programme.rules.maxGrant,
      singleApprovalLimit: programme.rules.singleApprovalLimit,
      poolRemaining:
        actor.role === 'coordinator' ? ore(programme.pool - (await heldOfPool(tx, programme.id))) : null,
      ...spendingOf(views),
      postings: postingViews(rows, requests, names),
      requests: views,
    };
  });
}
