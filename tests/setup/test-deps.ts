import type { Clock } from '../../src/services/context.ts';

// What the tests' services are made with: a clock the test moves by hand, since a clock is always given
// (conventions: Determinism), and fixed secrets, so a database copied from a template reads with the same keys.

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The CPR key the templates' CPR numbers are encrypted under (CPR_ENCRYPTION_KEY of a child process). */
export const TEST_CPR_KEY = Buffer.alloc(32, 2);

export const TEST_SECRETS = { session: Buffer.alloc(32, 1), cpr: [TEST_CPR_KEY] };
