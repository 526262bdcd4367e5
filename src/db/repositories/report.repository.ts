import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../client.ts';

// The evaluation report's aggregations (SPEC §4, issue 5 "computed in SQL aggregations"): every figure
// is a GROUP BY over the selected cases, one row per municipality and code, never a row per case, so
// the report stays a handful of queries however many cases there are. Queries only: the rows are
// turned into the domain's ReportRows and the report by report.service.ts.
//
// Bases: `started` = cases that reached `active` (a start date) within the selection; `followed` =
// started cases with a `citizen_end` questionnaire (even one saved part-way). The questionnaire
// figures read only followed-up cases (§6.1: "98 of 101").

export interface ReportFilter {
  /** Municipality codes; never empty. */
  municipalityIds: readonly number[];
  programmeId?: string | undefined;
  /** Cases started from … to, both included (ISO dates). */
  from?: string | undefined;
  to?: string | undefined;
}

export interface CountAggregate {
  figure: string;
  municipality: string;
  code: string;
  count: number;
}

export interface MunicipalityAggregate {
  municipality: string;
  started: number;
  followed_up: number;
  age_n: number;
  age_sum: number;
  goals_answered: number;
  who5_n: number;
  who5_start_sum: number;
  who5_end_sum: number;
}

export interface PairAggregate {
  municipality: string;
  start: string;
  end: string;
  count: number;
}

export interface ReasonAggregate {
  municipality: string;
  reason: string;
  count: number;
}

export interface SpendingTotalsAggregate {
  municipality: string;
  granted: number;
  spent: number;
  returned: number;
}

export interface SpendingCategoryAggregate {
  municipality: string;
  category: string;
  amount: number;
  count: number;
  citizens: number;
}

/** The selected started cases, and those of them that were followed up, with their four answer sets. */
function bases(filter: ReportFilter): RawBuilder<unknown> {
  if (filter.municipalityIds.length === 0) throw new RangeError('A report needs at least one municipality');
  const conditions = [
    sql`c.start_date is not null`,
    sql`c.municipality_id in (${sql.join(filter.municipalityIds.map((m) => sql`${m}::integer`))})`,
  ];
  if (filter.programmeId !== undefined) conditions.push(sql`c.programme_id = ${filter.programmeId}::uuid`);
  if (filter.from !== undefined) conditions.push(sql`c.start_date >= ${filter.from}::date`);
  if (filter.to !== undefined) conditions.push(sql`c.start_date <= ${filter.to}::date`);
  const answers = (instrument: string, alias: string) =>
    sql`left join questionnaire_response ${sql.raw(alias)} on ${sql.raw(alias)}.case_id = s.id
          and ${sql.raw(alias)}.municipality_id = s.municipality_id
          and ${sql.raw(alias)}.instrument = ${instrument}`;
  return sql`
    started as materialized (
      select c.id, c.municipality_id, c.municipality_id::text as municipality, c.citizen_id, c.start_date,
        c.phase, c.close_outcome, c.close_reason, c.income_source, c.highest_education
      from citizen_case c
      where ${sql.join(conditions, sql` and `)}
    ),
    followed as materialized (
      select s.id, s.municipality, ce.answers as ce, cs.answers as cs, ss.answers as ss, se.answers as se
      from started s
      join questionnaire_response ce on ce.case_id = s.id and ce.municipality_id = s.municipality_id
        and ce.instrument = 'citizen_end'
      ${answers('citizen_start', 'cs')}
      ${answers('support_start', 'ss')}
      ${answers('support_end', 'se')}
    )`;
}

/** WHO-5 score (raw sum × 4) of an answer set, null unless all five items are numbers. */
function who5Score(answers: string): RawBuilder<number | null> {
  const items = [1, 2, 3, 4, 5].map((i) => `${answers}->'who5_${i}'`);
  const complete = items.map((x) => `jsonb_typeof(${x}) = 'number'`).join(' and ');
  const sum = items.map((x) => `(${x})::integer`).join(' + ');
  return sql.raw<number | null>(`case when ${complete} then (${sum}) * 4 end`);
}

