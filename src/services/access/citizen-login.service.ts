import { z } from 'zod';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import { parseLoginName, type LoginName } from '../../domain/phone.ts';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findCitizenById, updateCitizen } from '../../db/repositories/citizen.repository.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import { endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import {
  findCitizenUserByCodeHash,
  findUserById,
  findUserByLogin,
  insertUser,
  setCitizenLogin,
  setResetCode,
  type UserRow,
} from '../../db/repositories/user.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import { offersCode } from '../../domain/sign-in.ts';
import { ownMunicipality } from './access.ts';
import { codeOffered } from './citizen-ways.ts';
import { recordAudit } from '../audit.service.ts';
import { startSession } from './auth.service.ts';
import { fieldErrors } from '../form-fields.ts';
import { loadCase } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { issue, plainText, say } from '../form-fields.ts';
import { hashPassword, PASSWORD_MESSAGES, passwordProblem } from './password.ts';
import { createThrottle } from './throttle.ts';
import { keyedHash, newOneTimeCode, normaliseCode, safeEqual } from './tokens.ts';
import { message } from '../../i18n/index.ts';

// The citizen's log-in to the portal (spec: Citizen log-in). The support person (or coordinator) of the case
// gives the citizen a one-time activation code, on screen or as a printed letter; with it the citizen
// chooses a mobile number or an e-mail address and a password. Lost access is restored the same way: a
// new code replaces the old one and ends the citizen's open sessions. The old password keeps working
// until the new code is used, so a code issued by mistake or a letter lost in the post locks nobody out.

/** A letter may take days to arrive and the citizen may need help to use it: two weeks. */
export const ACTIVATION_CODE_VALID_MS = 14 * 24 * 60 * 60_000;

/** The same answer for a wrong, used, replaced or expired code: the code is the only secret. */
export const ACTIVATION_FAILED = message('error.access.activationFailed');

const LOGIN_TAKEN = message('field.activate.loginTaken');
const CODE_NOT_OFFERED = message('mitid.onlyMitId');

const ActivateInput = z
  .object({
    code: plainText().min(1, say('field.activate.code')).max(40, say(ACTIVATION_FAILED.key)),
    login: plainText()
      .min(1, say('field.activate.login'))
      .max(254, say('field.activate.loginTooLong'))
      .transform((value, ctx): LoginName => {
        const name = parseLoginName(value);
        const valid = name?.kind === 'phone' || z.email().safeParse(name?.email).success;
        if (name && valid) return name;
        ctx.addIssue(issue(message('field.activate.loginFormat')));
        return z.NEVER;
      }),
    password: z.string().min(1, say('field.activate.password')).max(1024),
    passwordRepeat: z.string().min(1, say('field.activate.passwordRepeat')),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ['passwordRepeat'],
    message: say('field.activate.passwordsDiffer'),
  });

export interface ActivationCode {
  /** Shown once: only its keyed hash is stored. */
  code: string;
  expiresAt: Date;
  citizenName: string;
  /** The case's support person, or the one who issued the code when the case has none yet. */
  supportName: string;
}

export function createCitizenLoginService(deps: ServiceDeps) {
  return {
    issueActivationCode: (actor: Actor, caseId: string) => issueActivationCode(deps, actor, caseId),
    activate: (input: unknown, address: string) => activateCitizenLogin(deps, input, address),
  };
}

/**
 * A new activation code for the case's citizen: creates their portal account if they have none, and
 * replaces any older code. NotFound for anyone who does not work on the case.
 */
async function issueActivationCode(deps: ServiceDeps, actor: Actor, caseId: string): Promise<ActivationCode> {
  const { database, clock } = deps;
  const municipalityId = ownMunicipality(actor);
  const now = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    // Locked: two clicks at once must not give the citizen two accounts.
    const record = await loadCase(tx, actor, 'citizen.issueActivationCode', caseId, true);
    const programme = await findProgramme(tx, record.programme_id);
    if (programme && !offersCode(programme.citizen_sign_in)) {
      throw new Conflict(message('mitid.codeNotOffered'));
    }
    const citizen = await findCitizenById(tx, record.citizen_id);
    if (!citizen) throw new Error('A case without its citizen');
    const user = citizen.user_id
      ? await findUserById(tx, citizen.user_id)
      : await createCitizenUser(tx, actor, now, citizen);
    if (!user) throw new Error('A citizen linked to a missing user');
    if (!user.active) throw new Conflict(message('error.access.citizenAccessClosed'));
    const code = newOneTimeCode();
    const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_VALID_MS);
    await setResetCode(tx, user.id, codeHash(deps, code), expiresAt);
    // A new code usually means a lost phone or a forgotten password: whoever is logged in is sent out.
    await endSessionsOfUser(tx, user.id, now);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'citizen.issueActivationCode',
      entityType: 'citizen',
      entityId: citizen.id,
      after: { caseId: record.id, userId: user.id, expiresAt: expiresAt.toISOString() },
    });
    const support = record.support_user_id ? await findUserById(tx, record.support_user_id) : undefined;
    return { code, expiresAt, citizenName: citizen.name, supportName: support?.name ?? actor.name };
  });
}

