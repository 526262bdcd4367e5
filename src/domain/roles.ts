// The roles (spec: Roles). `citizen` logs in through the portal; the others are staff.
export const STAFF_ROLES = ['support', 'coordinator', 'finance', 'admin', 'evaluator'] as const;
export const ROLES = ['citizen', ...STAFF_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Every role belongs to one municipality, except the national evaluator (spec: Tenancy). */
export function isNationalRole(role: Role): boolean {
  return role === 'evaluator';
}

/** The roles a municipality's administrator may give to a user of their municipality. */
export const MUNICIPAL_STAFF_ROLES = [
  'support',
  'coordinator',
  'finance',
  'admin',
] as const satisfies readonly StaffRole[];
export type MunicipalStaffRole = (typeof MUNICIPAL_STAFF_ROLES)[number];
