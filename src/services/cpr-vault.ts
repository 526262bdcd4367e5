import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { parseCpr, type Cpr } from '../domain/cpr.ts';

// CPR numbers at rest (spec: CPR at rest; spec: CPR key rotation): encrypted with AES-256-GCM, and found
// again through a keyed hash (HMAC-SHA256), so no query ever needs the number in plain text. Each
// configured CPR key gives, by HKDF, a cipher key, a hash key and a key id, so the lookup hash and the
// cipher never share a key and the id tells nothing of the key.
//
// Several keys may be configured, newest first: values are written under the first and read under any,
// so the keys can rotate while the app runs. The stored form is 'v2.' + the key's id + '.' + base64(iv |
// tag | ciphertext); 'v1.' + base64 is the form from before key ids, read by trying each key until one
// authenticates. The form's header is the cipher's associated data: a value cannot be moved to another
// header, nor a blob from elsewhere under the same key be read here. Nothing here ever puts a CPR number
// in an error message.

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** 'v1' or 'v2.<key id>', then the payload. */
const STORED = /^(v1|v2\.([0-9a-f]{8}))\.([A-Za-z0-9+/]+={0,2})$/;

export interface CprVault {
  /** The configured keys' ids, the first key's (the one values are written under) first. */
  readonly keyIds: readonly string[];
  encrypt(cpr: Cpr): string;
  decrypt(stored: string): Cpr;
  /** The same number always gives the same hash (under the same key): the lookup key, under the first key. */
  lookupHash(cpr: Cpr): string;
  /** The number's hash under every configured key, the first first: what finds a citizen while keys rotate. */
  lookupHashes(cpr: Cpr): string[];
  /** Whether a stored value is under the first key, so there is nothing to rotate. */
  isCurrent(stored: string): boolean;
}

export class CprVaultError extends Error {
  constructor(
    message: string,
    /** Set when the stored value names a key id that is not configured. */
    readonly unknownKeyId?: string,
  ) {
    super(message);
    this.name = 'CprVaultError';
  }
}

interface VaultKey {
  id: string;
  cipher: Buffer;
  hash: Buffer;
}

/** A vault over the configured CPR keys, newest first. */
export function createCprVault(secrets: readonly Buffer[]): CprVault {
  const keys = secrets.map(vaultKey);
  const [first] = keys;
  if (!first) throw new CprVaultError('At least one CPR key is needed.');
  if (new Set(keys.map((k) => k.id)).size < keys.length) {
    throw new CprVaultError('Two of the CPR keys have the same key id: is one key configured twice?');
  }
  const hashUnder = (key: VaultKey, cpr: Cpr) => createHmac('sha256', key.hash).update(cpr).digest('hex');

  return {
    keyIds: keys.map((k) => k.id),

    encrypt(cpr) {
      const header = `v2.${first.id}`;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', first.cipher, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aadOf(header));
      const ciphertext = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return `${header}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
    },

    decrypt(stored) {
      const [, header = '', id, payload = ''] = STORED.exec(stored) ?? [];
      if (!header) throw new CprVaultError('The stored CPR number has an unknown format.');
      const blob = Buffer.from(payload, 'base64');
      if (blob.length <= IV_BYTES + TAG_BYTES) throw new CprVaultError('The stored CPR number is damaged.');
      // A value from before key ids may be under any of the keys; GCM tells which one it is.
      const candidates = id === undefined ? keys : keys.filter((k) => k.id === id);
      if (id !== undefined && candidates.length === 0) {
        throw new CprVaultError(`The stored CPR number is under the key ${id}, which is not configured.`, id);
      }
      for (const key of candidates) {
        const plain = opened(key, header, blob);
        if (plain === undefined) continue;
        const parsed = parseCpr(plain);
        if (!parsed.ok) throw new CprVaultError('The stored CPR number is not a valid CPR number.');
        return parsed.cpr;
      }
      throw new CprVaultError('The stored CPR number could not be decrypted: wrong key or damaged data.');
    },

    lookupHash: (cpr) => hashUnder(first, cpr),
    lookupHashes: (cpr) => keys.map((key) => hashUnder(key, cpr)),
    isCurrent: (stored) => stored.startsWith(`v2.${first.id}.`),
  };
}

function vaultKey(secret: Buffer): VaultKey {
  if (secret.length < 32) throw new CprVaultError('A CPR key must hold at least 32 random bytes.');
  return {
    // The v1 derivations, so values and hashes from before key ids stay readable and findable.
    cipher: derive(secret, 'borgerbudget cpr encryption v1'),
    hash: derive(secret, 'borgerbudget cpr lookup v1'),
    id: derive(secret, 'borgerbudget cpr key id').toString('hex').slice(0, 8),
  };
}

/** The plain text, or undefined when this key does not authenticate the blob. */
function opened(key: VaultKey, header: string, blob: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.cipher, blob.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aadOf(header));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

/** Binds a ciphertext to its purpose and its header ('borgerbudget:citizen.cpr:v1' for the first form). */
function aadOf(header: string): Buffer {
  return Buffer.from(`borgerbudget:citizen.cpr:${header}`);
}

function derive(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}
