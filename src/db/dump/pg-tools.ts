import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

// PostgreSQL's own tools for the backup (operations: Backup and restore): pg_dump and pg_restore, found
// on PATH or where Debian and Ubuntu install them, run against the app's database as the app's role.

export type PgTool = 'pg_dump' | 'pg_restore';

export class PgToolMissing extends Error {
  constructor(readonly tool: PgTool) {
    super(`${tool} was not found on PATH or in /usr/lib/postgresql/*/bin.`);
    this.name = 'PgToolMissing';
  }
}

export class PgToolFailed extends Error {
  constructor(
    readonly tool: PgTool,
    readonly detail: string,
  ) {
    super(`${tool} failed: ${detail}`);
    this.name = 'PgToolFailed';
  }
}

const DEBIAN_DIR = '/usr/lib/postgresql';

/** The tool on PATH, else the newest version's in /usr/lib/postgresql/<version>/bin. */
function findPgTool(tool: PgTool): string {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN_DIR).filter((v) => /^\d+$/.test(v));
  } catch {
    // No Debian-style installation.
  }
  const debian = versions.sort((a, b) => Number(b) - Number(a)).map((v) => join(DEBIAN_DIR, v, 'bin'));
  for (const dir of [...onPath, ...debian]) {
    const path = join(dir, tool);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here.
    }
  }
  throw new PgToolMissing(tool);
}

type Child = ChildProcessByStdio<Writable | null, Readable, Readable>;

export interface RunningTool {
  child: Child;
  /** Resolves when the tool exits with 0; rejects with what it said on standard error otherwise. */
  exited: Promise<void>;
}

/**
 * Starts `tool`, on the database at `url` when one is given. The password travels in PGPASSWORD, not in
 * the arguments (which any local user may read), and PGOPTIONS sets the app's 'all' scope, so the
 * row-level security policies (app_tenant_visible) show the tool every municipality's rows.
 */
export function runPgTool(
  tool: PgTool,
  args: string[],
  { url, stdin }: { url?: string; stdin: 'pipe' | 'ignore' },
): RunningTool {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGOPTIONS: [process.env.PGOPTIONS, '-c app.scope=all'].filter(Boolean).join(' '),
  };
  if (url) {
    const target = new URL(url);
    if (target.password) env.PGPASSWORD = decodeURIComponent(target.password);
    target.password = '';
    args = [...args, `--dbname=${target.toString()}`];
  }
  const child = spawn(findPgTool(tool), args, { env, stdio: [stdin, 'pipe', 'pipe'] }) as Child;
  let said = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    said = (said + text).slice(-4000);
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new PgToolFailed(tool, said.trim() || `exit ${code ?? signal ?? 'unknown'}`));
    });
  });
  return { child, exited };
}
