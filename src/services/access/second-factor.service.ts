import type { Tx } from '../../db/client.ts';
import {
  deletePendingSignInsOfUser,
  deleteTotp,
  findTotp,
  unusedRecoveryCodes,
} from '../../db/repositories/second-factor.repository.ts';
import { endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';
import { recordAudit } from '../audit.service.ts';
import { scopeOf, type Actor, type ServiceDeps } from '../context.ts';
import { isUuid } from '../ids.ts';
import { authorize, ownMunicipality } from './access.ts';
import { createSecondFactorLogin } from './second-factor-login.ts';
import {
  confirmedSecret,
  confirmIn,
  parseCode,
  replaceRecoveryCodes,
  SECOND_FACTOR_FAILED,
  setupIn,
  startTotp,
  useCode,
  type TotpSetup,
} from './second-factor.ts';
import { createThrottle } from './throttle.ts';

// A second factor for local staff accounts (spec: Staff log-in; ADR 0015): a code from an authenticator
// app (TOTP, domain/totp.ts), or one of ten one-time recovery codes. Required for every local staff
// account in production, optional elsewhere. Enrolment, use, recovery and an administrator's reset are
// audited. The log-in's second step and every check of a code the user already has is throttled like the
// password (throttle.ts); those run outside a command, so a failure stays counted.

/** What the user's settings page shows. */
export interface SecondFactorStatus {
  /** A local account (with a password): the municipality's log-in and MitID have their own factors. */
  local: boolean;
  enrolled: boolean;
  /** A secret is being set up (enrolment started, no code typed yet). */
  settingUp: boolean;
  recoveryCodesLeft: number;
  /** Production requires it: it cannot be turned off. */
  required: boolean;
}

export function createSecondFactorService(deps: ServiceDeps) {
  return {
    status: (actor: Actor) => statusOf(deps, actor),
    start: (actor: Actor) => startEnrolment(deps, actor),
    setup: (actor: Actor) => setupOf(deps, actor),
    confirm: (actor: Actor, input: unknown) => confirmEnrolment(deps, actor, input),
    newRecoveryCodes: (actor: Actor, input: unknown, address: string) =>
      renewRecoveryCodes(deps, actor, input, address),
    turnOff: (actor: Actor, input: unknown, address: string) => turnOff(deps, actor, input, address),
    reset: (actor: Actor, userId: string) => resetForUser(deps, actor, userId),
    ...createSecondFactorLogin(deps),
  };
}

// The user's own settings.

async function statusOf(deps: ServiceDeps, actor: Actor): Promise<SecondFactorStatus> {
  authorize(actor, 'signIn.secondFactor');
  return deps.database.transaction(scopeOf(actor), async (tx) => {
    const user = await findUserById(tx, actor.userId);
    const row = await findTotp(tx, actor.userId);
    const enrolled = (await confirmedSecret(deps, tx, actor.userId)) !== null;
    return {
      local: !!user?.password_hash,
      enrolled,
      settingUp: !!row && !row.confirmed_at,
      recoveryCodesLeft: enrolled ? await unusedRecoveryCodes(tx, actor.userId) : 0,
      required: deps.production,
    };
  });
}

async function startEnrolment(deps: ServiceDeps, actor: Actor): Promise<void> {
  authorize(actor, 'signIn.secondFactor');
  const now = deps.clock.now();
  await deps.database.transaction(scopeOf(actor), async (tx) => {
    const user = await findUserById(tx, actor.userId);
    if (!user?.password_hash) throw new Conflict(message('error.access.secondFactorNotLocal'));
    if (await confirmedSecret(deps, tx, user.id)) {
      throw new Conflict(message('error.access.secondFactorAlreadyOn'));
    }
    await startTotp(deps, tx, user, now);
  });
}

async function setupOf(deps: ServiceDeps, actor: Actor): Promise<TotpSetup | null> {
  authorize(actor, 'signIn.secondFactor');
  return deps.database.transaction(scopeOf(actor), (tx) => setupIn(deps, tx, actor.userId, actor.email));
}

async function confirmEnrolment(deps: ServiceDeps, actor: Actor, input: unknown): Promise<string[]> {
  authorize(actor, 'signIn.secondFactor');
  const code = parseCode(input);
  const now = deps.clock.now();
  return deps.database.transaction(scopeOf(actor), async (tx) => {
    const codes = await confirmIn(deps, tx, actor.userId, actor.municipalityId, code, now);
    if (!codes) throw new ValidationFailed({ code: SECOND_FACTOR_FAILED }, SECOND_FACTOR_FAILED);
    await recordAudit(tx, actor, now, {
      municipalityId: actor.municipalityId,
      action: 'secondFactor.enrol',
      entityType: 'user',
      entityId: actor.userId,
    });
    return codes;
  });
}

async function renewRecoveryCodes(
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
  address: string,
): Promise<string[]> {
  authorize(actor, 'signIn.secondFactor');
  const now = deps.clock.now();
  return withCurrentCode(deps, actor, input, address, async (tx) => {
    const codes = await replaceRecoveryCodes(deps, tx, actor.userId, actor.municipalityId);
    await recordAudit(tx, actor, now, {
      municipalityId: actor.municipalityId,
      action: 'secondFactor.newRecoveryCodes',
      entityType: 'user',
      entityId: actor.userId,
    });
    return codes;
  });
}

async function turnOff(deps: ServiceDeps, actor: Actor, input: unknown, address: string): Promise<void> {
  authorize(actor, 'signIn.secondFactor');
  if (deps.production) throw new Conflict(message('error.access.secondFactorRequired'));
  const now = deps.clock.now();
  await withCurrentCode(deps, actor, input, address, async (tx) => {
    await deleteTotp(tx, actor.userId);
    await recordAudit(tx, actor, now, {
      municipalityId: actor.municipalityId,
      action: 'secondFactor.turnOff',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

/**
 * Runs `then` when `input` holds a right, unused code from the actor's app; throttled per account and
 * address like a log-in, outside any command, so a wrong code stays counted.
 */
async function withCurrentCode<T>(
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
  address: string,
  then: (tx: Tx) => Promise<T>,
): Promise<T> {
  const code = parseCode(input);
  const { database, clock } = deps;
  const throttle = createThrottle(database, clock, deps.secrets.session);
  const keys = throttle.keys(`account:${actor.email ?? actor.userId}`, `address:${address}`);
  await throttle.reserve(keys);
  const now = clock.now();
  const done = await database.transaction(scopeOf(actor), async (tx) => {
    if (!(await useCode(deps, tx, actor.userId, code, now, false))) return null;
    await throttle.clear(tx, keys);
    return { value: await then(tx) };
  });
  if (!done) throw new ValidationFailed({ code: SECOND_FACTOR_FAILED }, SECOND_FACTOR_FAILED);
  return done.value;
}

// The administrator's reset.

/**
 * Ends a staff user's second factor: their recovery codes, waiting log-ins and sessions go with it. They
 * enrol again at their next log-in (production) or may (elsewhere).
 */
async function resetForUser(deps: ServiceDeps, actor: Actor, userId: string): Promise<{ name: string }> {
  authorize(actor, 'user.resetSecondFactor');
  const municipalityId = ownMunicipality(actor);
  if (userId === actor.userId) throw new NotFound();
  const now = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const user = isUuid(userId) ? await findUserById(tx, userId) : undefined;
    if (user?.municipality_id !== municipalityId || user.role === 'citizen') throw new NotFound();
    if (!(await deleteTotp(tx, user.id))) {
      throw new Conflict(message('error.access.secondFactorNone', { name: user.name }));
    }
    await deletePendingSignInsOfUser(tx, user.id);
    await endSessionsOfUser(tx, user.id, now);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'secondFactor.reset',
      entityType: 'user',
      entityId: user.id,
    });
    return { name: user.name };
  });
}
