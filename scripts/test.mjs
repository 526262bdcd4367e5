#!/usr/bin/env node
// npm test: all three tiers (conventions: Three test tiers). Unit and integration tests first, then the
// browser tests in Chromium. Without a browser the browser tier is skipped LOUDLY and the rest still runs;
// under CI=true a missing browser fails the run. The last line sums every tier: "N passed, N failed[, N
// skipped]". Arguments are handed to vitest (npm test -- users filters by file name).
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';

const ROOT = join(import.meta.dirname, '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CI = process.env.CI === 'true';
const ARGS = process.argv.slice(2);
// vitest's JSON reports stay next to the screenshots (test-results/ is ignored by git).
const REPORT_DIR = join(ROOT, 'test-results');

// TEST_UNIT=off leaves the unit tests out: they use no database, so when .ci/run runs the suite on both
// databases, only one of the two runs them. E2E_SMOKE=on runs the browser tier's smoke files only (the
// list is in vitest.config.ts).
const UNIT = process.env.TEST_UNIT !== 'off';
const SMOKE = process.env.E2E_SMOKE === 'on';
const TIERS = [
  UNIT
    ? { name: 'unit and integration', projects: ['unit', 'integration'], needsBrowser: false }
    : {
        name: 'integration (unit tests left out: TEST_UNIT=off)',
        projects: ['integration'],
        needsBrowser: false,
      },
  { name: SMOKE ? 'browser (e2e) smoke' : 'browser (e2e)', projects: ['e2e'], needsBrowser: true },
];

function hasBrowser() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function banner() {
  const line = '#'.repeat(96);
  const lines = [
    'Browser tests SKIPPED: Chromium not found. Install it with: sudo apt-get install -y chromium',
    `(looked for ${CHROMIUM}; set CHROMIUM_PATH to use another browser binary)`,
    ...(CI ? ['CI=true: the browser tests are required, so this run FAILS.'] : []),
  ];
  process.stderr.write(`\n${line}\n${lines.map((l) => `#  ${l}`).join('\n')}\n${line}\n\n`);
}

/** Runs vitest for some projects; resolves with its exit code and the counts from its JSON report. */
async function runTier(tier) {
  // One report per database, so a run on PGlite and one on PostgreSQL can go side by side (.ci/run).
  const database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const report = join(REPORT_DIR, `vitest-${tier.projects.join('-')}-${database}.json`);
  rmSync(report, { force: true });
  const args = [
    VITEST,
    'run',
    ...tier.projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    // A filter that matches nothing in one tier is not a failure of that tier.
    ...(ARGS.length > 0 ? ['--passWithNoTests', ...ARGS] : []),
  ];
  process.stdout.write(`\n==> ${tier.name} tests\n`);
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => done(1));
    child.on('exit', (exitCode) => done(exitCode ?? 1));
  });
  return { code, ...countsFrom(report) };
}

/**
 * Tests by outcome from vitest's JSON report. A test file that failed without a failed test (a broken
 * import, a failing beforeAll/afterAll such as the server not exiting 0) counts as one failure.
 */
function countsFrom(report) {
  if (!existsSync(report)) return { passed: 0, failed: 0, skipped: 0, failures: [], reported: false };
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const files = r.testResults ?? [];
  const failures = files.flatMap((file) => {
    const name = relative(ROOT, file.name ?? '');
    const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (tests.length > 0) return tests.map((t) => `${name} > ${t.fullName ?? t.title}`);
    return file.status === 'failed' ? [`${name} (the file itself: ${firstLine(file.message)})`] : [];
  });
  const fileFailures = files.filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  ).length;
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + fileFailures,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    failures,
    reported: true,
  };
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')[0]
      .slice(0, 200) || 'no message'
  );
}

async function main() {
  const browser = hasBrowser();
  if (!browser) banner();
  mkdirSync(REPORT_DIR, { recursive: true });
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  let ok = true;
  for (const tier of TIERS) {
    if (tier.needsBrowser && !browser) continue;
    const result = await runTier(tier);
    total.passed += result.passed;
    total.failed += result.failed;
    total.skipped += result.skipped;
    failures.push(...result.failures);
    if (result.code !== 0) {
      ok = false;
      // vitest failed without a failing test to show for it (a crash, an unhandled error): say so.
      if (result.failed === 0) {
        total.failed += 1;
        process.stderr.write(
          `\nThe ${tier.name} run exited with code ${result.code}${result.reported ? '' : ' and wrote no report'}; see above.\n`,
        );
      }
    }
  }
  if (!browser) {
    banner();
    if (CI) ok = false;
  }
  if (total.failed > 0) ok = false;
  // The names again at the very end, where a truncated log still shows them.
  if (failures.length > 0) process.stdout.write(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
