import type { Selectable } from 'kysely';
import type { MunicipalStaffRole } from '../../domain/roles.ts';
import type { Tx } from '../client.ts';
import type { MunicipalitySsoTable, SsoGroupRoleTable } from '../schema.ts';
import type { UserRow } from './user.repository.ts';

// The municipality's own log-in for staff (spec: Staff log-in with the municipality's log-in): its
// settings, the group→role mapping, and the users it made.

export type SsoSettingsRow = Selectable<MunicipalitySsoTable>;
export type GroupRoleRow = Selectable<SsoGroupRoleTable>;

export function findSsoSettings(tx: Tx, municipalityId: number): Promise<SsoSettingsRow | undefined> {
  return tx
    .selectFrom('municipality_sso')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function saveSsoSettings(
  tx: Tx,
  s: { municipalityId: number; enabled: boolean; claimValue: string | null; at: Date },
): Promise<void> {
  const values = { enabled: s.enabled, claim_value: s.claimValue, updated_at: s.at };
  await tx
    .insertInto('municipality_sso')
    .values({ municipality_id: s.municipalityId, ...values })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
    .execute();
}

/** The municipality whose log-in is switched on with this claim value (across municipalities). */
export function findSsoMunicipalityByClaim(tx: Tx, claimValue: string) {
  return tx
    .selectFrom('municipality_sso as s')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .select(['m.id', 'm.name'])
    .where('s.claim_value', '=', claimValue)
    .where('s.enabled', '=', true)
    .executeTakeFirst();
}

export function listGroupRoles(tx: Tx, municipalityId: number): Promise<GroupRoleRow[]> {
  return tx
    .selectFrom('sso_group_role')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('group_name')
    .execute();
}

/** Gives a group a role, or another role; returns the role it had, if any. */
export async function saveGroupRole(
  tx: Tx,
  r: { municipalityId: number; group: string; role: MunicipalStaffRole; at: Date },
): Promise<MunicipalStaffRole | undefined> {
  const before = await tx
    .selectFrom('sso_group_role')
    .select('role')
    .where('municipality_id', '=', r.municipalityId)
    .where('group_name', '=', r.group)
    .forUpdate()
    .executeTakeFirst();
  await tx
    .insertInto('sso_group_role')
    .values({ municipality_id: r.municipalityId, group_name: r.group, role: r.role, created_at: r.at })
    .onConflict((oc) => oc.columns(['municipality_id', 'group_name']).doUpdateSet({ role: r.role }))
    .execute();
  return before?.role;
}

/** The removed row, if there was one. */
export function deleteGroupRole(
  tx: Tx,
  municipalityId: number,
  group: string,
): Promise<GroupRoleRow | undefined> {
  return tx
    .deleteFrom('sso_group_role')
    .where('municipality_id', '=', municipalityId)
    .where('group_name', '=', group)
    .returningAll()
    .executeTakeFirst();
}

export function findUserByExternalIdentity(
  tx: Tx,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  return tx
    .selectFrom('app_user')
    .selectAll()
    .where('external_issuer', '=', issuer)
    .where('external_subject', '=', subject)
    .executeTakeFirst();
}

/** The municipality's active users of its own log-in: a change of the mapping applies to them. */
export function activeExternalUsersOf(tx: Tx, municipalityId: number): Promise<UserRow[]> {
  return tx
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('external_subject', 'is not', null)
    .where('active', '=', true)
    .execute();
}

export function insertExternalUser(
  tx: Tx,
  u: {
    municipalityId: number;
    issuer: string;
    subject: string;
    name: string;
    email: string;
    role: MunicipalStaffRole;
    groups: readonly string[];
  },
): Promise<UserRow> {
  return tx
    .insertInto('app_user')
    .values({
      municipality_id: u.municipalityId,
      email: u.email,
      phone: null,
      name: u.name,
      role: u.role,
      password_hash: null,
      reset_code_hash: null,
      reset_code_expires_at: null,
      deactivated_at: null,
      external_issuer: u.issuer,
      external_subject: u.subject,
      external_groups: JSON.stringify(u.groups),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What a log-in tells about a known user: name, e-mail, role, groups; active again with a role. */
export async function updateExternalUser(
  tx: Tx,
  id: string,
  u: { name: string; email: string; role: MunicipalStaffRole; groups: readonly string[] },
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({
      name: u.name,
      email: u.email,
      role: u.role,
      external_groups: JSON.stringify(u.groups),
      active: true,
      deactivated_at: null,
      external_role_lost: false,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A local account taken over by the municipality's log-in: known from now on by the issuer and subject,
 * without a password or a pending one-time code.
 */
export async function linkExternalIdentity(
  tx: Tx,
  id: string,
  identity: { issuer: string; subject: string; groups: readonly string[] },
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({
      external_issuer: identity.issuer,
      external_subject: identity.subject,
      external_groups: JSON.stringify(identity.groups),
      password_hash: null,
      reset_code_hash: null,
      reset_code_expires_at: null,
    })
    .where('id', '=', id)
    .execute();
}

/** A role from a change of the mapping. */
export async function setExternalUserRole(tx: Tx, id: string, role: MunicipalStaffRole): Promise<void> {
  await tx.updateTable('app_user').set({ role }).where('id', '=', id).execute();
}

/** The mapping gives no role to a deactivated account; the groups are those of the log-in that found it. */
export async function markExternalRoleLost(tx: Tx, id: string, groups: readonly string[]): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({
      external_role_lost: true,
      external_groups: JSON.stringify(groups),
    })
    .where('id', '=', id)
    .execute();
}
