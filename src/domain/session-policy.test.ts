import { describe, expect, it } from 'vitest';
import { loginDelaySeconds, sessionExpiresAt } from './session-policy.ts';

describe('session policy', () => {
  it('expires after 30 idle minutes, but never later than 12 hours after log-in', () => {
    const created = new Date('2026-01-01T08:00:00Z');
    expect(sessionExpiresAt(created, new Date('2026-01-01T09:00:00Z')).toISOString()).toBe(
      '2026-01-01T09:30:00.000Z',
    );
    expect(sessionExpiresAt(created, new Date('2026-01-01T19:50:00Z')).toISOString()).toBe(
      '2026-01-01T20:00:00.000Z',
    );
  });

  it('lets five failures pass, then doubles the wait up to a minute', () => {
    expect([0, 4, 5, 6, 7, 10, 11, 50].map(loginDelaySeconds)).toEqual([0, 0, 1, 2, 4, 32, 60, 60]);
  });
});
