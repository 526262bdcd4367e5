import { sql, type QueryExecutorProvider } from 'kysely';
import { EXPENSE_CATEGORIES } from '../domain/expense-category.ts';
import { defaultCategoryRules, MAX_GRANT } from '../domain/programme-rules.ts';
import {
  ASSESSMENT,
  BELIEF,
  distanceCode,
  entries,
  GOAL_WEIGHTS,
  HIGHEST_EDUCATION,
  INCOME_SOURCE,
  LEVEL_START,
  literal,
  MUNICIPALITIES,
  pick,
  PURCHASE_TITLES,
  PURCHASE_WEIGHTS,
  REFERRAL_SOURCE,
  SHIFT,
  TERMINATION_REASONS,
  who5Items,
} from './bench-report-vocabulary.ts';

// Generated programme data for the report bench (`borgerbudget bench`): N started cases in up to 98
// municipalities, written with set-based SQL (generate_series, one INSERT … SELECT per table) straight
// into the tables of a throw-away database. Only for the bench: never run against a real database.
//
// What a case gets, as the scheme produces it (shares are rough, after the 2020 report):
// - a citizen with a birth date (18–64 at the start, more young than old) and a legal gender (58 % men);
// - a start date from 2022 to November 2026 and a 12-month period; cases whose period is over are
//   completed (82 %) or were terminated early (18 %, with one of a few reasons); running cases are
//   active (94 %) or terminated early;
// - the intake baseline (education, income source) when the citizen consented (92 %), some answers
//   still missing;
// - one grant (20,000 kr. up to the scheme's cap, 50,000 kr.) from the programme of its municipality and start quarter (a
//   municipality takes citizens in quarterly cohorts, "hold"), 0–6 paid purchases (reserved at approval, paid later) of at most
//   90 % of the grant together, and the unspent rest returned to the pool at close;
// - questionnaires: citizen_start (93 %), support_start (90 %), citizen_end for 85 % of completed cases,
//   35 % of cases terminated early and half the running cases in their last month, support_end mostly
//   alongside it. Within a questionnaire some items are missing (a WHO-5 item ~1 % each, distance 3 %,
//   goal categories 3 %), as on paper.
//
// The ledger's guard trigger (migration 20261202120000_money.sql) checks every posting row by row; it
// stays on. The postings are inserted kind by kind — all grants, then reservations, then payments that
// settle them, then returns — so each row passes the guard, as the same postings made one by one
// through the services would. The trigger sums the programme's grants for every grant, so a grant
// costs as much as its programme is large: with yearly programmes the grants alone took 17 s of the
// load at 100,000 cases; quarterly cohorts keep programmes small. Most of the rest of the load time
// is the trigger and the foreign-key checks, row by row (2–6 minutes at 100,000 cases, 777,000
// postings, on a busy 2-core machine).

/** The day the generated data stands on: cases started before it, nothing happened after it. */
const BENCH_TODAY = '2026-12-01';

/** The statements, in order. `n` cases; `municipalities` of the list (at most 98). */
function statements(n: number, municipalities: number): string[] {
  const munis = MUNICIPALITIES.slice(0, municipalities);
  const today = `DATE '${BENCH_TODAY}'`;
  return [
    ...organisationStatements(n, munis),
    ...drawStatements(),
    ...caseStatements(today),
    ...questionnaireStatements(),
    ...purchaseStatements(),
    ...ledgerStatements(),
  ];
}

/** The municipalities with their staff, vendor and case numbers; the same data every run. */
function organisationStatements(n: number, munis: readonly (readonly [number, string])[]): string[] {
  return [
    // Same data every run (random() follows the seed; no parallel workers to reorder it).
    `SET LOCAL max_parallel_workers_per_gather = 0`,
    `SELECT setseed(0.5)`,
    `CREATE TEMP TABLE bench_muni ON COMMIT DROP AS
     SELECT v.idx, v.code, v.name, 0 AS cases,
       gen_random_uuid() AS coordinator_id, gen_random_uuid() AS support_id, gen_random_uuid() AS vendor_id
     FROM (VALUES ${munis.map(([code, name], i) => `(${i + 1}, ${code}, ${literal(name)})`).join(', ')})
       AS v (idx, code, name)`,
    // Sizes fall off like 1/(rank + 1): the largest municipality gets ~12 % of the cases, the smallest 0.2 %.
    `UPDATE bench_muni m SET cases = floor(${n} * (1.0 / (m.idx + 1)) / t.total)::integer
     FROM (SELECT sum(1.0 / (idx + 1)) AS total FROM bench_muni) t`,
    `UPDATE bench_muni SET cases = cases + (${n} - (SELECT sum(cases) FROM bench_muni)) WHERE idx = 1`,
    `INSERT INTO municipality (id, name) SELECT code, name || ' Kommune' FROM bench_muni`,
    `INSERT INTO app_user (id, municipality_id, email, name, role)
     SELECT coordinator_id, code, 'koordinator@bench-' || code || '.example', 'Koordinator ' || name, 'coordinator'
     FROM bench_muni
     UNION ALL
     SELECT support_id, code, 'stotteperson@bench-' || code || '.example', 'Støtteperson ' || name, 'support'
     FROM bench_muni`,
    `INSERT INTO vendor (id, municipality_id, name, cvr)
     SELECT vendor_id, code, 'Leverandør i ' || name, lpad(code::text, 8, '1') FROM bench_muni`,
    `INSERT INTO case_counter (municipality_id, last_number) SELECT code, cases FROM bench_muni`,
  ];
}

