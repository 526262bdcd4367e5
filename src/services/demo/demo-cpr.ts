import { parts, type CalendarDate } from '../../domain/calendar-date.ts';
import { parseCpr, type Cpr, type LegalGender } from '../../domain/cpr.ts';

// CPR numbers for demo and test citizens that no real person has been given.
//
// The scheme. Every synthetic number
//   1. fails the modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1), and
//   2. has a birth date that is not 1 January.
//
// Why that is safe. Until 1 October 2007 every CPR number issued passed the modulus-11 check. Since
// then the CPR office issues numbers that fail it only for birth dates whose numbers that pass it have
// run out; it lists those dates, and all of them are 1 January of particular years — the date given to
// immigrants whose birthday is unknown (CPR-kontoret, "Personnumre uden kontrolciffer (modulus 11
// kontrol)", cpr.dk, updated 10 May 2023; "Opbygning af CPR-nummeret": "Normalt vil der altid være
// tale om personnumre med en fødselsdato den 1. januar"). So a number that fails the check and is not
// on 1 January has, as far as the CPR office's own list goes, never been issued. The residual risk —
// the office one day extending numbers without a check digit to other dates — is why the demo is also
// refused in production and names no real people.
//
// Why not something else. Our parser (domain/cpr.ts) accepts real dates only, so the "substitute"
// numbers with day + 60 are out; future birth dates or the 1858–1899 century digits would give absurd
// ages in the evaluation report (spec: Figures). This scheme keeps real-looking birth dates, ages, genders
// and century digits, which the report and the portal need.

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Whether ten digits pass the old modulus-11 check (numbers issued before October 2007 all do). */
export function passesModulus11(digits: string): boolean {
  let sum = 0;
  for (const [i, w] of WEIGHTS.entries()) sum += Number(digits.charAt(i)) * w;
  return sum % 11 === 0;
}

/**
 * A synthetic CPR number: the birth date, a century digit that fits it (2 for 1900–1999, 4 for
 * 2000–2036), a two-digit serial, and a last digit of the gender's parity chosen to fail modulus 11.
 */
export function syntheticCpr(birthDate: CalendarDate, serial: number, gender: LegalGender): Cpr {
  const { year, month, day } = parts(birthDate);
  if (month === 1 && day === 1) throw new RangeError('Synthetic CPR numbers never fall on 1 January.');
  if (year < 1900 || year > 2036) throw new RangeError('Synthetic CPR numbers are born 1900–2036.');
  if (!Number.isInteger(serial) || serial < 0 || serial > 99) throw new RangeError('The serial is 0–99.');
  const pad = (n: number) => String(n).padStart(2, '0');
  const head = `${pad(day)}${pad(month)}${pad(year % 100)}${year < 2000 ? '2' : '4'}${pad(serial)}`;
  for (let last = gender === 'male' ? 1 : 0; last <= 9; last += 2) {
    const digits = `${head}${last}`;
    if (passesModulus11(digits)) continue;
    const parsed = parseCpr(digits);
    if (parsed.ok) return parsed.cpr;
  }
  // At most one last digit passes modulus 11, so one of the five of each parity always fails it.
  throw new Error('unreachable: no synthetic CPR number for these digits');
}
