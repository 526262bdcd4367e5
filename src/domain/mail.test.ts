import { describe, expect, it } from 'vitest';
import { danishHourOf, digestDue, MAX_RETRY_MS, newInKind, newKeys, retryDelayMs } from './mail.ts';

describe('retryDelayMs', () => {
  it('doubles from one minute and stops at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(10)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(1_000)).toBe(MAX_RETRY_MS);
  });

  it('never waits before the first try', () => {
    expect(retryDelayMs(0)).toBe(0);
  });
});

describe('the digest hour', () => {
  it('is Danish local time, summer and winter', () => {
    expect(danishHourOf(new Date('2026-12-08T05:59:00Z'))).toBe(6);
    expect(danishHourOf(new Date('2026-12-08T06:00:00Z'))).toBe(7);
    expect(danishHourOf(new Date('2026-07-01T05:00:00Z'))).toBe(7);
    expect(danishHourOf(new Date('2026-12-08T23:30:00Z'))).toBe(0);
  });

  it('is due from the hour on, for the rest of the day', () => {
    expect(digestDue(new Date('2026-12-08T05:59:00Z'), 7)).toBe(false);
    expect(digestDue(new Date('2026-12-08T06:00:00Z'), 7)).toBe(true);
    expect(digestDue(new Date('2026-12-08T20:00:00Z'), 7)).toBe(true);
  });
});

describe('newKeys', () => {
  it('names only what was not told of, in order', () => {
    expect(newKeys(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
    expect(newKeys(['a'], ['a', 'z'])).toEqual([]);
  });
});

describe('newInKind', () => {
  it('counts the items not told of when the list carries them all', () => {
    expect(newInKind({ count: 3, carried: ['a', 'b', 'c'] }, ['a', 'x'], 2)).toBe(2);
    expect(newInKind({ count: 1, carried: ['a'] }, ['a', 'b'], 2)).toBe(0);
  });

  it('counts the growth when the newest are left off the list', () => {
    expect(newInKind({ count: 12, carried: ['a', 'b'] }, ['a', 'b'], 10)).toBe(2);
    expect(newInKind({ count: 9, carried: ['c', 'd'] }, ['a', 'b'], 10)).toBe(0);
  });
});
