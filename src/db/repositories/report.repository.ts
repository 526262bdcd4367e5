import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../client.ts';

// The evaluation report's aggregations, computed in SQL (spec: Evaluation report): every figure
// is a GROUP BY over the selected cases, one row per municipality and code, never a row per case, so
// the report stays a handful of queries however many cases there are. Queries only: the rows are
// turned into the domain's ReportRows and the report by report.service.ts.
//
// Bases: `started` = cases that reached `active` (a start date) within the selection; `followed` =
// started cases with a `citizen_end` questionnaire (even one saved part-way). The questionnaire
// figures read only followed-up cases (2020 evaluation report, §6.1: "98 of 101").

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

export interface PaymentMethodAggregate {
  municipality: string;
  method: string;
  amount: number;
  count: number;
  citizens: number;
}

/**
 * Selects the report's two bases once, as transaction-local tables the six aggregations read:
 * `report_started` — the selected cases that reached `active` (a start date) — and `report_followed` —
 * those of them with a `citizen_end` questionnaire, with their four answer sets side by side. Building them once, and ANALYZE giving the planner their real sizes (row-level
 * security hides them otherwise), is what keeps the report fast at 100,000 cases. Call it before the
 * aggregations, in the same transaction; the tables go at commit.
 */
export async function selectBases(tx: Tx, filter: ReportFilter): Promise<void> {
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
  await sql`drop table if exists report_followed, report_started`.execute(tx);
  await sql`
    create temp table report_started on commit drop as
    select c.id, c.municipality_id, c.municipality_id::text as municipality, c.citizen_id, c.start_date,
      c.phase, c.close_outcome, c.close_reason, c.income_source, c.highest_education, c.anonymised_at
    from citizen_case c
    where ${sql.join(conditions, sql` and `)}`.execute(tx);
  await sql`
    create temp table report_followed on commit drop as
    select s.id, s.municipality, ce.answers as ce, cs.answers as cs, ss.answers as ss, se.answers as se
    from report_started s
    join questionnaire_response ce on ce.case_id = s.id and ce.municipality_id = s.municipality_id
      and ce.instrument = 'citizen_end'
    ${answers('citizen_start', 'cs')}
    ${answers('support_start', 'ss')}
    ${answers('support_end', 'se')}`.execute(tx);
  await sql`analyze report_started`.execute(tx);
  await sql`analyze report_followed`.execute(tx);
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

/** Every single-choice figure in one pass: (figure, municipality, code) → cases. */
export async function countAggregates(tx: Tx): Promise<CountAggregate[]> {
  const { rows } = await sql<CountAggregate>`
    with
    answers (figure, municipality, code) as (
      select 'gender', s.municipality, z.legal_gender from report_started s join citizen z on z.id = s.citizen_id
      union all
      select 'completion', s.municipality,
        case when s.phase <> 'closed' then 'active' else s.close_outcome end
      from report_started s where s.phase <> 'closed' or s.close_outcome in ('completed', 'terminated_early')
      union all
      select 'education', s.municipality, s.highest_education from report_started s
      where s.highest_education is not null
      union all
      select 'incomeSource', s.municipality, s.income_source from report_started s where s.income_source is not null
      union all
      select 'startDistance', f.municipality, f.cs->>'distance' from report_followed f where f.cs ? 'distance'
      union all
      select 'endDistance', f.municipality, f.ce->>'distance' from report_followed f where f.ce ? 'distance'
      union all
      select 'supportBelief', f.municipality, f.ss->>'belief' from report_followed f where f.ss ? 'belief'
      union all
      select 'supportAssessment', f.municipality, f.se->>'assessment' from report_followed f
      where f.se ? 'assessment'
      union all
      select 'goalCategories', f.municipality, g.code
      from report_followed f
      cross join lateral (select distinct e.code from jsonb_array_elements_text(${GOALS}) as e (code)) as g
    )
    select figure, municipality, code, count(*)::bigint as count
    from answers group by figure, municipality, code order by figure, municipality, code`.execute(tx);
  return rows;
}

/** Per municipality: the bases, the ages, the goal-category answers and the WHO-5 sums. */
export async function municipalityAggregates(tx: Tx): Promise<MunicipalityAggregate[]> {
  const { rows } = await sql<MunicipalityAggregate>`
    with
    ages as (
      select s.municipality,
        count(*)::bigint as started,
        count(*)::bigint as age_n,
        coalesce(sum(
          extract(year from s.start_date)::integer - extract(year from z.birth_date)::integer
          - case when (extract(month from s.start_date), extract(day from s.start_date))
                    < (extract(month from z.birth_date), extract(day from z.birth_date)) then 1 else 0 end
        ), 0)::bigint as age_sum
      from report_started s join citizen z on z.id = s.citizen_id
      group by s.municipality
    ),
    scores as (
      select f.municipality, ${who5Score('f.cs')} as start_score, ${who5Score('f.ce')} as end_score,
        jsonb_array_length(${GOALS}) > 0 as has_goals
      from report_followed f
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
export async function distancePairs(tx: Tx): Promise<PairAggregate[]> {
  const { rows } = await sql<PairAggregate>`
    select f.municipality, f.cs->>'distance' as start, f.ce->>'distance' as end, count(*)::bigint as count
    from report_followed f where f.cs ? 'distance' and f.ce ? 'distance'
    group by 1, 2, 3 order by 1, 2, 3`.execute(tx);
  return rows;
}

/**
 * Started cases terminated early, by their (trimmed) reason. An anonymised case's reason is gone with
 * its other words (spec: Retention); it still counts as terminated early in the completion figure.
 */
export async function terminationReasons(tx: Tx): Promise<ReasonAggregate[]> {
  const { rows } = await sql<ReasonAggregate>`
    select s.municipality, btrim(s.close_reason) as reason, count(*)::bigint as count
    from report_started s
    where s.close_outcome = 'terminated_early' and s.anonymised_at is null
      and btrim(coalesce(s.close_reason, '')) <> ''
    group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/** Per municipality: granted, spent (payments − refunds) and returned to the pool, in øre. */
export async function spendingTotals(tx: Tx): Promise<SpendingTotalsAggregate[]> {
  const { rows } = await sql<SpendingTotalsAggregate>`
    select s.municipality,
      coalesce(sum(l.amount_ore) filter (where l.kind = 'grant'), 0)::bigint as granted,
      (coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
        - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0))::bigint as spent,
      coalesce(sum(l.amount_ore) filter (where l.kind = 'return_to_pool'), 0)::bigint as returned
    from report_started s
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
export async function spendingByCategory(tx: Tx): Promise<SpendingCategoryAggregate[]> {
  const { rows } = await sql<SpendingCategoryAggregate>`
    with
    purchases as (
      select l.case_id, l.municipality_id, l.purchase_request_id,
        count(*) filter (where l.kind = 'payment') as payments,
        coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
          - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0) as net
      from ledger_entry l
      where l.kind in ('payment', 'refund')
      group by l.case_id, l.municipality_id, l.purchase_request_id
      having count(*) filter (where l.kind = 'payment') > 0
    ),
    by_case as (
      select s.municipality, s.id, coalesce(r.category, 'other') as category,
        sum(p.payments) as payments, sum(p.net) as net
      from purchases p
      join report_started s on s.id = p.case_id and s.municipality_id = p.municipality_id
      left join purchase_request r on r.id = p.purchase_request_id and r.municipality_id = p.municipality_id
      group by 1, 2, 3
    )
    select municipality, category, sum(net)::bigint as amount, sum(payments)::bigint as count,
      count(*)::bigint as citizens
    from by_case group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/**
 * Per municipality and payment method: net amount paid (payments − refunds), purchases paid and citizens
 * with one. A purchase is counted as `spendingByCategory` counts it; its method is its payment's.
 */
export async function purchasesByPaymentMethod(tx: Tx): Promise<PaymentMethodAggregate[]> {
  const { rows } = await sql<PaymentMethodAggregate>`
    with
    purchases as (
      select l.case_id, l.municipality_id, l.purchase_request_id,
        min(l.payment_method) filter (where l.kind = 'payment') as method,
        count(*) filter (where l.kind = 'payment') as payments,
        coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
          - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0) as net
      from ledger_entry l
      where l.kind in ('payment', 'refund')
      group by l.case_id, l.municipality_id, l.purchase_request_id
      having count(*) filter (where l.kind = 'payment') > 0
    ),
    by_case as (
      select s.municipality, s.id, p.method, sum(p.payments) as payments, sum(p.net) as net
      from purchases p
      join report_started s on s.id = p.case_id and s.municipality_id = p.municipality_id
      group by 1, 2, 3
    )
    select municipality, method, sum(net)::bigint as amount, sum(payments)::bigint as count,
      count(*)::bigint as citizens
    from by_case group by 1, 2 order by 1, 2`.execute(tx);
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
