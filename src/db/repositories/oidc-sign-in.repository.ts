import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../client.ts';
import type { OidcSignInTable } from '../schema.ts';

export type OidcSignInRow = Selectable<OidcSignInTable>;

export async function insertOidcSignIn(tx: Tx, values: Insertable<OidcSignInTable>): Promise<void> {
  await tx.insertInto('oidc_sign_in').values(values).execute();
}

/** The sign-in started with this `state`, deleted as it is read: each is used once. */
export function takeOidcSignIn(tx: Tx, stateHash: string): Promise<OidcSignInRow | undefined> {
  return tx.deleteFrom('oidc_sign_in').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}

/** Sign-ins the browser never came back from. */
export async function deleteExpiredOidcSignIns(tx: Tx, now: Date): Promise<void> {
  await tx.deleteFrom('oidc_sign_in').where('expires_at', '<=', now).execute();
}
