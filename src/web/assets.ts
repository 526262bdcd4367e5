import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// DKFDS is served from its own dist/ folder, under a path with its version, so browsers may cache it
// for a year and a new version is fetched at once. The package exports only its script, so its folder
// is found from there.
const require = createRequire(import.meta.url);
export const DKFDS_DIST_DIR = join(dirname(require.resolve('dkfds')), '..');
const DKFDS_VERSION = (
  JSON.parse(readFileSync(join(DKFDS_DIST_DIR, '..', 'package.json'), 'utf8')) as { version: string }
).version;

export const DKFDS_PREFIX = `/static/dkfds-${DKFDS_VERSION}`;
export const SPRITE = `${DKFDS_PREFIX}/img/all-svg-icons.svg`;
export const APP_PREFIX = '/static/app';
