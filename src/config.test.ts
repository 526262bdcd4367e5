import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
