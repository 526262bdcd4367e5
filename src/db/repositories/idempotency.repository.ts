import type { Tx } from '../client.ts';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Takes the key for this user in the running transaction; false when it is taken already (by a command
 * that committed). A key older than `expiredBefore` is taken over as new. A concurrent duplicate waits
 * here until the first one's transaction ends.
 */
export async function claimKey(
  tx: Tx,
  k: { userId: string; key: string; municipalityId: number | null; fingerprint: string; at: Date },
  expiredBefore: Date,
): Promise<boolean> {
  const fresh = {
    municipality_id: k.municipalityId,
    fingerprint: k.fingerprint,
    response_status: null,
    response_headers: null,
    response_body: null,
    created_at: k.at,
  };
  const result = await tx
    .insertInto('idempotency_key')
    .values({ user_id: k.userId, key: k.key, ...fresh })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'key'])
        .doUpdateSet(fresh)
        .where('idempotency_key.created_at', '<', expiredBefore),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export function findKey(tx: Tx, userId: string, key: string) {
  return tx
    .selectFrom('idempotency_key')
    .select(['fingerprint', 'response_status', 'response_headers', 'response_body'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function storeResponse(
  tx: Tx,
  userId: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await tx
    .updateTable('idempotency_key')
    .set({
      response_status: response.status,
      response_headers: JSON.stringify(response.headers),
      response_body: response.body,
    })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Removes the keys taken before `before`; returns how many went. */
export async function removeExpiredKeys(tx: Tx, before: Date): Promise<number> {
  const result = await tx.deleteFrom('idempotency_key').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
