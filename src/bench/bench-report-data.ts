import { sql, type QueryExecutorProvider } from 'kysely';
import { defaultCategoryRules, MAX_GRANT } from '../domain/programme-rules.ts';
import { realisticPhases, realisticStatements, type RealisticOptions } from './bench-national-data.ts';
import { ledgerStatements, purchaseStatements } from './bench-report-purchases.ts';
import { questionnaireStatements } from './bench-report-questionnaires.ts';
import {
  ASSESSMENT,
  entries,
  GOAL_WEIGHTS,
  HIGHEST_EDUCATION,
  INCOME_SOURCE,
  LEVEL_START,
  literal,
  MUNICIPALITIES,
  municipalitySlug,
  pick,
  REFERRAL_SOURCE,
  seededUuid,
  SHIFT,
  TERMINATION_REASONS,
} from './bench-report-vocabulary.ts';

// Generated programme data for the report bench (`borgerbudget bench`): N started cases in up to 98
// municipalities, written with set-based SQL (generate_series, one INSERT … SELECT per table) straight
// into the tables of an empty database: the bench's throw-away one, or (realistic, with the rest of the
// app's data from bench-national-data.ts) `borgerbudget demo --scale`'s. Never a real database.
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
// The ledger's guard trigger (migration 20261202120000_money.sql) checks every posting row by row. The
// report bench's load keeps it on; `demo --scale` on PostgreSQL switches it off inside its transaction and
// checks the books set-based before it commits (demo-scale.ts). Either way the postings go in kind by kind
// (grants, reservations, payments that settle them, returns), so each row would pass the guard, as the
// same postings made one by one through the services would. Quarterly programmes keep the guard's sum over
// a programme's grants small.

/** The day the generated data stands on: cases started before it, nothing happened after it. */
const BENCH_TODAY = '2026-12-01';

export interface GenerateOptions {
  /** Started cases (report rows only), or cases in every phase (`realistic`). */
  cases: number;
  /** The same seed gives the same rows, ids too (-1 to 1, as setseed takes it; default 0.5). */
  seed?: number;
  /** Data for the whole app: staff, phases, plans, requests in every status, payment files, notes, logs. */
  realistic?: RealisticOptions;
}

/** The statements, in order, for `municipalities` of the list (at most 98). */
function statements(o: GenerateOptions, municipalities: number): string[] {
  const munis = MUNICIPALITIES.slice(0, municipalities);
  const today = `DATE '${BENCH_TODAY}'`;
  const seed = o.seed ?? 0.5;
  const realistic = o.realistic;
  return [
    ...organisationStatements(o.cases, munis, seed, realistic),
    ...drawStatements(seed),
    ...caseStatements(today, seed, realistic !== undefined),
    ...questionnaireStatements(),
    ...(realistic
      ? realisticStatements(today, seed, realistic)
      : [...purchaseStatements(seed), ...ledgerStatements()]),
  ];
}

