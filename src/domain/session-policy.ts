// Session lifetimes (ASVS 5.0 §7.3): ended after 30 minutes without activity and after 12 hours in all,
// with a warning shortly before the idle timeout so nobody loses what they were typing.
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
export const SESSION_WARNING_BEFORE_MS = 5 * 60_000;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function sessionExpiresAt(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(
    Math.min(lastSeenAt.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS),
  );
}

// Failed log-ins (ASVS 5.0 §6.3.1): after 5 failures each further attempt must wait, doubling up to a
// minute. Never a hard lock-out, which would let anyone lock a support person out of their caseload.
export const FREE_LOGIN_FAILURES = 5;
const MAX_LOGIN_DELAY_SECONDS = 60;

export function loginDelaySeconds(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOGIN_DELAY_SECONDS);
}

/** Failures older than this no longer count. */
export const LOGIN_FAILURE_WINDOW_MS = 60 * 60_000;
