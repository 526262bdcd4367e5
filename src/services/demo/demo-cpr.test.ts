import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { cprBirthDate, cprGender } from '../../domain/cpr.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';
import { passesModulus11, syntheticCpr } from './demo-cpr.ts';

const births = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2036-12-31T00:00:00Z'), noInvalidDate: true })
  .map((t) => calendarDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()))
  .filter((d) => !d.endsWith('-01-01'));

describe('synthetic CPR numbers', () => {
  it('knows the modulus-11 check', () => {
    // A number from the CPR office's own description of the check: 070761-4285 passes.
    expect(passesModulus11('0707614285')).toBe(true);
    expect(passesModulus11('0707614286')).toBe(false);
  });

  it('fail modulus 11, avoid 1 January and keep the birth date and gender', () => {
    fc.assert(
      fc.property(births, fc.integer({ min: 0, max: 99 }), fc.constantFrom('male', 'female'), (b, s, g) => {
        const cpr = syntheticCpr(b, s, g);
        expect(passesModulus11(cpr)).toBe(false);
        expect(cprBirthDate(cpr)).toBe(b);
        expect(cprGender(cpr)).toBe(g);
      }),
    );
  });

  it('refuses 1 January', () => {
    expect(() => syntheticCpr('1990-01-01' as CalendarDate, 1, 'male')).toThrow(RangeError);
  });

  it('gives every demo persona a distinct number of the scheme', () => {
    const numbers = DEMO_PERSONAS.map((p) => syntheticCpr(p.birthDate, p.serial, p.gender));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(passesModulus11(n)).toBe(false);
  });
});
