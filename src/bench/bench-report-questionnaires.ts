import { BELIEF, distanceCode, who5Items } from './bench-report-vocabulary.ts';

// The generated cases' questionnaires (bench-report-data.ts): one row per case and instrument, from the
// draws in its temporary table bench_case.

/** The questionnaires, one row per case and instrument. */
export function questionnaireStatements(): string[] {
  return [
    // Questionnaires: one row per case and instrument; an absent item is a missing answer.
    `INSERT INTO questionnaire_response (municipality_id, case_id, instrument, version, answers, answered_on,
       saved_by, created_at, updated_at, completed_at)
     SELECT c.municipality_id, c.id, 'citizen_start', 1,
       jsonb_strip_nulls(jsonb_build_object(
         'goal_categories', CASE WHEN NOT c.goals_missing THEN (
           SELECT jsonb_agg(DISTINCT g) FROM unnest(ARRAY[c.goal_1, c.goal_2, c.goal_3]) AS g WHERE g IS NOT NULL) END,
         'distance', CASE WHEN NOT c.start_distance_missing THEN ${distanceCode('c.level_start')} END,
         ${who5Items('c.who5_level')})),
       c.start_date + 7, c.support_id, c.start_date + 7, c.start_date + 7,
       CASE WHEN c.r_complete < 0.97 THEN (c.start_date + 7)::timestamptz END
     FROM bench_case c WHERE c.started AND c.r_start < 0.93`,
    `INSERT INTO questionnaire_response (municipality_id, case_id, instrument, version, answers, answered_on,
       saved_by, created_at, updated_at, completed_at)
     SELECT c.municipality_id, c.id, 'support_start', 1, jsonb_strip_nulls(jsonb_build_object('belief', ${BELIEF})),
       c.start_date + 5, c.support_id, c.start_date + 5, c.start_date + 5, c.start_date + 5
     FROM bench_case c WHERE c.started AND c.r_support_start < 0.90`,
    `INSERT INTO questionnaire_response (municipality_id, case_id, instrument, version, answers, answered_on,
       saved_by, created_at, updated_at, completed_at)
     SELECT c.municipality_id, c.id, 'citizen_end', 1,
       jsonb_strip_nulls(jsonb_build_object(
         'distance', CASE WHEN NOT c.end_distance_missing
           THEN ${distanceCode('least(4, greatest(0, c.level_start + c.shift))')} END,
         ${who5Items('c.who5_level + c.who5_gain')},
         'self_determination', 1 + floor(random() * 5)::integer,
         'quality_of_life', 1 + floor(random() * 5)::integer)),
       c.last_day, c.support_id, c.last_day, c.last_day,
       CASE WHEN c.r_complete > 0.04 THEN c.last_day::timestamptz END
     FROM bench_case c WHERE c.has_end`,
    `INSERT INTO questionnaire_response (municipality_id, case_id, instrument, version, answers, answered_on,
       saved_by, created_at, updated_at, completed_at)
     SELECT c.municipality_id, c.id, 'support_end', 1,
       jsonb_strip_nulls(jsonb_build_object('assessment', c.assessment)),
       c.last_day, c.support_id, c.last_day, c.last_day, c.last_day
     FROM bench_case c
     WHERE (c.has_end AND c.r_support_end < 0.9)
       OR (NOT c.has_end AND c.state IN ('completed', 'terminated_early') AND c.r_support_end < 0.2)`,
  ];
}
