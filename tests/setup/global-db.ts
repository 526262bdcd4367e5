import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';

// One migrated template per test run (conventions: Three test tiers): a PGlite data-folder dump, or, when
// DATABASE_URL is set, a PostgreSQL template database. Each test file then starts from its own fresh copy.

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'pglite'; dumpFile: string }
      | { kind: 'postgres'; url: string; template: string; prefix: string };
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const prefix = `bb_t${process.pid}_${project.name.replace(/\W/g, '')}`;
    const template = `${prefix}_template`;
    await adminQuery(url, `create database ${template}`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, template), dataDir: 'memory://' });
    await db.close();
    project.provide('testDb', { kind: 'postgres', url, template, prefix });
    return async () => {
      const { rows } = await adminQuery(
        url,
        `select datname from pg_database where datname like '${prefix}%'`,
      );
      for (const row of rows as { datname: string }[]) {
        if (row.datname !== template)
          await adminQuery(url, `drop database if exists ${row.datname} with (force)`);
      }
      await adminQuery(url, `drop database if exists ${template} with (force)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bb-template-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  const dump = await db.pglite?.dumpDataDir('none');
  await db.close();
  if (!dump) throw new Error('PGlite did not produce a dump');
  const dumpFile = join(dir, 'template.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDb', { kind: 'pglite', dumpFile });
  return () => rmSync(dir, { recursive: true, force: true });
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
