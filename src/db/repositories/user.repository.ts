import type { Selectable } from 'kysely';
import type { Tx } from '../client.ts';
import type { LoginName } from '../../domain/phone.ts';
import type { AppUserTable } from '../schema.ts';
import type { UserSort } from '../../domain/list-orders.ts';
import { containsPattern } from '../paging.ts';

export type UserRow = Selectable<AppUserTable>;

export function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

/** By what a user logs in with: staff by e-mail, a citizen by e-mail or mobile number. */
export function findUserByLogin(tx: Tx, login: LoginName): Promise<UserRow | undefined> {
  return login.kind === 'email'
    ? findUserByEmail(tx, login.email)
    : tx.selectFrom('app_user').selectAll().where('phone', '=', login.phone).executeTakeFirst();
}

/** A citizen's pending activation code, found by its keyed hash (it is typed without a log-in name). */
export function findCitizenUserByCodeHash(tx: Tx, codeHash: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('app_user')
    .selectAll()
    .where('reset_code_hash', '=', codeHash)
    .where('role', '=', 'citizen')
    .executeTakeFirst();
}

export function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsersOfMunicipality(tx: Tx, municipalityId: number): Promise<UserRow[]> {
  return tx
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('role', '!=', 'citizen')
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
}

export interface UserListFilter {
  role?: string | undefined;
  /** Active or deactivated accounts only. */
  active?: boolean | undefined;
  /** The name or the e-mail address contains it. */
  search?: string | undefined;
}

/** The municipality's staff users, filtered, in order; each order ends in the id (db/paging.ts). */
export function usersQuery(tx: Tx, municipalityId: number, filter: UserListFilter, sort: UserSort) {
  let query = tx
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('role', '!=', 'citizen');
  if (filter.role !== undefined) query = query.where('role', '=', filter.role);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.search !== undefined) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  switch (sort) {
    case 'email':
      return query.orderBy('email').orderBy('id');
    case 'rolle':
      return query.orderBy('role').orderBy('name').orderBy('id');
    case 'oprettet':
      return query.orderBy('created_at', 'desc').orderBy('id');
    default:
      return query.orderBy('active', 'desc').orderBy('name').orderBy('id');
  }
}

export function insertUser(
  tx: Tx,
  user: {
    municipalityId: number | null;
    email: string | null;
    name: string;
    role: string;
    passwordHash: string | null;
  },
): Promise<UserRow> {
  return tx
    .insertInto('app_user')
    .values({
      municipality_id: user.municipalityId,
      email: user.email,
      phone: null,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      reset_code_hash: null,
      reset_code_expires_at: null,
      deactivated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deactivateUser(tx: Tx, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ active: false, deactivated_at: at, reset_code_hash: null, reset_code_expires_at: null })
    .where('id', '=', id)
    .execute();
}

/** Marks a user inactive and nothing else (a system user that never logs in). */
export async function markUserInactive(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('app_user').set({ active: false, deactivated_at: at }).where('id', '=', id).execute();
}

export async function setResetCode(tx: Tx, id: string, codeHash: string, expiresAt: Date): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ reset_code_hash: codeHash, reset_code_expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, reset_code_hash: null, reset_code_expires_at: null })
    .where('id', '=', id)
    .execute();
}

/**
 * A citizen's log-in chosen at activation: one log-in name (the other cleared), the password, and the
 * code used up. Only while the code is still the one given; false when it was used or replaced meanwhile.
 */
export async function setCitizenLogin(
  tx: Tx,
  id: string,
  codeHash: string,
  login: { email: string | null; phone: string | null; passwordHash: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('app_user')
    .set({
      email: login.email,
      phone: login.phone,
      password_hash: login.passwordHash,
      reset_code_hash: null,
      reset_code_expires_at: null,
    })
    .where('id', '=', id)
    .where('reset_code_hash', '=', codeHash)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The names of some users, by id (who wrote, decided or posted something). */
export async function userNamesOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('app_user').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of some users are citizens (a request a citizen proposed in their portal is marked as theirs). */
export async function citizenUsersAmong(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('app_user')
    .select('id')
    .where('id', 'in', ids)
    .where('role', '=', 'citizen')
    .execute();
  return new Set(rows.map((u) => u.id));
}
