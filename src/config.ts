import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

// The one schema for the environment (conventions: Configuration), parsed once at start. A bad value stops
// the start with one line naming the variable and the reason. Secrets are never logged.

const secret = z
  .string()
  .regex(/^[A-Za-z0-9+/=_-]+$/, 'must be base64 or base64url')
  .refine((s) => Buffer.from(s, 'base64').length >= 32, 'must hold at least 32 random bytes (base64)');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://borgerbudget.kommune.dk' })
    .optional(),
  SESSION_SECRET: secret.optional(),
  CPR_ENCRYPTION_KEY: secret.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IDEMPOTENCY_KEY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: URL;
  /** Secure cookies (and the __Host- prefix) unless this is plain-http localhost in development. */
  secureCookies: boolean;
  sessionSecret: Buffer;
  cprEncryptionKey: Buffer;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** How long a command's idempotency key and response are kept; a repeat after that is a new request. */
  idempotencyKeyHours: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Told once when development secrets are generated. */
  warn?: (message: string) => void;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `Configuration error: ${name} ${issue?.message ?? 'is invalid'} (got ${shown(name, env)}).`,
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const baseUrl = new URL(e.BASE_URL ?? `http://localhost:${e.PORT}`);
  const localHttp =
    baseUrl.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(baseUrl.hostname);
  if (e.NODE_ENV === 'production') {
    if (!e.BASE_URL) throw new ConfigError('Configuration error: BASE_URL is required in production.');
    if (baseUrl.protocol !== 'https:') {
      throw new ConfigError('Configuration error: BASE_URL must use https in production.');
    }
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    secureCookies: !(localHttp && e.NODE_ENV !== 'production'),
    sessionSecret: secretFor('SESSION_SECRET', e.SESSION_SECRET, e.NODE_ENV, dataDir, options),
    cprEncryptionKey: secretFor('CPR_ENCRYPTION_KEY', e.CPR_ENCRYPTION_KEY, e.NODE_ENV, dataDir, options),
    logLevel: e.LOG_LEVEL,
    idempotencyKeyHours: e.IDEMPOTENCY_KEY_HOURS,
  };
}

/** Secrets are required in production; elsewhere they are generated once and kept in DATA_DIR. */
function secretFor(
  name: string,
  value: string | undefined,
  env: Config['env'],
  dataDir: string,
  options: LoadConfigOptions,
): Buffer {
  if (value) return Buffer.from(value, 'base64');
  if (env === 'production') {
    throw new ConfigError(
      `Configuration error: ${name} is required in production (32 random bytes, base64).`,
    );
  }
  const file = join(dataDir, 'secrets', name.toLowerCase());
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const generated = randomBytes(32).toString('base64');
  writeFileSync(file, generated, { mode: 0o600 });
  options.warn?.(`${name} is not set: generated one for development in ${file}. Set it in production.`);
  return Buffer.from(generated, 'base64');
}

function shown(name: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value === undefined) return 'nothing';
  return /SECRET|KEY|DATABASE_URL/.test(name) ? 'a value that is not shown' : JSON.stringify(value);
}
