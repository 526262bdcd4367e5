import type { Tx } from '../../db/client.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import {
  findPendingSignIn,
  takePendingSignIn,
  unusedRecoveryCodes,
} from '../../db/repositories/second-factor.repository.ts';
import { findUserById, type UserRow } from '../../db/repositories/user.repository.ts';
import { Unauthenticated, ValidationFailed } from '../../domain/errors.ts';
import type { SessionMethod } from '../../domain/sign-in.ts';
import { message } from '../../i18n/index.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { startSession, type ActorSource } from './auth.service.ts';
import {
  confirmIn,
  parseCode,
  SECOND_FACTOR_FAILED,
  setupIn,
  useCode,
  type SecondStep,
  type TotpSetup,
} from './second-factor.ts';
import { createThrottle } from './throttle.ts';
import { tokenHash } from './tokens.ts';

// The log-in's second step (spec: Staff log-in; ADR 0015), public: the browser has the cookie of a log-in
// waiting after the right password, and no session. The code (or a recovery code), or in production
// enrolling first, makes the session: password_totp, substantial.

/** A password and a code from the app (or a recovery code): NSIS substantial. */
const WITH_SECOND_FACTOR = {
  method: 'password_totp' satisfies SessionMethod,
  assurance: 'substantial',
} as const;

export interface CompletedLogin {
  token: string;
  actor: Actor;
  /** Set when a recovery code was used: how many are left. */
  recoveryCodesLeft: number | null;
}

export function createSecondFactorLogin(deps: ServiceDeps) {
  return {
    /** The second step a waiting log-in is at, or null when it is unknown, used or too old. */
    pendingStep: (pendingToken: string) => pendingStep(deps, pendingToken),
    pendingSetup: (pendingToken: string) => pendingSetup(deps, pendingToken),
    completeLogin: (pendingToken: string, input: unknown, address: string) =>
      completeLogin(deps, pendingToken, input, address),
    completeEnrolment: (pendingToken: string, input: unknown, address: string) =>
      completeEnrolment(deps, pendingToken, input, address),
  };
}

async function pendingStep(deps: ServiceDeps, pendingToken: string): Promise<SecondStep | null> {
  const pending = await deps.database.transaction('all', (tx) =>
    findPendingSignIn(tx, tokenHash(pendingToken), deps.clock.now()),
  );
  return pending?.purpose ?? null;
}

async function pendingSetup(deps: ServiceDeps, pendingToken: string): Promise<TotpSetup | null> {
  return deps.database.transaction('all', async (tx) => {
    const pending = await findPendingSignIn(tx, tokenHash(pendingToken), deps.clock.now());
    if (pending?.purpose !== 'enrol') return null;
    const user = await findUserById(tx, pending.user_id);
    return user ? setupIn(deps, tx, user.id, user.email) : null;
  });
}

async function completeLogin(
  deps: ServiceDeps,
  pendingToken: string,
  input: unknown,
  address: string,
): Promise<CompletedLogin> {
  const code = parseCode(input);
  return secondStep(deps, pendingToken, 'code', address, async (tx, user, now) => {
    const used = await useCode(deps, tx, user.id, code, now, true);
    if (!used) return null;
    const session = await startSession(tx, user, now, WITH_SECOND_FACTOR);
    if (!used.recovery) return { ...session, recoveryCodesLeft: null };
    const left = await unusedRecoveryCodes(tx, user.id);
    await recordAudit(tx, session.actor, now, {
      municipalityId: user.municipality_id,
      action: 'secondFactor.useRecoveryCode',
      entityType: 'user',
      entityId: user.id,
      after: { recoveryCodesLeft: left },
    });
    return { ...session, recoveryCodesLeft: left };
  });
}

async function completeEnrolment(
  deps: ServiceDeps,
  pendingToken: string,
  input: unknown,
  address: string,
): Promise<{ token: string; actor: Actor; recoveryCodes: string[] }> {
  const code = parseCode(input);
  return secondStep(deps, pendingToken, 'enrol', address, async (tx, user, now) => {
    const codes = await confirmIn(deps, tx, user.id, user.municipality_id, code, now);
    if (!codes) return null;
    const session = await startSession(tx, user, now, WITH_SECOND_FACTOR);
    await recordAudit(tx, session.actor, now, {
      municipalityId: user.municipality_id,
      action: 'secondFactor.enrol',
      entityType: 'user',
      entityId: user.id,
    });
    return { ...session, recoveryCodes: codes };
  });
}

/**
 * The frame of a second step: the waiting log-in must be known, of this kind, not too old and its user
 * still active; the attempt is throttled under the same keys as the password; `check` makes the session
 * when the code is right (or answers null), and the waiting log-in is used up with it.
 */
async function secondStep<T>(
  deps: ServiceDeps,
  pendingToken: string,
  purpose: SecondStep,
  address: string,
  check: (tx: Tx, user: ActorSource, now: Date) => Promise<T | null>,
): Promise<T> {
  const { database, clock } = deps;
  const hash = tokenHash(pendingToken);
  const found = await database.transaction('all', async (tx) => {
    const pending = await findPendingSignIn(tx, hash, clock.now());
    const user = pending?.purpose === purpose ? await findUserById(tx, pending.user_id) : undefined;
    return user?.active ? await sessionSource(tx, user) : null;
  });
  if (!found) throw new Unauthenticated(message('error.access.secondFactorExpired'));
  const throttle = createThrottle(database, clock, deps.secrets.session);
  const keys = throttle.keys(`account:${found.email ?? found.id}`, `address:${address}`);
  await throttle.reserve(keys);
  const now = clock.now();
  const done = await database
    .transaction('all', async (tx) => {
      // Used once: taken first (its row locked), so a second request with it waits, then finds nothing.
      if (!(await takePendingSignIn(tx, hash))) return null;
      const result = await check(tx, found, now);
      // A wrong code gives the waiting log-in back (until it is too old): the user may type again.
      if (result === null) throw new WrongCode();
      await throttle.clear(tx, keys);
      return { result };
    })
    .catch((error: unknown) => {
      if (error instanceof WrongCode) return null;
      throw error;
    });
  if (!done) throw new ValidationFailed({ code: SECOND_FACTOR_FAILED }, SECOND_FACTOR_FAILED);
  return done.result;
}

/** Thrown inside a second step's transaction to undo the taking of its waiting log-in. */
class WrongCode extends Error {}

async function sessionSource(tx: Tx, user: UserRow): Promise<ActorSource> {
  const municipality = user.municipality_id ? await findMunicipality(tx, user.municipality_id) : undefined;
  return { ...user, municipality_name: municipality?.name ?? null };
}
