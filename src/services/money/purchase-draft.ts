import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  findPurchaseRequest,
  findVendor,
  insertPurchaseRequest,
  nextRequestNumber,
  type PurchaseRequestRow,
} from '../../db/repositories/money.repository.ts';
import { findSubGoalOfCase } from '../../db/repositories/plan.repository.ts';
import type { PurchaseRequestTable } from '../../db/schema-money.ts';
import { Conflict, NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { checkCategory, checkDirectTransfer } from '../../domain/purchase-request.ts';
import { message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { rulesOf } from '../cases/programme.service.ts';
import { voucherRefusal } from './voucher-issue.ts';
import { loadCase, notInFuture, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { ownCase } from '../portal/portal-case.ts';
import { ConfirmInput, PurchaseRequestInput } from './money.schemas.ts';
import {
  requireActive,
  requireStep,
  requireOpenForRequests,
  directTransfersOf,
  moveOn,
  runStep,
} from './purchase-record.ts';

// Writing a request (spec: Purchase requests; spec: Citizen confirmation): a numbered draft, rewritten
// while it is a draft, confirmed by the citizen (in person or in their portal) and submitted for approval.

type RequestFields = z.output<typeof PurchaseRequestInput>;

/** A yes replaces an earlier no (the citizen changed their mind, in person or in the portal). */
const NOT_DECLINED = { citizen_declined_at: null, citizen_decline_reason: null } as const;

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

/** The request's own checks, against the programme's rules and the case's plan and vendors. */
async function checkFields(tx: Tx, caseRow: CaseRecord, v: RequestFields, requestId: string | null) {
  const rules = await rulesOf(tx, caseRow.programme_id);
  const errors: FieldErrors = {
    ...checkCategory(rules.categoryRules[v.category], v.justification),
  };
  if (v.subGoalId !== null) {
    const subGoal = isUuid(v.subGoalId) ? await findSubGoalOfCase(tx, caseRow.id, v.subGoalId) : undefined;
    if (!subGoal) errors.subGoalId = message('field.purchase.subGoalId');
  }
  if (v.paymentMethod === 'voucher') {
    const refused = voucherRefusal(rules, v.category, v.vendorId);
    if (refused) errors[refused.field] = refused.message;
  }
  if (v.paymentMethod === 'direct_to_citizen') {
    if (v.vendorId !== null) errors.vendorId = message('field.purchase.directNoVendor');
    const transferred = await directTransfersOf(tx, caseRow.id, requestId);
    const problem = checkDirectTransfer(rules, v.amountKr, transferred);
    if (problem) errors.paymentMethod = problem;
  } else if (v.vendorId === null) {
    // A voucher without a vendor may be redeemed by any vendor on the list, where the programme allows.
    if (v.paymentMethod !== 'voucher') errors.vendorId = message('field.purchase.vendorId');
  } else {
    const vendor = isUuid(v.vendorId) ? await findVendor(tx, v.vendorId) : undefined;
    // Only an approved vendor may be chosen; a proposed one waits for finance (spec: Vendors).
    if (
      !vendor ||
      !vendor.active ||
      vendor.status !== 'approved' ||
      vendor.municipality_id !== caseRow.municipality_id
    ) {
      errors.vendorId = message('field.purchase.vendorId');
    } else if (v.paymentMethod === 'bank_transfer' && !vendor.iban && !vendor.bank_account) {
      errors.paymentMethod = message('field.purchase.vendorNoAccount');
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
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

/** A new draft on the case; returns its id. Drafts may be written from the lead-in on. */
export async function createDraft(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  input: unknown,
): Promise<string> {
  authorize(actor, 'purchase.write');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(PurchaseRequestInput, input);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const caseRow = await loadCase(tx, actor, 'purchase.write', caseId, true);
    requireOpenForRequests(caseRow);
    await checkFields(tx, caseRow, v, null);
    return (await insertDraftRequest(tx, actor, at, caseRow, columnsOf(v))).id;
  });
}

/** A draft rewritten. */
export async function updateDraft(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown,
): Promise<void> {
  const v = parseInput(PurchaseRequestInput, input);
  await runStep(deps, actor, 'purchase.write', requestId, async (tx, locked, at) => {
    requireStep(locked.request, 'edit');
    await checkFields(tx, locked.caseRow, v, locked.request.id);
    // The citizen confirmed the request as it was: a changed request needs their word again.
    await moveOn(
      tx,
      actor,
      at,
      locked,
      'edit',
      {
        ...columnsOf(v),
        citizen_confirmed_on: null,
        citizen_confirmed_how: null,
        // Changed after the citizen said no: it is put to them again.
        ...NOT_DECLINED,
      },
      { amountOre: v.amountKr },
    );
  });
}

/** The citizen's confirmation, given in person (recorded by staff) or in the portal. */
export async function confirm(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown = {},
): Promise<void> {
  const v = parseInput(ConfirmInput, input);
  await runStep(deps, actor, 'purchase.write', requestId, async (tx, locked, at) => {
    requireStep(locked.request, 'submit');
    const on = notInFuture(v.date ?? today(at), at, 'date');
    await moveOn(
      tx,
      actor,
      at,
      locked,
      'confirm',
      { citizen_confirmed_on: on, citizen_confirmed_how: v.how, ...NOT_DECLINED },
      {
        confirmedOn: on,
        how: v.how,
      },
    );
  });
}

/**
 * The citizen confirms, in their portal, a request written on their behalf (spec: Citizen confirmation). Only
 * a request of their own case (ownCase, from the log-in); any other id is NotFound, as a missing one.
 */
export async function confirmInPortal(deps: ServiceDeps, actor: Actor, requestId: string): Promise<void> {
  authorize(actor, 'portal.use');
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
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
      'confirm',
      { citizen_confirmed_on: on, citizen_confirmed_how: 'portal', ...NOT_DECLINED },
      { confirmedOn: on, how: 'portal' },
    );
  });
}

/** Sent for approval on the citizen's behalf: needs their confirmation and an active case. */
export async function submit(deps: ServiceDeps, actor: Actor, requestId: string): Promise<void> {
  await runStep(deps, actor, 'purchase.write', requestId, async (tx, locked, at) => {
    requireStep(locked.request, 'submit');
    requireActive(locked.caseRow, message('error.money.submitNeedsActive'));
    if (locked.request.citizen_confirmed_on === null) {
      throw new Conflict(message('error.money.notConfirmed'), 'not_confirmed');
    }
    await moveOn(tx, actor, at, locked, 'submit', { submitted_by: actor.userId, submitted_at: at });
  });
}
