import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
// The bench makes its own
// throw-away database and bulk-loads generated cases into it; the configured database is never opened.
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import type { AnonymisedReport } from '../domain/report/anonymise.ts';
import { systemClock } from '../services/context.ts';
import { createServices } from '../services/index.ts';
import { figure, median, wholeNumber, type Figure } from './bench-figures.ts';
import { generateReportData, type Generated } from './bench-report-data.ts';

// The report bench (spec: Scale; the time the report takes for 100,000 cases on PostgreSQL): the
// evaluation report as `borgerbudget report` computes it — national and for the largest municipality,
// median of 3 runs, each alternated with a hand-written GROUP BY.
//
// On what: the bench's own data when it has a generated country (`demo --scale national|municipality`,
// reportBenchOn, called by bench.ts), checked against the source tables. Otherwise (the demo scale, whose
// 15 cases say nothing about speed) generated cases (bench-report-data.ts) in a database of its own:
// PostgreSQL when BENCH_DATABASE_URL (or else DATABASE_URL) is set — a fresh database is created next to
// the one the URL names (the role needs CREATEDB) and dropped afterwards; the named database is never
// touched. Otherwise PGlite in the bench's temporary folder. BENCH_REPORT_CASES sets N (default 100,000
// on PostgreSQL, 20,000 on PGlite, whose single WebAssembly process generates more slowly).

const RUNS = 3;
const GENERATED_TABLES = [
  'municipality',
  'app_user',
  'vendor',
  'programme',
  'citizen',
  'citizen_case',
  'questionnaire_response',
  'purchase_request',
  'ledger_entry',
] as const;
const DEFAULT_CASES = { postgres: 100_000, pglite: 20_000 } as const;
/** The report at 100,000 cases: at most 500 ms nationally and 100 ms for one municipality. */
const TARGET_MS = { national: 500, municipality: 100 } as const;

export async function reportBench(tempDir: string, report: (f: Figure) => void): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const kind = url ? 'postgres' : 'pglite';
  const cases = wholeNumber('BENCH_REPORT_CASES', process.env.BENCH_REPORT_CASES, DEFAULT_CASES[kind], 100);
  const where = url ? 'PostgreSQL' : 'PGlite';
  const throwaway = url ? await createThrowawayDatabase(url) : undefined;
  try {
    const database = await openDatabase(
      throwaway ? { databaseUrl: throwaway.url, dataDir: 'memory://' } : { dataDir: join(tempDir, 'report') },
    );
    try {
      const generated = await generate(database, cases, where);
      await measure(database, where, generated.largest, report, (national) =>
        assertNational(national, generated),
      );
    } finally {
      await database.close();
    }
  } finally {
    await throwaway?.drop();
  }
}

/**
 * The report on data that is there already — the bench's `demo --scale …` — national and for the
 * municipality with the most started cases, checked against the source tables.
 */
export async function reportBenchOn(
  database: DatabaseHandle,
  where: string,
  report: (f: Figure) => void,
): Promise<void> {
  const truth = await database.transaction('all', async (tx) => {
    const { rows } = await sql<{ code: string; cases: number; started: number; spent_ore: number }>`
      select
        (select municipality_id::text from citizen_case where start_date is not null
          group by 1 order by count(*) desc, 1 limit 1) as code,
        (select count(*) from citizen_case where start_date is not null and municipality_id = (
          select municipality_id from citizen_case where start_date is not null
          group by 1 order by count(*) desc, 1 limit 1))::integer as cases,
        (select count(*) from citizen_case where start_date is not null)::integer as started,
        (select coalesce(sum(l.amount_ore) filter (where l.kind = 'payment'), 0)
           - coalesce(sum(l.amount_ore) filter (where l.kind = 'refund'), 0)
         from ledger_entry l join citizen_case c on c.id = l.case_id
         where c.start_date is not null)::bigint as spent_ore`.execute(tx);
    const row = rows[0];
    if (!row) throw new Error('No data to report on.');
    return row;
  });
  await measure(database, where, truth, report, (national) => {
    check('participants.all.started', national.participants.all.started, truth.started);
    check('spending.all.spentKr', national.spending.all.spentKr, truth.spent_ore / 100);
  });
}

async function generate(database: DatabaseHandle, cases: number, where: string): Promise<Generated> {
  const t0 = performance.now();
  const generated = await database.transaction('all', (tx) => generateReportData(tx, { cases }));
  const { expected } = generated;
  console.error(
    `report data: ${cases} cases, ${expected.postings} postings, ${expected.responses} answer sets, ${where}, ` +
      `in ${Math.round(performance.now() - t0)} ms`,
  );
  if (database.kind === 'postgres') {
    // What autovacuum does on a server shortly after a load (statistics, visibility map); the new
    // database is the role's own. PGlite has no autovacuum, so nothing is done there.
    const t1 = performance.now();
    await sql`vacuum (analyze) ${sql.join(GENERATED_TABLES.map((t) => sql.table(t)))}`.execute(database.db);
    console.error(`report data: VACUUM ANALYZE in ${Math.round(performance.now() - t1)} ms`);
  }
  return generated;
}

