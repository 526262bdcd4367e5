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

/** Several secrets, comma-separated: the CPR keys, newest first (spec: CPR key rotation). */
const secretList = z
  .string()
  .refine(
    (s) => s.split(',').every((k) => secret.safeParse(k.trim()).success),
    'must be keys of at least 32 random bytes each (base64), separated by commas',
  )
  .refine((s) => new Set(keysOf(s).map((k) => k.toString('hex'))).size === s.split(',').length, {
    message: 'names the same key twice',
  });

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
  CPR_ENCRYPTION_KEYS: secretList.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IDEMPOTENCY_KEY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  BACKUP_PASSPHRASE: z.string().min(16, 'must be at least 16 characters').optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.kommune.dk:587',
    })
    .optional(),
  SMTP_ALLOW_PLAIN: z.enum(['true', 'false']).default('false'),
  MAIL_FROM: z.email({ error: 'must be an e-mail address such as borgerbudget@kommune.dk' }).optional(),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
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
  /** The CPR keys, newest first: values are written under the first and read under any. */
  cprEncryptionKeys: Buffer[];
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** How long a command's idempotency key and response are kept; a repeat after that is a new request. */
  idempotencyKeyHours: number;
  /** Encrypts the backups (operations: Backup and restore); from the environment only, never an argument. */
  backupPassphrase: string | undefined;
  /** Where the running app writes its daily backup; without it, it writes none. */
  backupDir: string | undefined;
  /** E-mail notifications (operations: E-mail). */
  mail: {
    /** Without SMTP_URL no mail leaves: the outbox fills and the administrator sees it. */
    smtp: { url: URL; from: string; requireTls: boolean } | undefined;
    /** The Danish hour of the day from which the daily digest goes out. */
    digestHour: number;
  };
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
  if (e.BACKUP_DIR !== undefined && e.BACKUP_PASSPHRASE === undefined) {
    throw new ConfigError('Configuration error: BACKUP_DIR needs BACKUP_PASSPHRASE to encrypt the backups.');
  }
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) {
    throw new ConfigError(
      'Configuration error: SMTP_URL needs MAIL_FROM, the address the e-mails come from.',
    );
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
    cprEncryptionKeys: cprKeys(e, dataDir, options),
    logLevel: e.LOG_LEVEL,
    idempotencyKeyHours: e.IDEMPOTENCY_KEY_HOURS,
    backupPassphrase: e.BACKUP_PASSPHRASE,
    backupDir: e.BACKUP_DIR === undefined ? undefined : resolve(e.BACKUP_DIR),
    mail: {
      smtp:
        e.SMTP_URL === undefined || e.MAIL_FROM === undefined
          ? undefined
          : {
              url: new URL(e.SMTP_URL),
              from: e.MAIL_FROM,
              // In production no mail crosses the network in plain text: smtps://, or smtp:// only where
              // the server offers STARTTLS, unless SMTP_ALLOW_PLAIN says the way is safe (a local relay).
              requireTls: e.NODE_ENV === 'production' && e.SMTP_ALLOW_PLAIN !== 'true',
            },
      digestHour: e.MAIL_DIGEST_HOUR,
    },
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

/**
 * CPR_ENCRYPTION_KEYS, or CPR_ENCRYPTION_KEY as the one-key form; in development a generated one, as for
 * the other secrets (spec: CPR key rotation).
 */
function cprKeys(e: z.infer<typeof EnvSchema>, dataDir: string, options: LoadConfigOptions): Buffer[] {
  if (e.CPR_ENCRYPTION_KEYS !== undefined && e.CPR_ENCRYPTION_KEY !== undefined) {
    throw new ConfigError(
      'Configuration error: set CPR_ENCRYPTION_KEYS or CPR_ENCRYPTION_KEY, not both (CPR_ENCRYPTION_KEYS holds the old key after the new one).',
    );
  }
  if (e.CPR_ENCRYPTION_KEYS !== undefined) return keysOf(e.CPR_ENCRYPTION_KEYS);
  if (e.CPR_ENCRYPTION_KEY === undefined && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Configuration error: CPR_ENCRYPTION_KEYS (or CPR_ENCRYPTION_KEY) is required in production (32 random bytes, base64).',
    );
  }
  return [secretFor('CPR_ENCRYPTION_KEY', e.CPR_ENCRYPTION_KEY, e.NODE_ENV, dataDir, options)];
}

function keysOf(list: string): Buffer[] {
  return list.split(',').map((k) => Buffer.from(k.trim(), 'base64'));
}

function shown(name: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value === undefined) return 'nothing';
  return /SECRET|KEY|PASSPHRASE|DATABASE_URL|SMTP_URL/.test(name)
    ? 'a value that is not shown'
    : JSON.stringify(value);
}
