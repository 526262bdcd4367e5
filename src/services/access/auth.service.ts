import { z } from 'zod';
import { Unauthenticated, ValidationFailed } from '../../domain/errors.ts';
import { isNationalRole, ROLES } from '../../domain/roles.ts';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  sessionExpiresAt,
} from '../../domain/session-policy.ts';
import {
  endSession,
  findOpenSession,
  insertSession,
  touchSessions,
} from '../../db/repositories/session.repository.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import { findUserByLogin } from '../../db/repositories/user.repository.ts';
import { deferUntilCommit, type Tx } from '../../db/client.ts';
import { parseLoginName } from '../../domain/phone.ts';
import type { AssuranceLevel, SessionMethod } from '../../domain/sign-in.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { fieldErrors, plainText, say } from '../form-fields.ts';
import { codeOffered } from './citizen-ways.ts';
import { verifyPassword } from './password.ts';
import { secondStepOf, startPendingSignIn, type SecondStep } from './second-factor.ts';
import { createThrottle } from './throttle.ts';
import { inRequestTransaction } from './request-transaction.ts';
import { newToken, tokenHash } from './tokens.ts';
import { message } from '../../i18n/index.ts';

// Log-in with local accounts (ASVS 5.0 §6): one generic message whatever was wrong, the same work
// whether or not the account exists, and a growing wait after repeated failures (never a lock-out).

/** The one answer to a failed log-in, whatever failed: it must not tell which. */
export const LOGIN_FAILED = message('error.access.loginFailed');

// Staff log in by e-mail; a citizen by e-mail or mobile number (domain/phone.ts). The field keeps the
// name `email` (the form, its tests and clients post it) but holds either. Text that is neither is looked
// up as an e-mail address, so it fails like any unknown account.
const LoginInput = z.object({
  email: plainText().min(1, say('field.login.email')).max(254),
  password: z.string().min(1, say('field.login.password')).max(1024),
});

const PASSWORD_ONLY = { method: 'password', assurance: 'low' } as const;

/** How a session was started: the way, the level it gives, and the issuer's session id if any. */
export interface SessionStart {
  method: SessionMethod;
  assurance: AssuranceLevel;
  /** OpenID Connect `sid`: the issuer's back-channel logout names the session by it. */
  issuerSession?: string | undefined;
}

/**
 * The one place a verified identity becomes a session, whatever verified it (password, activation code,
 * MitID, the municipality's log-in): a new token at every log-in (no session fixation), only its hash
 * stored, the way and level recorded, and an audit entry.
 */
export async function startSession(
  tx: Tx,
  user: ActorSource,
  at: Date,
  start: SessionStart,
): Promise<{ token: string; actor: Actor }> {
  const token = newToken();
  const signIn = { method: start.method, assurance: start.assurance };
  const actor = { ...toActor(user), signIn };
  await insertSession(tx, {
    tokenHash: tokenHash(token),
    userId: user.id,
    municipalityId: user.municipality_id,
    at,
    ...signIn,
    issuerSession: start.issuerSession ?? null,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: user.municipality_id,
    action: 'session.login',
    entityType: 'user',
    entityId: user.id,
    after: signIn,
  });
  return { token, actor };
}

export interface AuthenticatedSession {
  actor: Actor;
  expiresAt: Date;
}

export function createAuthService(deps: ServiceDeps) {
  return {
    /** The log-in form: a session, or the second step a staff user's second factor asks for. */
    beginLogin: (input: unknown, address: string) => beginLogIn(deps, input, address),
    /** A session from a password alone, for an account with no second step (the benchmarks, tests). */
    login: (input: unknown, address: string) => logIn(deps, input, address),
    authenticate: (token: string, requestId?: string) => authenticateSession(deps, token, requestId),
    inSession: <T>(
      token: string,
      requestId: string | undefined,
      handle: (found: AuthenticatedSession | null) => Promise<T>,
    ) => inSession(deps, token, requestId, handle),
    keepAlive: (token: string) => keepAlive(deps, token),
    logout: (token: string, actor: Actor) => logout(deps, token, actor),
  };
}

/**
 * What the right password leads to: a session (a new token at every log-in: no session fixation), or,
 * for a staff user with a second factor (or, in production, without one yet), a log-in waiting for its
 * second step, behind a token for the browser's cookie (spec: Staff log-in).
 */
export type LoginStep =
  { kind: 'session'; token: string; actor: Actor } | { kind: SecondStep; pendingToken: string };

async function logIn(
  deps: ServiceDeps,
  input: unknown,
  address: string,
): Promise<{ token: string; actor: Actor }> {
  const step = await beginLogIn(deps, input, address);
  if (step.kind !== 'session') throw new Unauthenticated(LOGIN_FAILED);
  return step;
}

