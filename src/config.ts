import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ASSURANCE_LEVELS, type AssuranceLevel } from './domain/sign-in.ts';

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
  ...oidcIssuerVariables('CITIZEN', 'openid'),
  // The claim names NemLog-in's OIOSAML 3 attributes have, which the brokers pass through as claims
  // (OIOSAML 3.0 attribute profile: https://data.gov.dk/model/core/eid/cprNumber and
  // https://data.gov.dk/concept/core/nsis/loa, values Low, Substantial, High).
  OIDC_CITIZEN_CPR_CLAIM: z.string().min(1).default('https://data.gov.dk/model/core/eid/cprNumber'),
  OIDC_CITIZEN_ASSURANCE_CLAIM: z.string().min(1).default('https://data.gov.dk/concept/core/nsis/loa'),
  ...oidcIssuerVariables('STAFF', 'openid profile email'),
  OIDC_STAFF_MUNICIPALITY_CLAIM: z.string().min(1).default('tid'),
  OIDC_STAFF_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_STAFF_ASSURANCE: z.enum(ASSURANCE_LEVELS).default('substantial'),
  OIDC_ALLOW_HTTP_ISSUER: z.enum(['true', 'false']).default('false'),
});

/** An OpenID Connect issuer's variables: OIDC_<kind>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _SCOPE. */
function oidcIssuerVariables<K extends 'CITIZEN' | 'STAFF'>(kind: K, scope: string) {
  return {
    [`OIDC_${kind}_ISSUER`]: z
      .url({ protocol: /^https?$/, error: 'must be the issuer URL, such as https://broker.example.dk' })
      .optional(),
    [`OIDC_${kind}_CLIENT_ID`]: z.string().min(1).optional(),
    [`OIDC_${kind}_CLIENT_SECRET`]: z.string().min(16, 'must be at least 16 characters').optional(),
    [`OIDC_${kind}_SCOPE`]: z
      .string()
      .regex(/(^|\s)openid(\s|$)/, 'must include openid')
      .default(scope),
  } as Record<`OIDC_${K}_${'ISSUER' | 'CLIENT_ID' | 'CLIENT_SECRET'}`, z.ZodOptional<z.ZodString>> &
    Record<`OIDC_${K}_SCOPE`, z.ZodDefault<z.ZodString>>;
}

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
  /** The OpenID Connect issuers (operations: Registering with a NemLog-in broker); each absent until set. */
  oidc: {
    /** MitID through a NemLog-in broker: "Log ind med MitID" for citizens. */
    citizen: (OidcIssuerConfig & { cprClaim: string; assuranceClaim: string }) | undefined;
    /** The municipalities' own log-in: several municipalities may share it, told apart by a claim. */
    staff:
      | (OidcIssuerConfig & { municipalityClaim: string; groupsClaim: string; assurance: AssuranceLevel })
      | undefined;
  };
}

export interface OidcIssuerConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The scopes asked for, separated by spaces; always with openid. */
  scope: string;
  /** Whether the issuer may be plain http: the tests' issuer on 127.0.0.1, never in production. */
  allowHttp: boolean;
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
    oidc: oidcConfig(e),
  };
}

/** The two issuers, each with its own claims. */
function oidcConfig(e: z.infer<typeof EnvSchema>): Config['oidc'] {
  const citizen = oidcIssuer(e, 'CITIZEN');
  const staff = oidcIssuer(e, 'STAFF');
  return {
    citizen: citizen && {
      ...citizen,
      cprClaim: e.OIDC_CITIZEN_CPR_CLAIM,
      assuranceClaim: e.OIDC_CITIZEN_ASSURANCE_CLAIM,
    },
    staff: staff && {
      ...staff,
      municipalityClaim: e.OIDC_STAFF_MUNICIPALITY_CLAIM,
      groupsClaim: e.OIDC_STAFF_GROUPS_CLAIM,
      assurance: e.OIDC_STAFF_ASSURANCE,
    },
  };
}

/**
 * An issuer when OIDC_<kind>_ISSUER is set: then its client id and secret are required, and it must use
 * https unless OIDC_ALLOW_HTTP_ISSUER says otherwise, which production refuses (a test flag).
 */
function oidcIssuer(e: z.infer<typeof EnvSchema>, kind: 'CITIZEN' | 'STAFF'): OidcIssuerConfig | undefined {
  const name = `OIDC_${kind}_ISSUER` as const;
  const issuer = e[name];
  const clientId = e[`OIDC_${kind}_CLIENT_ID`];
  const clientSecret = e[`OIDC_${kind}_CLIENT_SECRET`];
  const allowHttp = e.OIDC_ALLOW_HTTP_ISSUER === 'true';
  if (allowHttp && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Configuration error: OIDC_ALLOW_HTTP_ISSUER is for tests and refused in production.',
    );
  }
  if (issuer === undefined) {
    if (clientId !== undefined || clientSecret !== undefined) {
      throw new ConfigError(`Configuration error: OIDC_${kind}_CLIENT_ID and _CLIENT_SECRET need ${name}.`);
    }
    return undefined;
  }
  if (clientId === undefined)
    throw new ConfigError(`Configuration error: ${name} needs OIDC_${kind}_CLIENT_ID.`);
  if (clientSecret === undefined) {
    throw new ConfigError(
      `Configuration error: ${name} needs OIDC_${kind}_CLIENT_SECRET, the secret the issuer gave this client.`,
    );
  }
  const url = new URL(issuer);
  if (url.protocol !== 'https:' && !allowHttp) {
    throw new ConfigError(`Configuration error: ${name} must use https.`);
  }
  return { issuer: url, clientId, clientSecret, scope: e[`OIDC_${kind}_SCOPE`], allowHttp };
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
