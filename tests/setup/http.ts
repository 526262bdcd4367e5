import type { Hono } from 'hono';
import { tmpdir } from 'node:os';
import { loadConfig, type Config } from '../../src/config.ts';
import { createApp } from '../../src/app/app.ts';
import type { AppEnv } from '../../src/http/env.ts';
import { createLogger } from '../../src/logger.ts';
import type { Services } from '../../src/services/index.ts';
import { TEST_CPR_KEY, TEST_SECRETS } from './test-db.ts';

// The HTTP app in-process (Hono's app.request), and a small browser over it that keeps cookies, sends
// its Origin and reads the CSRF token from the pages, as a real browser with a real form would.

export const TEST_BASE_URL = 'http://localhost:3000';

export interface TestApp {
  app: Hono<AppEnv>;
  config: Config;
}

/** `env`: more of the environment, e.g. the test issuer's OIDC_* variables (setup/oidc-provider.ts). */
export function buildApp(services: Services, baseUrl = TEST_BASE_URL, env: NodeJS.ProcessEnv = {}): TestApp {
  const config = loadConfig({
    ...env,
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    BASE_URL: baseUrl,
    // Given, so no development secrets are generated into DATA_DIR.
    SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
    CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
  });
  const app = createApp({ services, config, logger: createLogger('silent') });
  return { app, config };
}

export interface RequestOptions {
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The Origin header of unsafe requests; null sends none. Defaults to the app's own origin. */
  origin?: string | null;
}

export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly testApp: TestApp,
    /** The client address the server sees (log-in throttling is per address). */
    readonly address = '127.0.0.1',
  ) {}

  get origin(): string {
    return this.testApp.config.baseUrl.origin;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers = new Headers(options.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (method !== 'GET' && origin !== null) headers.set('origin', origin);
    let body: string | undefined;
    if (options.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(options.form).toString();
    }
    // @hono/node-server's getConnInfo reads the socket from the bindings, as the real server passes them.
    const env = { incoming: { socket: { remoteAddress: this.address, remotePort: 50000 } } };
    const res = await this.testApp.app.request(`${this.origin}${path}`, { method, headers, body }, env);
    this.keepCookies(res);
    return res;
  }

  get(path: string, options: RequestOptions = {}): Promise<Response> {
    return this.request('GET', path, options);
  }

  post(path: string, form: Record<string, string>, options: RequestOptions = {}): Promise<Response> {
    return this.request('POST', path, { ...options, form });
  }

  /** A form post as a page sends it: with the CSRF token of this browser and a fresh idempotency key. */
  async submit(path: string, fields: Record<string, string>, options: RequestOptions = {}) {
    return this.post(path, { _csrf: await this.csrfToken(), _idem: newIdempotencyKey(), ...fields }, options);
  }

  /** The CSRF token a form rendered for this browser carries (the reset page is public, always a form). */
  async csrfToken(): Promise<string> {
    const html = await (await this.get('/adgangskode')).text();
    return hiddenField(html, '_csrf');
  }

  async login(email: string, password: string): Promise<Response> {
    return this.submit('/log-ind', { email, password });
  }

  /** Uses a session made by the services directly (faster than a form log-in per case). */
  useSession(token: string): this {
    this.cookies.set(this.cookieName('session'), token);
    return this;
  }

  cookieName(name: 'session' | 'csrf' | 'lang'): string {
    return this.testApp.config.secureCookies ? `__Host-bb_${name}` : `bb_${name}`;
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

let keyCounter = 0;
export function newIdempotencyKey(): string {
  return `test-key-${process.pid}-${++keyCounter}`;
}

export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`No hidden field ${name} in the page`);
  return match[1];
}

/** The parts of one Set-Cookie line, attribute names lower-cased. */
export function parseSetCookie(line: string): { name: string; value: string; attributes: Set<string> } {
  const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  return {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    attributes: new Set(attributes.map((a) => a.toLowerCase())),
  };
}
