import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { inject } from 'vitest';
import { run } from '../../src/app/main.ts';
import { commandArgs } from './child-server.ts';
import { postgresCopy, writeDataFolder } from './test-db.ts';

// The borgerbudget command on a database of its own — a fresh data folder on PGlite, or a fresh, empty
// database on the test PostgreSQL server — as an operator runs it. `run` calls the command's own entry
// (run() in src/app/main.ts, what the built command calls) in this process, with the environment given
// and standard output and error captured: the same code and output without starting Node and loading
// the app for every command. `spawn` starts the command as this test run built it (global-build.ts),
// what bin/borgerbudget.js runs, as a process, for what only a process shows (its exit code, its output
// through a pipe).

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export interface Cli {
  /** The environment the command runs with (DATA_DIR, and DATABASE_URL on PostgreSQL). */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** The command in this process. */
  run: (...args: string[]) => Promise<CliResult>;
  /** The command in this process with the operator's locale English (without one it speaks Danish). */
  runInEnglish: (...args: string[]) => Promise<CliResult>;
  /** The command as a separate process, built as bin/borgerbudget.js builds it. */
  spawn: (...args: string[]) => CliResult;
  /** bin/borgerbudget.js as a separate process: the build in dist/, made first if it is out of date. */
  spawnBin: (...args: string[]) => CliResult;
  /** Removes the data folder (the global teardown drops the run's databases). */
  close: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function createCli(name: string): Promise<Cli> {
  const dataDir = mkdtempSync(join(tmpdir(), `bb-${name}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TZ: 'UTC',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  };
  // A new database, not even migrated: the first command migrates it, as on an operator's new one.
  if (inject('testDb').kind === 'postgres') env.DATABASE_URL = (await postgresCopy('bare')).url;
  else await writeDataFolder(dataDir, 'bare');
  return {
    env,
    dataDir,
    run: (...args) => runInProcess(args, env),
    runInEnglish: (...args) => runInProcess(args, { ...env, LANG: 'en_GB.UTF-8' }),
    spawn: (...args) => spawnNode(commandArgs(...args), env),
    spawnBin: (...args) => spawnNode(['bin/borgerbudget.js', ...args], env),
    close: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): CliResult {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * One command through run(), with what it writes to the console and to process.stdout captured (and
 * kept from the test's own console checks) until it has finished. Test files run one at a time in a
 * worker and a file's tests one after another, so nothing else writes meanwhile.
 */
async function runInProcess(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const line =
    (to: string[]) =>
    (...values: unknown[]) => {
      to.push(`${format(...values)}\n`);
    };
  const saved = { log: console.log, info: console.info, error: console.error, warn: console.warn };
  // write is the stream's own property if something (vitest) set one, else its prototype's.
  const savedWrite = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  console.log = console.info = line(out);
  console.error = console.warn = line(err);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r): r is () => void => typeof r === 'function');
    if (done) queueMicrotask(done);
    return true;
  };
  try {
    const code = await run(args, env);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    Object.assign(console, saved);
    if (savedWrite) Object.defineProperty(process.stdout, 'write', savedWrite);
    else Reflect.deleteProperty(process.stdout, 'write');
  }
}
