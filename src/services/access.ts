import { NotFound } from '../domain/errors.ts';
import { isAllowed, type Action } from '../domain/permissions.ts';
import type { Actor } from './context.ts';

// The one access module (STYLE.md §3, like immich's server/src/utils/access.ts). Every service entry
// point calls it before touching data. "Not allowed" is answered exactly like "not found" (SPEC §7), so
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
