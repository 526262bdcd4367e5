import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { who5Pair } from '../../../tests/support/report-reference.ts';
import { changeOf, distanceRank } from './measures.ts';
import { DISTANCE_START, type DistanceEnd, type DistanceStart } from '../report/scales.ts';

describe('changeOf', () => {
  it('compares end with start on very_far < far < some_way < close < achieved', () => {
    expect(changeOf('very_far', 'far')).toBe('closer');
    expect(changeOf('some_way', 'close')).toBe('closer');
    expect(changeOf('far', 'far')).toBe('unchanged');
    expect(changeOf('close', 'some_way')).toBe('further');
    expect(changeOf('close', 'very_far')).toBe('further');
    expect(changeOf('close', 'achieved')).toBe('achieved');
    expect(changeOf('very_far', 'achieved')).toBe('achieved');
  });

  it('is null when either answer is missing', () => {
    expect(changeOf(null, 'far')).toBeNull();
    expect(changeOf('far', null)).toBeNull();
  });

  it('ranks the distances', () => {
    expect((['very_far', 'far', 'some_way', 'close', 'achieved'] as const).map(distanceRank)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('property: unchanged exactly when the distance is the same, and antisymmetric', () => {
    const start = fc.constantFrom(...DISTANCE_START.codes);
    fc.assert(
      fc.property(start, start, (a: DistanceStart, b: DistanceStart) => {
        expect(changeOf(a, b as DistanceEnd) === 'unchanged').toBe(a === b);
        if (a !== b)
          expect(new Set([changeOf(a, b), changeOf(b, a)])).toEqual(new Set(['closer', 'further']));
      }),
    );
  });
});

describe('who5Pair', () => {
  const full = (v: number) => ({ who5_1: v, who5_2: v, who5_3: v, who5_4: v, who5_5: v });

  it('scores start and end and their change', () => {
    expect(who5Pair(full(2), full(3))).toEqual({ start: 40, end: 60, change: 20 });
    expect(who5Pair(full(4), full(1))).toEqual({ start: 80, end: 20, change: -60 });
  });

  it('gives no change when a score is missing, never a change from 0', () => {
    expect(who5Pair({ ...full(2), who5_5: undefined }, full(3))).toEqual({
      start: null,
      end: 60,
      change: null,
    });
    expect(who5Pair(full(0), null)).toEqual({ start: 0, end: null, change: null });
  });
});
