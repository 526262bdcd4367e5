import type { DatabaseHandle, Tx } from '../../db/client.ts';
import { scopeOf, type Actor } from '../context.ts';

/**
 * One request, one transaction (ADR 0011): the credential is looked up in scope 'all' (the token is all
 * that is known yet), then the transaction works in the actor's scope for everything the request does —
 * a page's reads and their access-log rows, or the one command of a form post or API call, which joins
 * it without a savepoint. When the credential finds no one, the transaction ends there and `handle`
 * runs anonymous, outside it.
 */
export async function inRequestTransaction<F extends { actor: Actor }, T>(
  database: DatabaseHandle,
  lookUp: (tx: Tx) => Promise<F | null>,
  handle: (found: F | null) => Promise<T>,
): Promise<T> {
  const outcome = await database.transaction(
    'all',
    async (tx) => {
      const found = await lookUp(tx);
      if (!found) return null;
      const scope = scopeOf(found.actor);
      if (scope !== 'all') await database.rescope(scope);
      return { value: await handle(found) };
    },
    { savepoints: false },
  );
  return outcome ? outcome.value : handle(null);
}
