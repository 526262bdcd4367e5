import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../client.ts';

// The evaluation report's aggregations, computed in SQL (spec: Evaluation report): every figure
// is a GROUP BY over the selected cases' facts, one row per municipality and code, never a row per
// case. The facts (case_report_fact: one row per started case, with its spending by expense category
// and payment method) are kept by triggers in the transaction of every change to a report input
// (migrations 20261209120000_report_facts.sql and 20261211100000_report_spending_in_facts.sql, ADR 0014),
// so the report reads one narrow table and joins nothing, however many cases and postings there are. Queries only: the rows are
// turned into the domain's ReportRows and the report by report.service.ts.
//
// Bases: `started` = cases that reached `active` (a start date) within the selection — the cases that
// have facts; `followed` = started cases with a `citizen_end` questionnaire (even one saved part-way).
// The questionnaire figures read only followed-up cases (2020 evaluation report, §6.1: "98 of 101").

export interface ReportFilter {
  /** Municipality codes; never empty. */
  municipalityIds: readonly number[];
  programmeId?: string | undefined;
  /** Cases started from … to, both included (ISO dates). */
  from?: string | undefined;
  to?: string | undefined;
}

export interface CodeCount {
  /** A coded figure, `goalCategories` or `distancePairs`. */
  figure: string;
  municipality: string;
  code: string;
  /** The end distance of a `distancePairs` row; null otherwise. */
  end: string | null;
  count: number;
}

export interface ReasonAggregate {
  municipality: string;
  reason: string;
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
  /** Grants, payments − refunds, returns to the pool, in øre. */
  granted: number;
  spent: number;
  returned: number;
}

export interface SpendingAggregate {
  dimension: 'category' | 'method';
  municipality: string;
  /** An expense category or a payment method. */
  code: string;
  amount: number;
  count: number;
  citizens: number;
}

/** The selection as a condition on a fact table's municipality, programme and start date. */
function selected(filter: ReportFilter): RawBuilder<unknown> {
  if (filter.municipalityIds.length === 0) throw new RangeError('A report needs at least one municipality');
  const conditions = [
    sql`municipality_id in (${sql.join(filter.municipalityIds.map((m) => sql`${m}::integer`))})`,
  ];
  if (filter.programmeId !== undefined) conditions.push(sql`programme_id = ${filter.programmeId}::uuid`);
  if (filter.from !== undefined) conditions.push(sql`start_date >= ${filter.from}::date`);
  if (filter.to !== undefined) conditions.push(sql`start_date <= ${filter.to}::date`);
  return sql.join(conditions, sql` and `);
}

/** The coded figures (their counts as CountRows) and the fact column each reads. */
const CODED = {
  gender: 'gender',
  completion: 'completion',
  education: 'education',
  incomeSource: 'income_source',
  startDistance: 'start_distance',
  endDistance: 'end_distance',
  supportBelief: 'support_belief',
  supportAssessment: 'support_assessment',
} as const;
type CodedFigure = keyof typeof CODED;

/** The codes each figure may have (the domain's scales), and the distance pairs' two scales. */
export interface FigureCodes {
  coded: Readonly<Record<CodedFigure, readonly string[]>>;
  goalCategories: readonly string[];
  pairs: { start: readonly string[]; end: readonly string[] };
}

/** One aggregate of a one-pass query and the row it becomes when it is not zero. */
interface Cell {
  aggregate: RawBuilder<unknown>;
  row: Omit<CodeCount, 'municipality' | 'count'>;
}

/** Codes of a figure that is not on its scale: a bug (the domain refuses them), never a silent miss. */
class CodeOutsideScale extends Error {
  constructor(readonly figure: string) {
    super(`The report facts hold a ${figure} code that is not on its scale.`);
  }
}

const list = (codes: readonly string[]) => sql`array[${sql.join(codes.map((c) => sql`${c}::text`))}]`;

/**
 * Every coded figure in one pass over the facts — (figure, municipality, code) → cases, the distance
 * pairs with their end code — as one row per municipality with an aggregate per code: counting with
 * FILTER is many times faster than grouping by the code (a grouping set per figure took 1.5 s at
 * 100,000 cases, this 70 ms). The questionnaire codes are set only for followed-up cases, so each
 * figure counts its own base; a code that no case has is no row, as a GROUP BY gives none.
 */
