import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { findCase, type CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  findPurchaseRequest,
  findVendor,
  insertPurchaseRequest,
  nextRequestNumber,
  requestsOfCase,
  updatePurchaseRequest,
  type PurchaseRequestRow,
} from '../../db/repositories/money.repository.ts';
import { subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import type { PurchaseRequestTable } from '../../db/schema-money.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import { canPay, canRefund, canReserve, canRelease, openReservation } from '../../domain/ledger.ts';
import { ore, type Ore } from '../../domain/money.ts';
import type { SubGoalStatus } from '../../domain/plan.ts';
import type { Action } from '../../domain/permissions.ts';
import {
  canStep,
  checkCategory,
  checkDirectTransfer,
  checkUnusedFunds,
  mayApprove,
  NEXT_STATUS,
  type PurchaseAction,
} from '../../domain/purchase-request.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, notInFuture, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { caseLedger, post, toLedgerEntry } from './ledger-record.ts';
import {
  ConfirmInput,
  PaymentInput,
  PurchaseRequestInput,
  ReasonInput,
  RefundInput,
} from './money.schemas.ts';
import { ownCase } from '../portal/portal-case.ts';
import { toProgramme } from '../cases/programme.service.ts';

// Purchase requests (spec: Purchase requests): written and submitted on the case by the support person (or a
// coordinator), approved within the programme's four-eyes rule, paid and refunded by finance. Every
// step locks the case row first, so the balance a decision is made on is the balance the posting lands
// on, under any concurrency; a step that is refused changes nothing.

type RequestFields = z.output<typeof PurchaseRequestInput>;

export interface Locked {
  caseRow: CaseRecord;
  request: PurchaseRequestRow;
}

/** Spending is the active period's: nothing before the start (spec: Lead-in). */
function requireActive(caseRow: CaseRecord, what: string): void {
  if (caseRow.phase !== 'active') {
    throw new Conflict(`${what} kræver, at forløbet er aktivt.`, 'case_not_active');
  }
}

function requireStep(request: PurchaseRequestRow, action: PurchaseAction): void {
  const step = canStep(request.status as never, action);
  if (!step.ok) throw new Conflict(step.message, step.code);
}

/**
 * The request and its case, locked, if the actor may do `action` on the case; otherwise NotFound.
 * Finance reaches a request through its municipality (it never sees the case itself).
 */
export async function lockRequest(tx: Tx, actor: Actor, action: Action, requestId: string): Promise<Locked> {
  const found = isUuid(requestId) ? await findPurchaseRequest(tx, requestId) : undefined;
  if (!found) throw new NotFound();
  let caseRow: CaseRecord | undefined;
  if (actor.role === 'finance') {
    authorize(actor, action, { municipalityId: found.municipality_id });
    caseRow = await findCase(tx, found.case_id, true);
  } else {
    caseRow = await loadCase(tx, actor, action, found.case_id, true);
  }
  if (!caseRow) throw new NotFound();
  // Re-read under the case lock: a concurrent step may have moved the request on.
  const request = await findPurchaseRequest(tx, requestId);
  if (!request) throw new NotFound();
  return { caseRow, request };
}

/** Requests are written from the lead-in until the case closes. */
export function requireOpenForRequests(caseRow: CaseRecord): void {
  if (!['lead_in', 'active', 'paused'].includes(caseRow.phase)) {
    throw new Conflict('Der kan kun skrives anmodninger på et forløb i gang.', 'case_not_open');
  }
}

export type RequestColumns = Pick<
  Insertable<PurchaseRequestTable>,
  | 'title'
  | 'purpose'
  | 'amount_ore'
  | 'category'
  | 'justification'
  | 'sub_goal_id'
  | 'vendor_id'
  | 'payment_method'
  | 'links'
>;

/**
 * The one way a request comes into being: a numbered draft on the locked case, with its audit event.
 * Written by staff (create) or proposed by the citizen in their portal (portal-money.service.ts); the
 * request's creator tells which.
 */
export async function insertDraftRequest(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseRow: CaseRecord,
  columns: RequestColumns,
): Promise<PurchaseRequestRow> {
  const row = await insertPurchaseRequest(tx, {
    municipality_id: caseRow.municipality_id,
    case_id: caseRow.id,
    request_number: await nextRequestNumber(tx, caseRow.id),
    status: 'draft',
    ...columns,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: caseRow.municipality_id,
    action: actor.role === 'citizen' ? 'purchase.propose' : 'purchase.create',
    entityType: 'purchase_request',
    entityId: row.id,
    after: {
      caseId: caseRow.id,
      number: row.request_number,
      amountOre: columns.amount_ore,
      category: columns.category,
    },
  });
  return row;
}

export async function payLocked(
  tx: Tx,
  actor: Actor,
  at: Date,
  locked: Locked,
  p: { paidOn: CalendarDate | undefined; reference: string; amount: Ore | undefined; batchId?: string },
): Promise<void> {
  const { request, caseRow } = locked;
  requireStep(request, 'pay');
  // A request in a payment file is paid when the file is marked sent, never by hand as well: the bank
  // would pay it twice.
  if (p.batchId === undefined) {
    const inFile = await tx
      .selectFrom('payment_batch_item')
      .select('batch_id')
      .where('purchase_request_id', '=', request.id)
      .executeTakeFirst();
    if (inFile)
      throw new Conflict(
        'Anmodningen er i en betalingsfil og betales, når filen markeres som sendt.',
        'in_payment_file',
      );
  }
  const { rows, balance } = await caseLedger(tx, caseRow.id);
  const settles = openReservation(rows.map(toLedgerEntry), request.id);
  const amount = p.amount ?? ore(request.amount_ore);
  const decision = canPay(balance, amount, settles);
  if (!decision.ok) throw new ValidationFailed({ amountKr: decision.error.message });
  const paidOn = notInFuture(p.paidOn ?? today(at), at, 'paidOn');
  await post(tx, actor, at, caseRow, {
    kind: 'payment',
    amount,
    settles,
    purchaseRequestId: request.id,
    paymentMethod: request.payment_method,
    paidOn,
    reference: p.reference,
    paymentBatchId: p.batchId ?? null,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: request.municipality_id,
    action: 'purchase.pay',
    entityType: 'purchase_request',
    entityId: request.id,
    before: { status: request.status },
    after: { status: 'paid', amountOre: amount, paidOn },
  });
  await updatePurchaseRequest(tx, request.id, { status: 'paid', updated_at: at });
}

export function createPurchaseService(deps: ServiceDeps) {
  const { database, clock } = deps;

  async function rulesOf(tx: Tx, programmeId: string) {
    const programme = await findProgramme(tx, programmeId);
    if (!programme) throw new NotFound();
    return toProgramme(programme).rules;
  }

  /** The request's own checks, against the programme's rules and the case's plan and vendors. */
  async function checkFields(tx: Tx, caseRow: CaseRecord, v: RequestFields, requestId: string | null) {
    const rules = await rulesOf(tx, caseRow.programme_id);
    const errors: Record<string, string> = {
      ...checkCategory(rules.categoryRules[v.category], v.justification),
    };
    if (v.subGoalId !== null) {
      const subGoal = isUuid(v.subGoalId)
        ? await tx
            .selectFrom('sub_goal')
            .select('id')
            .where('id', '=', v.subGoalId)
            .where('case_id', '=', caseRow.id)
            .executeTakeFirst()
        : undefined;
      if (!subGoal) errors.subGoalId = 'Vælg et af forløbets delmål.';
    }
    if (v.paymentMethod === 'direct_to_citizen') {
      if (v.vendorId !== null) errors.vendorId = 'En direkte overførsel til borgeren har ingen leverandør.';
      const transferred = await directTransfersOf(tx, caseRow.id, requestId);
      const problem = checkDirectTransfer(rules, v.amountKr, transferred);
      if (problem) errors.paymentMethod = problem;
    } else if (v.vendorId === null) {
      errors.vendorId = 'Vælg en leverandør fra listen.';
    } else {
      const vendor = isUuid(v.vendorId) ? await findVendor(tx, v.vendorId) : undefined;
      if (!vendor || !vendor.active || vendor.municipality_id !== caseRow.municipality_id) {
        errors.vendorId = 'Vælg en leverandør fra listen.';
      } else if (v.paymentMethod === 'bank_transfer' && !vendor.iban && !vendor.bank_account) {
        errors.paymentMethod = 'Leverandøren har ingen bankkonto på listen. Vælg en anden betalingsmåde.';
      }
    }
    if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
  }

  /** What the case's other direct transfers to the citizen hold (approved or paid, net of refunds). */
  async function directTransfersOf(tx: Tx, caseId: string, exceptId: string | null): Promise<Ore> {
    const rows = await tx
      .selectFrom('purchase_request')
      .select(['id', 'amount_ore'])
      .where('case_id', '=', caseId)
      .where('payment_method', '=', 'direct_to_citizen')
      .where('status', 'in', ['approved', 'paid'])
      .execute();
    return ore(rows.filter((r) => r.id !== exceptId).reduce((sum, r) => sum + r.amount_ore, 0));
  }

  function columnsOf(v: RequestFields) {
    return {
      title: v.title,
      purpose: v.purpose,
      amount_ore: v.amountKr,
      category: v.category,
      justification: v.justification,
      sub_goal_id: v.subGoalId,
      vendor_id: v.vendorId,
      payment_method: v.paymentMethod,
      links: v.links ?? '',
    };
  }

  /** Moves a request on, with its audit event (and whatever the caller posted to the ledger). */
  async function moveOn(
    tx: Tx,
    actor: Actor,
    at: Date,
    { request }: Locked,
    action: PurchaseAction,
    columns: Parameters<typeof updatePurchaseRequest>[2] = {},
    audit: Record<string, unknown> = {},
  ): Promise<void> {
    const status = NEXT_STATUS[action];
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
  function step<T>(
    actor: Actor,
    action: Action,
    requestId: string,
    fn: (tx: Tx, locked: Locked, at: Date) => Promise<T>,
  ): Promise<T> {
    authorize(actor, action);
    const municipalityId = ownMunicipality(actor);
    const at = clock.now();
    return database.transaction({ municipalityId }, async (tx) =>
      fn(tx, await lockRequest(tx, actor, action, requestId), at),
    );
  }

  return {
    /** A new draft on the case; returns its id. Drafts may be written from the lead-in on. */
    async create(actor: Actor, caseId: string, input: unknown): Promise<string> {
      authorize(actor, 'purchase.write');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(PurchaseRequestInput, input);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const caseRow = await loadCase(tx, actor, 'purchase.write', caseId, true);
        requireOpenForRequests(caseRow);
        await checkFields(tx, caseRow, v, null);
        return (await insertDraftRequest(tx, actor, at, caseRow, columnsOf(v))).id;
      });
    },

    /** A draft rewritten. */
    async update(actor: Actor, requestId: string, input: unknown): Promise<void> {
      const v = parseInput(PurchaseRequestInput, input);
      await step(actor, 'purchase.write', requestId, async (tx, locked, at) => {
        requireStep(locked.request, 'edit');
        await checkFields(tx, locked.caseRow, v, locked.request.id);
        // The citizen confirmed the request as it was: a changed request needs their word again.
        await moveOn(
          tx,
          actor,
          at,
          locked,
          'edit',
          { ...columnsOf(v), citizen_confirmed_on: null, citizen_confirmed_how: null },
          { amountOre: v.amountKr },
        );
      });
    },

    /** The citizen's confirmation, given in person (recorded by staff) or in the portal. */
    async confirm(actor: Actor, requestId: string, input: unknown = {}): Promise<void> {
      const v = parseInput(ConfirmInput, input);
      await step(actor, 'purchase.write', requestId, async (tx, locked, at) => {
        requireStep(locked.request, 'submit');
        const on = notInFuture(v.date ?? today(at), at, 'date');
        await moveOn(
          tx,
          actor,
          at,
          locked,
          'edit',
          { citizen_confirmed_on: on, citizen_confirmed_how: v.how },
          {
            confirmedOn: on,
            how: v.how,
          },
        );
      });
    },

    /**
     * The citizen confirms, in their portal, a request written on their behalf (issue 6). Only a
     * request of their own case (ownCase, from the log-in); any other id is NotFound, as a missing one.
     */
    async confirmInPortal(actor: Actor, requestId: string): Promise<void> {
      authorize(actor, 'portal.use');
      const municipalityId = ownMunicipality(actor);
      const at = clock.now();
      await database.transaction({ municipalityId }, async (tx) => {
        const caseRow = await ownCase(tx, actor, true);
        const request = isUuid(requestId) ? await findPurchaseRequest(tx, requestId) : undefined;
        if (request?.case_id !== caseRow.id) throw new NotFound();
        requireStep(request, 'submit');
        if (request.citizen_confirmed_on !== null) return;
        const on = today(at);
        await moveOn(
          tx,
          actor,
          at,
          { caseRow, request },
          'edit',
          { citizen_confirmed_on: on, citizen_confirmed_how: 'portal' },
          { confirmedOn: on, how: 'portal' },
        );
      });
    },

    /** Sent for approval on the citizen's behalf: needs their confirmation and an active case. */
    async submit(actor: Actor, requestId: string): Promise<void> {
      await step(actor, 'purchase.write', requestId, async (tx, locked, at) => {
        requireStep(locked.request, 'submit');
        requireActive(locked.caseRow, 'At sende en anmodning');
        if (locked.request.citizen_confirmed_on === null) {
          throw new Conflict('Borgeren skal bekræfte anmodningen, før den sendes.', 'not_confirmed');
        }
        await moveOn(tx, actor, at, locked, 'submit', { submitted_by: actor.userId, submitted_at: at });
      });
    },

    /**
     * Approval reserves the amount; four eyes above the programme's limit, and under
     * `planned_subgoals_only` nothing once the sub-goals are met (checkUnusedFunds).
     */
    async approve(actor: Actor, requestId: string): Promise<void> {
      await step(actor, 'purchase.approve', requestId, async (tx, locked, at) => {
        const { request, caseRow } = locked;
        requireStep(request, 'approve');
        requireActive(caseRow, 'At godkende en anmodning');
        const rules = await rulesOf(tx, caseRow.programme_id);
        const who = mayApprove({
          approverRole: actor.role,
          approverUserId: actor.userId,
          amount: ore(request.amount_ore),
          singleApprovalLimit: rules.singleApprovalLimit,
          createdBy: request.created_by,
          submittedBy: request.submitted_by,
        });
        if (!who.ok) throw new Conflict(who.message, who.code);
        if (rules.unusedFunds === 'planned_subgoals_only') {
          const subGoals = (await subGoalsOf(tx, caseRow.id)) as { status: SubGoalStatus }[];
          const unused = checkUnusedFunds(rules.unusedFunds, subGoals);
          if (!unused.ok) throw new Conflict(unused.message, unused.code);
        }
        if (request.payment_method === 'direct_to_citizen') {
          const problem = checkDirectTransfer(
            rules,
            ore(request.amount_ore),
            await directTransfersOf(tx, caseRow.id, request.id),
          );
          if (problem) throw new Conflict(problem, 'direct_transfer_limit');
        }
        const { balance } = await caseLedger(tx, caseRow.id);
        const decision = canReserve(balance, ore(request.amount_ore));
        if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
        await post(tx, actor, at, caseRow, {
          kind: 'reservation',
          amount: request.amount_ore,
          purchaseRequestId: request.id,
        });
        await moveOn(tx, actor, at, locked, 'approve', { decided_by: actor.userId, decided_at: at });
      });
    },

    async reject(actor: Actor, requestId: string, input: unknown): Promise<void> {
      const v = parseInput(ReasonInput, input);
      await step(actor, 'purchase.approve', requestId, async (tx, locked, at) => {
        requireStep(locked.request, 'reject');
        await moveOn(tx, actor, at, locked, 'reject', {
          decided_by: actor.userId,
          decided_at: at,
          rejection_reason: v.reason,
        });
      });
    },

    /** Cancelled before payment; an approved request's reservation is released. */
    async cancel(actor: Actor, requestId: string, input: unknown): Promise<void> {
      const v = parseInput(ReasonInput, input);
      await step(actor, 'purchase.write', requestId, async (tx, locked, at) => {
        const { request, caseRow } = locked;
        requireStep(request, 'cancel');
        if (request.status === 'approved') {
          const { rows, balance } = await caseLedger(tx, caseRow.id);
          const open = openReservation(rows.map(toLedgerEntry), request.id);
          const decision = canRelease(balance, open);
          if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
          await post(tx, actor, at, caseRow, {
            kind: 'reservation_release',
            amount: open,
            purchaseRequestId: request.id,
          });
        }
        await moveOn(tx, actor, at, locked, 'cancel', {
          cancelled_by: actor.userId,
          cancelled_at: at,
          cancellation_reason: v.reason,
        });
      });
    },

    /**
     * Finance registers that the money left, with its date and reference (spec: Payments): the
     * reservation becomes the payment. The invoice may differ from the approved amount; the whole
     * reservation is settled either way, and a larger invoice needs room in the available amount.
     */
    async pay(actor: Actor, requestId: string, input: unknown): Promise<void> {
      const v = parseInput(PaymentInput, input);
      await step(actor, 'payment.register', requestId, (tx, locked, at) =>
        payLocked(tx, actor, at, locked, { paidOn: v.paidOn, reference: v.reference, amount: v.amountKr }),
      );
    },

    async refund(actor: Actor, requestId: string, input: unknown): Promise<void> {
      const v = parseInput(RefundInput, input);
      await step(actor, 'payment.register', requestId, async (tx, locked, at) => {
        const { request, caseRow } = locked;
        requireStep(request, 'refund');
        const { rows, balance } = await caseLedger(tx, caseRow.id);
        const paid = rows
          .filter((r) => r.purchase_request_id === request.id && r.kind === 'payment')
          .reduce((sum, r) => sum + r.amount_ore, 0);
        // A request is refunded once, up to its own payment (canRefund bounds by what it is given).
        const decision = canRefund({ ...balance, paid: ore(paid), refunded: ore(0) }, v.amountKr);
        if (!decision.ok) throw new ValidationFailed({ amountKr: decision.error.message });
        const on = notInFuture(v.refundedOn ?? today(at), at, 'refundedOn');
        await post(tx, actor, at, caseRow, {
          kind: 'refund',
          amount: v.amountKr,
          purchaseRequestId: request.id,
          paidOn: on,
          reference: v.reference,
        });
        await moveOn(tx, actor, at, locked, 'refund', {}, { refundedOre: v.amountKr, on });
      });
    },

    /** The case's requests, newest first (for the case page and the API). */
    async listForCase(actor: Actor, caseId: string): Promise<PurchaseRequestRow[]> {
      authorize(actor, 'budget.read');
      const municipalityId = ownMunicipality(actor);
      return database.transaction({ municipalityId }, async (tx) => {
        const caseRow = await loadCase(tx, actor, 'budget.read', caseId);
        return requestsOfCase(tx, caseRow.id);
      });
    },
  };
}