/** One row per case with everything drawn at random. */
function drawStatements(): string[] {
  return [
    // One row per case with everything drawn at random; the derived columns follow in bench_case.
    `CREATE TEMP TABLE bench_draw ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS citizen_id, m.code AS municipality_id,
       m.support_id, m.coordinator_id, m.vendor_id, g.n AS case_number,
       DATE '2022-01-03' + floor(random() * (DATE '2026-11-30' - DATE '2022-01-03'))::integer AS start_date,
       random() AS r_outcome, random() AS r_close,
       18 + floor(power(random(), 1.6) * 47)::integer AS age,
       floor(random() * 365)::integer AS birthday_offset,
       random() < 0.58 AS male,
       14 + floor(random() * 100)::integer AS referral_days,
       ${REFERRAL_SOURCE} AS referral_source,
       random() < 0.92 AS consent,
       ${INCOME_SOURCE} AS income_source,
       ${HIGHEST_EDUCATION} AS highest_education,
       least((20 + floor(random() * 31))::bigint * 100000, ${MAX_GRANT}) AS grant_ore,
       floor(random() * 7)::integer AS purchases,
       random() AS r_start, random() AS r_support_start, random() AS r_end, random() AS r_support_end,
       random() AS r_complete,
       ${LEVEL_START}::integer AS level_start,
       random() < 0.03 AS start_distance_missing,
       random() < 0.03 AS end_distance_missing,
       random() < 0.03 AS goals_missing,
       ${SHIFT}::integer AS shift,
       0.4 + random() * 2.6 AS who5_level,
       random() * 1.4 - 0.3 AS who5_gain,
       ${pick(entries(GOAL_WEIGHTS))} AS goal_1,
       CASE WHEN random() < 0.5 THEN ${pick(entries(GOAL_WEIGHTS))} END AS goal_2,
       CASE WHEN random() < 0.2 THEN ${pick(entries(GOAL_WEIGHTS))} END AS goal_3,
       ${ASSESSMENT} AS assessment,
       (ARRAY[${TERMINATION_REASONS.map(literal).join(', ')}])[1 + floor(random() * ${TERMINATION_REASONS.length})::integer] AS reason
     FROM bench_muni m CROSS JOIN LATERAL generate_series(1, m.cases) AS g (n)`,
  ];
}

