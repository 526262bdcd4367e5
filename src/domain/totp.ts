import { createHmac, randomBytes } from 'node:crypto';

// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) the way every authenticator app makes
// them: HMAC-SHA-1, 6 digits, 30-second steps counted from the Unix epoch (spec: Staff log-in). A code
// is accepted for the step before and after the current one (a phone's clock a little off, a code typed
// at the turn of a step), and a step once used is never accepted again (second-factor.service.ts).

const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
/** How many steps either side of the current one a code may come from. */
const TOTP_WINDOW = 1;
/** 160 bits, the length RFC 4226 recommends for an HMAC-SHA-1 key. */
const TOTP_SECRET_BYTES = 20;

/** RFC 4648 base32, the alphabet the otpauth URI and the apps use. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32.charAt((value << (5 - bits)) & 31);
  return out;
}

/** The bytes of base32 text, read as people type it (any case, spaces, no padding); null if not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new random secret. */
export function newTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** RFC 4226: the code for a counter, `digits` long with leading zeros. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  // Dynamic truncation (RFC 4226 §5.3): four bytes from the offset the last nibble names, top bit cleared.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238: the time step a moment falls in. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code for a moment. */
export function totp(secret: Uint8Array, at: Date, digits = TOTP_DIGITS): string {
  return hotp(secret, timeStep(at), digits);
}

/** Whether typed text has the form of a code (six digits, spaces allowed), and the digits. */
export function totpDigits(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  return new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * The step of the window around `at` whose code `code` is, later than `usedStep` (the last step used, so
 * no code is accepted twice); null when there is none. Every step of the window is computed, so the time
 * taken does not tell which matched.
 */
export function matchingStep(
  secret: Uint8Array,
  code: string,
  at: Date,
  usedStep: number | null,
): number | null {
  const now = timeStep(at);
  let found: number | null = null;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const same = hotp(secret, step) === code;
    if (same && found === null && (usedStep === null || step > usedStep)) found = step;
  }
  return found;
}

/**
 * The otpauth URI an authenticator app reads from the QR code (Google Authenticator's key URI format,
 * which every app follows): the issuer, the account's e-mail address and the base32 secret.
 */
export function otpauthUri(issuer: string, account: string, secret: Uint8Array): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
