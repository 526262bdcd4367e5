import { requestsOfCase, type PurchaseRequestRow } from '../../db/repositories/money.repository.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { loadCase } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { approve, reject, cancel } from './purchase-decision.ts';
import { createDraft, updateDraft, confirm, confirmInPortal, submit } from './purchase-draft.ts';
import { declineInPortal } from './purchase-decline.ts';
import { pay, refund } from './purchase-payment.ts';

// Purchase requests (spec: Purchase requests): written and submitted on the case by the support person (or a
// coordinator), approved within the programme's four-eyes rule, paid and refunded by finance. Every
// step locks the case row first, so the balance a decision is made on is the balance the posting lands
// on, under any concurrency; a step that is refused changes nothing.
//
// Each command is a function of its own, in one transaction: writing and confirming in purchase-draft.ts,
// approving, rejecting and cancelling in purchase-decision.ts, paying and refunding in purchase-payment.ts;
// what they share (locking, moving on) is in purchase-record.ts.

/** The case's requests, newest first (for the case page and the API). */
async function listForCase(deps: ServiceDeps, actor: Actor, caseId: string): Promise<PurchaseRequestRow[]> {
  authorize(actor, 'budget.read');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const caseRow = await loadCase(tx, actor, 'budget.read', caseId);
    return requestsOfCase(tx, caseRow.id);
  });
}

export function createPurchaseService(deps: ServiceDeps) {
  return {
    create: (actor: Actor, caseId: string, input: unknown) => createDraft(deps, actor, caseId, input),
    update: (actor: Actor, requestId: string, input: unknown) => updateDraft(deps, actor, requestId, input),
    confirm: (actor: Actor, requestId: string, input: unknown = {}) => confirm(deps, actor, requestId, input),
    confirmInPortal: (actor: Actor, requestId: string) => confirmInPortal(deps, actor, requestId),
    declineInPortal: (actor: Actor, requestId: string, input: unknown) =>
      declineInPortal(deps, actor, requestId, input),
    submit: (actor: Actor, requestId: string) => submit(deps, actor, requestId),
    approve: (actor: Actor, requestId: string) => approve(deps, actor, requestId),
    reject: (actor: Actor, requestId: string, input: unknown) => reject(deps, actor, requestId, input),
    cancel: (actor: Actor, requestId: string, input: unknown) => cancel(deps, actor, requestId, input),
    pay: (actor: Actor, requestId: string, input: unknown) => pay(deps, actor, requestId, input),
    refund: (actor: Actor, requestId: string, input: unknown) => refund(deps, actor, requestId, input),
    listForCase: (actor: Actor, caseId: string) => listForCase(deps, actor, caseId),
  };
}
