import { describe, expect, it } from 'vitest';
import { openLoopSchedule, percentile } from './bench-load.ts';

describe('the bench load generator', () => {
  it('takes percentiles by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 99)).toBe(0);
  });

  it('schedules an open loop at fixed times, whatever the answers take', () => {
    expect(openLoopSchedule(100, 0.05)).toEqual([0, 10, 20, 30, 40]);
    const schedule = openLoopSchedule(100, 3);
    expect(schedule).toHaveLength(300);
    expect(schedule.at(-1)).toBeCloseTo(2990);
  });
});