export async function codeCounts(tx: Tx, filter: ReportFilter, codes: FigureCodes): Promise<CodeCount[]> {
  const cells: Cell[] = [];
  const checks: { figure: string; aggregate: RawBuilder<unknown> }[] = [];
  for (const [figure, column] of Object.entries(CODED) as [CodedFigure, string][]) {
    const known = codes.coded[figure];
    for (const code of known)
      cells.push({
        aggregate: sql`count(*) filter (where ${sql.ref(column)} = ${code}::text)`,
        row: { figure, code, end: null },
      });
    checks.push({
      figure,
      aggregate: sql`count(*) filter (where ${sql.ref(column)} <> all(${list(known)}))`,
    });
  }
  for (const code of codes.goalCategories)
    cells.push({
      aggregate: sql`count(*) filter (where ${code}::text = any(goal_categories))`,
      row: { figure: 'goalCategories', code, end: null },
    });
  checks.push({
    figure: 'goalCategories',
    aggregate: sql`count(*) filter (where not goal_categories <@ ${list(codes.goalCategories)})`,
  });
  for (const start of codes.pairs.start)
    for (const end of codes.pairs.end)
      cells.push({
        aggregate: sql`count(*) filter (where start_distance = ${start}::text and end_distance = ${end}::text)`,
        row: { figure: 'distancePairs', code: start, end },
      });
  const aggregates = [...cells, ...checks].map((c, i) => sql`${c.aggregate}::bigint as ${sql.ref(`c${i}`)}`);
  const { rows } = await sql<Record<string, number | string>>`
    select municipality_id::text as municipality, ${sql.join(aggregates)}
    from case_report_fact
    where ${selected(filter)}
    group by municipality_id`.execute(tx);
  const out: CodeCount[] = [];
  for (const r of rows) {
    checks.forEach((check, i) => {
      if (Number(r[`c${cells.length + i}`]) > 0) throw new CodeOutsideScale(check.figure);
    });
    cells.forEach((cell, i) => {
      const count = Number(r[`c${i}`]);
      if (count > 0) out.push({ ...cell.row, municipality: String(r.municipality), count });
    });
  }
  return out;
}

/**
 * Started cases terminated early, by their (trimmed) reason. An anonymised case's reason is gone with
 * its other words (spec: Retention); it still counts as terminated early in the completion figure.
 */
export async function terminationReasons(tx: Tx, filter: ReportFilter): Promise<ReasonAggregate[]> {
  const { rows } = await sql<ReasonAggregate>`
    select municipality_id::text as municipality, termination_reason as reason, count(*)::bigint as count
    from case_report_fact
    where ${selected(filter)} and termination_reason is not null
    group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/** Per municipality: the bases, the ages, the goal-category answers, the WHO-5 sums and the money. */
export async function municipalityAggregates(tx: Tx, filter: ReportFilter): Promise<MunicipalityAggregate[]> {
  const { rows } = await sql<MunicipalityAggregate>`
    select municipality_id::text as municipality,
      count(*)::bigint as started,
      count(*) filter (where followed_up)::bigint as followed_up,
      count(*)::bigint as age_n,
      coalesce(sum(age_at_start), 0)::bigint as age_sum,
      count(*) filter (where goals_answered)::bigint as goals_answered,
      count(*) filter (where who5_start is not null and who5_end is not null)::bigint as who5_n,
      coalesce(sum(who5_start) filter (where who5_end is not null), 0)::bigint as who5_start_sum,
      coalesce(sum(who5_end) filter (where who5_start is not null), 0)::bigint as who5_end_sum,
      sum(granted_ore)::bigint as granted,
      sum(spent_ore)::bigint as spent,
      sum(returned_ore)::bigint as returned
    from case_report_fact
    where ${selected(filter)}
    group by municipality_id order by 1`.execute(tx);
  return rows;
}

/** The expense categories and payment methods the spending figures count. */
export interface SpendingCodes {
  category: readonly string[];
  method: readonly string[];
}

/**
 * Per municipality and expense category (`dimension` 'category') or payment method ('method'): net amount
 * paid (payments − refunds), purchases paid and citizens with one (the view case_report_source says
 * what a purchase is). One pass over the facts, summing each code's two columns; a code that no case
 * has is no row, as a GROUP BY gives none.
 */
export async function spendingAggregates(
  tx: Tx,
  filter: ReportFilter,
  codes: SpendingCodes,
): Promise<SpendingAggregate[]> {
  const keys = (['category', 'method'] as const).flatMap((dimension) =>
    codes[dimension].map((code) => ({ dimension, code })),
  );
  const aggregates = keys.flatMap(({ dimension, code }, i) => {
    const purchases = sql.ref(`${dimension}_${code}_purchases`);
    return [
      sql`sum(${sql.ref(`${dimension}_${code}_net_ore`)})::bigint as ${sql.ref(`a${i}`)}`,
      sql`sum(${purchases})::bigint as ${sql.ref(`p${i}`)}`,
      sql`count(*) filter (where ${purchases} > 0)::bigint as ${sql.ref(`c${i}`)}`,
    ];
  });
  const { rows } = await sql<Record<string, number | string>>`
    select municipality_id::text as municipality, ${sql.join(aggregates)}
    from case_report_fact
    where ${selected(filter)}
    group by municipality_id`.execute(tx);
  const out: SpendingAggregate[] = [];
  for (const r of rows)
    keys.forEach(({ dimension, code }, i) => {
      const citizens = Number(r[`c${i}`]);
      if (citizens > 0)
        out.push({
          dimension,
          municipality: String(r.municipality),
          code,
          amount: Number(r[`a${i}`]),
          count: Number(r[`p${i}`]),
          citizens,
        });
    });
  // As a GROUP BY over (dimension, municipality, code) orders them.
  const order = (r: SpendingAggregate) => [r.dimension, r.municipality, r.code].join('\u0000');
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
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
