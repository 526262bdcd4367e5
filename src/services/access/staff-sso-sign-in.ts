import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { endIssuerSessions, endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import {
  findSsoMunicipalityByClaim,
  findUserByExternalIdentity,
  insertExternalUser,
  linkExternalIdentity,
  listGroupRoles,
  updateExternalUser,
} from '../../db/repositories/staff-sso.repository.ts';
import { findUserByEmail, type UserRow } from '../../db/repositories/user.repository.ts';
import type { MunicipalStaffRole } from '../../domain/roles.ts';
import type { AssuranceLevel, SessionMethod } from '../../domain/sign-in.ts';
import { groupsOfClaim, roleFromGroups } from '../../domain/staff-sso.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { startSession } from './auth.service.ts';
import { loseRole } from './staff-sso-users.ts';

// A staff user's log-in through the municipality's own log-in
// (spec: Staff log-in with the municipality's log-in), after the relying party (oidc.ts) has checked the ID token: which municipality (by the
// municipality claim, among those that switched it on), which role (by the groups through the mapping),
// which user (by issuer and subject; made at the first log-in, without a password), then a session.

/** The staff issuer as configured: its claim names and the level its sessions get. */
export interface StaffIssuer {
  municipalityClaim: string;
  groupsClaim: string;
  assurance: AssuranceLevel;
}

/** Why a log-in is refused; each has its own plain page. */
export const STAFF_SIGN_IN_REFUSALS = [
  'noMunicipality',
  'otherMunicipality',
  'noRole',
  'severalRoles',
  'deactivated',
  'noEmail',
  'emailTaken',
] as const;
export type StaffSignInRefusal = (typeof STAFF_SIGN_IN_REFUSALS)[number];

export type StaffSignIn =
  { kind: 'signedIn'; token: string; actor: Actor } | { kind: 'refused'; reason: StaffSignInRefusal };

const Identity = z.object({
  iss: z.string().min(1).max(500),
  sub: z.string().min(1).max(255),
  sid: z.string().min(1).max(500).optional().catch(undefined),
  name: z.string().trim().min(1).max(200).optional().catch(undefined),
  given_name: z.string().trim().max(100).optional().catch(undefined),
  family_name: z.string().trim().max(100).optional().catch(undefined),
  email: z.string().optional().catch(undefined),
  // Entra ID sends the user principal name here, which is often the e-mail address.
  preferred_username: z.string().optional().catch(undefined),
});

const Email = z.email().max(254);

/** The e-mail address among the claims, lower-cased; null when there is none. */
function emailOf(claims: z.infer<typeof Identity>): string | null {
  for (const candidate of [claims.email, claims.preferred_username]) {
    const parsed = Email.safeParse(candidate?.trim().toLowerCase());
    if (parsed.success) return parsed.data;
  }
  return null;
}

function nameOf(claims: z.infer<typeof Identity>, email: string): string {
  const given = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return (claims.name ?? (given || email)).slice(0, 200);
}

export async function signInFromIssuer(
  deps: ServiceDeps,
  claims: Readonly<Record<string, unknown>>,
  issuer: StaffIssuer,
): Promise<StaffSignIn> {
  const identity = Identity.parse(claims);
  const claimValue = claims[issuer.municipalityClaim];
  const groups = groupsOfClaim(claims[issuer.groupsClaim]);
  const refused = (reason: StaffSignInRefusal): StaffSignIn => ({ kind: 'refused', reason });
  if (typeof claimValue !== 'string' || claimValue === '') return refused('noMunicipality');
  const now = deps.clock.now();
  // No municipality is known until the claim is read: the look-ups span them, as a password log-in does.
  return deps.database.transaction('all', async (tx) => {
    const municipality = await findSsoMunicipalityByClaim(tx, claimValue);
    if (!municipality) return refused('noMunicipality');
    let user = await findUserByExternalIdentity(tx, identity.iss, identity.sub);
    if (user && user.municipality_id !== municipality.id) return refused('otherMunicipality');
    if (user && !user.active && !user.external_role_lost) return refused('deactivated');
    const mapping = (await listGroupRoles(tx, municipality.id)).map((m) => ({
      group: m.group_name,
      role: m.role,
    }));
    const found = roleFromGroups(groups, mapping);
    if (found.kind !== 'role') {
      if (user?.active) await loseRole(tx, null, user, groups, now);
      return refused(found.kind === 'none' ? 'noRole' : 'severalRoles');
    }
    const email = emailOf(identity);
    if (!email) return refused('noEmail');
    user ??= await adoptLocalUser(tx, email, municipality.id, identity, groups, now);
    const holder = await findUserByEmail(tx, email);
    if (holder && holder.id !== user?.id) return refused('emailTaken');
    const person = { name: nameOf(identity, email), email, role: found.role, groups };
    user = user
      ? await updateUser(tx, user, person, now)
      : await createUser(tx, { ...person, municipalityId: municipality.id, identity }, now);
    const source = { ...user, municipality_name: municipality.name };
    const session = await startSession(tx, source, now, {
      method: 'municipal_sso',
      assurance: issuer.assurance,
      issuerSession: identity.sid,
    });
    return { kind: 'signedIn', ...session };
  });
}

/**
 * The municipality's active local staff account with the e-mail address the issuer gives, taken over at
 * the user's first log-in with the municipality's log-in: the municipality's own log-in vouches for its
 * staff, and their accounts, history and cases stay theirs. The password goes.
 */
async function adoptLocalUser(
  tx: Tx,
  email: string,
  municipalityId: number,
  identity: { iss: string; sub: string },
  groups: readonly string[],
  at: Date,
): Promise<UserRow | undefined> {
  const local = await findUserByEmail(tx, email);
  if (
    local?.municipality_id !== municipalityId ||
    !local.active ||
    local.external_subject !== null ||
    local.role === 'citizen'
  ) {
    return undefined;
  }
  const linked = { issuer: identity.iss, subject: identity.sub, groups };
  await linkExternalIdentity(tx, local.id, linked);
  await recordAudit(tx, null, at, {
    municipalityId,
    action: 'user.ssoUpdate',
    entityType: 'user',
    entityId: local.id,
    before: { signIn: 'password' },
    after: { signIn: 'municipal_sso' },
  });
  return {
    ...local,
    external_issuer: identity.iss,
    external_subject: identity.sub,
    external_groups: [...groups],
    password_hash: null,
    reset_code_hash: null,
    reset_code_expires_at: null,
  };
}

interface Person {
  name: string;
  email: string;
  role: MunicipalStaffRole;
  groups: string[];
}

/** Just in time: the user is made at their first log-in, with no password. */
async function createUser(
  tx: Tx,
  p: Person & { municipalityId: number; identity: { iss: string; sub: string } },
  at: Date,
): Promise<UserRow> {
  const row = await insertExternalUser(tx, {
    ...p,
    issuer: p.identity.iss,
    subject: p.identity.sub,
  });
  await recordAudit(tx, null, at, {
    municipalityId: p.municipalityId,
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    after: { name: p.name, email: p.email, role: p.role, source: 'municipal_sso' },
  });
  return row;
}

/** What the issuer says now: name, e-mail, role, groups; active again if the mapping had left them none. */
async function updateUser(tx: Tx, user: UserRow, p: Person, at: Date): Promise<UserRow> {
  await updateExternalUser(tx, user.id, p);
  const before = { name: user.name, email: user.email, role: user.role, active: user.active };
  const after = { name: p.name, email: p.email, role: p.role, active: true };
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
  // A new role ends the sessions started with the old one (spec: Staff log-in with the municipality's log-in).
  if (changed.includes('role')) await endSessionsOfUser(tx, user.id, at);
  if (changed.length > 0) {
    await recordAudit(tx, null, at, {
      municipalityId: user.municipality_id,
      action: 'user.ssoUpdate',
      entityType: 'user',
      entityId: user.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  }
  return { ...user, ...p, active: true, deactivated_at: null, external_role_lost: false };
}

/** The two issuers' ways in: the staff issuer starts `municipal_sso` sessions, the citizens' `mitid`. */
export type IssuerMethod = Extract<SessionMethod, 'municipal_sso' | 'mitid'>;

/** A verified logout token's subject and session (OpenID Connect Back-Channel Logout 1.0, §2.4). */
export interface IssuerLogout {
  iss: string;
  sub?: string | undefined;
  sid?: string | undefined;
}

/**
 * The issuer's back-channel logout: ends the sessions it started with that `sid`, or with no `sid`, every
 * session it started for the user with that subject (staff only: a citizen's subject at the broker is not
 * kept, so the citizens' issuer must send `sid`). Returns how many sessions ended.
 */
export async function issuerLogout(
  deps: ServiceDeps,
  method: IssuerMethod,
  logout: IssuerLogout,
): Promise<number> {
  const now = deps.clock.now();
  return deps.database.transaction('all', async (tx) => {
    let ended: { user_id: string; municipality_id: number | null }[] = [];
    if (logout.sid !== undefined) {
      ended = await endIssuerSessions(tx, method, { issuerSession: logout.sid }, now);
    } else if (logout.sub !== undefined && method === 'municipal_sso') {
      const user = await findUserByExternalIdentity(tx, logout.iss, logout.sub);
      if (user) ended = await endIssuerSessions(tx, method, { userId: user.id }, now);
    }
    for (const userId of new Set(ended.map((s) => s.user_id))) {
      await recordAudit(tx, null, now, {
        municipalityId: ended.find((s) => s.user_id === userId)?.municipality_id ?? null,
        action: 'session.logout',
        entityType: 'user',
        entityId: userId,
        after: { by: 'issuer' },
      });
    }
    return ended.length;
  });
}
