import type { Tx } from '../../db/client.ts';
import { endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import { markExternalRoleLost, setExternalUserRole } from '../../db/repositories/staff-sso.repository.ts';
import type { UserRow } from '../../db/repositories/user.repository.ts';
import type { MunicipalStaffRole } from '../../domain/roles.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor } from '../context.ts';
import { deactivateAccount } from './deactivation.ts';

// What the mapping of the municipality's log-in does to a user it made
// (spec: Staff log-in with the municipality's log-in), whether the administrator changed the mapping or the user's groups changed.

/** A new role: the user is logged out, and meets it at their next log-in. */
export async function changeRole(
  tx: Tx,
  actor: Actor | null,
  user: UserRow,
  role: MunicipalStaffRole,
  at: Date,
): Promise<void> {
  await setExternalUserRole(tx, user.id, role);
  // The role is read at every request; the sessions end anyway, so the user meets the new role at a
  // new log-in rather than as pages that suddenly refuse them.
  await endSessionsOfUser(tx, user.id, at);
  await recordAudit(tx, actor, at, {
    municipalityId: user.municipality_id,
    action: 'user.ssoUpdate',
    entityType: 'user',
    entityId: user.id,
    before: { role: user.role },
    after: { role },
  });
}

/** No role (or several) from the mapping: deactivated and logged out, until a log-in gives one again. */
export async function loseRole(
  tx: Tx,
  actor: Actor | null,
  user: UserRow,
  groups: readonly string[],
  at: Date,
): Promise<void> {
  await deactivateAccount(tx, actor, user, at, {
    before: { active: true, role: user.role },
    after: { active: false, reason: 'municipal_sso_no_role' },
  });
  await markExternalRoleLost(tx, user.id, groups);
}
