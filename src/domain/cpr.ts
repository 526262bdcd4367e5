// Danish CPR numbers (personnummer): DDMMYY-SSSS (spec: CPR numbers). Birth date and legal gender are
// derived from the number; it is stored encrypted and shown masked except where needed.
//
// No modulus-11 check: since 2007 the CPR office issues numbers that need not pass it, so a check
// would refuse real citizens (CPR-kontoret, "Personnummeret i CPR-systemet").

import { calendarDate, isValidDate, type CalendarDate } from './calendar-date.ts';

declare const cprBrand: unique symbol;
/** A CPR number that passed `parseCpr`: exactly ten ASCII digits, no separator. */
export type Cpr = string & { readonly [cprBrand]: true };

export type CprError = 'format' | 'date';
export type CprParseResult = { ok: true; cpr: Cpr } | { ok: false; error: CprError };
export type LegalGender = 'male' | 'female';

// `\d` without the `u` flag is ASCII 0-9 only; the one separator allowed is a hyphen-minus.
const CPR_PATTERN = /^(\d{6})-?(\d{4})$/;

/** Parses `DDMMYYSSSS` or `DDMMYY-SSSS` (surrounding whitespace ignored); the date must exist. */
export function parseCpr(input: string): CprParseResult {
  const m = CPR_PATTERN.exec(input.trim());
  if (!m) return { ok: false, error: 'format' };
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  const { year, month, day } = birthParts(digits);
  if (!isValidDate(year, month, day)) return { ok: false, error: 'date' };
  return { ok: true, cpr: digits as Cpr };
}

/** The birth date, with the century read from the 7th digit. */
export function cprBirthDate(cpr: Cpr): CalendarDate {
  const { year, month, day } = birthParts(cpr);
  return calendarDate(year, month, day);
}

/** Legal gender: an odd last digit is male, an even one female. */
export function cprGender(cpr: Cpr): LegalGender {
  return Number(cpr.charAt(9)) % 2 === 1 ? 'male' : 'female';
}

/** `DDMMYY-SSSS`: the full number in its usual written form. */
export function formatCpr(cpr: Cpr): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

function birthParts(digits: string): { year: number; month: number; day: number } {
  const yy = Number(digits.slice(4, 6));
  return {
    day: Number(digits.slice(0, 2)),
    month: Number(digits.slice(2, 4)),
    year: century(Number(digits.charAt(6)), yy) + yy,
  };
}

// The CPR office's century table, keyed by the 7th digit (the first of the sequence number).
function century(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}
