import type { Tx } from '../client.ts';

/** Claims the key for this user; returns false when it was claimed before. */
export async function claimKey(
  tx: Tx,
  k: { userId: string; key: string; municipalityId: number | null; fingerprint: string; at: Date },
): Promise<boolean> {
  const result = await tx
    .insertInto('idempotency_key')
    .values({
      user_id: k.userId,
      key: k.key,
      municipality_id: k.municipalityId,
      fingerprint: k.fingerprint,
      state: 'pending',
      response_status: null,
      response_headers: null,
      response_body: null,
      created_at: k.at,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export function findKey(tx: Tx, userId: string, key: string) {
  return tx
    .selectFrom('idempotency_key')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function completeKey(
  tx: Tx,
  userId: string,
  key: string,
  response: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await tx
    .updateTable('idempotency_key')
    .set({
      state: 'done',
      response_status: response.status,
      response_headers: JSON.stringify(response.headers),
      response_body: response.body,
    })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

export async function releaseKey(tx: Tx, userId: string, key: string): Promise<void> {
  await tx.deleteFrom('idempotency_key').where('user_id', '=', userId).where('key', '=', key).execute();
}