/** The municipalities with their staff, vendor and case numbers; the same data every run. */
function organisationStatements(
  n: number,
  munis: readonly (readonly [number, string])[],
  seed: number,
  realistic: RealisticOptions | undefined,
): string[] {
  const id = (key: string) => seededUuid(seed, key);
  const passwordHash = literal(realistic?.passwordHash ?? null);
  // A support person follows about 60 cases over the years (10–12 open at a time); a coordinator 1,500.
  const staff = (perCases: number, least: number) =>
    realistic ? `greatest(${least}, ceil(cases / ${perCases}.0))::integer` : '1';
  return [
    // Same data every run (random() follows the seed; no parallel workers to reorder it).
    `SET LOCAL max_parallel_workers_per_gather = 0`,
    `SELECT setseed(${seed})`,
    `CREATE TEMP TABLE bench_muni ON COMMIT DROP AS
     SELECT v.idx, v.code, v.name, v.slug, 0 AS cases, ${id(`'vendor/' || v.code`)} AS vendor_id
     FROM (VALUES ${munis.map(([code, name], i) => `(${i + 1}, ${code}, ${literal(name)}, ${literal(municipalitySlug(name))})`).join(', ')})
       AS v (idx, code, name, slug)`,
    // Sizes fall off like 1/(rank + 1): the largest municipality gets ~12 % of the cases, the smallest 0.2 %.
    `UPDATE bench_muni m SET cases = floor(${n} * (1.0 / (m.idx + 1)) / t.total)::integer
     FROM (SELECT sum(1.0 / (idx + 1)) AS total FROM bench_muni) t`,
    `UPDATE bench_muni SET cases = cases + (${n} - (SELECT sum(cases) FROM bench_muni)) WHERE idx = 1`,
    `ALTER TABLE bench_muni ADD COLUMN coordinators integer, ADD COLUMN supports integer`,
    `UPDATE bench_muni SET coordinators = ${staff(1500, 1)}, supports = ${staff(60, 2)}`,
    `INSERT INTO municipality (id, name) SELECT code, name || ' Kommune' FROM bench_muni`,
    // Staff log-ins: koordinator@aarhus.example, koordinator2@…, stotteperson@…, okonomi@…, admin@….
    `CREATE TEMP TABLE bench_staff ON COMMIT DROP AS
     SELECT ${id(`s.role || '/' || m.code || '/' || g.k`)} AS id, m.code, s.role, g.k,
       s.local || CASE WHEN g.k > 1 THEN g.k::text ELSE '' END || '@' || m.slug || '.example' AS email,
       s.title || ' ' || g.k || ' ' || m.name AS name
     FROM bench_muni m
     CROSS JOIN (VALUES ('coordinator', 'koordinator', 'Koordinator'), ('support', 'stotteperson', 'Støtteperson')
       ${realistic ? `, ('finance', 'okonomi', 'Økonomi'), ('admin', 'admin', 'Administrator')` : ''})
       AS s (role, local, title)
     CROSS JOIN LATERAL generate_series(1,
       CASE s.role WHEN 'coordinator' THEN m.coordinators WHEN 'support' THEN m.supports ELSE 1 END) AS g (k)`,
    `INSERT INTO app_user (id, municipality_id, email, name, role, password_hash, created_at)
     SELECT id, code, email, name, role, ${passwordHash}, TIMESTAMPTZ '2021-12-01 09:00+01' FROM bench_staff
     ORDER BY code, role, k`,
    `INSERT INTO vendor (id, municipality_id, name, cvr)
     SELECT vendor_id, code, 'Leverandør i ' || name, lpad(code::text, 8, '1') FROM bench_muni`,
    `INSERT INTO case_counter (municipality_id, last_number) SELECT code, cases FROM bench_muni`,
  ];
}

