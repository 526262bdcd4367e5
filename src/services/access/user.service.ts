import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import { usersWithSecondFactor } from '../../db/repositories/second-factor.repository.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersOfMunicipality,
  usersQuery,
  setPassword,
  setResetCode,
  type UserRow,
} from '../../db/repositories/user.repository.ts';
import type { Tx } from '../../db/client.ts';
import { pageOfRows } from '../../db/paging.ts';
import { pagedRows, windowOf, type Paged } from '../paging.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findMunicipality, insertMunicipality } from '../../db/repositories/municipality.repository.ts';
import { insertDefaultProgramme } from '../../db/repositories/programme.repository.ts';
import { defaultProgrammeRules } from '../../domain/programme-rules.ts';
import { authorize, ownMunicipality } from './access.ts';
import { recordAudit } from '../audit.service.ts';
import { fieldErrors, parseInput } from '../form-fields.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { hashPassword, PASSWORD_MESSAGES, passwordProblem } from './password.ts';
import { isUuid } from '../ids.ts';
import { createThrottle } from './throttle.ts';
import { deactivateAccount } from './deactivation.ts';
import { keyedHash, newOneTimeCode, normaliseCode, safeEqual } from './tokens.ts';
import { CreateUserInput, FirstAdminInput, ResetPasswordInput, UserListInput } from './user.schemas.ts';
import { message } from '../../i18n/index.ts';

// A municipality's IT administrator manages the staff accounts of their municipality (spec: Roles): no case
// content. New users and forgotten passwords get a one-time code; the user chooses the password.

const CODE_VALID_MS = 72 * 60 * 60_000;

const EMAIL_TAKEN = message('field.user.emailTaken');

/** The one answer to a wrong one-time code, whatever was wrong. */
export const CODE_FAILED = message('error.access.codeFailed');

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
  hasPendingCode: boolean;
  /** Has a second factor the administrator may reset (spec: Staff log-in); known on the users page. */
  hasSecondFactor?: boolean;
  /** Logs in with the municipality's own log-in: no password, so no one-time code either. */
  external: boolean;
}

export function createUserService(deps: ServiceDeps) {
  return {
    list: (actor: Actor) => listUsers(deps, actor),
    page: (actor: Actor, input: unknown) => pageOfUsers(deps, actor, input),
    nameOf: (actor: Actor, userId: string) => staffNameOf(deps, actor, userId),
    assertMayCreate,
    create: (actor: Actor, input: unknown) => createUser(deps, actor, input),
    getForDeactivation: (actor: Actor, userId: string) => userForDeactivation(deps, actor, userId),
    deactivate: (actor: Actor, userId: string) => deactivateStaffUser(deps, actor, userId),
    issueResetCode: (actor: Actor, userId: string) => issueResetCode(deps, actor, userId),
    createFirstAdmin: (input: unknown) => createFirstAdmin(deps, input),
    resetPassword: (input: unknown, address: string) => resetPassword(deps, input, address),
  };
}

async function listUsers(deps: ServiceDeps, actor: Actor): Promise<UserView[]> {
  const { database } = deps;
  authorize(actor, 'user.list');
  const municipalityId = ownMunicipality(actor);
  const rows = await database.transaction({ municipalityId }, (tx) =>
    listUsersOfMunicipality(tx, municipalityId),
  );
  return rows.map(toView);
}

/** One page of the staff users (spec: Lists), filtered by role, active or not, and name or e-mail. */
async function pageOfUsers(deps: ServiceDeps, actor: Actor, input: unknown): Promise<Paged<UserView>> {
  authorize(actor, 'user.list');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(UserListInput, input);
  const filter = {
    role: o.role ?? undefined,
    active: o.status === null ? undefined : o.status === 'active',
    search: o.q ?? undefined,
  };
  const window = windowOf(o);
  const { rows, enrolled } = await deps.database.transaction({ municipalityId }, async (tx) => {
    const found = await pageOfRows(usersQuery(tx, municipalityId, filter, o.sort), window);
    return {
      rows: found,
      enrolled: await usersWithSecondFactor(
        tx,
        found.rows.map((u) => u.id),
      ),
    };
  });
  return pagedRows(rows, window.size, (u) => ({ ...toView(u), hasSecondFactor: enrolled.has(u.id) }));
}

