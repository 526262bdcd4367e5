import { readFileSync } from 'node:fs';
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

export async function freshDatabase(): Promise<TestDatabase> {
  const testDb = inject('testDb');
  if (testDb.kind === 'pglite') {
    const dump = new Blob([readFileSync(testDb.dumpFile)]);
    return { database: await openDatabase({ dataDir: 'memory://', loadDataDir: dump }), url: undefined };
  }
  const name = `${testDb.prefix}_${process.pid}_${++counter}`;
  await adminQuery(testDb.url, `create database ${name} template ${testDb.template}`);
  const url = withDatabase(testDb.url, name);
  return { database: await openDatabase({ databaseUrl: url, dataDir: 'memory://' }), url };
}

/** A clock the test moves by hand (STYLE.md §9). */
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

export async function createTestContext(options: { production?: boolean } = {}): Promise<TestContext> {
  const db = await freshDatabase();
  const clock = new TestClock();
  const services = createServices({
    database: db.database,
    clock,
    secrets: TEST_SECRETS,
    production: options.production ?? false,
  });
  return { ...db, services, clock, close: () => db.database.close() };
}
