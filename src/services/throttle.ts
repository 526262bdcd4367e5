import type { DatabaseHandle } from '../db/client.ts';
import {
  clearThrottles,
  findThrottles,
  recordFailure,
} from '../db/repositories/login-throttle.repository.ts';
import { TooManyAttempts } from '../domain/errors.ts';
import { LOGIN_FAILURE_WINDOW_MS, loginDelaySeconds } from '../domain/session-policy.ts';
import type { Clock } from './context.ts';
import { keyedHash } from './tokens.ts';

// Slows down guessing (log-in, one-time codes) per account and per address. Keys are keyed hashes, so
// the table holds neither e-mail addresses nor IP addresses.

export function createThrottle(database: DatabaseHandle, clock: Clock, secret: Buffer) {
  return {
    keys: (...parts: string[]) => parts.map((p) => keyedHash(secret, p)),

    async check(keys: string[]): Promise<void> {
      const now = clock.now().getTime();
      const rows = await database.transaction('all', (tx) => findThrottles(tx, keys));
      let wait = 0;
      for (const row of rows) {
        if (now - row.last_failure_at.getTime() > LOGIN_FAILURE_WINDOW_MS) continue;
        const until = row.last_failure_at.getTime() + loginDelaySeconds(row.failures) * 1000;
        wait = Math.max(wait, Math.ceil((until - now) / 1000));
      }
      if (wait > 0) throw new TooManyAttempts(wait, `For mange forsøg. Vent ${wait} sekunder, og prøv igen.`);
    },

    async fail(keys: string[]): Promise<void> {
      const now = clock.now();
      const windowStart = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
      await database.transaction('all', async (tx) => {
        for (const key of keys) await recordFailure(tx, key, now, windowStart);
      });
    },

    clear: clearThrottles,
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
