import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
// The bench makes its own
// throw-away database and bulk-loads generated cases into it; the configured database is never opened.
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import type { AnonymisedReport } from '../domain/report/anonymise.ts';
import { systemClock } from '../services/context.ts';
import { createServices } from '../services/index.ts';
import { wholeNumber, type Figure } from './bench-figures.ts';
import { generateReportData, type Generated } from './bench-report-data.ts';

// The report bench (spec: Scale; the time the report takes for 100,000 generated cases on PostgreSQL):
// generated cases (bench-report-data.ts) in a throw-away database, then the evaluation report as
// `borgerbudget report` computes it — national and for the largest municipality, median of 3 runs.
//
// Where: PostgreSQL when BENCH_DATABASE_URL (or else DATABASE_URL) is set — a fresh database is created
// next to the one the URL names (the role needs CREATEDB) and dropped afterwards; the named database is
// never touched. Otherwise PGlite in the bench's temporary folder. BENCH_REPORT_CASES sets N (default
// 100,000 on PostgreSQL, 20,000 on PGlite, whose single WebAssembly process generates more slowly).

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
/** The report for 100,000 cases should take under 5 s nationally and 1 s for one municipality. */
const TARGET_MS_PER_100K = { national: 5000, municipality: 1000 } as const;

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
      await measure(database, cases, where, report);
    } finally {
      await database.close();
    }
  } finally {
    await throwaway?.drop();
  }
}

async function measure(
  database: DatabaseHandle,
  cases: number,
  where: string,
  report: (f: Figure) => void,
): Promise<void> {
  const t0 = performance.now();
  const generated = await database.transaction('all', (tx) => generateReportData(tx, cases));
  const { expected } = generated;
  report({
    what: `report data: ${cases} cases, ${expected.postings} postings, ${expected.responses} answer sets, ${where}`,
    value: Math.round(performance.now() - t0),
    unit: 'ms',
  });
  if (database.kind === 'postgres') {
    // What autovacuum does on a server shortly after a load (statistics, visibility map); the new
    // database is the role's own. PGlite has no autovacuum, so nothing is done there.
    const t1 = performance.now();
    await sql`vacuum (analyze) ${sql.join(GENERATED_TABLES.map((t) => sql.table(t)))}`.execute(database.db);
    report({ what: 'report data: VACUUM ANALYZE', value: Math.round(performance.now() - t1), unit: 'ms' });
  }

  // The guard trigger checked every posting as it went in. `check-ledger` is not run here: on
  // PostgreSQL at 100,000 cases its balance query is planned as a nested loop (row-level security
  // makes the planner expect a handful of rows) and does not finish in minutes.
  const services = createServices({
    database,
    clock: systemClock,
    secrets: { session: Buffer.alloc(32, 7), cpr: [Buffer.alloc(32, 8)] },
    production: false,
  });

  const scale = cases / 100_000;
  const national = await timed(() => services.reports.forOperator({ anonymise: false }));
  assertNational(national.result, generated);
  report({
    what: `report, national, ${cases} cases, ${where}, median of ${RUNS}`,
    value: national.medianMs,
    unit: 'ms',
    target: Math.round(TARGET_MS_PER_100K.national * Math.max(scale, 0.1)),
  });
  const { code, cases: own } = generated.largest;
  const one = await timed(() => services.reports.forOperator({ municipality: code, anonymise: false }));
  assertMunicipality(one.result, code, own);
  report({
    what: `report, municipality ${code} (${own} cases), ${where}, median of ${RUNS}`,
    value: one.medianMs,
    unit: 'ms',
    target: Math.round(TARGET_MS_PER_100K.municipality * Math.max(scale, 0.1)),
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; medianMs: number }> {
  const ms: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  if (result === undefined) throw new Error('No run.');
  return { result, medianMs: Math.round(ms[Math.floor(ms.length / 2)] ?? 0) };
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
