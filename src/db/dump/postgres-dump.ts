import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../transaction.ts';
import { runPgTool, type RunningTool } from './pg-tools.ts';

// The PostgreSQL side of a backup (operations: Backup and restore): pg_dump of the app's schema while the
// app keeps running, and pg_restore of such a dump into an empty database.

/** The schema the migrations create the app's tables in, schema_migration among them. */
const APP_SCHEMA = 'public';

export class DumpIncomplete extends Error {
  constructor(
    readonly table: string,
    readonly expected: number,
    readonly dumped: number,
  ) {
    super(`The dump of ${table} holds ${dumped} rows where the database has ${expected}.`);
    this.name = 'DumpIncomplete';
  }
}

export interface DumpSummary {
  tables: number;
  rows: number;
}

/** The app's tables, by name. */
export async function appTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${APP_SCHEMA} and c.relkind = 'r' order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * pg_dump of the app's schema in one snapshot (custom format, uncompressed: the backup file compresses),
 * handed to `sink` as it is made. Every table's rows are counted in that same snapshot and in the dump
 * itself, read back through pg_restore as it streams by: a dump missing a row (row-level security
 * hiding a municipality's) is an error, never a backup.
 */
export async function dumpPostgres(
  database: DatabaseHandle,
  sink: (data: Readable) => Promise<void>,
): Promise<DumpSummary> {
  const { url } = database;
  if (!url) throw new Error('pg_dump needs a PostgreSQL database');
  return database.db.connection().execute(async (connection) => {
    await sql`begin isolation level repeatable read, read only`.execute(connection);
    try {
      await sql`select set_config('app.scope', 'all', true)`.execute(connection);
      const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(
        connection,
      );
      const expected = await rowCounts(connection, await appTables(connection));
      const dumped = await streamDump(url, rows[0]?.snapshot ?? '', sink);
      for (const [table, count] of expected) {
        const inDump = dumped.get(table) ?? 0;
        if (inDump !== count) throw new DumpIncomplete(table, count, inDump);
      }
      return { tables: expected.size, rows: [...expected.values()].reduce((a, b) => a + b, 0) };
    } finally {
      await sql`rollback`.execute(connection);
    }
  });
}

async function rowCounts(db: Db, tables: string[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const counts = tables.map(
    (t) => sql`select ${t}::text as name, count(*) as rows from ${sql.table(`${APP_SCHEMA}.${t}`)}`,
  );
  const { rows } = await sql<{ name: string; rows: number }>`${sql.join(counts, sql` union all `)}`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.name, r.rows]));
}

/** pg_dump in the snapshot, to `sink` and, at the same time, to pg_restore, which lists its rows. */
async function streamDump(
  url: string,
  snapshot: string,
  sink: (data: Readable) => Promise<void>,
): Promise<Map<string, number>> {
  const dump = runPgTool(
    'pg_dump',
    [
      '--format=custom',
      '--compress=0',
      `--schema=${APP_SCHEMA}`,
      '--no-owner',
      '--no-privileges',
      '--enable-row-security',
      `--snapshot=${snapshot}`,
    ],
    { url, stdin: 'ignore' },
  );
  const reader = runPgTool('pg_restore', ['--data-only', '--file=-'], { stdin: 'pipe' });
  const tools: RunningTool[] = [dump, reader];
  const toSink = new PassThrough();
  const stdin = reader.child.stdin;
  if (!stdin) throw new Error('pg_restore has no standard input');
  // A reader that has died shows in its exit; the broken pipe is not a second error.
  stdin.on('error', () => undefined);
  dump.child.stdout.pipe(toSink);
  dump.child.stdout.pipe(stdin);
  try {
    const [, , , counts] = await Promise.all([
      sink(toSink),
      dump.exited,
      reader.exited,
      countCopyRows(reader.child.stdout),
    ]);
    return counts;
  } catch (error) {
    for (const tool of tools) tool.child.kill();
    throw error;
  }
}

/** Rows per table in pg_restore's script: the lines of each `COPY … FROM stdin;` up to `\.`. */
async function countCopyRows(script: Readable): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let table: string | undefined;
  for await (const line of createInterface({ input: script, crlfDelay: Infinity })) {
    if (table === undefined) {
      const name = /^COPY ([^ ]+) /.exec(line)?.[1];
      if (name) counts.set((table = unqualified(name)), 0);
    } else if (line === '\\.') table = undefined;
    else counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return counts;
}

function unqualified(name: string): string {
  return name.replace(new RegExp(`^${APP_SCHEMA}\\.`), '').replace(/^"(.*)"$/, '$1');
}

/**
 * Loads a dump into the database at `url`, all or nothing (one transaction). The caller has checked that
 * the database holds none of the app's tables.
 */
export async function restorePostgres(url: string, archive: string): Promise<void> {
  const tool = runPgTool(
    'pg_restore',
    [
      `--schema=${APP_SCHEMA}`,
      '--no-owner',
      '--no-privileges',
      '--enable-row-security',
      '--single-transaction',
      '--exit-on-error',
      archive,
    ],
    { url, stdin: 'ignore' },
  );
  tool.child.stdout.resume();
  await tool.exited;
}
