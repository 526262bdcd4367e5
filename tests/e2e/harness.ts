import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../src/bench/chromium.ts';
import { freePort, startChildServer, type ChildServer } from '../setup/child-server.ts';
import { startTestIssuer, type TestIssuer } from '../setup/oidc-provider.ts';
import { freshServerDatabase, TEST_CPR_KEY, TEST_SECRETS } from '../setup/test-db.ts';
import { pageProblems, watchContext } from './page-checks.ts';

// The end-to-end tier (conventions: Three test tiers): the real `borgerbudget start` as a child process on a
// fresh database, driven by Debian's Chromium through playwright-core (src/bench/chromium.ts).

export const hasChromium = isExecutable(CHROMIUM_PATH);
const STARTUP_MS = 90_000;
const SHUTDOWN_MS = 15_000;

export interface AppServer {
  /** http://localhost:PORT — the same origin as BASE_URL, which cookies and the CSRF check depend on. */
  baseUrl: string;
  database: 'pglite' | 'postgres';
  /** Everything the server printed, for a failure message. */
  output(): string;
  /** Log lines at level error or worse: a test run should have none. */
  errorLogs(): string[];
  /** SIGTERM, wait for the exit, remove the database; resolves with the exit code. */
  stop(): Promise<number | string | null>;
}

/** More of the server's environment, made once its address is known (e.g. a test OpenID issuer's). */
type ExtraEnv = (baseUrl: string) => Promise<Record<string, string>>;

async function startApp(extraEnv?: ExtraEnv): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // A copy of the run's demo template (global-db.ts: loaded once per run by the demo service, on the
  // real clock, as `start` loads it into an empty database), so each file's server starts on the demo
  // without migrating and loading it again.
  const database = await freshServerDatabase(tmpdir(), 'demo');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    // The secrets the template's CPR numbers were encrypted with.
    SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
    CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
  };
  delete env.DATABASE_URL;
  Object.assign(env, database.env, await extraEnv?.(baseUrl));
  const cleanUp = () => database.remove();

  let server: ChildServer;
  try {
    server = await startChildServer('start', env, port, STARTUP_MS);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const { child, exited } = server;
  const output = () => server.output();

  return {
    baseUrl,
    database: database.kind,
    output,
    errorLogs: () =>
      output()
        .split('\n')
        .filter((line) => /^\{.*"level":(5\d|60)[,}]/.test(line)),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_MS);
      const code = await exited;
      clearTimeout(timer);
      await cleanUp();
      return code;
    },
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface E2e {
  app: AppServer;
  browser: Browser;
  /** A new browser context (its own cookies) and page, watched for CSP violations and script errors. */
  newPage(options?: { javaScript?: boolean }): Promise<Page>;
}

/**
 * Starts the app and Chromium once for the calling test file (call it inside the `describe`) and stops
 * both at the end: the server must exit 0 on SIGTERM and must not have logged an error. After each test,
 * no page it opened may have seen a CSP violation, a script error or a failed asset.
 */
export function useE2e(options: { env?: ExtraEnv } = {}): E2e {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const e2e: E2e = {
    get app() {
      if (!app) throw new Error('The app is not running: call useE2e() inside describe().');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running: call useE2e() inside describe().');
      return browser;
    },
    async newPage({ javaScript = true } = {}) {
      const context = await e2e.browser.newContext({
        baseURL: e2e.app.baseUrl,
        viewport: { width: 1280, height: 800 },
        javaScriptEnabled: javaScript,
        locale: 'da-DK',
      });
      contexts.push(context);
      await watchContext(context, { javaScript });
      // A step that hangs fails on its own, naming itself, well inside the test's 60 s.
      context.setDefaultTimeout(20_000);
      return context.newPage();
    },
  };

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startApp(options.env), launchChromium()]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  });
  afterEach(async () => {
    const problems = contexts.flatMap((context) => pageProblems(context));
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(problems, 'CSP violations, script errors or failed assets').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    if (!app) return;
    const errors = app.errorLogs();
    const code = await app.stop();
    expect(code, `the server's exit code after SIGTERM\n${app.output()}`).toBe(0);
    expect(errors, 'error lines in the server log').toEqual([]);
  });
  return e2e;
}

/**
 * useE2e() with a test OpenID issuer (tests/setup/oidc-provider.ts) that the app is configured for,
 * started before the app and closed after the file.
 */
export function useE2eWithIssuer(): { e2e: E2e; issuer: () => TestIssuer } {
  let started: TestIssuer | undefined;
  const e2e = useE2e({
    env: async (baseUrl) => {
      started = await startTestIssuer(baseUrl);
      return started.env;
    },
  });
  afterAll(() => started?.close());
  const issuer = () => {
    if (!started)
      throw new Error('The test issuer is not running: call useE2eWithIssuer() inside describe().');
    return started;
  };
  return { e2e, issuer };
}
