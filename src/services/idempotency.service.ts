import { claimKey, completeKey, findKey, releaseKey } from '../db/repositories/idempotency.repository.ts';
import { Conflict } from '../domain/errors.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { scopeOf } from './context.ts';
import { keyedHash } from './tokens.ts';

// Every mutating request carries an idempotency key (a hidden form field, or the Idempotency-Key header
// of the API). The first request with a key does the work; a repeat gets the first answer back; the
// same key with a different request is refused (SPEC §3: a double-clicked form pays once).

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Claim = { kind: 'new' } | { kind: 'replay'; response: StoredResponse };

const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 100;

export class IdempotencyMismatch extends Conflict {
  constructor() {
    super('Nøglen er allerede brugt til en anden forespørgsel.', 'idempotency_mismatch');
  }
}

export function createIdempotencyService(deps: ServiceDeps) {
  const { database, clock } = deps;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    /**
     * Claims the key, or returns the stored answer of the first request with it. A repeat that arrives
     * while the first is still running waits for it (a double click), up to 10 s.
     */
    /**
     * The request's fingerprint: a keyed hash, because a form body may hold a CPR number, which a plain
     * hash would give away to anyone who can read the table (CPR numbers are few enough to try all).
     */
    fingerprint(method: string, path: string, body: string): string {
      return keyedHash(deps.secrets.session, `idempotency:${method} ${path}\n${body}`);
    },

    async claim(actor: Actor, key: string, fingerprint: string): Promise<Claim> {
      const scope = scopeOf(actor);
      const claimed = await database.transaction(scope, (tx) =>
        claimKey(tx, {
          userId: actor.userId,
          key,
          municipalityId: actor.municipalityId,
          fingerprint,
          at: clock.now(),
        }),
      );
      if (claimed) return { kind: 'new' };
      const deadline = Date.now() + WAIT_FOR_FIRST_MS;
      for (;;) {
        const row = await database.transaction(scope, (tx) => findKey(tx, actor.userId, key));
        if (!row) return this.claim(actor, key, fingerprint); // the first one failed and let go
        if (row.fingerprint !== fingerprint) throw new IdempotencyMismatch();
        if (row.state === 'done' && row.response_status !== null) {
          return {
            kind: 'replay',
            response: {
              status: row.response_status,
              headers: row.response_headers ?? {},
              body: row.response_body ?? '',
            },
          };
        }
        if (Date.now() > deadline)
          throw new Conflict('Din handling behandles allerede. Vent lidt, og genindlæs siden.');
        await sleep(POLL_MS);
      }
    },

    async complete(actor: Actor, key: string, response: StoredResponse): Promise<void> {
      await database.transaction(scopeOf(actor), (tx) => completeKey(tx, actor.userId, key, response));
    },

    /** A request that failed without effect lets go of its key, so it can be tried again. */
    async release(actor: Actor, key: string): Promise<void> {
      await database.transaction(scopeOf(actor), (tx) => releaseKey(tx, actor.userId, key));
    },
  };
}