/** Goal categories as a JSON array (an answer set without them gives an empty one). */
const GOALS = sql.raw(
  `case when jsonb_typeof(f.cs->'goal_categories') = 'array' then f.cs->'goal_categories' else '[]'::jsonb end`,
);

/**
 * The report reads every selected case once per query, so hash joins are always right; a nested loop
 * (chosen when the planner's statistics are stale — PGlite has no autovacuum, and the app's role may
 * not ANALYZE) turns 100,000 cases into 100,000 index probes per answer set. Transaction-local.
 */
export async function preferHashJoins(tx: Tx): Promise<void> {
  await sql`set local enable_nestloop = off`.execute(tx);
}

/** Every single-choice figure in one pass: (figure, municipality, code) → cases. */
export async function countAggregates(tx: Tx, filter: ReportFilter): Promise<CountAggregate[]> {
  const { rows } = await sql<CountAggregate>`
    with ${bases(filter)},
    answers (figure, municipality, code) as (
      select 'gender', s.municipality, z.legal_gender from started s join citizen z on z.id = s.citizen_id
      union all
      select 'completion', s.municipality,
        case when s.phase <> 'closed' then 'active' else s.close_outcome end
      from started s where s.phase <> 'closed' or s.close_outcome in ('completed', 'terminated_early')
      union all
      select 'education', s.municipality, s.highest_education from started s
      where s.highest_education is not null
      union all
      select 'incomeSource', s.municipality, s.income_source from started s where s.income_source is not null
      union all
      select 'startDistance', f.municipality, f.cs->>'distance' from followed f where f.cs ? 'distance'
      union all
      select 'endDistance', f.municipality, f.ce->>'distance' from followed f where f.ce ? 'distance'
      union all
      select 'supportBelief', f.municipality, f.ss->>'belief' from followed f where f.ss ? 'belief'
      union all
      select 'supportAssessment', f.municipality, f.se->>'assessment' from followed f
      where f.se ? 'assessment'
      union all
      select 'goalCategories', f.municipality, g.code
      from followed f
      cross join lateral (select distinct e.code from jsonb_array_elements_text(${GOALS}) as e (code)) as g
    )
    select figure, municipality, code, count(*)::bigint as count
    from answers group by figure, municipality, code order by figure, municipality, code`.execute(tx);
  return rows;
}

/** Per municipality: the bases, the ages, the goal-category answers and the WHO-5 sums. */
export async function municipalityAggregates(tx: Tx, filter: ReportFilter): Promise<MunicipalityAggregate[]> {
  const { rows } = await sql<MunicipalityAggregate>`
    with ${bases(filter)},
    ages as (
      select s.municipality,
        count(*)::bigint as started,
        count(*)::bigint as age_n,
        coalesce(sum(
          extract(year from s.start_date)::integer - extract(year from z.birth_date)::integer
          - case when (extract(month from s.start_date), extract(day from s.start_date))
                    < (extract(month from z.birth_date), extract(day from z.birth_date)) then 1 else 0 end
        ), 0)::bigint as age_sum
      from started s join citizen z on z.id = s.citizen_id
      group by s.municipality
    ),
    scores as (
      select f.municipality, ${who5Score('f.cs')} as start_score, ${who5Score('f.ce')} as end_score,
        jsonb_array_length(${GOALS}) > 0 as has_goals
      from followed f
    ),
    follow as (
      select municipality, count(*)::bigint as followed_up,
        count(*) filter (where has_goals)::bigint as goals_answered,
        count(*) filter (where start_score is not null and end_score is not null)::bigint as who5_n,
        coalesce(sum(start_score) filter (where end_score is not null), 0)::bigint as who5_start_sum,
        coalesce(sum(end_score) filter (where start_score is not null), 0)::bigint as who5_end_sum
      from scores group by municipality
    )
    select a.municipality, a.started, coalesce(f.followed_up, 0)::bigint as followed_up, a.age_n, a.age_sum,
      coalesce(f.goals_answered, 0)::bigint as goals_answered, coalesce(f.who5_n, 0)::bigint as who5_n,
      coalesce(f.who5_start_sum, 0)::bigint as who5_start_sum,
      coalesce(f.who5_end_sum, 0)::bigint as who5_end_sum
    from ages a left join follow f on f.municipality = a.municipality
    order by a.municipality`.execute(tx);
  return rows;
}

