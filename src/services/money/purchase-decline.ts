import { findPurchaseRequest, updatePurchaseRequest } from '../../db/repositories/money.repository.ts';
import { NotFound } from '../../domain/errors.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { ownCase } from '../portal/portal-case.ts';
import { waitsForConfirmation } from '../portal/portal-money.service.ts';
import { DeclineInput } from '../portal/portal.schemas.ts';
import { requireStep } from './purchase-record.ts';

// The citizen's "no" (spec: Citizen confirmation): a draft written on their behalf goes back to the
// support person, with the citizen's reason if they gave one. It stays a draft: the support person
// changes it (which asks the citizen again) or cancels it.

/**
 * The citizen says no, in their portal, to a request that waits for their word. Only a request of their
 * own case (from the log-in) that waits for them; anything else is NotFound. Saying no twice changes
 * nothing the second time.
 */
export async function declineInPortal(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, 'portal.use');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(DeclineInput, input);
  const at = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const caseRow = await ownCase(tx, actor, true);
    const request = isUuid(requestId) ? await findPurchaseRequest(tx, requestId) : undefined;
    if (request?.case_id !== caseRow.id) throw new NotFound();
    requireStep(request, 'submit');
    if (request.citizen_declined_at !== null) return;
    if (!waitsForConfirmation(request, actor)) throw new NotFound();
    await updatePurchaseRequest(tx, request.id, {
      citizen_declined_at: at,
      citizen_decline_reason: v.reason,
      updated_at: at,
    });
    // The reason is the citizen's own words: kept on the request, not copied into the audit log.
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: 'purchase.decline',
      entityType: 'purchase_request',
      entityId: request.id,
      before: { status: request.status },
      after: { status: request.status, declined: true, withReason: v.reason !== null },
    });
  });
}
