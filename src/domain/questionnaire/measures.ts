// Measures derived from one case's answers (spec: Figures): how the distance to the goal changed between
// start and end (Figure 6.4), and the WHO-5 score at start and end. Each is null when an answer it
// needs is missing: a missing answer is never read as "no change" or as 0.

import { DISTANCE_END, type Change, type DistanceEnd, type DistanceStart } from '../report/scales.ts';
import type { CitizenEndAnswers, CitizenStartAnswers } from './instrument.ts';
import { who5ScoreOf } from './who5.ts';

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

/** The change of distance between a case's two citizen questionnaires, or null. */
export function distanceChange(
  start: Pick<CitizenStartAnswers, 'distance'> | null,
  end: Pick<CitizenEndAnswers, 'distance'> | null,
): Change | null {
  return changeOf(start?.distance ?? null, end?.distance ?? null);
}

export interface Who5Pair {
  /** WHO-5 score 0–100 at start, null unless all five items were answered. */
  readonly start: number | null;
  readonly end: number | null;
  /** end − start, null unless both scores exist. */
  readonly change: number | null;
}

/** A case's WHO-5 scores at start and end and the change between them (spec: Figures; `wellbeing`). */
export function who5Pair(start: CitizenStartAnswers | null, end: CitizenEndAnswers | null): Who5Pair {
  const s = start === null ? null : who5ScoreOf(start);
  const e = end === null ? null : who5ScoreOf(end);
  return { start: s, end: e, change: s === null || e === null ? null : e - s };
}
