import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type KyselyPlugin, type PostgresPool } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { PGLITE_PARSERS, PglitePool, parseSafeInteger } from './pglite-pool.ts';
import type { Database } from './schema.ts';
import { createHandle, type DatabaseHandle, type Db } from './transaction.ts';

// Opening the database: the embedded PGlite or PostgreSQL, migrated, as a role row-level security holds
// for. The transactions, their tenant scope and what is written at commit are transaction.ts's.

export { deferUntilCommit } from './transaction.ts';
export type { DatabaseHandle, Db, TenantScope, TransactionOptions, Tx } from './transaction.ts';

/** The role the app works as on PGlite: neither superuser nor BYPASSRLS, so row-level security holds. */
export const APP_ROLE = 'borgerbudget_app';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; 'memory://' for a throw-away database. */
  dataDir: string;
  /** A migrated PGlite data folder to start from (tests). */
  loadDataDir?: Blob | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** Told when PostgreSQL drops an idle connection (the pool opens a new one when needed). */
  onIdleError?: (error: Error) => void;
  /** Kysely plugins on every statement (tests inject faults with one). */
  plugins?: KyselyPlugin[];
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const inMemory = options.dataDir.startsWith('memory://');
  let lock: DataDirLock | undefined;
  if (!inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir);
  }
  try {
    const pglite = await PGlite.create(inMemory ? undefined : pgliteFolder(options.dataDir), {
      parsers: PGLITE_PARSERS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    // PglitePool has the query and release that PostgresDialect calls; it never asks for cursors.
    const pool = new PglitePool(pglite) as unknown as PostgresPool;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: options.plugins ?? [],
    });
    const applied = options.migrate === false ? [] : await migrate(db);
    await becomeAppRole(db);
    await assertUnprivileged(db);
    return createHandle(db, 'pglite', applied, pglite, () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Where in DATA_DIR PGlite keeps its files. */
export function pgliteFolder(dataDir: string): string {
  return `${dataDir}/pgdata`;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  // The same value types as on PGlite: bigint as a checked JS number, a date as its ISO string.
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, parseSafeInteger);
  types.setTypeParser(1082, (value: string) => value);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    // A database that does not answer is reported (503) instead of keeping requests waiting.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  // A connection the server drops while idle (a restart, a failover, pg_terminate_backend) is an
  // 'error' event on the pool; unhandled, it would end the process. The pool replaces it on demand.
  pool.on('error', (error) => options.onIdleError?.(error));
  // Dropped while checked out but between two statements (a transaction doing its work in the app), it
  // is an 'error' event on the client itself, which the pool does not listen to then: without this the
  // process would end. The transaction's next statement fails instead, it rolls back and the client is
  // discarded as it is released.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onIdleError?.(error));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: options.plugins ?? [] });
  try {
    await assertUnprivileged(db);
    const applied = options.migrate === false ? [] : await migrate(db);
    return { ...createHandle(db, 'postgres', applied, undefined, () => undefined), url };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** On PGlite the one connection is the superuser; the app works as an unprivileged role instead. */
async function becomeAppRole(db: Db): Promise<void> {
  await sql
    .raw(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
           CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
         END IF;
       END $$;
       GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
       SET ROLE ${APP_ROLE};`,
    )
    .execute(db);
}

/**
 * Row-level security is only a wall when the app's role cannot step over it (spec: Row-level security):
 * refuse to run as a superuser or a role with BYPASSRLS.
 */
async function assertUnprivileged(db: Db): Promise<void> {
  const { rows } = await sql<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>`
    select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(
    db,
  );
  const role = rows[0];
  if (!role || role.rolsuper || role.rolbypassrls) {
    throw new UnsafeDatabaseRole(role?.name ?? 'unknown');
  }
}

export class UnsafeDatabaseRole extends Error {
  constructor(readonly roleName: string) {
    super(
      `The database role "${roleName}" is a superuser or has BYPASSRLS, so row-level security would not ` +
        `protect one municipality's data from another's. Connect as an unprivileged role ` +
        `(CREATE ROLE borgerbudget LOGIN NOSUPERUSER NOBYPASSRLS; see README "PostgreSQL").`,
    );
    this.name = 'UnsafeDatabaseRole';
  }
}
