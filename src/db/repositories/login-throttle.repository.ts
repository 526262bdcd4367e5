import type { Tx } from '../client.ts';

/**
 * The throttle rows of the keys, locked until the transaction ends; a key without a row gets one with
 * no failures first, so there is a row to lock. Locked in key order: two attempts sharing a key (an
 * address) wait for each other instead of deadlocking.
 */
export async function lockThrottles(tx: Tx, keyHashes: string[], at: Date) {
  await tx
    .insertInto('login_throttle')
    .values([...keyHashes].sort().map((key_hash) => ({ key_hash, failures: 0, last_failure_at: at })))
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
  return tx
    .selectFrom('login_throttle')
    .selectAll()
    .where('key_hash', 'in', keyHashes)
    .orderBy('key_hash')
    .forUpdate()
    .execute();
}

export async function setFailures(tx: Tx, keyHash: string, failures: number, at: Date): Promise<void> {
  await tx
    .updateTable('login_throttle')
    .set({ failures, last_failure_at: at })
    .where('key_hash', '=', keyHash)
    .execute();
}

export async function clearThrottles(tx: Tx, keyHashes: string[]): Promise<void> {
  await tx.deleteFrom('login_throttle').where('key_hash', 'in', keyHashes).execute();
}
