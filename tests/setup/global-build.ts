import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.mjs';

// The borgerbudget command built once per test run by the build `npm start` runs (scripts/build.mjs), for
// every test that starts it as a process (setup/child-server.ts, setup/cli.ts), so no process transpiles
// the app itself. The run builds its own copy rather than using dist/: its processes run the sources as
// they were when the run began, whatever `npm start` or another run does to dist/ meanwhile. The copy
// sits under node_modules/, where the app's packages resolve as from dist/.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built command: `node <commandEntry> ARGS` is `borgerbudget ARGS`. */
    commandEntry: string;
  }
}

export default async function setup(project: TestProject) {
  const cache = resolve(import.meta.dirname, '../../node_modules/.cache/borgerbudget-tests');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `${project.name}-`));
  project.provide('commandEntry', await build(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