/** The national report and one municipality's, each alternated with its floor, median of RUNS. */
async function measure(
  database: DatabaseHandle,
  where: string,
  largest: { code: string; cases: number },
  report: (f: Figure) => void,
  assertNationalReport: (r: AnonymisedReport) => void,
): Promise<void> {
  const services = createServices({
    database,
    clock: systemClock,
    secrets: { session: Buffer.alloc(32, 7), cpr: [Buffer.alloc(32, 8)] },
    production: false,
  });
  const cases = await database.transaction('all', async (tx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from citizen_case`.execute(tx);
    return rows[0]?.n ?? 0;
  });
  // Each report run alternated with its floor: one hand-written GROUP BY over the same tables.
  const { code, cases: own } = largest;
  const national = await alternated(
    () => services.reports.forOperator({ anonymise: false }),
    () => groupBy(database, undefined),
  );
  assertNationalReport(national.result);
  report(
    figure(`report, national, ${cases} cases, ${where}, median of ${RUNS}`, national.medianMs, 'ms', {
      floor: national.floorMs,
      max: TARGET_MS.national,
    }),
  );
  const one = await alternated(
    () => services.reports.forOperator({ municipality: code, anonymise: false }),
    () => groupBy(database, Number(code)),
  );
  assertMunicipality(one.result, code, own);
  report(
    figure(`report, one municipality (${own} cases), ${where}, median of ${RUNS}`, one.medianMs, 'ms', {
      floor: one.floorMs,
      max: TARGET_MS.municipality,
    }),
  );
}

/**
 * The floor: cases by municipality and phase with what was granted and paid on them, in one statement
 * (the report's own headline figures, written by hand).
 */
async function groupBy(database: DatabaseHandle, municipalityId: number | undefined): Promise<void> {
  await database.transaction('all', (tx) =>
    sql`
      select c.municipality_id, c.phase, count(*) as cases,
        sum(l.granted) as granted, sum(l.paid) as paid
      from citizen_case c
      left join (
        select case_id,
          sum(amount_ore) filter (where kind = 'grant') as granted,
          sum(amount_ore) filter (where kind = 'payment') as paid
        from ledger_entry
        ${municipalityId === undefined ? sql`` : sql`where municipality_id = ${municipalityId}`}
        group by case_id) l on l.case_id = c.id
      ${municipalityId === undefined ? sql`` : sql`where c.municipality_id = ${municipalityId}`}
      group by c.municipality_id, c.phase`.execute(tx),
  );
}

/** RUNS rounds of the floor and then the report; the median time of each. */
async function alternated<T>(
  fn: () => Promise<T>,
  floor: () => Promise<void>,
): Promise<{ result: T; medianMs: number; floorMs: number }> {
  const floors: number[] = [];
  const runs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const f = performance.now();
    await floor();
    floors.push(performance.now() - f);
    const t = performance.now();
    result = await fn();
    runs.push(performance.now() - t);
  }
  if (result === undefined) throw new Error('No run.');
  return { result, medianMs: Math.round(median(runs)), floorMs: Math.round(median(floors)) };
}

function check(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected)
    throw new Error(
      `The report does not match the generated data: ${what} is ${String(actual)}, expected ${String(expected)}.`,
    );
}

function assertNational(r: AnonymisedReport, g: Generated): void {
  check('the number of municipalities', r.selection.municipalities.length, g.municipalities);
  check('participants.all.started', r.participants.all.started, g.cases);
  check('participants.all.followedUp', r.participants.all.followedUp, g.expected.followedUp);
  check('gender.all.n', r.gender.all.n, g.cases);
  check('completion.all.n', r.completion.all.n, g.cases);
  check('spending.all.grantedKr', r.spending.all.grantedKr, g.expected.grantedOre / 100);
  check('spending.all.spentKr', r.spending.all.spentKr, g.expected.paidOre / 100);
  // The questionnaire figures: most followed-up cases answered, a few did not.
  for (const [name, figure] of [
    ['startDistance', r.startDistance.all],
    ['endDistance', r.endDistance.all],
    ['wellbeing', r.wellbeing.all],
    ['goalCategories', r.goalCategories.all],
  ] as const) {
    const n = figure.n;
    if (typeof n !== 'number' || n < g.expected.followedUp * 0.5 || figure.missing === 0)
      throw new Error(
        `The report's ${name} figure looks wrong: n = ${String(n)}, missing = ${String(figure.missing)}.`,
      );
  }
}

function assertMunicipality(r: AnonymisedReport, code: string, cases: number): void {
  check('the municipalities selected', r.selection.municipalities.join(','), code);
  check('participants.all.started', r.participants.all.started, cases);
  check(`participants.byMunicipality[${code}].started`, r.participants.byMunicipality[code]?.started, cases);
}

/** A new, empty database on the server `url` names, dropped afterwards (with any connection left). */
export async function createThrowawayDatabase(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `borgerbudget_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(url, `drop database if exists ${name} with (force)`) };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