/** Each case's outcome and dates, its quarter's programme, the citizen and the case. */
function caseStatements(today: string): string[] {
  return [
    `CREATE TEMP TABLE bench_case ON COMMIT DROP AS
     WITH o AS (
       SELECT d.*, (d.start_date + interval '12 months')::date AS end_date,
         CASE WHEN (d.start_date + interval '12 months')::date <= ${today}
           THEN CASE WHEN d.r_outcome < 0.18 THEN 'terminated_early' ELSE 'completed' END
           ELSE CASE WHEN d.r_outcome < 0.06 THEN 'terminated_early' ELSE 'active' END
         END AS outcome
       FROM bench_draw d
     ), c AS (
       SELECT o.*,
         CASE o.outcome
           WHEN 'completed' THEN o.end_date
           WHEN 'terminated_early'
             THEN o.start_date + 1 + floor(o.r_close * (least(o.end_date, ${today}) - o.start_date - 1))::integer
         END AS closed_on
       FROM o
     )
     SELECT c.*, date_trunc('quarter', c.start_date)::date AS round,
       CASE
         WHEN c.outcome = 'completed' THEN c.r_end < 0.85
         WHEN c.outcome = 'terminated_early' THEN c.r_end < 0.35
         ELSE c.end_date - ${today} <= 31 AND c.r_end < 0.5
       END AS has_end,
       least(coalesce(c.closed_on, ${today}), c.end_date) AS last_day
     FROM c`,
    `CREATE TEMP TABLE bench_programme ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, municipality_id, round, sum(grant_ore) AS granted
     FROM bench_case GROUP BY municipality_id, round`,
    `INSERT INTO programme (id, municipality_id, name, period_start, period_end, pool_ore, category_rules)
     SELECT p.id, p.municipality_id,
       'Borgerbudget ' || extract(year FROM p.round) || ', hold ' || extract(quarter FROM p.round),
       p.round, (p.round + interval '15 months')::date - 1,
       p.granted + 10000000, ${literal(JSON.stringify(defaultCategoryRules()))}::jsonb
     FROM bench_programme p ORDER BY p.municipality_id, p.round`,
    `INSERT INTO citizen (id, municipality_id, cpr_encrypted, cpr_hash, birth_date, legal_gender, name)
     SELECT c.citizen_id, c.municipality_id,
       'v1.' || encode(sha256(('bench-cpr-' || c.id)::bytea), 'base64'),
       encode(sha256(('bench-hash-' || c.id)::bytea), 'hex'),
       (c.start_date - make_interval(years => c.age) - c.birthday_offset * interval '1 day')::date,
       CASE WHEN c.male THEN 'male' ELSE 'female' END,
       'Borger ' || c.municipality_id || '-' || c.case_number
     FROM bench_case c`,
    `INSERT INTO citizen_case (id, municipality_id, case_number, programme_id, citizen_id, phase, referral_source,
       referral_reason, referred_on, lead_in_started_on, start_date, duration_months, close_outcome, closed_on,
       close_reason, baseline_consent, income_source, highest_education)
     SELECT c.id, c.municipality_id, c.case_number, p.id, c.citizen_id,
       CASE WHEN c.outcome = 'active' THEN 'active' ELSE 'closed' END,
       c.referral_source, 'Henvist til borgerstyret budget', c.start_date - c.referral_days,
       c.start_date - c.referral_days + 7, c.start_date, 12,
       CASE WHEN c.outcome <> 'active' THEN c.outcome END, c.closed_on,
       CASE WHEN c.outcome = 'terminated_early' THEN c.reason END,
       c.consent,
       CASE WHEN c.consent THEN c.income_source END,
       CASE WHEN c.consent THEN c.highest_education END
     FROM bench_case c JOIN bench_programme p ON p.municipality_id = c.municipality_id AND p.round = c.round`,
  ];
}

/** The questionnaires, one row per case and instrument. */
function questionnaireStatements(): string[] {
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
     FROM bench_case c WHERE c.r_start < 0.93`,
    `INSERT INTO questionnaire_response (municipality_id, case_id, instrument, version, answers, answered_on,
       saved_by, created_at, updated_at, completed_at)
     SELECT c.municipality_id, c.id, 'support_start', 1, jsonb_strip_nulls(jsonb_build_object('belief', ${BELIEF})),
       c.start_date + 5, c.support_id, c.start_date + 5, c.start_date + 5, c.start_date + 5
     FROM bench_case c WHERE c.r_support_start < 0.90`,
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
     WHERE (c.has_end AND c.r_support_end < 0.9) OR (NOT c.has_end AND c.outcome <> 'active' AND c.r_support_end < 0.2)`,
  ];
}

/** The paid purchase requests. */
function purchaseStatements(): string[] {
  return [
    // Purchases: approved, reserved, then paid within the case's period; together at most 90 % of the grant.
    `CREATE TEMP TABLE bench_purchase ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, c.id AS case_id, c.municipality_id, c.programme_id, c.vendor_id,
       c.support_id, c.coordinator_id, k.n AS request_number,
       ${pick(entries(PURCHASE_WEIGHTS))} AS category,
       (c.grant_ore * 0.9 / c.purchases * (0.3 + 0.7 * random()))::bigint AS amount_ore,
       c.start_date + 5 + floor(random() * (c.last_day - c.start_date - 5))::integer AS paid_on
     FROM (SELECT b.*, cc.programme_id FROM bench_case b JOIN citizen_case cc ON cc.id = b.id) c
     -- A case closed within ten days of its start bought nothing.
     CROSS JOIN LATERAL generate_series(1, CASE WHEN c.last_day - c.start_date >= 10 THEN c.purchases ELSE 0 END)
       AS k (n)`,
    `INSERT INTO purchase_request (id, municipality_id, case_id, request_number, status, title, purpose, category,
       amount_ore, vendor_id, payment_method, created_by, created_at, submitted_by, submitted_at, decided_by,
       decided_at, updated_at)
     SELECT p.id, p.municipality_id, p.case_id, p.request_number, 'paid',
       CASE p.category ${EXPENSE_CATEGORIES.map((c) => `WHEN '${c}' THEN ${literal(PURCHASE_TITLES[c])}`).join(' ')} END,
       'Et skridt mod målet', p.category, p.amount_ore, p.vendor_id, 'invoice',
       p.support_id, p.paid_on - 5, p.support_id, p.paid_on - 4, p.coordinator_id, p.paid_on - 3, p.paid_on
     FROM bench_purchase p`,
  ];
}

