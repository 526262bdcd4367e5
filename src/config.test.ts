import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'bb-config-'));
const key = Buffer.alloc(32, 7).toString('base64');

describe('config', () => {
  it('has sensible defaults and generates development secrets once, with a warning', () => {
    const dataDir = dir();
    const warnings: string[] = [];
    const first = loadConfig({ DATA_DIR: dataDir }, { warn: (m) => warnings.push(m) });
    expect(first.port).toBe(3000);
    expect(first.baseUrl.href).toBe('http://localhost:3000/');
    expect(first.secureCookies).toBe(false);
    expect(first.sessionSecret).toHaveLength(32);
    expect(warnings).toHaveLength(2);
    const second = loadConfig({ DATA_DIR: dataDir }, { warn: (m) => warnings.push(m) });
    expect(second.sessionSecret.equals(first.sessionSecret)).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(readFileSync(join(dataDir, 'secrets', 'session_secret'), 'utf8').trim()).toBe(
      first.sessionSecret.toString('base64'),
    );
  });

  it('names the variable and the reason for a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dir() })).toThrow(/^Configuration error: PORT .*"abc"/);
    expect(() => loadConfig({ PORT: '70000', DATA_DIR: dir() })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: dir() })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ connection string \(got a value that is not shown\)/,
    );
  });

  it('never shows a secret in the error', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short', DATA_DIR: dir() })).toThrow(
      /SESSION_SECRET .*a value that is not shown/,
    );
  });

  it('requires secrets and an https BASE_URL in production', () => {
    const base = { NODE_ENV: 'production', DATA_DIR: dir() };
    expect(() => loadConfig(base)).toThrow(/BASE_URL is required in production/);
    expect(() => loadConfig({ ...base, BASE_URL: 'http://bb.kommune.dk' })).toThrow(/https/);
    expect(() => loadConfig({ ...base, BASE_URL: 'https://bb.kommune.dk' })).toThrow(
      /SESSION_SECRET is required/,
    );
    const config = loadConfig({
      ...base,
      BASE_URL: 'https://bb.kommune.dk',
      SESSION_SECRET: key,
      CPR_ENCRYPTION_KEY: key,
    });
    expect(config.secureCookies).toBe(true);
  });

  it('takes the CPR keys newest first, or the one key, never both, and generates one in development only', () => {
    const other = Buffer.alloc(32, 8).toString('base64');
    const base = { DATA_DIR: dir() };
    expect(loadConfig({ ...base, CPR_ENCRYPTION_KEYS: `${other}, ${key}` }).cprEncryptionKeys).toEqual([
      Buffer.alloc(32, 8),
      Buffer.alloc(32, 7),
    ]);
    expect(loadConfig({ ...base, CPR_ENCRYPTION_KEY: key }).cprEncryptionKeys).toEqual([Buffer.alloc(32, 7)]);
    expect(() => loadConfig({ ...base, CPR_ENCRYPTION_KEYS: other, CPR_ENCRYPTION_KEY: key })).toThrow(
      /set CPR_ENCRYPTION_KEYS or CPR_ENCRYPTION_KEY, not both/,
    );
    expect(() => loadConfig({ ...base, CPR_ENCRYPTION_KEYS: `${other},short` })).toThrow(
      /^Configuration error: CPR_ENCRYPTION_KEYS must be keys of at least 32 random bytes each .*not shown/,
    );
    expect(() => loadConfig({ ...base, CPR_ENCRYPTION_KEYS: `${key},${other},${key}` })).toThrow(
      /CPR_ENCRYPTION_KEYS names the same key twice/,
    );
    const production = {
      ...base,
      NODE_ENV: 'production',
      BASE_URL: 'https://bb.kommune.dk',
      SESSION_SECRET: key,
    };
    expect(() => loadConfig(production)).toThrow(/CPR_ENCRYPTION_KEYS \(or CPR_ENCRYPTION_KEY\) is required/);
    expect(
      loadConfig({ ...production, CPR_ENCRYPTION_KEYS: `${other},${key}` }).cprEncryptionKeys,
    ).toHaveLength(2);
    const generated = loadConfig({ DATA_DIR: dir() }, { warn: () => undefined }).cprEncryptionKeys;
    expect(generated).toHaveLength(1);
    expect(generated[0]).toHaveLength(32);
  });
  it('takes the backup passphrase (16 characters or more, never shown) and the in-app backup folder', () => {
    const base = { DATA_DIR: dir() };
    const none = loadConfig(base, { warn: () => undefined });
    expect(none.backupPassphrase).toBeUndefined();
    expect(none.backupDir).toBeUndefined();
    const passphrase = 'korrekt hest batteri hæfteklamme';
    const set = loadConfig({ ...base, BACKUP_PASSPHRASE: passphrase, BACKUP_DIR: 'backups' });
    expect(set.backupPassphrase).toBe(passphrase);
    expect(set.backupDir).toBe(resolve('backups'));
    expect(() => loadConfig({ ...base, BACKUP_PASSPHRASE: 'for kort' })).toThrow(
      /^Configuration error: BACKUP_PASSPHRASE must be at least 16 characters \(got a value that is not shown\)\.$/,
    );
    expect(() => loadConfig({ ...base, BACKUP_DIR: '/srv/backups' })).toThrow(
      /BACKUP_DIR needs BACKUP_PASSPHRASE/,
    );
  });

  it('takes the mail server, the sender and the digest hour, never shows the server URL, and wants TLS in production', () => {
    const base = { DATA_DIR: dir() };
    const none = loadConfig(base, { warn: () => undefined });
    expect(none.mail).toEqual({ smtp: undefined, digestHour: 7 });
    const smtp = {
      SMTP_URL: 'smtp://bb:hemmeligt@mail.kommune.dk:587',
      MAIL_FROM: 'borgerbudget@kommune.dk',
    };
    const dev = loadConfig({ ...base, ...smtp, MAIL_DIGEST_HOUR: '6' });
    expect(dev.mail.digestHour).toBe(6);
    expect(dev.mail.smtp?.url.hostname).toBe('mail.kommune.dk');
    expect(dev.mail.smtp?.requireTls).toBe(false);
    expect(() => loadConfig({ ...base, SMTP_URL: smtp.SMTP_URL })).toThrow(/SMTP_URL needs MAIL_FROM/);
    expect(() => loadConfig({ ...base, ...smtp, SMTP_URL: 'http://bb:hemmeligt@mail' })).toThrow(
      /^Configuration error: SMTP_URL must be an smtp:\/\/ .*\(got a value that is not shown\)\.$/,
    );
    expect(() => loadConfig({ ...base, ...smtp, MAIL_FROM: 'ikke en adresse' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...base, MAIL_DIGEST_HOUR: '24' })).toThrow(/MAIL_DIGEST_HOUR/);
    const production = {
      ...base,
      ...smtp,
      NODE_ENV: 'production',
      BASE_URL: 'https://bb.kommune.dk',
      SESSION_SECRET: key,
      CPR_ENCRYPTION_KEY: key,
    };
    expect(loadConfig(production).mail.smtp?.requireTls).toBe(true);
    expect(loadConfig({ ...production, SMTP_ALLOW_PLAIN: 'true' }).mail.smtp?.requireTls).toBe(false);
  });

  it('takes the OpenID Connect issuers with their clients, the NemLog-in claim names by default', () => {
    const none = loadConfig({ DATA_DIR: dir(), SESSION_SECRET: key, CPR_ENCRYPTION_KEY: key });
    expect(none.oidc).toEqual({ citizen: undefined, staff: undefined });
    const config = loadConfig({
      DATA_DIR: dir(),
      SESSION_SECRET: key,
      CPR_ENCRYPTION_KEY: key,
      OIDC_CITIZEN_ISSUER: 'https://broker.example.dk',
      OIDC_CITIZEN_CLIENT_ID: 'borgerbudget',
      OIDC_CITIZEN_CLIENT_SECRET: 'a-secret-of-some-length',
      OIDC_STAFF_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0',
      OIDC_STAFF_CLIENT_ID: 'bb-staff',
      OIDC_STAFF_CLIENT_SECRET: 'another-secret-of-length',
    });
    expect(config.oidc.citizen).toMatchObject({
      clientId: 'borgerbudget',
      scope: 'openid',
      cprClaim: 'https://data.gov.dk/model/core/eid/cprNumber',
      assuranceClaim: 'https://data.gov.dk/concept/core/nsis/loa',
      allowHttp: false,
    });
    expect(config.oidc.staff).toMatchObject({
      municipalityClaim: 'tid',
      groupsClaim: 'groups',
      assurance: 'substantial',
    });
  });

  it('refuses an http issuer, a missing client secret and the test flag in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATA_DIR: dir(),
      BASE_URL: 'https://bb.kommune.dk',
      SESSION_SECRET: key,
      CPR_ENCRYPTION_KEY: key,
    };
    const citizen = {
      OIDC_CITIZEN_ISSUER: 'https://broker.example.dk',
      OIDC_CITIZEN_CLIENT_ID: 'borgerbudget',
      OIDC_CITIZEN_CLIENT_SECRET: 'a-secret-of-some-length',
    };
    expect(loadConfig({ ...production, ...citizen }).oidc.citizen?.issuer.href).toBe(
      'https://broker.example.dk/',
    );
    expect(() =>
      loadConfig({ ...production, ...citizen, OIDC_CITIZEN_ISSUER: 'http://broker.example.dk' }),
    ).toThrow(/OIDC_CITIZEN_ISSUER must use https/);
    expect(() => loadConfig({ ...production, ...citizen, OIDC_CITIZEN_CLIENT_SECRET: undefined })).toThrow(
      /OIDC_CITIZEN_ISSUER needs OIDC_CITIZEN_CLIENT_SECRET/,
    );
    expect(() =>
      loadConfig({ ...production, OIDC_STAFF_ISSUER: 'https://idp.example.dk', OIDC_STAFF_CLIENT_ID: 'x' }),
    ).toThrow(/OIDC_STAFF_CLIENT_SECRET/);
    expect(() => loadConfig({ ...production, ...citizen, OIDC_ALLOW_HTTP_ISSUER: 'true' })).toThrow(
      /OIDC_ALLOW_HTTP_ISSUER is for tests and refused in production/,
    );
    // The secret is never shown, not even when it is too short.
    expect(() => loadConfig({ ...production, ...citizen, OIDC_CITIZEN_CLIENT_SECRET: 'kort' })).toThrow(
      /OIDC_CITIZEN_CLIENT_SECRET .*a value that is not shown/,
    );
  });

  it('takes an http issuer outside production only with the test flag, and a client only with its issuer', () => {
    const test = { NODE_ENV: 'test', DATA_DIR: dir(), SESSION_SECRET: key, CPR_ENCRYPTION_KEY: key };
    const local = {
      OIDC_CITIZEN_ISSUER: 'http://127.0.0.1:4000',
      OIDC_CITIZEN_CLIENT_ID: 'borgerbudget',
      OIDC_CITIZEN_CLIENT_SECRET: 'a-secret-of-some-length',
    };
    expect(() => loadConfig({ ...test, ...local })).toThrow(/must use https/);
    expect(loadConfig({ ...test, ...local, OIDC_ALLOW_HTTP_ISSUER: 'true' }).oidc.citizen?.allowHttp).toBe(
      true,
    );
    expect(() => loadConfig({ ...test, OIDC_CITIZEN_CLIENT_ID: 'borgerbudget' })).toThrow(
      /need OIDC_CITIZEN_ISSUER/,
    );
    expect(() => loadConfig({ ...test, ...local, OIDC_CITIZEN_SCOPE: 'profile' })).toThrow(
      /must include openid/,
    );
  });
});
