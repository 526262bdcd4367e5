import type { Role } from './roles.ts';

// One permission table (STYLE.md §3): which role may attempt which action. Whether the actor may do it
// to a particular thing (same municipality, assigned case) is checked by services/access.ts.
export const ACTIONS = [
  'user.list',
  'user.create',
  'user.deactivate',
  'user.issueResetCode',
  'programme.view',
  'programme.editRules',
  'audit.view',
  'report.viewMunicipality',
  'report.viewNational',
] as const;

export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, readonly Action[]> = {
  citizen: [],
  support: ['programme.view'],
  coordinator: ['programme.view', 'programme.editRules', 'audit.view', 'report.viewMunicipality'],
  finance: ['programme.view'],
  // IT administration: users and roles only, never case content (SPEC §2).
  admin: ['user.list', 'user.create', 'user.deactivate', 'user.issueResetCode'],
  // National, anonymised reports only; never a single person's data (SPEC §2).
  evaluator: ['report.viewNational'],
};

export function isAllowed(role: Role, action: Action): boolean {
  return TABLE[role].includes(action);
}

export function actionsOf(role: Role): readonly Action[] {
  return TABLE[role];
}
