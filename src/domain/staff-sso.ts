import type { MunicipalStaffRole } from './roles.ts';

// The role a user of the municipality's own log-in gets from their groups
// (spec: Staff log-in with the municipality's log-in). The administrator maps groups (or the issuer's app roles) to roles; several
// groups may give the same role. A user's groups must give exactly one role: groups that give two
// different roles are refused rather than ranked, because one role per person is what keeps approving a
// purchase and paying it in different hands (spec: Roles), and the issuer's groups are to be fixed there.

export interface GroupRole {
  group: string;
  role: MunicipalStaffRole;
}

export type RoleFromGroups =
  | { kind: 'role'; role: MunicipalStaffRole }
  | { kind: 'none' }
  | { kind: 'several'; roles: MunicipalStaffRole[] };

export function roleFromGroups(groups: readonly string[], mapping: readonly GroupRole[]): RoleFromGroups {
  const member = new Set(groups);
  const roles = [...new Set(mapping.filter((m) => member.has(m.group)).map((m) => m.role))].sort();
  if (roles.length === 0) return { kind: 'none' };
  if (roles.length > 1) return { kind: 'several', roles };
  return { kind: 'role', role: roles[0] as MunicipalStaffRole };
}

/**
 * A claim's groups as a list of names: the issuer sends an array of strings, or one string; anything else
 * (absent, Entra ID's overage marker) means no groups. At most 1,000 kept, each as sent.
 */
export function groupsOfClaim(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const names = list.filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= 200);
  return [...new Set(names)].slice(0, 1000);
}
