import type { DatabaseHandle } from '../../db/client.ts';
import {
  clearThrottles,
  lockThrottles,
  setFailures,
} from '../../db/repositories/login-throttle.repository.ts';
import { TooManyAttempts } from '../../domain/errors.ts';
import { LOGIN_FAILURE_WINDOW_MS, loginDelaySeconds } from '../../domain/session-policy.ts';
import type { Clock } from '../context.ts';
import { keyedHash } from './tokens.ts';
import { message } from '../../i18n/index.ts';

// Slows down guessing (log-in, one-time codes) per account and per address. Keys are keyed hashes, so
// the table holds neither e-mail addresses nor IP addresses.
//
// An attempt reserves its check before the secret is verified: with the keys' rows locked, it either
// waits out the delay or counts itself as a failure up front, in one short transaction. Parallel
// attempts thus see each other and get no more checks than attempts one after another would; the slow
// verification runs outside the transaction, and a right secret clears the keys afterwards.

export function createThrottle(database: DatabaseHandle, clock: Clock, secret: Buffer) {
  return {
    keys: (...parts: string[]) => parts.map((p) => keyedHash(secret, p)),

    /** Throws TooManyAttempts while a key must wait; otherwise counts the attempt as a failure. */
    async reserve(keys: string[]): Promise<void> {
      // Inside a command the reservation would be undone with a failed attempt: it must commit alone.
      if (database.inTransaction()) throw new Error('A throttle reservation cannot run inside a command.');
      const now = clock.now();
      await database.transaction('all', async (tx) => {
        const rows = (await lockThrottles(tx, keys, now)).map((row) => {
          const last = row.last_failure_at.getTime();
          // Failures older than the window no longer count: the next one is the first again.
          const failures = now.getTime() - last > LOGIN_FAILURE_WINDOW_MS ? 0 : row.failures;
          const until = last + loginDelaySeconds(failures) * 1000;
          return { key: row.key_hash, failures, wait: Math.ceil((until - now.getTime()) / 1000) };
        });
        const wait = Math.max(0, ...rows.map((row) => row.wait));
        if (wait > 0)
          throw new TooManyAttempts(wait, message('error.access.tooManyAttempts', { seconds: wait }));
        for (const row of rows) await setFailures(tx, row.key, row.failures + 1, now);
      });
    },

    clear: clearThrottles,
  };
}
