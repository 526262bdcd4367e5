#!/usr/bin/env node
// The one build (docs/decisions/0013-build-at-install.md): esbuild bundles the borgerbudget command —
// src/app/main.ts with what bin/borgerbudget.js does around it — into one JavaScript file with a source
// map, the packages left as imports from node_modules. `npm install` builds dist/ (prepare);
// bin/borgerbudget.js builds it again when it is missing or older than a source file; the tests build
// their own copy once per run (tests/setup/global-build.ts).
//
// Files the app reads at run time (migrations, static files) stay in src/: in each source module,
// import.meta.url, .dirname and .filename are made relative to the bundle, so they still name the
// module's own place in src/ wherever the bundle sits.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const ENTRY_NAME = 'borgerbudget.js';
/** The build `npm start` and the borgerbudget command run. */
export const DIST_ENTRY = join(ROOT, 'dist', ENTRY_NAME);
/** What the bundle is made of: a change to any of these makes dist/ out of date. */
const INPUTS = [
  SRC,
  join(ROOT, 'package.json'),
  join(ROOT, 'tsconfig.json'),
  join(ROOT, 'scripts', 'build.mjs'),
];
const BUNDLED = /\.tsx?$/;
const NOT_BUNDLED = /\.test\.tsx?$/;

/**
 * True when `entry` is missing or older than any input: a TypeScript file under a folder given (tests
 * left out), or a file given by name. A walk of stat calls, a few milliseconds for the whole of src/.
 */
export function isStale(entry = DIST_ENTRY, inputs = INPUTS) {
  let built;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    return true;
  }
  const newer = (path) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return readdirSync(path, { withFileTypes: true }).some((d) =>
      d.isDirectory()
        ? newer(join(path, d.name))
        : BUNDLED.test(d.name) && !NOT_BUNDLED.test(d.name) && statSync(join(path, d.name)).mtimeMs > built,
    );
  };
  return inputs.some(newer);
}

/** The path of an up-to-date dist/ build, building it first when it is missing or out of date. */
export async function ensureBuilt() {
  if (isStale()) await build();
  return DIST_ENTRY;
}

/**
 * Bundles the command into `outdir` (dist/ unless told) and resolves with the entry's path. The files
 * are written beside their places and renamed there, so a process starting meanwhile reads the old
 * build or the new one, never half of one; the entry's time is set to when the build began, so a source
 * saved during the build makes it out of date.
 */
export async function build(outdir = dirname(DIST_ENTRY)) {
  const began = new Date();
  const { build: esbuild } = await import('esbuild');
  const entry = join(outdir, ENTRY_NAME);
  const result = await esbuild({
    stdin: {
      contents: "import { run } from './src/app/main.ts';\nprocess.exit(await run(process.argv.slice(2)));\n",
      resolveDir: ROOT,
      sourcefile: 'build-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    // Error classes name themselves after their class (domain/errors.ts), so names stay as written.
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    outfile: entry,
    write: false,
    metafile: true,
    plugins: [sourceLocations(outdir)],
    logLevel: 'error',
  });
  checkPackages(result.metafile);
  // The map first: a process that reads the new entry finds its map.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of files) {
    const temporary = join(dirname(file.path), `.${basename(file.path)}.${process.pid}`);
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(temporary, file.contents);
    if (file.path === entry) utimesSync(temporary, began, began);
    renameSync(temporary, file.path);
  }
  return entry;
}

/**
 * Refuses a build that loads a package outside package.json's dependencies with the app: a production
 * install (`npm ci --omit=dev`) has no others. A development package used by one command (the bench's
 * browser) is imported where it is used, `await import(…)`, which stays a run-time import.
 */
function checkPackages(metafile) {
  const { dependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const outside = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const { path, kind, external } of output.imports) {
      if (!external || kind !== 'import-statement' || path.startsWith('node:')) continue;
      const name = path
        .split('/')
        .slice(0, path.startsWith('@') ? 2 : 1)
        .join('/');
      if (!(name in dependencies)) outside.add(name);
    }
  }
  if (outside.size > 0) {
    throw new Error(
      `src/ imports ${[...outside].join(', ')} at start, not among package.json's dependencies: ` +
        'add it there, or import it where it is used with await import(…).',
    );
  }
}

/** import.meta.url, .dirname and .filename of each source module, as its place relative to the bundle. */
function sourceLocations(outdir) {
  const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;
  const toUrl = (path) => relative(outdir, path).split(sep).map(encodeURIComponent).join('/');
  return {
    name: 'source-locations',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (!args.path.startsWith(SRC + sep)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const loader = args.path.endsWith('x') ? 'tsx' : 'ts';
        const file = JSON.stringify(toUrl(args.path));
        const folder = JSON.stringify(toUrl(dirname(args.path)));
        let asPath = false;
        const contents = text.replace(IMPORT_META, (_, what) => {
          if (what === 'url') return `new URL(${file}, import.meta.url).href`;
          asPath = true;
          return `__sourcePath(new URL(${what === 'dirname' ? folder : file}, import.meta.url))`;
        });
        // Imports are hoisted, so this line at the end keeps the source map's lines where they were.
        const tail = asPath ? "\nimport { fileURLToPath as __sourcePath } from 'node:url';\n" : '';
        return { contents: contents + tail, loader };
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await build();
  process.stdout.write(
    `Built ${relative(ROOT, DIST_ENTRY)} in ${Math.round(performance.now() - started)} ms.\n`,
  );
}
