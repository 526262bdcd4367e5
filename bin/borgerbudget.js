#!/usr/bin/env node
// The borgerbudget command. TypeScript runs through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/app/main.ts');