/**
 * Public: the citizen uses their code to choose a log-in name and a password, and is logged in.
 * A wrong, used or expired code gets one generic message and counts as a failed log-in.
 */
async function activateCitizenLogin(
  deps: ServiceDeps,
  input: unknown,
  address: string,
): Promise<{ token: string; actor: Actor }> {
  const { database, clock } = deps;
  const throttle = createThrottle(database, clock, deps.secrets.session);
  const parsed = ActivateInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const { code, login, password } = parsed.data;
  const now = clock.now();
  // Only the address: until the code is checked there is no account to count against.
  const keys = throttle.keys(`address:${address}`);
  await throttle.reserve(keys);
  const hash = codeHash(deps, code);
  const user = await database.transaction('all', (tx) => findCitizenUserByCodeHash(tx, hash));
  const valid =
    user?.active === true &&
    user.reset_code_hash !== null &&
    user.reset_code_expires_at !== null &&
    user.reset_code_expires_at > now &&
    safeEqual(user.reset_code_hash, hash);
  if (!user || !valid) throw new ValidationFailed({ code: ACTIVATION_FAILED }, ACTIVATION_FAILED);
  // The right code: this attempt was no guess, whatever comes next (a weak password, a taken name).
  await database.transaction('all', (tx) => throttle.clear(tx, keys));
  // A programme that asks for MitID only: the code makes no password (spec: Citizen log-in).
  if (!(await database.transaction('all', (tx) => codeOffered(tx, user.id)))) {
    throw new ValidationFailed({ code: CODE_NOT_OFFERED }, CODE_NOT_OFFERED);
  }
  const loginText = login.kind === 'email' ? login.email : login.phone;
  const problem = await passwordProblem(password, [user.name, loginText]);
  if (problem) throw new ValidationFailed({ password: PASSWORD_MESSAGES[problem] });
  const passwordHash = await hashPassword(password);
  return database.transaction('all', async (tx) => {
    const holder = await findUserByLogin(tx, login);
    if (holder && holder.id !== user.id) throw new ValidationFailed({ login: LOGIN_TAKEN });
    const stored = await setCitizenLogin(tx, user.id, hash, {
      email: login.kind === 'email' ? login.email : null,
      phone: login.kind === 'phone' ? login.phone : null,
      passwordHash,
    }).catch((error: unknown) => {
      // Someone else took the same name in the same moment.
      if (isUniqueViolation(error)) throw new ValidationFailed({ login: LOGIN_TAKEN });
      throw error;
    });
    // Used in the same moment by another request: as if it had been used already.
    if (!stored) throw new ValidationFailed({ code: ACTIVATION_FAILED }, ACTIVATION_FAILED);
    await endSessionsOfUser(tx, user.id, now);
    const municipality = user.municipality_id ? await findMunicipality(tx, user.municipality_id) : undefined;
    const email = login.kind === 'email' ? login.email : null;
    const source = { ...user, email, municipality_name: municipality?.name ?? null };
    const session = await startSession(tx, source, now, { method: 'activation', assurance: 'low' });
    await recordAudit(tx, session.actor, now, {
      municipalityId: user.municipality_id,
      action: 'citizen.activate',
      entityType: 'user',
      entityId: user.id,
      after: { login: login.kind },
    });
    return session;
  });
}

// The same keyed hash as staff reset codes, with its own purpose, so neither code works for the other.
function codeHash(deps: ServiceDeps, code: string): string {
  return keyedHash(deps.secrets.session, `activation:${normaliseCode(code)}`);
}

/**
 * The citizen's portal account: no password and no log-in name until they activate it (or none at all
 * when they log in with MitID). `actor`: who made it, null when the citizen's first MitID log-in did.
 */
export async function createCitizenUser(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  citizen: { id: string; municipality_id: number; name: string },
): Promise<UserRow> {
  const user = await insertUser(tx, {
    municipalityId: citizen.municipality_id,
    email: null,
    name: citizen.name,
    role: 'citizen',
    passwordHash: null,
  });
  await updateCitizen(tx, citizen.id, { user_id: user.id });
  await recordAudit(tx, actor, at, {
    municipalityId: citizen.municipality_id,
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    // Ids only: the audit log outlives the citizen's name (spec: Retention).
    after: { role: 'citizen', citizenId: citizen.id },
  });
  return user;
}
