import { defineConfig } from 'vitest/config';

// Three tiers (conventions: Three test tiers): unit tests beside the code, integration tests on a real
// database, end-to-end tests in Chromium. TZ is UTC everywhere so dates never depend on the machine.
process.env.TZ = 'UTC';

// The browser tier's smoke: with E2E_SMOKE=on only these files run. .ci/run runs the whole tier, with
// axe-core, on PostgreSQL, and this smoke on PGlite: the pages are the same HTML on both databases, and
// these files cross every layer on the embedded one — log-in for every role, CSRF, CSP and the language
// switch; a case's money from the request to the payment, with the writes queued on PGlite's one
// connection.
const E2E_SMOKE = ['tests/e2e/foundation.test.ts', 'tests/e2e/money.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/setup/fail-on-console.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'tests/support/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/setup/global-build.ts', 'tests/setup/global-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: process.env.E2E_SMOKE === 'on' ? E2E_SMOKE : ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/global-build.ts', 'tests/setup/global-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
