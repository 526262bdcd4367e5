import { describe, expect, it } from 'vitest';
import { keyedHash, newOneTimeCode, normaliseCode } from './tokens.ts';

// One-time codes — staff reset codes and citizens' activation codes — are typed from paper or read aloud:
// no look-alike characters, grouped for reading, and compared as people type them (spec: Staff log-in).

describe('one-time codes', () => {
  it('are 12 characters without 0, O, 1, I or L, in three groups of four', () => {
    for (let i = 0; i < 500; i++) {
      const code = newOneTimeCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('differ from one another (about 59 bits each)', () => {
    const codes = new Set(Array.from({ length: 1000 }, newOneTimeCode));
    expect(codes.size).toBe(1000);
  });

  it('are compared without case, dashes or spaces', () => {
    expect(normaliseCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normaliseCode('ABCD-EFGH-JKMN')).toBe(normaliseCode('abcdefghjkmn'));
  });

  it('hash differently for different purposes under the same secret', () => {
    const secret = Buffer.alloc(32, 7);
    expect(keyedHash(secret, 'activation:ABCD')).not.toBe(keyedHash(secret, 'reset:ABCD'));
    expect(keyedHash(secret, 'activation:ABCD')).toMatch(/^[0-9a-f]{64}$/);
  });
});
