import { subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { Conflict } from '../../domain/errors.ts';
import { canReserve } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import type { SubGoalStatus } from '../../domain/plan.ts';
import { checkDirectTransfer, checkUnusedFunds, mayApprove } from '../../domain/purchase-request.ts';
import { message } from '../../i18n/index.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { rulesOf } from '../cases/programme.service.ts';
import { caseLedger, post, releaseReservation } from './ledger-record.ts';
import { ReasonInput } from './money.schemas.ts';
import { endVoucherOf, issueVoucher } from './voucher-issue.ts';
import { requireActive, requireStep, directTransfersOf, moveOn, runStep } from './purchase-record.ts';

// Deciding on a request (spec: Approval; spec: Request lifecycle): approval reserves the amount, a
// rejection gives the reason, a cancellation releases an approved request's reservation.

/**
 * Approval reserves the amount; four eyes above the programme's limit, and under
 * `planned_subgoals_only` nothing once the sub-goals are met (checkUnusedFunds).
 */
export async function approve(deps: ServiceDeps, actor: Actor, requestId: string): Promise<void> {
  await runStep(deps, actor, 'purchase.approve', requestId, async (tx, locked, at) => {
    const { request, caseRow } = locked;
    requireStep(request, 'approve');
    requireActive(caseRow, message('error.money.approveNeedsActive'));
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
    if (request.payment_method === 'voucher') await issueVoucher(tx, actor, at, caseRow, request, rules);
    await moveOn(tx, actor, at, locked, 'approve', { decided_by: actor.userId, decided_at: at });
  });
}

export async function reject(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown,
): Promise<void> {
  const v = parseInput(ReasonInput, input);
  await runStep(deps, actor, 'purchase.approve', requestId, async (tx, locked, at) => {
    requireStep(locked.request, 'reject');
    await moveOn(tx, actor, at, locked, 'reject', {
      decided_by: actor.userId,
      decided_at: at,
      rejection_reason: v.reason,
    });
  });
}

/** Cancelled before payment; an approved request's reservation is released. */
export async function cancel(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown,
): Promise<void> {
  const v = parseInput(ReasonInput, input);
  await runStep(deps, actor, 'purchase.write', requestId, async (tx, locked, at) => {
    const { request, caseRow } = locked;
    requireStep(request, 'cancel');
    if (request.payment_method === 'voucher') await endVoucherOf(tx, actor, at, request, 'cancelled');
    if (request.status === 'approved') await releaseReservation(tx, actor, at, caseRow, request.id);
    await moveOn(tx, actor, at, locked, 'cancel', {
      cancelled_by: actor.userId,
      cancelled_at: at,
      cancellation_reason: v.reason,
    });
  });
}
