#!/usr/bin/env node
// The borgerbudget command. TypeScript runs through tsx's loader, so there is no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/app/main.ts');
process.exit(await run(process.argv.slice(2)));
