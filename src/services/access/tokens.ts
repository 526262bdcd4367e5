import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomReadable } from '../../domain/readable-code.ts';

// Opaque random tokens: the client holds the token, the database only its SHA-256.

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function keyedHash(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// One-time codes are read aloud or typed from paper (domain/readable-code.ts), grouped in fours (about 60
// bits); they are compared as normaliseCode makes them.
export { normaliseCode } from '../../domain/readable-code.ts';

export function newOneTimeCode(): string {
  const code = randomReadable(12);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
