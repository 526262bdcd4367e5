import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PGlite keeps its files in one folder and has no server to arbitrate between processes: two processes
// on one folder would corrupt it. A lock file with the owner's process id keeps a second one out.
//
// The lock file is written aside and hard-linked into place, which fails when it exists: it never
// exists without its process id. Only a live other process named in it keeps the folder locked; a file
// that names none (empty or garbled, e.g. after a crash or a power loss) is stale, like one whose
// process is gone.

export interface DataDirLock {
  release(): void;
}

export class DataDirLocked extends Error {
  constructor(
    dir: string,
    readonly pid: number,
  ) {
    super(`The data folder ${dir} is in use by another Borgerbudget process (pid ${pid}). Stop it first.`);
    this.name = 'DataDirLocked';
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(dir, 'borgerbudget.lock');
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, path);
        return heldAt(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = liveOwner(path);
      if (owner !== undefined) throw new DataDirLocked(dir, owner);
      rmSync(path, { force: true }); // stale
    }
  } finally {
    unlinkSync(draft);
  }
  throw new Error(`Could not lock the data folder ${dir}.`);
}

function heldAt(path: string): DataDirLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      unlinkSync(path);
    },
  };
}

/** The live process, other than this one, that the lock file names; undefined when the lock is stale. */
function liveOwner(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // released meanwhile
    throw error;
  }
  const pid = /^\d+$/.test(text) ? Number(text) : 0;
  return pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