/** A staff user's name, wherever in the list they are; null when there is none such. */
async function staffNameOf(deps: ServiceDeps, actor: Actor, userId: string): Promise<string | null> {
  authorize(actor, 'user.list');
  const municipalityId = ownMunicipality(actor);
  const user = await deps.database.transaction({ municipalityId }, (tx) =>
    staffUserIn(tx, userId, municipalityId),
  );
  return user?.name ?? null;
}

/** For the empty "new user" form: answers NotFound to anyone who may not create users. */
function assertMayCreate(actor: Actor): void {
  authorize(actor, 'user.create');
}

/** Creates a staff user and returns the one-time code they use to choose a password. */
async function createUser(
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<{ user: UserView; code: string }> {
  const { database, clock } = deps;
  authorize(actor, 'user.create');
  const municipalityId = ownMunicipality(actor);
  const parsed = CreateUserInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const { name, email, role } = parsed.data;
  const now = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const row = await insertUser(tx, { municipalityId, email, name, role, passwordHash: null }).catch(
      (error: unknown) => {
        // E-mail addresses are unique across municipalities (they are the log-in).
        if (isUniqueViolation(error)) throw new ValidationFailed({ email: EMAIL_TAKEN });
        throw error;
      },
    );
    const code = await issueCode(deps, tx, row.id);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: { name, email, role },
    });
    return { user: toView({ ...row, reset_code_hash: 'set' }), code };
  });
}

/** One staff user of the actor's municipality, for the deactivation's confirmation page. */
async function userForDeactivation(deps: ServiceDeps, actor: Actor, userId: string): Promise<UserView> {
  const { database } = deps;
  authorize(actor, 'user.deactivate');
  const municipalityId = ownMunicipality(actor);
  if (userId === actor.userId) throw new NotFound();
  const user = await database.transaction({ municipalityId }, (tx) =>
    staffUserOf(tx, userId, municipalityId),
  );
  return toView(user);
}

async function deactivateStaffUser(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const { database, clock } = deps;
  authorize(actor, 'user.deactivate');
  const municipalityId = ownMunicipality(actor);
  if (userId === actor.userId) throw new Conflict(message('error.access.cannotDeactivateSelf'));
  const now = clock.now();
  await database.transaction({ municipalityId }, async (tx) => {
    const user = await staffUserOf(tx, userId, municipalityId);
    if (!user.active) return;
    await deactivateAccount(tx, actor, user, now, { before: { active: true }, after: { active: false } });
  });
}

async function issueResetCode(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<{ user: UserView; code: string }> {
  const { database, clock } = deps;
  authorize(actor, 'user.issueResetCode');
  const municipalityId = ownMunicipality(actor);
  const now = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const user = await staffUserOf(tx, userId, municipalityId);
    if (!user.active) throw new Conflict(message('error.access.userDeactivated'));
    // spec: Staff log-in with the municipality's log-in
    if (user.external_subject !== null) throw new Conflict(message('error.sso.noPassword'));
    const code = await issueCode(deps, tx, user.id);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'user.issueResetCode',
      entityType: 'user',
      entityId: user.id,
    });
    return { user: toView({ ...user, reset_code_hash: 'set' }), code };
  });
}

/**
 * The command line's way in for a new municipality: creates the municipality (and a programme with
 * the default rules) if it is new, and its first administrator, who gets a one-time code.
 */