/** One row per case with everything drawn at random. */
function drawStatements(seed: number): string[] {
  const id = (key: string) => seededUuid(seed, key);
  return [
    // One row per case with everything drawn at random; the derived columns follow in bench_case. The
    // case's support person and coordinator take turns by case number.
    `CREATE TEMP TABLE bench_draw ON COMMIT DROP AS
     SELECT ${id(`'case/' || m.code || '/' || g.n`)} AS id, ${id(`'citizen/' || m.code || '/' || g.n`)} AS citizen_id,
       m.code AS municipality_id,
       ${id(`'support/' || m.code || '/' || (1 + g.n % m.supports)`)} AS support_id,
       ${id(`'coordinator/' || m.code || '/' || (1 + g.n % m.coordinators)`)} AS coordinator_id,
       m.vendor_id, g.n AS case_number,
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

/** bench_case: each drawn case with its outcome (its phase now), its dates and its quarter. */
function outcomeStatement(today: string, seed: number, realistic: boolean): string {
  const phaseDraw = `('x' || lpad(substr(md5('${seed}/phase/' || d.id), 1, 8), 16, '0'))::bit(64)::bigint / 4294967296.0`;
  return `CREATE TEMP TABLE bench_case ON COMMIT DROP AS
     WITH d AS (
       SELECT d.*, ${phaseDraw} AS r_phase FROM bench_draw d
     ), o0 AS (
       SELECT d.*, (d.start_date + interval '12 months')::date AS end_date,
         CASE WHEN (d.start_date + interval '12 months')::date <= ${today}
           THEN CASE WHEN d.r_outcome < 0.18 THEN 'terminated_early' ELSE 'completed' END
           ELSE CASE WHEN d.r_outcome < 0.06 THEN 'terminated_early' ELSE 'active' END
         END AS outcome
       FROM d
     ), o AS (
       SELECT o.*, ${realistic ? realisticPhases(today) : 'o.outcome'} AS state FROM o0 o
     ), c AS (
       SELECT o.*, o.state IN ('active', 'paused', 'completed', 'terminated_early') AS started,
         CASE o.state
           WHEN 'completed' THEN o.end_date
           WHEN 'terminated_early'
             THEN o.start_date + 1 + floor(o.r_close * (least(o.end_date, ${today}) - o.start_date - 1))::integer
           WHEN 'declined' THEN o.start_date - o.referral_days + 10
         END AS closed_on
       FROM o
     )
     SELECT c.*, date_trunc('quarter', c.start_date)::date AS round,
       CASE
         WHEN NOT c.started THEN false
         WHEN c.state = 'completed' THEN c.r_end < 0.85
         WHEN c.state = 'terminated_early' THEN c.r_end < 0.35
         ELSE c.end_date - ${today} <= 31 AND c.r_end < 0.5
       END AS has_end,
       least(coalesce(c.closed_on, ${today}), c.end_date) AS last_day
     FROM c`;
}

/** Each case's outcome and dates, its quarter's programme, the citizen and the case. */
function caseStatements(today: string, seed: number, realistic: boolean): string[] {
  return [
    outcomeStatement(today, seed, realistic),
    `CREATE TEMP TABLE bench_programme ON COMMIT DROP AS
     SELECT ${seededUuid(seed, `'programme/' || municipality_id || '/' || round`)} AS id, municipality_id, round,
       sum(grant_ore) AS granted
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
     FROM bench_case c ORDER BY c.municipality_id, c.case_number`,
    `CREATE TEMP TABLE bench_case_row ON COMMIT DROP AS
     SELECT c.*, p.id AS programme_id FROM bench_case c
     JOIN bench_programme p ON p.municipality_id = c.municipality_id AND p.round = c.round`,
    `INSERT INTO citizen_case (id, municipality_id, case_number, programme_id, citizen_id, phase, referral_source,
       referral_reason, referred_on, lead_in_started_on, start_date, duration_months, close_outcome, closed_on,
       close_reason, baseline_consent, income_source, highest_education, dream)
     SELECT c.id, c.municipality_id, c.case_number, c.programme_id, c.citizen_id,
       CASE WHEN c.state IN ('completed', 'terminated_early', 'declined') THEN 'closed' ELSE c.state END,
       c.referral_source, 'Henvist til borgerstyret budget', c.start_date - c.referral_days,
       CASE WHEN c.state NOT IN ('referred', 'screening', 'declined') THEN c.start_date - c.referral_days + 7 END,
       CASE WHEN c.started THEN c.start_date END, CASE WHEN c.started THEN 12 END,
       CASE WHEN c.state IN ('completed', 'terminated_early', 'declined') THEN c.state END, c.closed_on,
       CASE c.state WHEN 'terminated_early' THEN c.reason WHEN 'declined' THEN 'Borgeren ønskede ikke at deltage' END,
       c.consent,
       CASE WHEN c.consent THEN c.income_source END,
       CASE WHEN c.consent THEN c.highest_education END,
       ${realistic ? `'Et godt liv med ' || replace(c.goal_1, '_', ' ')` : `''`}
     FROM bench_case_row c ORDER BY c.municipality_id, c.case_number`,
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
  options: GenerateOptions & {
    /** How many of the 98 municipalities; by default one for every 100 cases. */
    municipalities?: number;
  },
  /** Called after each statement with its first line and its time in ms. */
  onStep?: (statement: string, ms: number) => void,
): Promise<Generated> {
  const n = options.cases;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Cases must be a positive count, got ${n}`);
  const municipalities = Math.max(
    1,
    Math.min(MUNICIPALITIES.length, options.municipalities ?? Math.floor(n / 100)),
  );
  for (const statement of statements(options, municipalities)) {
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
