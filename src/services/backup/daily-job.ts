import type { DatabaseHandle } from '../../db/client.ts';
import { lastRunOf, markJobRun, tryJobLock } from '../../db/repositories/retention.repository.ts';
import { danishDateOf } from '../../domain/calendar-date.ts';

// A job the running app does once a Danish calendar day, whichever of its processes comes first
// (scheduled_job). The day is claimed in a short transaction of its own and the work done after it, so
// the work may take its time without holding a transaction open (on PGlite, one would stop every other).

/**
 * The advisory lock that makes the claim one process's at a time; the migrations hold 7243101 and the
 * retention 7243102.
 */
const CLAIM_LOCK = 7_243_103;

export type Claim = { claimed: false } | { claimed: true; previous: Date | undefined };

/** Claims today's run of `name`: not claimed when another process is claiming it or it has run today. */
export function claimToday(database: DatabaseHandle, name: string, now: Date): Promise<Claim> {
  return database.transaction('all', async (tx) => {
    if (!(await tryJobLock(tx, CLAIM_LOCK))) return { claimed: false };
    const previous = await lastRunOf(tx, name);
    if (previous && danishDateOf(previous) >= danishDateOf(now)) return { claimed: false };
    await markJobRun(tx, name, now);
    return { claimed: true, previous };
  });
}

/** Gives a claimed day back after the work failed, so the next try takes it again. */
export async function giveBack(database: DatabaseHandle, name: string, claim: Claim): Promise<void> {
  if (!claim.claimed) return;
  // Never run is the beginning of time: any day is after it.
  await database.transaction('all', (tx) => markJobRun(tx, name, claim.previous ?? new Date(0)));
}
