import type { Selectable } from 'kysely';
import type { Tx } from '../client.ts';
import type { AppUserTable } from '../schema.ts';

export type UserRow = Selectable<AppUserTable>;

export function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
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

export function insertUser(
  tx: Tx,
  user: {
    municipalityId: number | null;
    email: string;
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
