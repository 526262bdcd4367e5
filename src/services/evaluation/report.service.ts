import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import {
  codeCounts,
  municipalityAggregates,
  programmeMunicipality,
  schemeMunicipalities,
  spendingAggregates,
  terminationReasons,
  type FigureCodes,
  type SpendingCodes,
  type MunicipalityAggregate,
  type ReportFilter,
  type SpendingAggregate,
} from '../../db/repositories/report.repository.ts';
import { NotFound, ValidationFailed } from '../../domain/errors.ts';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../domain/expense-category.ts';
import { ore } from '../../domain/money.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../../domain/purchase-request.ts';
import { isAllowed } from '../../domain/permissions.ts';
import { anonymiseReport, type AnonymisedReport } from '../../domain/report/anonymise.ts';
import { buildReport, type Report, type ReportSelection } from '../../domain/report/report.ts';
import { EMPTY_REPORT_ROWS, type CountRow, type ReportRows } from '../../domain/report/report-rows.ts';
import {
  ASSESSMENT,
  BELIEF,
  COMPLETION,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  GENDER,
  GOAL_CATEGORY,
  INCOME_SOURCE,
  type DistanceEnd,
  type DistanceStart,
} from '../../domain/report/scales.ts';
import { authorize } from '../access/access.ts';
import type { Actor, Clock, ServiceDeps } from '../context.ts';
import { optionalDate, parseInput, say } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';

// The evaluation report (spec: Evaluation report). The database does the counting (report.repository.ts: a
// few GROUP BYs over the per-case facts its triggers keep, however many cases); the domain turns the rows into figures (buildReport) and, for
// the national evaluator, applies the small-count rule (anonymiseReport).
//
// Who sees what (spec: Selection): the coordinator their own municipality's report, with the reasons cases
// were terminated early; the evaluator every municipality in the scheme, all together or one at a
// time, always anonymised — never a single person's data. Everyone else gets NotFound.
//
// Neither the access log nor the audit log gets an entry: the access log records reads of a citizen's
// personal data and is shown to that citizen (no single citizen is read here), and the audit log
// records changes (a report changes nothing).

const ReportInput = z.object({
  /** A municipality code; empty = all the actor may see. */
  municipality: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^\d{3}$/, say('field.report.municipality'))
        .optional(),
    ),
  programme: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.uuid(say('field.report.programme')).optional()),
  from: optionalDate,
  to: optionalDate,
});

export interface ReportMunicipality {
  code: string;
  name: string;
}

export interface ReportView {
  /** Anonymised for the evaluator; a coordinator's report has plain numbers (the same type fits both). */
  report: AnonymisedReport;
  anonymised: boolean;
  /** The municipalities the actor may choose between (one for a coordinator). */
  municipalities: ReportMunicipality[];
}

/** What the operator's command line asks for (`borgerbudget report`). */
export interface OperatorReportInput {
  municipality?: string | undefined;
  anonymise: boolean;
}

type Parsed = z.output<typeof ReportInput>;

function periodOf(v: Parsed): ReportSelection['period'] {
  if (v.from === undefined || v.to === undefined) return undefined;
  return { from: v.from, to: v.to };
}

export function createReportService(deps: ServiceDeps) {
  return {
    view: (actor: Actor, input: unknown) => reportView(deps, actor, input),
    forOperator: (input: OperatorReportInput) => operatorReport(deps, input),
  };
}

/** The report for the web page and the API: the actor's own municipality, or anonymised national. */
async function reportView(deps: ServiceDeps, actor: Actor, input: unknown): Promise<ReportView> {
  const { database, clock } = deps;
  const national = isAllowed(actor.role, 'report.viewNational');
  authorize(actor, national ? 'report.viewNational' : 'report.viewMunicipality');
  const v = parseInput(ReportInput, input);
  if (v.from !== undefined && v.to !== undefined && v.from > v.to)
    throw new ValidationFailed({ to: message('field.report.to') });
  const scope = national || actor.municipalityId === null ? 'all' : { municipalityId: actor.municipalityId };
  return database.transaction(scope, async (tx) => {
    const all = (await schemeMunicipalities(tx)).map((m) => ({ code: String(m.id), name: m.name }));
    const own = national ? all : all.filter((m) => m.code === String(actor.municipalityId));
    let chosen = v.municipality === undefined ? own : own.filter((m) => m.code === v.municipality);
    if (v.programme !== undefined) {
      const p = await programmeMunicipality(tx, v.programme);
      if (p === undefined) throw new NotFound();
      chosen = chosen.filter((m) => m.code === String(p.municipality_id));
    }
    // Another municipality's code, or a programme outside the choice, looks like nothing at all.
    if (chosen.length === 0) throw new NotFound();
    const selection: ReportSelection = {
      municipalities: chosen.map((m) => m.code),
      ...(v.programme !== undefined ? { programme: v.programme } : {}),
      ...(periodOf(v) ? { period: periodOf(v) } : {}),
    };
    const filter: ReportFilter = {
      municipalityIds: chosen.map((m) => Number(m.code)),
      programmeId: v.programme,
      from: v.from,
      to: v.to,
    };
    const report = await compute(clock, tx, filter, selection);
    return {
      report: national ? anonymiseReport(report) : report,
      anonymised: national,
      municipalities: own,
    };
  });
}

