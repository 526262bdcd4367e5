import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { adminQuery, withDatabase } from './global-db.ts';

// The borgerbudget command as an operator runs it: a separate process on a database of its own — a
// fresh data folder on PGlite, or a fresh database on the test PostgreSQL server.

export interface Cli {
  /** The environment the command runs with (DATA_DIR, and DATABASE_URL on PostgreSQL). */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  run: (...args: string[]) => { code: number | null; out: string; err: string };
  /** Drops the database and the data folder. */
  close: () => Promise<void>;
}

export async function createCli(name: string): Promise<Cli> {
  const dataDir = mkdtempSync(join(tmpdir(), `bb-${name}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TZ: 'UTC',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  };
  let drop = () => Promise.resolve();
  const testDb = inject('testDb');
  if (testDb.kind === 'postgres') {
    const database = `${testDb.prefix}_${name.replaceAll('-', '_')}_${process.pid}`;
    await adminQuery(testDb.url, `create database ${database}`);
    env.DATABASE_URL = withDatabase(testDb.url, database);
    drop = async () => {
      await adminQuery(testDb.url, `drop database if exists ${database} with (force)`);
    };
  }
  return {
    env,
    dataDir,
    run: (...args) => {
      const result = spawnSync(process.execPath, ['bin/borgerbudget.js', ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { code: result.status, out: result.stdout, err: result.stderr };
    },
    close: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
