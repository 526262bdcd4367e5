import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { systemClock, type Clock } from '../../src/services/context.ts';
import { createServices } from '../../src/services/index.ts';
import { TEST_SECRETS, TestClock } from './test-deps.ts';

// Templates per test run (conventions: Three test tiers): migrated and empty, and migrated with the demo
// data (and, on PGlite, a new database not yet migrated). On PGlite each is a data-folder dump; when
// DATABASE_URL is set, a PostgreSQL template database. Each test file then starts from its own fresh copy
// of the one it needs, so the demo is loaded once per run instead of once per file.

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'pglite'; dumps: Record<Template, string> }
      | { kind: 'postgres'; url: string; prefix: string; templates: Record<Template, string> };
  }
}

/**
 * A database as PostgreSQL or PGlite makes a new one (bare: not migrated), migrated with nothing in it
 * (empty), or migrated with the demo data as the demo service loads it (demo).
 */
export type Template = 'bare' | 'empty' | 'demo';

export default async function setup(project: TestProject) {
  // The browser tests drive `borgerbudget start` on the real clock: their demo is loaded at the time of
  // the run, as the server itself would load it. The integration tests' demo is loaded at the fixed
  // time of their TestClock, where each test file's clock then starts.
  const clock = project.name === 'e2e' ? systemClock : new TestClock();
  const url = process.env.DATABASE_URL;
  if (url) {
    const prefix = `bb_t${process.pid}_${project.name.replace(/\W/g, '')}`;
    // A new database is made from template1 unless another template is named: that is 'bare'.
    const templates = { bare: 'template1', empty: `${prefix}_empty`, demo: `${prefix}_demo` };
    await adminQuery(url, `create database ${templates.empty}`);
    const empty = await openDatabase({
      databaseUrl: withDatabase(url, templates.empty),
      dataDir: 'memory://',
    });
    await empty.close();
    await createDatabaseFrom(url, templates.demo, templates.empty);
    const demo = await openDatabase({ databaseUrl: withDatabase(url, templates.demo), dataDir: 'memory://' });
    await loadDemo(demo, clock);
    await demo.close();
    project.provide('testDb', { kind: 'postgres', url, prefix, templates });
    return () => dropDatabases(url, prefix);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bb-template-'));
  const dumps = { bare: join(dir, 'bare.tar'), empty: join(dir, 'empty.tar'), demo: join(dir, 'demo.tar') };
  // PGlite's initdb is the slow part of a new embedded database (seconds): done once here.
  const bare = await PGlite.create();
  const bareDump = await bare.dumpDataDir('none');
  await bare.close();
  writeFileSync(dumps.bare, Buffer.from(await bareDump.arrayBuffer()));
  const db = await openDatabase({ dataDir: 'memory://', loadDataDir: bareDump });
  await dumpTo(db, dumps.empty);
  await loadDemo(db, clock);
  await dumpTo(db, dumps.demo);
  await db.close();
  project.provide('testDb', { kind: 'pglite', dumps });
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The demo data, loaded by the app's own demo service with the tests' secrets. */
async function loadDemo(database: DatabaseHandle, clock: Clock): Promise<void> {
  await createServices({ database, clock, secrets: TEST_SECRETS, production: false }).demo.load();
}

async function dumpTo(db: DatabaseHandle, file: string): Promise<void> {
  const dump = await db.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite did not produce a dump');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/**
 * CREATE DATABASE name TEMPLATE template. PostgreSQL refuses while anyone is connected to the template;
 * a backend whose client has just closed may take a moment to go, so that refusal is tried again.
 */
export async function createDatabaseFrom(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(url, `create database ${name} template ${template}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006'; // object_in_use
      if (!busy || attempt === 200) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Drops every database of this run (the templates last), many at a time: each DROP DATABASE waits for a
 * checkpoint, and drops at the same time share one, where one after another they took seconds each.
 */
async function dropDatabases(url: string, prefix: string): Promise<void> {
  const { rows } = await adminQuery(
    url,
    `select datname from pg_database where datname like '${prefix}\\_%' order by datname`,
  );
  const names = (rows as { datname: string }[]).map((r) => r.datname);
  const templates = names.filter((n) => n === `${prefix}_empty` || n === `${prefix}_demo`);
  const copies = names.filter((n) => !templates.includes(n));
  const drop = (name: string) => adminQuery(url, `drop database if exists ${name} with (force)`);
  const queue = [...copies];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) await drop(name);
    }),
  );
  await Promise.all(templates.map(drop));
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
