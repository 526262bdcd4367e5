import type { Tx } from '../../db/client.ts';
import { findCase, ownCaseIdOf, type CaseRecord } from '../../db/repositories/case.repository.ts';
import { NotFound } from '../../domain/errors.ts';
import { authorize, authorizeCase, ownMunicipality } from '../access/access.ts';
import { caseTarget, requireUnrestricted } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';

// How every use case of the citizen's portal finds its case: from the log-in
// (citizen.user_id), never from an id in the request, so a citizen cannot even name another person's
// case. Re-exported by portal.service.ts; kept apart so purchase-draft.ts can use it without a cycle.

/**
 * The citizen's own case: the open one, else the most recent. NotFound when the log-in has none (or
 * the actor is not a citizen). `lock` takes the case row for update, to serialise changes.
 */
export async function ownCase(tx: Tx, actor: Actor, lock = false): Promise<CaseRecord> {
  authorize(actor, 'portal.use');
  const municipalityId = ownMunicipality(actor);
  const found = await ownCaseIdOf(tx, actor.userId, municipalityId);
  const row = found ? await findCase(tx, found.id, lock) : undefined;
  if (!row) throw new NotFound();
  // The second wall: the access module agrees that this is the citizen's own case.
  authorizeCase(actor, 'portal.use', caseTarget(row));
  // A change (the lock) of a restricted case is refused, as for staff (spec: Restriction).
  if (lock) requireUnrestricted(row);
  return row;
}

/** One portal use case: the role checked, one transaction in the citizen's municipality, their case. */
export async function withOwnCase<T>(
  deps: ServiceDeps,
  actor: Actor,
  fn: (tx: Tx, row: CaseRecord, at: Date) => Promise<T>,
  lock = false,
): Promise<T> {
  authorize(actor, 'portal.use');
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) =>
    fn(tx, await ownCase(tx, actor, lock), at),
  );
}

/** `withOwnCase` bound to the services' dependencies. */
export function portalRunner(deps: ServiceDeps) {
  return <T>(actor: Actor, fn: (tx: Tx, row: CaseRecord, at: Date) => Promise<T>, lock = false): Promise<T> =>
    withOwnCase(deps, actor, fn, lock);
}
