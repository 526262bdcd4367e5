import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { approvalsBench } from './bench-approvals.ts';
import { figure, wholeNumber, type Figure } from './bench-figures.ts';
import { serveFloor } from './bench-floor-server.ts';
import { pagesBench, progress } from './bench-pages.ts';
import { runCommand } from './bench-process.ts';
import { createThrowawayDatabase, reportBench, reportBenchOn } from './bench-report.ts';
import { vouchersBench } from './bench-vouchers.ts';

// `borgerbudget bench [--json] [--scale demo|municipality|national] [--cases N] [--seconds S] [--only …]`:
// the speed and memory figures of the targets, each beside a floor measured in the same run where
// one fits, on throw-away data — never the configured database. Every figure prints as a row of a table,
// or with --json the run is one JSON document {"figures": [...], "conditions": {...}} on stdout (progress
// goes to stderr). Exit code 1 when any target is missed.
//
// Where: PostgreSQL when BENCH_DATABASE_URL (or else DATABASE_URL) is set — throw-away databases are
// created next to the one the URL names (the role needs CREATEDB) and dropped afterwards; the data is
// `borgerbudget demo --scale national` unless --scale says otherwise. Otherwise PGlite in a temporary
// folder, with the demo data (or --scale municipality). --cases shrinks a generated scale (to try the
// bench quickly).
//
// The parts (--only runs one, or several separated by commas): pages (bench-pages.ts: every page over HTTP against the hello-world and
// one-query floors, page weight, start time, memory), check-ledger (the command on the same data),
// approvals (bench-approvals.ts: API and service against raw SQL), report (bench-report.ts: national and
// one municipality against a hand-written GROUP BY) and vouchers (bench-vouchers.ts: a shop redeeming).

const PARTS = ['pages', 'check-ledger', 'approvals', 'report', 'vouchers'] as const;
type Part = (typeof PARTS)[number];
/** The parts that run on the bench's `borgerbudget demo [--scale …]` data. */
const ON_DATA: readonly Part[] = ['pages', 'check-ledger', 'approvals', 'report'];
const SCALES = ['demo', 'municipality', 'national'] as const;
const TARGET_CHECK_LEDGER_MS = 60_000;
const SECRETS = {
  SESSION_SECRET: Buffer.alloc(32, 7).toString('base64'),
  CPR_ENCRYPTION_KEY: Buffer.alloc(32, 8).toString('base64'),
};

interface Options {
  json: boolean;
  scale: (typeof SCALES)[number];
  cases: number | undefined;
  seconds: number;
  /** The parts to run; all when empty. */
  only: Part[];
}

function parse(args: string[], onPostgres: boolean): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i < 0 ? undefined : args[i + 1];
  };
  const scale = value('scale') ?? (onPostgres ? 'national' : 'demo');
  if (!(SCALES as readonly string[]).includes(scale))
    throw new Error(`--scale must be one of ${SCALES.join(', ')}, got "${scale}".`);
  const only = value('only')?.split(',') ?? [];
  const unknown = only.find((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown !== undefined)
    throw new Error(`--only takes ${PARTS.join(', ')} (several separated by commas), got "${unknown}".`);
  const cases = value('cases');
  return {
    json: args.includes('--json'),
    scale: scale as Options['scale'],
    cases: cases === undefined ? undefined : wholeNumber('--cases', cases, 0, 1),
    seconds: wholeNumber('--seconds', value('seconds'), 3, 1),
    only: only as Part[],
  };
}

