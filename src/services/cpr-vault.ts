import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { parseCpr, type Cpr } from '../domain/cpr.ts';

// CPR numbers at rest (spec: CPR at rest): encrypted with AES-256-GCM, and found again through a keyed hash
// (HMAC-SHA256), so no query ever needs the number in plain text. Both keys are derived from the one
// configured CPR key with HKDF, so the lookup hash and the cipher never share a key.
//
// The stored form is 'v1.' + base64(iv | tag | ciphertext); the version names the key derivation, so a
// key rotation can tell old rows from new. Nothing here ever puts a CPR number in an error message.

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds a ciphertext to its purpose: a blob from elsewhere under the same key does not decrypt here.
const AAD = Buffer.from('borgerbudget:citizen.cpr:v1');

export interface CprVault {
  encrypt(cpr: Cpr): string;
  decrypt(stored: string): Cpr;
  /** The same number always gives the same hash (under the same key): the lookup key. */
  lookupHash(cpr: Cpr): string;
}

export class CprVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CprVaultError';
  }
}

export function createCprVault(secret: Buffer): CprVault {
  if (secret.length < 32) throw new CprVaultError('The CPR key must hold at least 32 random bytes.');
  const encryptionKey = derive(secret, 'borgerbudget cpr encryption v1');
  const hashKey = derive(secret, 'borgerbudget cpr lookup v1');

  return {
    encrypt(cpr) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
    },

    decrypt(stored) {
      const [version, payload] = stored.split('.', 2);
      if (version !== VERSION || payload === undefined) {
        throw new CprVaultError('The stored CPR number has an unknown format.');
      }
      const blob = Buffer.from(payload, 'base64');
      if (blob.length <= IV_BYTES + TAG_BYTES) throw new CprVaultError('The stored CPR number is damaged.');
      let plain: string;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, blob.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(AAD);
        decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        plain = Buffer.concat([
          decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new CprVaultError('The stored CPR number could not be decrypted: wrong key or damaged data.');
      }
      const parsed = parseCpr(plain);
      if (!parsed.ok) throw new CprVaultError('The stored CPR number is not a valid CPR number.');
      return parsed.cpr;
    },

    lookupHash(cpr) {
      return createHmac('sha256', hashKey).update(cpr).digest('hex');
    },
  };
}

function derive(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}