/** The postings. */
function ledgerStatements(): string[] {
  return [
    // The ledger, kind by kind, so every row passes the guard trigger.
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, posted_by, posted_at)
     SELECT c.municipality_id, c.id, cc.programme_id, 'grant', c.grant_ore, c.coordinator_id, c.start_date
     FROM bench_case c JOIN citizen_case cc ON cc.id = c.id ORDER BY c.start_date, c.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id,
       posted_by, posted_at)
     SELECT p.municipality_id, p.case_id, p.programme_id, 'reservation', p.amount_ore, p.id, p.coordinator_id,
       p.paid_on - 3 + interval '10 hours'
     FROM bench_purchase p ORDER BY p.paid_on, p.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, settles_ore,
       purchase_request_id, payment_method, paid_on, reference, posted_by, posted_at)
     SELECT p.municipality_id, p.case_id, p.programme_id, 'payment', p.amount_ore, p.amount_ore, p.id, 'invoice',
       p.paid_on, 'Faktura ' || p.request_number, p.coordinator_id, p.paid_on + interval '14 hours'
     FROM bench_purchase p ORDER BY p.paid_on, p.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, note, posted_by, posted_at)
     SELECT c.municipality_id, c.id, cc.programme_id, 'return_to_pool', c.grant_ore - coalesce(s.spent, 0),
       'Ubrugt budget ved afslutning', c.coordinator_id, c.closed_on
     FROM bench_case c JOIN citizen_case cc ON cc.id = c.id
     LEFT JOIN (SELECT case_id, sum(amount_ore) AS spent FROM bench_purchase GROUP BY case_id) s ON s.case_id = c.id
     WHERE c.outcome <> 'active' AND c.grant_ore > coalesce(s.spent, 0)
     ORDER BY c.closed_on, c.id`,
  ];
}

export interface Generated {
  cases: number;
  municipalities: number;
  /** The municipality with the most cases, and how many. */
  largest: { code: string; cases: number };
  /** Counted straight from the tables, to check the report against. */
  expected: {
    followedUp: number;
    grantedOre: number;
    paidOre: number;
    postings: number;
    responses: number;
  };
}

/**
 * Writes `n` started cases into an empty, migrated database (in the caller's transaction, scope
 * 'all'), then counts what the report should find.
 */
export async function generateReportData(
  tx: QueryExecutorProvider,
  n: number,
  /** Called after each statement with its first line and its time in ms. */
  onStep?: (statement: string, ms: number) => void,
): Promise<Generated> {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Cases must be a positive count, got ${n}`);
  const municipalities = Math.max(1, Math.min(MUNICIPALITIES.length, Math.floor(n / 100)));
  for (const statement of statements(n, municipalities)) {
    const t = performance.now();
    await sql.raw(statement).execute(tx);
    onStep?.(statement.trim().split('\n')[0] ?? '', performance.now() - t);
  }
  const { rows } = await sql<{
    largest_code: string;
    largest_cases: number;
    followed_up: number;
    granted: number;
    paid: number;
    postings: number;
    responses: number;
  }>`
    select
      (select code::text from bench_muni where idx = 1) as largest_code,
      (select cases from bench_muni where idx = 1)::bigint as largest_cases,
      (select count(*) from questionnaire_response where instrument = 'citizen_end')::bigint as followed_up,
      (select coalesce(sum(amount_ore), 0) from ledger_entry where kind = 'grant')::bigint as granted,
      (select coalesce(sum(amount_ore), 0) from ledger_entry where kind = 'payment')::bigint as paid,
      (select count(*) from ledger_entry)::bigint as postings,
      (select count(*) from questionnaire_response)::bigint as responses`.execute(tx);
  const r = rows[0];
  if (!r) throw new Error('The generated data could not be counted.');
  return {
    cases: n,
    municipalities,
    largest: { code: r.largest_code, cases: r.largest_cases },
    expected: {
      followedUp: r.followed_up,
      grantedOre: r.granted,
      paidOre: r.paid,
      postings: r.postings,
      responses: r.responses,
    },
  };
}
