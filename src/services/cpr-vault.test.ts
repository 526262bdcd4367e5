import { describe, expect, it } from 'vitest';
import { parseCpr, type Cpr } from '../domain/cpr.ts';
import { createCprVault, CprVaultError } from './cpr-vault.ts';

function cpr(text: string): Cpr {
  const parsed = parseCpr(text);
  if (!parsed.ok) throw new Error('bad test CPR number');
  return parsed.cpr;
}

const KEY = Buffer.alloc(32, 7);
const NUMBER = cpr('140698-4012');

describe('the CPR vault', () => {
  it('encrypts so that the number cannot be read, and decrypts it again', () => {
    const vault = createCprVault(KEY);
    const stored = vault.encrypt(NUMBER);
    expect(stored).toMatch(/^v1\.[A-Za-z0-9+/]+={0,2}$/);
    expect(stored).not.toContain('1406984012');
    expect(stored).not.toContain('140698');
    expect(vault.decrypt(stored)).toBe(NUMBER);
  });

  it('uses a new IV every time, so equal numbers do not give equal ciphertexts', () => {
    const vault = createCprVault(KEY);
    expect(vault.encrypt(NUMBER)).not.toBe(vault.encrypt(NUMBER));
  });

  it('gives a stable keyed hash that depends on the key', () => {
    const a = createCprVault(KEY);
    const b = createCprVault(Buffer.alloc(32, 8));
    expect(a.lookupHash(NUMBER)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.lookupHash(NUMBER)).toBe(createCprVault(KEY).lookupHash(NUMBER));
    expect(a.lookupHash(NUMBER)).not.toBe(b.lookupHash(NUMBER));
    expect(a.lookupHash(NUMBER)).not.toBe(a.lookupHash(cpr('140698-4013')));
  });

  it('refuses a ciphertext made under another key or changed afterwards, without the number', () => {
    const stored = createCprVault(KEY).encrypt(NUMBER);
    const other = createCprVault(Buffer.alloc(32, 9));
    expect(() => other.decrypt(stored)).toThrow(CprVaultError);
    const tampered = `${stored.slice(0, -4)}${stored.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(() => createCprVault(KEY).decrypt(tampered)).toThrow(CprVaultError);
    expect(() => createCprVault(KEY).decrypt('1406984012')).toThrow(/unknown format/);
    try {
      other.decrypt(stored);
    } catch (error) {
      expect(String(error)).not.toMatch(/\d{6}-?\d{4}/);
    }
  });

  it('refuses a short key', () => {
    expect(() => createCprVault(Buffer.alloc(16, 1))).toThrow(CprVaultError);
  });
});
