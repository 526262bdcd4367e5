import type { Tx } from '../client.ts';

export function findThrottles(tx: Tx, keyHashes: string[]) {
  return tx.selectFrom('login_throttle').selectAll().where('key_hash', 'in', keyHashes).execute();
}

/** Counts one more failure; failures older than the window start again from one. */
export async function recordFailure(tx: Tx, keyHash: string, at: Date, windowStart: Date): Promise<void> {
  await tx
    .insertInto('login_throttle')
    .values({ key_hash: keyHash, failures: 1, last_failure_at: at })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_throttle.last_failure_at', '<', windowStart)
          .then(1)
          .else(eb('login_throttle.failures', '+', 1))
          .end(),
        last_failure_at: at,
      })),
    )
    .execute();
}

export async function clearThrottles(tx: Tx, keyHashes: string[]): Promise<void> {
  await tx.deleteFrom('login_throttle').where('key_hash', 'in', keyHashes).execute();
}
