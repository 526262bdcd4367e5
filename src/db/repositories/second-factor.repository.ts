import type { Insertable } from 'kysely';
import type { Tx } from '../client.ts';
import type { PendingSignInTable } from '../schema.ts';

// A staff user's second factor (spec: Staff log-in): the TOTP secret, the recovery codes' hashes, and the
// log-ins waiting for their second step.

export function findTotp(tx: Tx, userId: string) {
  return tx.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A new secret being set up: replaces any earlier one, confirmed or not, with its recovery codes. */
export async function putTotp(
  tx: Tx,
  row: { userId: string; municipalityId: number | null; secret: string; at: Date },
): Promise<void> {
  await deleteTotp(tx, row.userId);
  await tx
    .insertInto('user_totp')
    .values({
      user_id: row.userId,
      municipality_id: row.municipalityId,
      secret: row.secret,
      created_at: row.at,
      confirmed_at: null,
      last_step: null,
    })
    .execute();
}

/** Confirms the enrolment with its first code's step; false if it was not being set up. */
export async function confirmTotp(tx: Tx, userId: string, step: number, at: Date): Promise<boolean> {
  const done = await tx
    .updateTable('user_totp')
    .set({ confirmed_at: at, last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows === 1n;
}

/**
 * Records a confirmed enrolment's step as used, if no later or equal step was used before: false when
 * another request used it first (a replayed code), whichever app process took it.
 */
export async function useTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const done = await tx
    .updateTable('user_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return done.numUpdatedRows === 1n;
}

/** Removes the user's second factor and recovery codes; whether there was one (confirmed or not). */
export async function deleteTotp(tx: Tx, userId: string): Promise<boolean> {
  await tx.deleteFrom('user_totp_recovery_code').where('user_id', '=', userId).execute();
  const gone = await tx.deleteFrom('user_totp').where('user_id', '=', userId).executeTakeFirst();
  return gone.numDeletedRows > 0n;
}

/** Replaces the user's recovery codes. */
export async function putRecoveryCodes(
  tx: Tx,
  userId: string,
  municipalityId: number | null,
  hashes: string[],
): Promise<void> {
  await tx.deleteFrom('user_totp_recovery_code').where('user_id', '=', userId).execute();
  await tx
    .insertInto('user_totp_recovery_code')
    .values(
      hashes.map((code_hash) => ({
        user_id: userId,
        code_hash,
        municipality_id: municipalityId,
        used_at: null,
      })),
    )
    .execute();
}

/** Uses an unused recovery code, once, whichever process asks; false when there is no such code. */
export async function useRecoveryCode(tx: Tx, userId: string, hash: string, at: Date): Promise<boolean> {
  const done = await tx
    .updateTable('user_totp_recovery_code')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows === 1n;
}

export async function unusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('user_totp_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A new waiting log-in; those past their time go at the same time. */
export async function insertPendingSignIn(
  tx: Tx,
  row: Insertable<PendingSignInTable> & { created_at: Date },
): Promise<void> {
  await tx.deleteFrom('pending_sign_in').where('expires_at', '<', row.created_at).execute();
  await tx.insertInto('pending_sign_in').values(row).execute();
}

export function findPendingSignIn(tx: Tx, tokenHash: string, at: Date) {
  return tx
    .selectFrom('pending_sign_in')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

/** Uses the waiting log-in up: false when another request already did. */
export async function takePendingSignIn(tx: Tx, tokenHash: string): Promise<boolean> {
  const gone = await tx.deleteFrom('pending_sign_in').where('token_hash', '=', tokenHash).executeTakeFirst();
  return gone.numDeletedRows === 1n;
}

export async function deletePendingSignInsOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('pending_sign_in').where('user_id', '=', userId).execute();
}

/** Which of these users have a confirmed second factor. */
export async function usersWithSecondFactor(tx: Tx, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('user_totp')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('confirmed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
