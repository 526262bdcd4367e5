// The rules of the e-mail notifications (spec: E-mail notifications): when a mail is tried again after
// the mail server refused it or could not be reached, and when the day's digest is due.

const FIRST_RETRY_MS = 60_000;
/** However often a mail has failed, it is tried again at least this often. */
export const MAX_RETRY_MS = 6 * 3_600_000;
/** How long a sender may take to hand a mail to the mail server before another sender may try it. */
export const SEND_LEASE_MS = 10 * 60_000;

/** The wait before the next try after `attempts` failed tries: 1, 2, 4, 8 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  if (attempts < 1) return 0;
  // 2 ** 9 minutes already passes the cap: the exponent stops there, so it never overflows.
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 9), MAX_RETRY_MS);
}

const DANISH_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The hour of the day (0–23) of an instant in Danish local time. */
export function danishHourOf(instant: Date): number {
  return Number(DANISH_HOUR.format(instant));
}

/** The digest goes out once a Danish calendar day, at the configured hour or the first run after it. */
export function digestDue(now: Date, digestHour: number): boolean {
  return danishHourOf(now) >= digestHour;
}

/** The keys that are in `current` but were not told of last time (`told`). */
export function newKeys(current: readonly string[], told: readonly string[]): string[] {
  const known = new Set(told);
  return current.filter((key) => !known.has(key));
}

/** One kind of work now: its full count and the keys of the oldest items the list carries. */
export interface KindNow {
  count: number;
  carried: readonly string[];
}

/**
 * How many things of one kind are new since the user was last told. A list that carries every item
 * names them exactly. One that carries only the oldest leaves off the newest, which are what is new:
 * then the growth of the count says it (an item done and another come in the same while go unnoticed).
 */
export function newInKind(now: KindNow, toldKeys: readonly string[], toldCount: number): number {
  if (now.carried.length >= now.count) return newKeys(now.carried, toldKeys).length;
  return Math.max(0, now.count - toldCount);
}
