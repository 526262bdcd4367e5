import { NotFound } from '../../domain/errors.ts';
import { isAllowed, type Action } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';

// The one access module (conventions: One access module). Every service entry point calls it before
// touching data. "Not allowed" is answered exactly like "not found" (spec: Authorisation), so
// nobody learns that a user, programme or case of another municipality exists.

export interface Target {
  municipalityId: number | null;
}

export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (!isAllowed(actor.role, action)) throw new NotFound();
  if (target === undefined) return;
  // National roles see across municipalities; their permissions hold only aggregated, anonymous data.
  if (actor.municipalityId === null) return;
  if (target.municipalityId !== actor.municipalityId) throw new NotFound();
}

/** For service functions that act on the actor's own municipality. */
export function ownMunicipality(actor: Actor): number {
  if (actor.municipalityId === null) throw new NotFound();
  return actor.municipalityId;
}

/** What the access check needs to know about a case. */
export interface CaseTarget {
  municipalityId: number;
  /** The current support person; the previous ones have no access (spec: Case assignment). */
  supportUserId: string | null;
  /** The citizen's own portal log-in, if they have one. */
  citizenUserId: string | null;
}

/**
 * Role, municipality and case assignment (spec: Authorisation): the coordinator works on every case of their
 * municipality, the support person only on the cases where they are the current support person, the
 * citizen only on their own. Finance, admin and evaluator never see case content. Whatever the reason,
 * a refusal is NotFound.
 */
export function authorizeCase(actor: Actor, action: Action, target: CaseTarget): void {
  if (!isAllowed(actor.role, action) || !mayWorkOnCase(actor, target)) throw new NotFound();
}

/** Whether the actor may see the case at all (for lists: the caseload shows only these). */
export function mayWorkOnCase(actor: Actor, target: CaseTarget): boolean {
  if (actor.municipalityId === null || target.municipalityId !== actor.municipalityId) return false;
  switch (actor.role) {
    case 'coordinator':
      return true;
    case 'support':
      return target.supportUserId !== null && target.supportUserId === actor.userId;
    case 'citizen':
      return target.citizenUserId !== null && target.citizenUserId === actor.userId;
    case 'finance':
    case 'admin':
    case 'evaluator':
      return false;
  }
}

/** A citizen's personal data: the coordinator's, or that of someone who works on one of their cases. */
export function authorizeCitizen(
  actor: Actor,
  action: Action,
  citizen: Target,
  cases: readonly CaseTarget[],
): void {
  authorize(actor, action, citizen);
  if (actor.municipalityId === null) throw new NotFound();
  if (actor.role === 'coordinator') return;
  if (!cases.some((c) => mayWorkOnCase(actor, c))) throw new NotFound();
}
