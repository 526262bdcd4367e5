import {
  claimKey,
  findKey,
  removeExpiredKeys,
  storeResponse,
  type StoredResponse,
} from '../db/repositories/idempotency.repository.ts';
import type { TransactionOptions, Tx } from '../db/client.ts';
import { changeAssuranceOf } from '../db/repositories/programme.repository.ts';
import { Conflict, SignInLevelTooLow } from '../domain/errors.ts';
import { meetsLevel } from '../domain/sign-in.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { scopeOf } from './context.ts';
import { keyedHash } from './access/tokens.ts';
import { message } from '../i18n/index.ts';

export type { StoredResponse };

// One command, one transaction (ADR 0011). Every state change an actor asks for — a form post, an API
// call — runs here in ONE database transaction holding its idempotency key, its locks, its effect, its
// audit events and access-log rows, and the response a repeat gets back. A crash at any instant leaves
// all of it or none of it: a retry with the same key then gets the stored response, or does the work
// once. A concurrent repeat waits on the first one's key row and then gets its response. A response
// that is an error (4xx/5xx) rolls the whole transaction back, so the key stays free for a corrected
// request.

/** How long a key is kept by default; a repeat after that is a new request. */
const DEFAULT_KEY_HOURS = 24;

export interface CommandKey {
  key: string;
  /** The request's fingerprint (see `fingerprint`): the same key with another request is refused. */
  fingerprint: string;
}

/** What the adapter made of the command: the response, and whether the effect is to be kept. */
export interface Performed {
  response: StoredResponse;
  keep: boolean;
}

export interface CommandOptions extends TransactionOptions {
  /**
   * A change to the actor's own sign-in (logging out, keeping the session alive, a second factor): it
   * needs no particular level, or nobody could ever raise theirs.
   */
  ownSignIn?: boolean;
}

export type Outcome = { kind: 'performed' } | { kind: 'replay'; response: StoredResponse };

export class IdempotencyMismatch extends Conflict {
  constructor() {
    super(message('error.command.idempotencyMismatch'), 'idempotency_mismatch');
  }
}

/**
 * Money and personal data change only at the level the municipality's programme asks for
 * (spec: Log-in and assurance). The app's own work (no sign-in) is not limited.
 */
async function requireSignInLevel(tx: Tx, actor: Actor): Promise<void> {
  if (!actor.signIn || actor.municipalityId === null) return;
  const required = await changeAssuranceOf(tx, actor.municipalityId);
  if (!meetsLevel(actor.signIn.assurance, required)) throw new SignInLevelTooLow();
}

/** Thrown inside the transaction to roll it back while still answering with the response. */
class RolledBack extends Error {}

export function createCommandService(deps: ServiceDeps) {
  const { database, clock } = deps;
  const keyMs = (deps.idempotencyKeyHours ?? DEFAULT_KEY_HOURS) * 3_600_000;
  const expiredBefore = (at: Date) => new Date(at.getTime() - keyMs);

  return {
    /**
     * The request's fingerprint: a keyed hash, because a form body may hold a CPR number, which a plain
     * hash would give away to anyone who can read the table (CPR numbers are few enough to try all).
     */
    fingerprint(method: string, path: string, body: string): string {
      return keyedHash(deps.secrets.session, `idempotency:${method} ${path}\n${body}`);
    },

    /**
     * Runs `perform` (the adapter's handling of the request, which calls the services and renders the
     * response) in one transaction with the key, or returns the stored response of the command that
     * took the key before. Without a key, the command still runs in one transaction.
     */
    async run(
      actor: Actor,
      key: CommandKey | null,
      perform: () => Promise<Performed>,
      { ownSignIn = false, ...options }: CommandOptions = {},
    ): Promise<Outcome> {
      try {
        return await database.transaction(
          scopeOf(actor),
          async (tx): Promise<Outcome> => {
            if (key) {
              const at = clock.now();
              const claim = { userId: actor.userId, key: key.key, municipalityId: actor.municipalityId, at };
              if (!(await claimKey(tx, { ...claim, fingerprint: key.fingerprint }, expiredBefore(at)))) {
                const row = await findKey(tx, actor.userId, key.key);
                if (row?.response_status == null) {
                  throw new Conflict(message('error.command.inProgress'));
                }
                if (row.fingerprint !== key.fingerprint) throw new IdempotencyMismatch();
                return {
                  kind: 'replay',
                  response: {
                    status: row.response_status,
                    headers: row.response_headers ?? {},
                    body: row.response_body ?? '',
                  },
                };
              }
            }
            if (!ownSignIn) await requireSignInLevel(tx, actor);
            const { response, keep } = await perform();
            if (!keep) throw new RolledBack();
            if (key) await storeResponse(tx, actor.userId, key.key, response);
            return { kind: 'performed' };
          },
          options,
        );
      } catch (error) {
        if (error instanceof RolledBack) return { kind: 'performed' };
        throw error;
      }
    },

    /** Removes keys past their time (the app runs this hourly); returns how many went. */
    async removeExpiredKeys(): Promise<number> {
      return database.transaction('all', (tx) => removeExpiredKeys(tx, expiredBefore(clock.now())));
    },
  };
}