async function beginLogIn(deps: ServiceDeps, input: unknown, address: string): Promise<LoginStep> {
  const { database, clock } = deps;
  const throttle = createThrottle(database, clock, deps.secrets.session);
  const parsed = LoginInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error), LOGIN_FAILED);
  const { email: login, password } = parsed.data;
  const name = parseLoginName(login) ?? { kind: 'email', email: login.toLowerCase() };
  const now = clock.now();
  const account = name.kind === 'email' ? name.email : name.phone;
  const keys = throttle.keys(`account:${account}`, `address:${address}`);
  await throttle.reserve(keys);
  const user = await database.transaction('all', async (tx) => {
    const found = await findUserByLogin(tx, name);
    const municipality = found?.municipality_id
      ? await findMunicipality(tx, found.municipality_id)
      : undefined;
    return found && { ...found, municipality_name: municipality?.name ?? null };
  });
  const ok = await verifyPassword(user?.active ? user.password_hash : null, password);
  // The reservation counted this attempt as a failure; only the right password takes it back.
  if (!user || !ok) throw new Unauthenticated(LOGIN_FAILED);
  // A citizen whose programme asks for MitID only is told so, once the password is known to be right.
  if (user.role === 'citizen' && !(await database.transaction('all', (tx) => codeOffered(tx, user.id)))) {
    await database.transaction('all', (tx) => throttle.clear(tx, keys));
    throw new Unauthenticated(message('mitid.onlyMitId'));
  }
  return database.transaction('all', async (tx): Promise<LoginStep> => {
    const second = await secondStepOf(deps, tx, user);
    // The attempt stays counted until the second step is right too: a right password alone does not
    // buy more guesses at the code.
    if (second) return { kind: second, pendingToken: await startPendingSignIn(deps, tx, user, second, now) };
    await throttle.clear(tx, keys);
    return { kind: 'session', ...(await startSession(tx, user, now, PASSWORD_ONLY)) };
  });
}

/** The session behind a token, or null when it is unknown, ended, idle too long or too old. */
async function authenticateSession(
  deps: ServiceDeps,
  token: string,
  requestId?: string,
): Promise<AuthenticatedSession | null> {
  if (!plausible(token)) return null;
  return deps.database.transaction('all', (tx) => findSession(deps, tx, token, requestId));
}

/**
 * Runs `handle` with the session behind a token in the request's one transaction (request-transaction.ts):
 * the look-up, the touch, and all the request does; `handle(null)` outside it when there is no session.
 */
function inSession<T>(
  deps: ServiceDeps,
  token: string,
  requestId: string | undefined,
  handle: (found: AuthenticatedSession | null) => Promise<T>,
): Promise<T> {
  if (!plausible(token)) return handle(null);
  return inRequestTransaction(deps.database, (tx) => findSession(deps, tx, token, requestId), handle);
}

function plausible(token: string): boolean {
  return token.length >= 20 && token.length <= 100;
}

async function findSession(
  { clock }: ServiceDeps,
  tx: Tx,
  token: string,
  requestId: string | undefined,
): Promise<AuthenticatedSession | null> {
  const hash = tokenHash(token);
  const now = clock.now();
  const s = await findOpenSession(tx, hash);
  if (!s?.active) return null;
  const idle = now.getTime() - s.last_seen_at.getTime();
  const age = now.getTime() - s.created_at.getTime();
  if (idle > SESSION_IDLE_MS || age > SESSION_ABSOLUTE_MS) {
    await endSession(tx, hash, now);
    return null;
  }
  let lastSeen = s.last_seen_at;
  if (idle > SESSION_TOUCH_INTERVAL_MS) {
    // Written at the end of the request's transaction, and also when it rolls back (a refused form
    // is activity all the same): the idle time counts from this request.
    const touch = (t: Tx, hashes: string[]) => touchSessions(t, hashes, now);
    if (!deferUntilCommit(tx, 'session.touch', hash, touch, { evenOnRollback: true })) {
      await touch(tx, [hash]);
    }
    lastSeen = now;
  }
  const signIn = { method: s.method, assurance: s.assurance };
  const actor = { ...toActor({ ...s, id: s.user_id }), requestId, signIn };
  return { actor, expiresAt: sessionExpiresAt(s.created_at, lastSeen) };
}

/** Keeps the session alive (the "stay logged in" button of the idle warning). */
async function keepAlive(deps: ServiceDeps, token: string): Promise<Date | null> {
  const { database, clock } = deps;
  const hash = tokenHash(token);
  const now = clock.now();
  return database.transaction('all', async (tx) => {
    const s = await findOpenSession(tx, hash);
    if (!s?.active || now.getTime() - s.last_seen_at.getTime() > SESSION_IDLE_MS) return null;
    await touchSessions(tx, [hash], now);
    return sessionExpiresAt(s.created_at, now);
  });
}

async function logout(deps: ServiceDeps, token: string, actor: Actor): Promise<void> {
  const { database, clock } = deps;
  const now = clock.now();
  await database.transaction('all', async (tx) => {
    await endSession(tx, tokenHash(token), now);
    await recordAudit(tx, actor, now, {
      municipalityId: actor.municipalityId,
      action: 'session.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

export interface ActorSource {
  id: string;
  role: string;
  municipality_id: number | null;
  municipality_name: string | null;
  name: string;
  email: string | null;
}

const NATIONAL_AUTHORITY = 'Socialstyrelsen';

export function toActor(u: ActorSource): Actor {
  const role = z.enum(ROLES).parse(u.role);
  if (isNationalRole(role) !== (u.municipality_id === null))
    throw new Error('User with inconsistent municipality');
  return {
    userId: u.id,
    role,
    municipalityId: u.municipality_id,
    municipalityName: u.municipality_name ?? NATIONAL_AUTHORITY,
    name: u.name,
    email: u.email,
  };
}
