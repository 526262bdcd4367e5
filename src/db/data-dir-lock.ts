import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// PGlite keeps its files in one folder and has no server to arbitrate between processes: two processes
// on one folder would corrupt it. A lock file with the owner's process id keeps a second one out.

export interface DataDirLock {
  release(): void;
}

export class DataDirLocked extends Error {
  constructor(dir: string, pid: number) {
    super(`The data folder ${dir} is in use by another Borgerbudget process (pid ${pid}). Stop it first.`);
    this.name = 'DataDirLocked';
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(dir, 'borgerbudget.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
        throw new DataDirLocked(dir, owner);
      unlinkSync(path); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock the data folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
