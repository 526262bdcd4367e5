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
    const vault = createCprVault([KEY]);
    const stored = vault.encrypt(NUMBER);
    expect(stored).toMatch(/^v2\.[0-9a-f]{8}\.[A-Za-z0-9+/]+={0,2}$/);
    expect(stored).not.toContain('1406984012');
    expect(stored).not.toContain('140698');
    expect(vault.decrypt(stored)).toBe(NUMBER);
  });

  it('uses a new IV every time, so equal numbers do not give equal ciphertexts', () => {
    const vault = createCprVault([KEY]);
    expect(vault.encrypt(NUMBER)).not.toBe(vault.encrypt(NUMBER));
  });

  it('gives a stable keyed hash that depends on the key', () => {
    const a = createCprVault([KEY]);
    const b = createCprVault([Buffer.alloc(32, 8)]);
    expect(a.lookupHash(NUMBER)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.lookupHash(NUMBER)).toBe(createCprVault([KEY]).lookupHash(NUMBER));
    expect(a.lookupHash(NUMBER)).not.toBe(b.lookupHash(NUMBER));
    expect(a.lookupHash(NUMBER)).not.toBe(a.lookupHash(cpr('140698-4013')));
  });

  it('refuses a ciphertext made under another key or changed afterwards, without the number', () => {
    const stored = createCprVault([KEY]).encrypt(NUMBER);
    const other = createCprVault([Buffer.alloc(32, 9)]);
    expect(() => other.decrypt(stored)).toThrow(CprVaultError);
    const tampered = `${stored.slice(0, -4)}${stored.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(() => createCprVault([KEY]).decrypt(tampered)).toThrow(CprVaultError);
    expect(() => createCprVault([KEY]).decrypt('1406984012')).toThrow(/unknown format/);
    try {
      other.decrypt(stored);
    } catch (error) {
      expect(String(error)).not.toMatch(/\d{6}-?\d{4}/);
    }
  });

  it('refuses a short key', () => {
    expect(() => createCprVault([Buffer.alloc(16, 1)])).toThrow(CprVaultError);
  });
});

describe('the CPR vault with several keys (spec: CPR key rotation)', () => {
  const A = Buffer.alloc(32, 7);
  const B = Buffer.alloc(32, 11);
  // Made by the vault before key ids, under A: what a database from then holds.
  const V1_UNDER_A = 'v1.J7hK0sRALDQRyFt/DMEuSZUWV5BaOeDoTNsc5yu4oah+jiBhUwQ=';
  const V1_HASH_UNDER_A = '4eef9e353785e5b4f72fba77fc803d38278fd5a57bf2e3d7c5a077277df592a3';

  it('reads a value from before key ids, and finds it by the same hash as then', () => {
    const vault = createCprVault([A]);
    expect(vault.decrypt(V1_UNDER_A)).toBe(NUMBER);
    expect(vault.lookupHash(NUMBER)).toBe(V1_HASH_UNDER_A);
    expect(vault.isCurrent(V1_UNDER_A)).toBe(false);
    expect(createCprVault([B, A]).decrypt(V1_UNDER_A)).toBe(NUMBER);
  });

  it('writes under the first key and reads under any', () => {
    const old = createCprVault([A]);
    const rotating = createCprVault([B, A]);
    const underA = old.encrypt(NUMBER);
    const underB = rotating.encrypt(NUMBER);
    const [idB, idA] = rotating.keyIds;
    expect(old.keyIds).toEqual([idA]);
    expect(underA.startsWith(`v2.${idA}.`)).toBe(true);
    expect(underB.startsWith(`v2.${idB}.`)).toBe(true);
    expect(rotating.decrypt(underA)).toBe(NUMBER);
    expect(rotating.decrypt(underB)).toBe(NUMBER);
    expect(createCprVault([B]).decrypt(underB)).toBe(NUMBER);
    expect(rotating.isCurrent(underB)).toBe(true);
    expect(rotating.isCurrent(underA)).toBe(false);
    expect(old.isCurrent(underA)).toBe(true);
  });

  it('refuses a value under a key that is not configured, naming the key id but never the number', () => {
    const underB = createCprVault([B]).encrypt(NUMBER);
    const idB = createCprVault([B]).keyIds[0];
    const errors = [
      () => createCprVault([A]).decrypt(underB),
      () => createCprVault([Buffer.alloc(32, 9)]).decrypt(V1_UNDER_A),
      () => createCprVault([B]).decrypt(V1_UNDER_A),
    ].map((read) => {
      try {
        read();
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    });
    expect(errors[0]).toBeInstanceOf(CprVaultError);
    expect((errors[0] as CprVaultError).unknownKeyId).toBe(idB);
    expect((errors[1] as CprVaultError).message).toMatch(/wrong key or damaged/);
    expect((errors[1] as CprVaultError).unknownKeyId).toBeUndefined();
    expect((errors[2] as CprVaultError).unknownKeyId).toBeUndefined();
    for (const error of errors) expect(String(error)).not.toMatch(/140698|4012/);
  });

  it('binds a value to its header: relabelled under another form or key id, it is refused', () => {
    const vault = createCprVault([B, A]);
    const underA = createCprVault([A]).encrypt(NUMBER);
    const payload = underA.split('.')[2] ?? '';
    expect(() => vault.decrypt(`v1.${payload}`)).toThrow(/wrong key or damaged/);
    expect(() => vault.decrypt(`v2.${vault.keyIds[0]}.${payload}`)).toThrow(/wrong key or damaged/);
    expect(() => vault.decrypt(`v2.${vault.keyIds[1]}.${V1_UNDER_A.slice(3)}`)).toThrow(CprVaultError);
  });

  it('gives each key a stable id of 8 hex characters that does not reveal the key', () => {
    const id = createCprVault([A]).keyIds[0] ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(createCprVault([B, A]).keyIds).toEqual([createCprVault([B]).keyIds[0], id]);
    expect(createCprVault([B]).keyIds[0]).not.toBe(id);
    for (const key of [A, B]) {
      const [keyId = ''] = createCprVault([key]).keyIds;
      expect(key.toString('hex')).not.toContain(keyId);
      expect(key.toString('base64')).not.toContain(keyId);
    }
  });

  it('gives the hash under every key, the first first, so a citizen is found while keys rotate', () => {
    const vault = createCprVault([B, A]);
    const hashes = vault.lookupHashes(NUMBER);
    expect(hashes).toEqual([createCprVault([B]).lookupHash(NUMBER), V1_HASH_UNDER_A]);
    expect(vault.lookupHash(NUMBER)).toBe(hashes[0]);
    expect(new Set(hashes).size).toBe(2);
  });

  it('refuses no key, a short key and the same key twice', () => {
    expect(() => createCprVault([])).toThrow(/At least one CPR key/);
    expect(() => createCprVault([B, Buffer.alloc(31, 1)])).toThrow(/at least 32 random bytes/);
    expect(() => createCprVault([B, A, Buffer.from(B)])).toThrow(/same key id/);
  });
});
