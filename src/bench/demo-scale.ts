import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Tx } from '../db/client.ts';
import {
  casesBreakingRules,
  poolUse,
  requestPostingMismatches,
} from '../db/repositories/ledger-check.repository.ts';
import { hashPassword } from '../services/access/password.ts';
import { DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';
import { generateReportData } from './bench-report-data.ts';

// `borgerbudget demo --scale national|municipality`: the generated country of the benches
// (bench-report-data.ts, bench-national-data.ts) loaded into the configured, empty database as demo data
// for the whole app — 98 municipalities with 100,000 cases, or Aarhus alone with 12,026 — with staff who
// log in with the demo password (koordinator@aarhus.example, stotteperson2@aarhus.example,
// okonomi@aarhus.example, admin@aarhus.example …). One transaction, set-based SQL; the same seed gives the
// same rows. It writes no audit events (an audit chain starts with its first event, so none is whole).
//
// On PostgreSQL the load takes the bulk-load path (PostgreSQL's "Populating a Database"), all inside its
// one transaction: it switches off the triggers that work row by row or case by case — the ledger's guard
// (per posting it locks the case and sums the case's and the programme's postings) and the report facts'
// refresh triggers (each statement recomputes the facts of every case it touched) — and drops the foreign
// keys of the tables it fills (checked row by row: 8 look-ups per purchase request). After the rows it
// analyzes (ANALYZE sees the transaction's own rows), fills the report facts from their views in one
// pass, adds the foreign keys back (each checked in one pass over its table), switches the triggers back on and checks the books set-based, as
// check-ledger does; any finding rolls the whole load back. DDL is transactional: if the load fails,
// nothing stays switched off or dropped. It needs the tables' owner (the role that ran the migrations).
// On PGlite (the municipality scale) the app's role owns no table; the triggers and keys stay on there.

/** The triggers the PostgreSQL load switches off: [table, trigger]. */
const BULK_TRIGGERS: readonly (readonly [string, string])[] = [
  ['ledger_entry', 'ledger_entry_guard'],
  ['ledger_entry', 'case_report_posting_insert'],
  ['citizen_case', 'case_report_case_insert'],
  ['questionnaire_response', 'case_report_questionnaire_insert'],
];

export type DemoScale = 'national' | 'municipality';

const DEMO_SCALES: Readonly<Record<DemoScale, { cases: number; municipalities: number }>> = {
  national: { cases: 100_000, municipalities: 98 },
  // Aarhus, the largest generated municipality (12,026 cases of the national 100,000).
  municipality: { cases: 12_026, municipalities: 1 },
};

/** Purchase requests per started case: 2,000,000 requests at national scale. */
const REQUESTS_PER_CASE = 21;

export interface ScaleOptions {
  scale: DemoScale;
  /** Fewer cases than the scale's (tests); the municipalities shrink with them at national scale. */
  cases?: number;
  seed?: number;
  /** Runs inside the load's transaction after the generated rows (tests plant a bad posting with it). */
  beforeCheck?: (tx: Tx) => Promise<void>;
}

export interface ScaleCounts {
  municipalities: number;
  staff: number;
  cases: number;
  openCases: number;
  phases: Record<string, number>;
  requests: number;
  statuses: Record<string, number>;
  postings: number;
  paymentFiles: number;
  answers: number;
  notes: number;
  accessLog: number;
}

/** Loads the generated data into an empty, migrated database; refuses one that has data. */
export async function generateDemoAtScale(
  database: DatabaseHandle,
  options: ScaleOptions,
): Promise<ScaleCounts> {
  const scale = DEMO_SCALES[options.scale];
  const cases = options.cases ?? scale.cases;
  const municipalities =
    options.scale === 'national' ? Math.min(scale.municipalities, Math.max(1, Math.floor(cases / 100))) : 1;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await database.transaction('all', async (tx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from municipality`.execute(tx);
    if ((rows[0]?.n ?? 0) > 0)
      throw new Error('The database already has data: demo --scale needs an empty one.');
    const bulk = database.kind === 'postgres';
    const keys = bulk ? await foreignKeys(tx) : [];
    if (bulk) {
      await switchTriggers(tx, 'disable');
      for (const k of keys) await ddl(tx, `alter table ${k.table} drop constraint ${k.name}`, k.table);
    }
    await generateReportData(tx, {
      cases,
      municipalities,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      realistic: { requestsPerCase: REQUESTS_PER_CASE, passwordHash },
    });
    await options.beforeCheck?.(tx);
    if (bulk) {
      // Statistics of what is in the tables now (ANALYZE sees the transaction's own rows), for the fill
      // and the foreign keys' checks.
      await sql`analyze`.execute(tx);
      await sql`insert into case_report_fact select * from case_report_source`.execute(tx);
      await sql`analyze case_report_fact`.execute(tx);
      for (const k of keys)
        await ddl(tx, `alter table ${k.table} add constraint ${k.name} ${k.definition}`, k.table);
      await switchTriggers(tx, 'enable');
      await checkBooks(tx);
    }
  });
  // What autovacuum does on a server shortly after a load — the visibility map, the rows' hint bits, the
  // statistics — done now, so that the benches measure a settled database rather than the first reads
  // after a load. VACUUM runs outside a transaction; PGlite has no autovacuum to stand in for.
  if (database.kind === 'postgres') await sql`vacuum (analyze)`.execute(database.db);
  return countAtScale(database);
}

/** The tables the load fills whose foreign keys it drops and adds back. */
const BULK_TABLES = [
  'citizen',
  'citizen_case',
  'questionnaire_response',
  'support_assignment',
  'case_event',
  'case_pause',
  'conditions_acknowledgement',
  'long_term_goal',
  'sub_goal',
  'purchase_request',
  'payment_batch_item',
  'ledger_entry',
  'follow_up_note',
  'access_log',
];

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

async function foreignKeys(tx: Tx): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select quote_ident(c.relname) as table, quote_ident(k.conname) as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace and c.relname = any(${BULK_TABLES})
    order by c.relname, k.conname`.execute(tx);
  return rows;
}

/** ALTER TABLE, with a clear message when the role does not own the table. */
async function ddl(tx: Tx, statement: string, table: string): Promise<void> {
  try {
    await sql.raw(statement).execute(tx);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new Error(
      `demo --scale switches triggers and foreign keys of ${table} off during the load and must own the table: ` +
        'connect as the role that ran the migrations (the owner of the tables).',
      { cause: error },
    );
  }
}

async function switchTriggers(tx: Tx, how: 'enable' | 'disable'): Promise<void> {
  for (const [table, trigger] of BULK_TRIGGERS)
    await ddl(tx, `alter table ${table} ${how} trigger ${trigger}`, table);
}

/**
 * The books of the load, checked set-based before it commits (what the guard would have refused):
 * a case that ever broke a rule, a pool granted beyond, postings that do not fit their request's
 * status, a posting outside its case's programme.
 */
async function checkBooks(tx: Tx): Promise<void> {
  const cases = await casesBreakingRules(tx);
  const pools = (await poolUse(tx)).filter((p) => p.held > p.pool);
  const requests = await requestPostingMismatches(tx);
  const { rows } = await sql<{ n: number }>`
    select count(*)::integer as n from ledger_entry l join citizen_case c on c.id = l.case_id
    where c.programme_id <> l.programme_id`.execute(tx);
  const outside = rows[0]?.n ?? 0;
  if (cases.length + pools.length + requests.length + outside > 0) {
    throw new Error(
      `The generated ledger breaks the rules (${cases.length} cases, ${pools.length} pools, ` +
        `${requests.length} requests, ${outside} postings outside their programme): nothing was loaded.`,
    );
  }
}

async function countAtScale(database: DatabaseHandle): Promise<ScaleCounts> {
  return database.transaction('all', async (tx) => {
    const count = async (table: string) => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::integer as n from ${sql.table(table)}`.execute(tx);
      return rows[0]?.n ?? 0;
    };
    const grouped = async (table: string, column: string) => {
      const { rows } = await sql<{ k: string; n: number }>`
        select ${sql.ref(column)} as k, count(*)::integer as n from ${sql.table(table)} group by 1 order by 1`.execute(
        tx,
      );
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    };
    const phases = await grouped('citizen_case', 'phase');
    const statuses = await grouped('purchase_request', 'status');
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return {
      municipalities: await count('municipality'),
      staff: await count('app_user'),
      cases: sum(phases),
      openCases: sum(phases) - (phases.closed ?? 0),
      phases,
      requests: sum(statuses),
      statuses,
      postings: await count('ledger_entry'),
      paymentFiles: await count('payment_batch'),
      answers: await count('questionnaire_response'),
      notes: await count('follow_up_note'),
      accessLog: await count('access_log'),
    };
  });
}

/** The command: parses `--scale`, `--cases` and `--seed`, loads, prints the counts and the time taken. */
export async function demoScaleCommand(
  args: readonly string[],
  target: { databaseUrl?: string | undefined; dataDir: string; production: boolean },
): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scale = flag('scale');
  if (scale !== 'national' && scale !== 'municipality') {
    console.error('Usage: borgerbudget demo [--scale national|municipality] [--cases N] [--seed S]');
    return 2;
  }
  if (target.production) {
    console.error('Demo data is never loaded in production.');
    return 1;
  }
  const cases = flag('cases') === undefined ? undefined : Number(flag('cases'));
  const seed = flag('seed') === undefined ? undefined : Number(flag('seed'));
  if (
    (cases !== undefined && !(Number.isSafeInteger(cases) && cases > 0)) ||
    (seed !== undefined && !(seed >= -1 && seed <= 1))
  ) {
    console.error('--cases takes a positive whole number, --seed a number from -1 to 1.');
    return 2;
  }
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    const c = await generateDemoAtScale(database, {
      scale,
      ...(cases === undefined ? {} : { cases }),
      ...(seed === undefined ? {} : { seed }),
    });
    const list = (r: Record<string, number>) =>
      Object.entries(r)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    console.log(
      [
        `Demo data at ${scale} scale in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
        `  ${c.municipalities} municipalities, ${c.staff} staff`,
        `  ${c.cases} cases (${c.openCases} open): ${list(c.phases)}`,
        `  ${c.requests} purchase requests: ${list(c.statuses)}`,
        `  ${c.postings} postings, ${c.paymentFiles} payment files`,
        `  ${c.answers} questionnaire answers, ${c.notes} notes, ${c.accessLog} access-log rows`,
        `Log in as koordinator@aarhus.example (or stotteperson@, okonomi@, admin@) with the password ${DEMO_PASSWORD}.`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await database.close();
  }
}