/**
 * `borgerbudget report`: the operator who runs the command has the database itself, so there is no
 * actor; the whole database (an empty report when it has no programme yet), or one municipality,
 * anonymised on request.
 */
async function operatorReport(deps: ServiceDeps, input: OperatorReportInput): Promise<AnonymisedReport> {
  const { database, clock } = deps;
  return database.transaction('all', async (tx) => {
    const all = (await schemeMunicipalities(tx)).map((m) => String(m.id));
    const { municipality } = input;
    if (municipality !== undefined && !all.includes(municipality))
      throw new ValidationFailed({
        municipality: message('field.cli.noProgramme', { municipality }),
      });
    const chosen = municipality === undefined ? all : [municipality];
    const report = await compute(
      clock,
      tx,
      { municipalityIds: chosen.map(Number) },
      { municipalities: chosen },
    );
    return input.anonymise ? anonymiseReport(report) : report;
  });
}

/** The report of the bases the filter selects, dated now. */
async function compute(
  clock: Clock,
  tx: Tx,
  filter: ReportFilter,
  selection: ReportSelection,
): Promise<Report> {
  // No municipality selected (a database without programmes): an empty report, nothing to count.
  let rows = EMPTY_REPORT_ROWS;
  if (filter.municipalityIds.length > 0) {
    rows = await reportRows(tx, filter);
  }
  return buildReport({ generatedAt: clock.now(), selection, rows });
}

/** The codes the report counts: its scales. */
const FIGURE_CODES: FigureCodes = {
  coded: {
    gender: GENDER.codes,
    completion: COMPLETION.codes,
    education: EDUCATION.codes,
    incomeSource: INCOME_SOURCE.codes,
    startDistance: DISTANCE_START.codes,
    endDistance: DISTANCE_END.codes,
    supportBelief: BELIEF.codes,
    supportAssessment: ASSESSMENT.codes,
  },
  goalCategories: GOAL_CATEGORY.codes,
  pairs: { start: DISTANCE_START.codes, end: DISTANCE_END.codes },
};

/** The expense categories and payment methods the spending figures count. */
const SPENDING_CODES: SpendingCodes = { category: EXPENSE_CATEGORIES, method: PAYMENT_METHODS };

/** The report's rows from the aggregations, typed as the domain reads them. */
async function reportRows(tx: Tx, filter: ReportFilter): Promise<ReportRows> {
  const perMunicipality = await municipalityAggregates(tx, filter);
  const counts = await codeCounts(tx, filter, FIGURE_CODES);
  const reasons = await terminationReasons(tx, filter);
  const spending = await spendingAggregates(tx, filter, SPENDING_CODES);
  const rowsOf = (figure: string) => counts.filter((r) => r.figure === figure);
  // Codes come from validated answers and CHECK constraints; codeCounts refuses any other (a bug).
  const countsOf = <C extends string>(figure: string): CountRow<C>[] =>
    rowsOf(figure).map((r) => ({ municipality: r.municipality, code: r.code as C, count: r.count }));
  return {
    participants: perMunicipality.map((r) => ({
      municipality: r.municipality,
      started: r.started,
      followedUp: r.followed_up,
    })),
    gender: countsOf('gender'),
    age: perMunicipality.map((r) => ({ municipality: r.municipality, n: r.age_n, sum: r.age_sum })),
    goalCategories: countsOf('goalCategories'),
    goalCategoriesAnswered: perMunicipality.map((r) => ({
      municipality: r.municipality,
      n: r.goals_answered,
    })),
    startDistance: countsOf('startDistance'),
    endDistance: countsOf('endDistance'),
    distancePairs: rowsOf('distancePairs').map((r) => ({
      municipality: r.municipality,
      start: r.code as DistanceStart,
      end: r.end as DistanceEnd,
      count: r.count,
    })),
    supportBelief: countsOf('supportBelief'),
    supportAssessment: countsOf('supportAssessment'),
    ...spendingOf(perMunicipality, spending),
    completion: countsOf('completion'),
    terminationReasons: reasons,
    education: countsOf('education'),
    incomeSource: countsOf('incomeSource'),
    wellbeing: perMunicipality.map((r) => ({
      municipality: r.municipality,
      n: r.who5_n,
      startSum: r.who5_start_sum,
      endSum: r.who5_end_sum,
    })),
    purchasesByPaymentMethod: spending
      .filter((r) => r.dimension === 'method')
      .map((r) => ({
        municipality: r.municipality,
        method: r.code as PaymentMethod,
        amount: ore(r.amount),
        count: r.count,
        citizens: r.citizens,
      })),
  };
}

/** What was granted, spent and returned, and spent on each category, per municipality (spec: Figures). */
function spendingOf(
  totals: MunicipalityAggregate[],
  spending: SpendingAggregate[],
): Pick<ReportRows, 'spendingTotals' | 'spendingByCategory'> {
  return {
    spendingTotals: totals.map((r) => ({
      municipality: r.municipality,
      granted: ore(r.granted),
      spent: ore(r.spent),
      returned: ore(r.returned),
    })),
    spendingByCategory: spending
      .filter((r) => r.dimension === 'category')
      .map((r) => ({
        municipality: r.municipality,
        category: r.code as ExpenseCategory,
        amount: ore(r.amount),
        count: r.count,
        citizens: r.citizens,
      })),
  };
}
