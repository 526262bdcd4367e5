import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale } from '../../scripts/build.mjs';

// When bin/borgerbudget.js builds again before it runs (scripts/build.mjs): the build is missing, or a
// TypeScript source or a named input is newer than it. Tests, SQL and static files are not in the
// bundle, so they leave it as it is. Times are set by hand, a minute apart.

let dir: string;
let src: string;
let entry: string;
let config: string;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const file = (path: string, minute: number) => {
  writeFileSync(path, '');
  utimesSync(path, at(minute), at(minute));
};
const stale = () => isStale(entry, [src, config]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bb-build-'));
  src = join(dir, 'src');
  mkdirSync(join(src, 'db', 'migrations'), { recursive: true });
  entry = join(dir, 'dist.js');
  config = join(dir, 'tsconfig.json');
  file(join(src, 'main.ts'), 1);
  file(join(src, 'db', 'client.ts'), 2);
  file(join(src, 'page.tsx'), 3);
  file(config, 4);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('isStale', () => {
  it('is true without a build, and false with one newer than every input', () => {
    expect(stale()).toBe(true);
    file(entry, 10);
    expect(stale()).toBe(false);
  });

  it('is true when a source in a subfolder, a page or a named input is newer than the build', () => {
    file(entry, 10);
    file(join(src, 'db', 'client.ts'), 11);
    expect(stale()).toBe(true);
    file(join(src, 'db', 'client.ts'), 2);
    file(join(src, 'page.tsx'), 11);
    expect(stale()).toBe(true);
    file(join(src, 'page.tsx'), 3);
    file(config, 11);
    expect(stale()).toBe(true);
  });

  it('is false when only a test, a migration or a new non-TypeScript file is newer', () => {
    file(entry, 10);
    file(join(src, 'db', 'client.test.ts'), 11);
    file(join(src, 'page.test.tsx'), 11);
    file(join(src, 'db', 'migrations', '20270101000000_next.sql'), 11);
    file(join(src, 'app.css'), 11);
    expect(stale()).toBe(false);
  });
});
