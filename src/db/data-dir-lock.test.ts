import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLocked } from './data-dir-lock.ts';

let dir: string;
let lockFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bb-lock-'));
  lockFile = join(dir, 'borgerbudget.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process id that was in use a moment ago and is free now. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (!pid) throw new Error('could not start a process');
  return pid;
}

describe('the data folder lock', () => {
  it('holds the folder with our process id, and leaves nothing behind when released', () => {
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual(['borgerbudget.lock']);
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['empty (a crash between creating and writing it)', ''],
    ['garbled', 'garbage\n'],
    ['naming process 0', '0'],
    ['naming a negative process id', '-1'],
    ['naming a process that is gone', () => String(deadPid())],
    ['naming this very process id (an earlier run with the same id)', String(process.pid)],
  ])('takes over a lock file %s', (_, content) => {
    writeFileSync(lockFile, typeof content === 'string' ? content : content());
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('is refused while another live process holds it, and leaves its lock alone', () => {
    writeFileSync(lockFile, `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLocked);
    expect(() => acquireDataDirLock(dir)).toThrow(
      `in use by another Borgerbudget process (pid ${process.ppid})`,
    );
    expect(readFileSync(lockFile, 'utf8')).toBe(`${process.ppid}\n`);
    expect(readdirSync(dir)).toEqual(['borgerbudget.lock']);
  });
});
