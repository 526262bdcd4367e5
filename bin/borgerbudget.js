#!/usr/bin/env node
// The borgerbudget command: the build in dist/ (scripts/build.mjs, docs/decisions/0013), made again first
// when it is missing or older than a source file, with stack traces that name the TypeScript sources.
import process from 'node:process';
import { ensureBuilt } from '../scripts/build.mjs';

let entry;
try {
  entry = await ensureBuilt();
} catch (error) {
  process.stderr.write(`borgerbudget could not build dist/ (npm run build): ${error.message}\n`);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(entry);
