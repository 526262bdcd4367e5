// Measures derived from one case's answers (spec: Figures): how the distance to the goal changed between
// start and end (Figure 6.4). Null when an answer it needs is missing: a missing answer is never read
// as "no change".

import { DISTANCE_END, type Change, type DistanceEnd, type DistanceStart } from '../report/scales.ts';

/** Position on very_far (0) < far < some_way < close < achieved (4). */
export function distanceRank(distance: DistanceEnd): number {
  return DISTANCE_END.codes.indexOf(distance);
}

/**
 * Figure 6.4: where the citizen ended compared with where they started. `achieved` whenever the end
 * answer is achieved (the report counts it apart from `closer`), else closer, unchanged or further.
 */
export function changeOf(start: DistanceStart, end: DistanceEnd): Change;
export function changeOf(start: DistanceStart | null, end: DistanceEnd | null): Change | null;
export function changeOf(start: DistanceStart | null, end: DistanceEnd | null): Change | null {
  if (start === null || end === null) return null;
  if (end === 'achieved') return 'achieved';
  const delta = distanceRank(end) - distanceRank(start);
  if (delta > 0) return 'closer';
  return delta === 0 ? 'unchanged' : 'further';
}
