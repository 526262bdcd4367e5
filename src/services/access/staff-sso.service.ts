import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { endMunicipalitySessionsOf } from '../../db/repositories/session.repository.ts';
import {
  activeExternalUsersOf,
  deleteGroupRole,
  findSsoSettings,
  listGroupRoles,
  saveGroupRole,
  saveSsoSettings,
} from '../../db/repositories/staff-sso.repository.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import { roleFromGroups, type GroupRole } from '../../domain/staff-sso.ts';
import { message } from '../../i18n/index.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { checkbox, optionalText, parseInput, plainText, say } from '../form-fields.ts';
import { authorize, ownMunicipality } from './access.ts';
import { changeRole, loseRole } from './staff-sso-users.ts';
import {
  issuerLogout,
  signInFromIssuer,
  type IssuerLogout,
  type IssuerMethod,
  type StaffIssuer,
} from './staff-sso-sign-in.ts';

// The municipality's own log-in for staff (spec: Staff log-in with the municipality's log-in): the
// administrator switches it on, says which value of the issuer's municipality claim is theirs, and maps
// the issuer's groups to roles. A change of the mapping applies at once to the users it made: a user left
// without a role is deactivated, and one whose role changes is logged out; both end their sessions.

export interface StaffSsoView {
  enabled: boolean;
  claimValue: string | null;
  mapping: GroupRole[];
}

const SettingsInput = z
  .object({
    enabled: checkbox,
    claimValue: optionalText(200),
  })
  .refine((v) => !v.enabled || v.claimValue !== null, {
    path: ['claimValue'],
    message: say('field.sso.claimValueNeeded'),
  });

const GroupRoleInput = z.object({
  group: plainText('single', 'field.sso.group').min(1, say('field.sso.group')).max(200, say('field.tooLong')),
  role: z.enum(MUNICIPAL_STAFF_ROLES, { error: say('field.user.role') }),
});

export function createStaffSsoService(deps: ServiceDeps) {
  return {
    view: (actor: Actor) => viewSettings(deps, actor),
    /** NotFound to anyone who may not manage it: asked before saying that the server does not know the issuer. */
    assertMayManage: (actor: Actor) => authorize(actor, 'sso.manage'),
    updateSettings: (actor: Actor, input: unknown) => updateSettings(deps, actor, input),
    setGroupRole: (actor: Actor, input: unknown) => setGroupRole(deps, actor, input),
    removeGroupRole: (actor: Actor, group: string) => removeGroupRole(deps, actor, group),
    /** The issuer's verified identity into a session, or the reason it is refused. */
    signIn: (claims: Readonly<Record<string, unknown>>, issuer: StaffIssuer) =>
      signInFromIssuer(deps, claims, issuer),
    /** The issuer's back-channel logout: ends the sessions it names; returns how many. */
    issuerLogout: (method: IssuerMethod, logout: IssuerLogout) => issuerLogout(deps, method, logout),
  };
}

async function viewSettings(deps: ServiceDeps, actor: Actor): Promise<StaffSsoView> {
  authorize(actor, 'sso.manage');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const settings = await findSsoSettings(tx, municipalityId);
    const mapping = await listGroupRoles(tx, municipalityId);
    return {
      enabled: settings?.enabled ?? false,
      claimValue: settings?.claim_value ?? null,
      mapping: mapping.map((m) => ({ group: m.group_name, role: m.role })),
    };
  });
}

/** On or off, and the claim value. Switched off, the sessions it started end at once. */
async function updateSettings(deps: ServiceDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, 'sso.manage');
  const municipalityId = ownMunicipality(actor);
  const { enabled, claimValue } = parseInput(SettingsInput, input);
  const now = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const before = await findSsoSettings(tx, municipalityId);
    await saveSsoSettings(tx, { municipalityId, enabled, claimValue, at: now }).catch((error: unknown) => {
      // Two municipalities cannot claim the same log-ins.
      if (isUniqueViolation(error)) {
        throw new ValidationFailed({ claimValue: message('field.sso.claimValueTaken') });
      }
      throw error;
    });
    if (before?.enabled && !enabled)
      await endMunicipalitySessionsOf(tx, municipalityId, 'municipal_sso', now);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'sso.updateSettings',
      entityType: 'municipality',
      entityId: String(municipalityId),
      before: before ? { enabled: before.enabled, claimValue: before.claim_value } : null,
      after: { enabled, claimValue },
    });
  });
}

/** Gives a group a role, or another role than it had. */
async function setGroupRole(deps: ServiceDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, 'sso.manage');
  const municipalityId = ownMunicipality(actor);
  const { group, role } = parseInput(GroupRoleInput, input);
  const now = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const before = await saveGroupRole(tx, { municipalityId, group, role, at: now });
    if (before === role) return;
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'sso.setGroupRole',
      entityType: 'municipality',
      entityId: String(municipalityId),
      before: before ? { group, role: before } : null,
      after: { group, role },
    });
    await applyMapping(tx, actor, municipalityId, now);
  });
}

async function removeGroupRole(deps: ServiceDeps, actor: Actor, group: string): Promise<void> {
  authorize(actor, 'sso.manage');
  const municipalityId = ownMunicipality(actor);
  const now = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const removed = await deleteGroupRole(tx, municipalityId, group);
    if (!removed) throw new NotFound();
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'sso.removeGroupRole',
      entityType: 'municipality',
      entityId: String(municipalityId),
      before: { group, role: removed.role },
    });
    await applyMapping(tx, actor, municipalityId, now);
  });
}

/**
 * The mapping as it now is, applied to the municipality's active users of its log-in from the groups of
 * their last log-in. The administrator cannot change their own role this way (nor lock themselves out):
 * the change is refused and nothing is kept.
 */
async function applyMapping(tx: Tx, actor: Actor, municipalityId: number, at: Date): Promise<void> {
  const mapping = (await listGroupRoles(tx, municipalityId)).map((m) => ({
    group: m.group_name,
    role: m.role,
  }));
  for (const user of await activeExternalUsersOf(tx, municipalityId)) {
    const groups = user.external_groups ?? [];
    const found = roleFromGroups(groups, mapping);
    if (found.kind === 'role' && found.role === user.role) continue;
    if (user.id === actor.userId) throw new Conflict(message('error.sso.ownRole'));
    if (found.kind === 'role') await changeRole(tx, actor, user, found.role, at);
    else await loseRole(tx, actor, user, groups, at);
  }
}
