import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import type { Clock } from '../../src/services/context.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { adminQuery, withDatabase } from './global-db.ts';

// A fresh, migrated database for one test file: a copy of the run's template, on PGlite or PostgreSQL.

let counter = 0;

export interface TestDatabase {
  database: DatabaseHandle;
  /** On PostgreSQL, the connection string of this copy (for a second process, e.g. a server). */
  url: string | undefined;
}

export async function freshDatabase(plugins: KyselyPlugin[] = []): Promise<TestDatabase> {
  const testDb = inject('testDb');
  if (testDb.kind === 'pglite') {
    const dump = new Blob([readFileSync(testDb.dumpFile)]);
    return {
      database: await openDatabase({ dataDir: 'memory://', loadDataDir: dump, plugins }),
      url: undefined,
    };
  }
  const name = `${testDb.prefix}_${process.pid}_${++counter}`;
  await adminQuery(testDb.url, `create database ${name} template ${testDb.template}`);
  const url = withDatabase(testDb.url, name);
  return { database: await openDatabase({ databaseUrl: url, dataDir: 'memory://', plugins }), url };
}

/** A clock the test moves by hand (conventions: Determinism). */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const TEST_SECRETS = { session: Buffer.alloc(32, 1), cpr: Buffer.alloc(32, 2) };

export interface TestContext extends TestDatabase {
  services: Services;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestContext(
  options: { production?: boolean; plugins?: KyselyPlugin[] } = {},
): Promise<TestContext> {
  const db = await freshDatabase(options.plugins);
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
  /** Drops the database and removes the folder. */
  remove(): Promise<void>;
}

export async function freshServerDatabase(parent = tmpdir()): Promise<ServerDatabase> {
  const testDb = inject('testDb');
  const dataDir = mkdtempSync(join(parent, 'bb-server-'));
  if (testDb.kind === 'pglite') {
    const dump = new Blob([readFileSync(testDb.dumpFile)]);
    let loaded = false;
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir },
      name: undefined,
      open: async () => {
        const database = await openDatabase({ dataDir, ...(loaded ? {} : { loadDataDir: dump }) });
        loaded = true;
        return database;
      },
      remove: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `${testDb.prefix}_${process.pid}_${++counter}`;
  await adminQuery(testDb.url, `create database ${name} template ${testDb.template}`);
  const url = withDatabase(testDb.url, name);
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    name,
    open: () => openDatabase({ databaseUrl: url, dataDir: 'memory://' }),
    remove: async () => {
      await adminQuery(testDb.url, `drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