async function createFirstAdmin(
  deps: ServiceDeps,
  input: unknown,
): Promise<{ municipalityId: number; email: string; code: string }> {
  const { database, clock } = deps;
  const parsed = FirstAdminInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const { municipalityCode: municipalityId, municipalityName, email, name } = parsed.data;
  const now = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    if (!(await findMunicipality(tx, municipalityId))) {
      if (!municipalityName) {
        throw new ValidationFailed({
          municipalityName: message('field.cli.municipalityName', { municipality: municipalityId }),
        });
      }
      await insertMunicipality(tx, municipalityId, municipalityName);
      const programmeId = await insertDefaultProgramme(tx, municipalityId, defaultProgrammeRules());
      await recordAudit(tx, null, now, {
        municipalityId,
        action: 'programme.create',
        entityType: 'programme',
        entityId: programmeId,
      });
    }
    const row = await insertUser(tx, {
      municipalityId,
      email,
      name,
      role: 'admin',
      passwordHash: null,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new ValidationFailed({ email: message('field.cli.userExists', { email }) });
      throw error;
    });
    const code = await issueCode(deps, tx, row.id);
    await recordAudit(tx, null, now, {
      municipalityId,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: { name, email, role: 'admin', source: 'cli' },
    });
    return { municipalityId, email, code };
  });
}

/** Public: sets a password with a one-time code. Ends the user's other sessions. */
async function resetPassword(deps: ServiceDeps, input: unknown, address: string): Promise<void> {
  const { database, clock } = deps;
  const parsed = ResetPasswordInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const { email, code, password } = parsed.data;
  const now = clock.now();
  const throttle = createThrottle(database, clock, deps.secrets.session);
  const keys = throttle.keys(`reset:${email}`, `address:${address}`);
  await throttle.reserve(keys);
  const user = await database.transaction('all', (tx) => findUserByEmail(tx, email));
  const valid =
    user?.active === true &&
    user.reset_code_hash !== null &&
    user.reset_code_expires_at !== null &&
    user.reset_code_expires_at > now &&
    safeEqual(user.reset_code_hash, codeHash(deps, code));
  if (!user || !valid) throw new ValidationFailed({ code: CODE_FAILED }, CODE_FAILED);
  // The right code: this attempt was no guess, whatever comes next (a weak password).
  await database.transaction('all', (tx) => throttle.clear(tx, keys));
  const problem = await passwordProblem(password, [user.email ?? '', user.name]);
  if (problem) throw new ValidationFailed({ password: PASSWORD_MESSAGES[problem] });
  const passwordHash = await hashPassword(password);
  await database.transaction('all', async (tx) => {
    await setPassword(tx, user.id, passwordHash);
    await endSessionsOfUser(tx, user.id, now);
    await recordAudit(tx, null, now, {
      municipalityId: user.municipality_id,
      action: 'user.setPassword',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

function codeHash(deps: ServiceDeps, code: string): string {
  return keyedHash(deps.secrets.session, `reset:${normaliseCode(code)}`);
}

async function issueCode(deps: ServiceDeps, tx: Tx, userId: string) {
  const code = newOneTimeCode();
  await setResetCode(tx, userId, codeHash(deps, code), new Date(deps.clock.now().getTime() + CODE_VALID_MS));
  return code;
}

async function staffUserOf(tx: Tx, userId: string, municipalityId: number): Promise<UserRow> {
  const user = await staffUserIn(tx, userId, municipalityId);
  if (!user) throw new NotFound();
  return user;
}

/** The municipality's staff user with this id, if any. */
async function staffUserIn(tx: Tx, userId: string, municipalityId: number): Promise<UserRow | undefined> {
  const user = isUuid(userId) ? await findUserById(tx, userId) : undefined;
  return user?.municipality_id === municipalityId && user.role !== 'citizen' ? user : undefined;
}

function toView(u: UserRow): UserView {
  return {
    id: u.id,
    name: u.name,
    // Staff always have an e-mail address (app_user_staff_email); only citizens may lack one.
    email: u.email ?? '',
    role: u.role as Role,
    active: u.active,
    createdAt: u.created_at,
    deactivatedAt: u.deactivated_at,
    hasPendingCode: u.reset_code_hash !== null,
    external: u.external_subject !== null,
  };
}
