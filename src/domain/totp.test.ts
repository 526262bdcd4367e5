import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUri,
  timeStep,
  totp,
  totpDigits,
} from './totp.ts';

// The second factor's codes must be exactly those of the user's authenticator app: the RFCs' own test
// vectors, the window of one step either side, and no step accepted twice (spec: Staff log-in).

const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226, appendix D)', () => {
  it('gives the RFC test values for counters 0 to 9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238, appendix B, SHA-1)', () => {
  it('gives the RFC test values, 8 digits, at the RFC test times', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totp(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it('makes six-digit codes by default, the last six of the eight', () => {
    expect(totp(RFC_SECRET, new Date(59_000))).toBe('287082');
  });
});

describe('checking a typed code', () => {
  const at = new Date(1_765_000_000_000);

  it('accepts the codes of the step before, the current and the step after, and no other', () => {
    const now = timeStep(at);
    for (const offset of [-1, 0, 1]) {
      expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, now + offset), at, null)).toBe(now + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, now + offset), at, null)).toBeNull();
    }
  });

  it('refuses a step already used, or one before it', () => {
    const now = timeStep(at);
    const code = totp(RFC_SECRET, at);
    expect(matchingStep(RFC_SECRET, code, at, now)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, now - 1), at, now)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, now + 1), at, now)).toBe(now + 1);
  });

  it('reads six digits with spaces as people type them, and nothing else', () => {
    expect(totpDigits(' 123 456 ')).toBe('123456');
    expect(totpDigits('12345')).toBeNull();
    expect(totpDigits('1234567')).toBeNull();
    expect(totpDigits('ABCD-EFGH-JKMN')).toBeNull();
  });

  it('accepts the current code of any secret at any time, exactly once', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.integer({ min: 60, max: 4_000_000_000 }),
        (secret, seconds) => {
          const when = new Date(seconds * 1000);
          const step = matchingStep(secret, totp(secret, when), when, null);
          expect(step).toBe(timeStep(when));
          expect(matchingStep(secret, totp(secret, when), when, step)).toBeNull();
        },
      ),
    );
  });
});

describe('the secret and its URI', () => {
  it('encodes base32 as RFC 4648 does, and reads it back whatever the case and spacing', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi')?.toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('is 160 random bits, 32 base32 characters', () => {
    const a = newTotpSecret();
    expect(a).toHaveLength(20);
    expect(base32Encode(a)).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret().equals(a)).toBe(false);
  });

  it('makes the otpauth URI the apps read, with the issuer and the account', () => {
    const uri = otpauthUri('Borgerbudget', 'hanne@aarhus.example', Buffer.from('foobar'));
    expect(uri).toBe(
      'otpauth://totp/Borgerbudget:hanne%40aarhus.example?secret=MZXW6YTBOI&issuer=Borgerbudget&algorithm=SHA1&digits=6&period=30',
    );
  });
});