export async function bench(args: string[]): Promise<number> {
  if (args[0] === '--floor') return serveFloor(args[1]);
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const options = parse(args, url !== undefined);
  const where = url ? 'PostgreSQL' : 'PGlite';
  const figures: Figure[] = [];
  const report = (f: Figure) => {
    figures.push(f);
    if (!options.json) console.log(row(f));
  };
  const runs = (part: Part) => options.only.length === 0 || options.only.includes(part);
  const conditions = startingConditions(where, options);
  if (!options.json) console.log(header());
  const dir = mkdtempSync(join(tmpdir(), 'borgerbudget-bench-'));
  try {
    if (ON_DATA.some(runs)) {
      const data = await prepareData(dir, url, options);
      try {
        conditions.version = data.version;
        conditions.cases = data.cases;
        if (runs('pages')) await pagesBench({ env: data.env, where, seconds: options.seconds }, report);
        if (runs('check-ledger')) {
          progress('check-ledger');
          const { ms } = await runCommand(['check-ledger'], data.env);
          report(
            figure(`check-ledger, the command, ${data.cases} cases, ${where}`, ms, 'ms', {
              max: TARGET_CHECK_LEDGER_MS,
            }),
          );
        }
        const on = locationOf(data.env);
        if (runs('approvals')) {
          progress('approvals');
          await approvalsBench(dir, report, on);
        }
        if (runs('report')) {
          progress('report');
          // The demo scale's 15 cases say nothing about the report's speed: it gets generated cases.
          if (options.scale === 'demo') await reportBench(dir, report);
          else await onDatabase(on, (database) => reportBenchOn(database, where, report));
        }
      } finally {
        await data.drop();
      }
    }
    if (runs('vouchers')) await vouchersBench(dir, report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  conditions.loadAverageAtEnd = loadAverage();
  return finish(figures, conditions, options.json);
}

function startingConditions(where: string, options: Options) {
  return {
    database: where,
    version: '',
    scale: options.scale,
    cases: 0,
    cores: cpus().length,
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: [] as number[],
    node: process.version,
    date: new Date().toISOString(),
    secondsPerMeasurement: options.seconds,
  };
}

function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

/** The JSON document or the closing lines; the exit code: 1 when a target is missed. */
function finish(figures: Figure[], conditions: object, json: boolean): number {
  const failed = figures.filter((f) => f.pass === false);
  if (json) console.log(JSON.stringify({ figures, conditions }, null, 2));
  else {
    console.log(`\nConditions: ${JSON.stringify(conditions)}`);
    console.log(
      failed.length
        ? `${failed.length} target(s) missed:\n  ${failed.map((f) => f.name).join('\n  ')}`
        : 'Every target met.',
    );
  }
  return failed.length ? 1 : 0;
}

interface Data {
  /** The app's environment on the data: the database, a data folder, the secrets. */
  env: NodeJS.ProcessEnv;
  version: string;
  cases: number;
  drop: () => Promise<void>;
}

/** The throw-away data the pages and check-ledger run on, loaded by `borgerbudget demo [--scale …]`. */
async function prepareData(dir: string, url: string | undefined, options: Options): Promise<Data> {
  const throwaway = url ? await createThrowawayDatabase(url) : undefined;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(dir, 'data'),
    ...SECRETS,
    ...(throwaway ? { DATABASE_URL: throwaway.url } : {}),
  };
  try {
    const args =
      options.scale === 'demo'
        ? ['demo']
        : ['demo', '--scale', options.scale, ...(options.cases ? ['--cases', String(options.cases)] : [])];
    progress(`data: borgerbudget ${args.join(' ')} (${url ? 'PostgreSQL' : 'PGlite'})`);
    const { ms } = await runCommand(args, env);
    progress(`data: loaded in ${ms} ms`);
    return {
      env,
      ...(await describe(env)),
      drop: async () => {
        await throwaway?.drop();
      },
    };
  } catch (error) {
    await throwaway?.drop();
    throw error;
  }
}

/** Where the bench's data is, as openDatabase takes it. */
type DataLocation = { databaseUrl: string | undefined; dataDir: string };

function locationOf(env: NodeJS.ProcessEnv): DataLocation {
  return { databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '' };
}

/** Runs `fn` on the bench's data, opened in this process, and closes it. */
async function onDatabase<T>(on: DataLocation, fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase(on);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The database's version and how many cases it holds. */
function describe(env: NodeJS.ProcessEnv): Promise<{ version: string; cases: number }> {
  return onDatabase(locationOf(env), (database) =>
    database.transaction('all', async (tx) => {
      const { rows } = await sql<{ version: string; cases: number }>`
        select current_setting('server_version') as version,
          (select count(*) from citizen_case)::integer as cases`.execute(tx);
      return { version: rows[0]?.version ?? '', cases: rows[0]?.cases ?? 0 };
    }),
  );
}

function header(): string {
  return `${'figure'.padEnd(72)} ${'value'.padStart(9)} ${'unit'.padEnd(8)} ${'floor'.padStart(9)} ${'ratio'.padStart(7)}  target`;
}

function row(f: Figure): string {
  const verdict = f.pass === null ? '' : f.pass ? '  ok' : '  MISSED';
  return (
    `${f.name.padEnd(72)} ${String(f.value).padStart(9)} ${f.unit.padEnd(8)} ` +
    `${f.floor === null ? ''.padStart(9) : String(f.floor).padStart(9)} ` +
    `${f.ratio === null ? ''.padStart(7) : f.ratio.toFixed(3).padStart(7)}  ${f.target ?? ''}${verdict}`
  );
}
