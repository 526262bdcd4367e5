import type { Tx } from '../../db/client.ts';
import { lockCaseOfRequest, type CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  findPurchaseRequest,
  updatePurchaseRequest,
  type PurchaseRequestRow,
  directTransfersOfCase,
} from '../../db/repositories/money.repository.ts';
import { isCaseOpen, isSpendingPeriod } from '../../domain/case-lifecycle.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { ore, type Ore } from '../../domain/money.ts';
import type { Action } from '../../domain/permissions.ts';
import { canStep, NEXT_STATUS, type PurchaseAction } from '../../domain/purchase-request.ts';
import { message, type Message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { admitCase } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { isUuid } from '../ids.ts';

// What every step of a purchase request shares (spec: Request lifecycle): the request and its case locked,
// the step checked against the request's status, the request moved on with its audit event, in one
// transaction. Every step locks the case row first, so the balance a decision is made on is the balance
// the posting lands on, under any concurrency; a step that is refused changes nothing.

export interface Locked {
  caseRow: CaseRecord;
  request: PurchaseRequestRow;
}

/** Spending is the active period's: nothing before the start (spec: Lead-in). */
export function requireActive(caseRow: CaseRecord, refused: Message): void {
  if (!isSpendingPeriod(caseRow.phase)) throw new Conflict(refused, 'case_not_active');
}

export function requireStep(request: PurchaseRequestRow, action: PurchaseAction): void {
  const step = canStep(request.status as never, action);
  if (!step.ok) throw new Conflict(step.message, step.code);
}

/**
 * The request and its case, locked, if the actor may do `action` on the case; otherwise NotFound.
 * Finance reaches a request through its municipality (it never sees the case itself).
 */
export async function lockRequest(tx: Tx, actor: Actor, action: Action, requestId: string): Promise<Locked> {
  const found = isUuid(requestId) ? await lockCaseOfRequest(tx, requestId) : undefined;
  let caseRow: CaseRecord;
  if (actor.role === 'finance') {
    if (!found) throw new NotFound();
    authorize(actor, action, { municipalityId: found.municipality_id });
    caseRow = found;
  } else {
    caseRow = admitCase(actor, action, found, true);
  }
  // Read under the case lock: a concurrent step may have moved the request on.
  const request = await findPurchaseRequest(tx, requestId);
  if (!request) throw new NotFound();
  return { caseRow, request };
}

/** Requests are written from the lead-in until the case closes. */
export function requireOpenForRequests(caseRow: CaseRecord): void {
  if (!isCaseOpen(caseRow.phase)) {
    throw new Conflict(message('error.money.requestsCaseNotOpen'), 'case_not_open');
  }
}

/** What the case's other direct transfers to the citizen hold (approved or paid, net of refunds). */
export async function directTransfersOf(tx: Tx, caseId: string, exceptId: string | null): Promise<Ore> {
  const rows = await directTransfersOfCase(tx, caseId);
  return ore(rows.filter((r) => r.id !== exceptId).reduce((sum, r) => sum + r.amount_ore, 0));
}

/** A step as its audit event names it: the citizen's confirmation is a step that keeps the status. */
export type RequestStep = PurchaseAction | 'confirm';

/** Moves a request on, with its audit event (and whatever the caller posted to the ledger). */
export async function moveOn(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  { request }: Locked,
  action: RequestStep,
  columns: Parameters<typeof updatePurchaseRequest>[2] = {},
  audit: Record<string, unknown> = {},
): Promise<void> {
  const status = action === 'confirm' ? undefined : NEXT_STATUS[action];
  await updatePurchaseRequest(tx, request.id, {
    ...columns,
    ...(status ? { status } : {}),
    updated_at: at,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: request.municipality_id,
    action: `purchase.${action}`,
    entityType: 'purchase_request',
    entityId: request.id,
    before: { status: request.status },
    after: { status: status ?? request.status, ...audit },
  });
}

/** One locked step in one transaction: role first, input next (a refusal is NotFound either way). */
export function runStep<T>(
  deps: ServiceDeps,
  actor: Actor,
  action: Action,
  requestId: string,
  fn: (tx: Tx, locked: Locked, at: Date) => Promise<T>,
): Promise<T> {
  authorize(actor, action);
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) =>
    fn(tx, await lockRequest(tx, actor, action, requestId), at),
  );
}
