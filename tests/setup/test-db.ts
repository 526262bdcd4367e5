import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { KyselyPlugin } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createDatabaseFrom, withDatabase, type Template } from './global-db.ts';
import { TEST_SECRETS, TestClock } from './test-deps.ts';

// A fresh, migrated database for one test file: a copy of one of the run's templates (global-db.ts),
// empty or with the demo data, on PGlite or PostgreSQL.

export { TestClock, TEST_CPR_KEY, TEST_SECRETS } from './test-deps.ts';

let counter = 0;

export interface TestDatabase {
  database: DatabaseHandle;
  /** On PostgreSQL, the connection string of this copy (for a second process, e.g. a server). */
  url: string | undefined;
}

/** The template's PGlite dump, read once per test file. */
const dumps = new Map<Template, Blob>();
function pgliteDump(template: Template): Blob {
  const testDb = inject('testDb');
  if (testDb.kind !== 'pglite') throw new Error('PGlite only');
  let dump = dumps.get(template);
  if (!dump) {
    dump = new Blob([readFileSync(testDb.dumps[template])]);
    dumps.set(template, dump);
  }
  return dump;
}

/**
 * On PostgreSQL, a new database copied from the template; its name carries the run's prefix, so the
 * global teardown drops it, whatever becomes of this process.
 */
export async function postgresCopy(template: Template): Promise<{ name: string; url: string }> {
  const testDb = inject('testDb');
  if (testDb.kind !== 'postgres') throw new Error('PostgreSQL only');
  const name = `${testDb.prefix}_${process.pid}_${++counter}`;
  await createDatabaseFrom(testDb.url, name, testDb.templates[template]);
  return { name, url: withDatabase(testDb.url, name) };
}

/**
 * On PGlite, the template written into a data folder (as DATA_DIR/pgdata, where the app keeps it) for
 * a process to open, without migrating or touching it otherwise.
 */
export async function writeDataFolder(dataDir: string, template: Template): Promise<void> {
  const pglite = await PGlite.create(join(dataDir, 'pgdata'), { loadDataDir: pgliteDump(template) });
  await pglite.close();
}

async function freshDatabase(template: Template, plugins: KyselyPlugin[] = []): Promise<TestDatabase> {
  const testDb = inject('testDb');
  if (testDb.kind === 'pglite') {
    return {
      database: await openDatabase({ dataDir: 'memory://', loadDataDir: pgliteDump(template), plugins }),
      url: undefined,
    };
  }
  const { url } = await postgresCopy(template);
  return { database: await openDatabase({ databaseUrl: url, dataDir: 'memory://', plugins }), url };
}

export interface TestContext extends TestDatabase {
  services: Services;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * A fresh database with services over it and a TestClock at its start. `demo: true` starts from the
 * demo data, loaded by the demo service at that same time (as `services.demo.load()` would load it);
 * without it the database is migrated and empty.
 */
export async function createTestContext(
  options: { demo?: boolean; production?: boolean; plugins?: KyselyPlugin[] } = {},
): Promise<TestContext> {
  const db = await freshDatabase(options.demo ? 'demo' : 'empty', options.plugins);
  const clock = new TestClock();
  const services = createServices({
    database: db.database,
    clock,
    secrets: TEST_SECRETS,
    production: options.production ?? false,
  });
  return { ...db, services, clock, close: () => db.database.close() };
}

/**
 * A fresh, migrated database that a child server process can open after the test has set it up and
 * closed it: a data folder on PGlite (one process at a time), a database of its own on PostgreSQL.
 */
export interface ServerDatabase {
  kind: 'pglite' | 'postgres';
  /** DATA_DIR and, on PostgreSQL, DATABASE_URL for the server. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  /** On PostgreSQL, the database's name (for the DBA's statements of a fault test). */
  name: string | undefined;
  open(): Promise<DatabaseHandle>;
  /** Removes the folder (the global teardown drops the run's databases). */
  remove(): Promise<void>;
}

export async function freshServerDatabase(
  parent = tmpdir(),
  template: Template = 'empty',
): Promise<ServerDatabase> {
  const testDb = inject('testDb');
  const dataDir = mkdtempSync(join(parent, 'bb-server-'));
  if (testDb.kind === 'pglite') {
    await writeDataFolder(dataDir, template);
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir },
      name: undefined,
      open: () => openDatabase({ dataDir }),
      remove: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const { name, url } = await postgresCopy(template);
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    name,
    open: () => openDatabase({ databaseUrl: url, dataDir: 'memory://' }),
    // The database itself is dropped with the run's others by the global teardown, all at once.
    remove: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}