/** Followed-up cases by their start and end distance (Figure 6.4 is computed from these pairs). */
export async function distancePairs(tx: Tx, filter: ReportFilter): Promise<PairAggregate[]> {
  const { rows } = await sql<PairAggregate>`
    with ${bases(filter)}
    select f.municipality, f.cs->>'distance' as start, f.ce->>'distance' as end, count(*)::bigint as count
    from followed f where f.cs ? 'distance' and f.ce ? 'distance'
    group by 1, 2, 3 order by 1, 2, 3`.execute(tx);
  return rows;
}

/** Started cases terminated early, by their (trimmed) reason. */
export async function terminationReasons(tx: Tx, filter: ReportFilter): Promise<ReasonAggregate[]> {
  const { rows } = await sql<ReasonAggregate>`
    with ${bases(filter)}
    select s.municipality, btrim(s.close_reason) as reason, count(*)::bigint as count
    from started s
    where s.close_outcome = 'terminated_early' and btrim(coalesce(s.close_reason, '')) <> ''
    group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/** Per municipality: granted, spent (payments − refunds) and returned to the pool, in øre. */
export async function spendingTotals(tx: Tx, filter: ReportFilter): Promise<SpendingTotalsAggregate[]> {
  const { rows } = await sql<SpendingTotalsAggregate>`
    with ${bases(filter)}
    select s.municipality,
      coalesce(sum(l.amount_ore) filter (where l.kind = 'grant'), 0)::bigint as granted,
      (coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
        - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0))::bigint as spent,
      coalesce(sum(l.amount_ore) filter (where l.kind = 'return_to_pool'), 0)::bigint as returned
    from started s
    left join ledger_entry l on l.case_id = s.id and l.municipality_id = s.municipality_id
      and l.kind in ('grant', 'payment', 'refund', 'return_to_pool')
    group by s.municipality order by s.municipality`.execute(tx);
  return rows;
}

/**
 * Per municipality and expense category: net amount paid (payments − refunds), purchases paid and
 * citizens with a purchase. A purchase is a request with a payment; a payment without a request (none
 * is made today) counts as one purchase in `other`.
 */
export async function spendingByCategory(tx: Tx, filter: ReportFilter): Promise<SpendingCategoryAggregate[]> {
  const { rows } = await sql<SpendingCategoryAggregate>`
    with ${bases(filter)},
    purchases as (
      select s.municipality, s.id as case_id, coalesce(r.category, 'other') as category,
        count(*) filter (where l.kind = 'payment') as payments,
        coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
          - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0) as net
      from started s
      join ledger_entry l on l.case_id = s.id and l.municipality_id = s.municipality_id
        and l.kind in ('payment', 'refund')
      left join purchase_request r on r.id = l.purchase_request_id and r.municipality_id = l.municipality_id
      group by s.municipality, s.id, l.purchase_request_id, r.category
      having count(*) filter (where l.kind = 'payment') > 0
    )
    select municipality, category, sum(net)::bigint as amount, sum(payments)::bigint as count,
      count(distinct case_id)::bigint as citizens
    from purchases group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/** The municipalities that run the scheme (have a programme), by code. */
export async function schemeMunicipalities(tx: Tx): Promise<{ id: number; name: string }[]> {
  return tx
    .selectFrom('municipality as m')
    .select(['m.id', 'm.name'])
    .where((eb) =>
      eb.exists(eb.selectFrom('programme as p').select('p.id').whereRef('p.municipality_id', '=', 'm.id')),
    )
    .orderBy('m.id')
    .execute();
}

/** A programme's municipality, or undefined when it does not exist (or is outside the scope). */
export async function programmeMunicipality(
  tx: Tx,
  programmeId: string,
): Promise<{ municipality_id: number; name: string } | undefined> {
  return tx
    .selectFrom('programme')
    .select(['municipality_id', 'name'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
}
