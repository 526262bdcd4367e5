import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDate, daysInMonth, parts, type CalendarDate } from './calendar-date.ts';
import { cprBirthDate, cprGender, formatCpr, parseCpr, type Cpr } from './cpr.ts';

// The CPR office's table written out per year range, independently of the code under test:
// which 7th digits give a birth year in this range.
function centuryDigits(year: number): number[] {
  if (year < 1858 || year > 2057) return [];
  if (year <= 1899) return [5, 6, 7, 8];
  if (year <= 1936) return [0, 1, 2, 3];
  if (year <= 1999) return [0, 1, 2, 3, 4, 9];
  if (year <= 2036) return [4, 5, 6, 7, 8, 9];
  return [5, 6, 7, 8];
}

function cprDigits(date: CalendarDate, seventh: number, rest: string): string {
  const { year, month, day } = parts(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day)}${two(month)}${two(year % 100)}${seventh}${rest}`;
}

function parsed(input: string): Cpr {
  const result = parseCpr(input);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${result.error}`);
  return result.cpr;
}

const birthDates = fc
  .date({ min: new Date('1858-01-01T00:00:00Z'), max: new Date('2057-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

describe('parseCpr', () => {
  it('accepts both written forms and trims surrounding whitespace', () => {
    expect(parseCpr('0101901234')).toEqual({ ok: true, cpr: '0101901234' });
    expect(parseCpr('010190-1234')).toEqual({ ok: true, cpr: '0101901234' });
    expect(parseCpr('  010190-1234\n')).toEqual({ ok: true, cpr: '0101901234' });
    expect(parseCpr('\t0101901234 ')).toEqual({ ok: true, cpr: '0101901234' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['010190 1234', 'space separator'],
    ['010190/1234', 'slash separator'],
    ['010190–1234', 'en dash separator'],
    ['010190--1234', 'double hyphen'],
    ['01019-01234', 'hyphen in the wrong place'],
    ['01019O1234', 'letter O for zero'],
    ['010190-123A', 'letter in the sequence'],
    ['010190123', 'nine digits'],
    ['01019012345', 'eleven digits'],
    ['０１０１９０１２３４', 'full-width digits'],
    ['0101 90 1234', 'spaces inside'],
  ])('refuses %j (%s) as a format error', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, error: 'format' });
  });

  it.each([
    ['0001901234', 'day 00'],
    ['3201901234', 'day 32'],
    ['0100901234', 'month 00'],
    ['0113901234', 'month 13'],
    ['3104901234', '31 April'],
    ['6101901234', 'a replacement number (day + 60)'],
  ])('refuses %s (%s) as a date error', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, error: 'date' });
  });

  it('knows 29 February only in leap years of the century the 7th digit gives', () => {
    expect(cprBirthDate(parsed('290200-4000'))).toBe('2000-02-29'); // 2000: leap
    expect(parseCpr('290200-0000')).toEqual({ ok: false, error: 'date' }); // 1900: not leap
    expect(cprBirthDate(parsed('290296-5000'))).toBe('1896-02-29');
    expect(cprBirthDate(parsed('290296-0000'))).toBe('1996-02-29');
    expect(cprBirthDate(parsed('290236-9000'))).toBe('2036-02-29');
    expect(cprBirthDate(parsed('290256-5000'))).toBe('2056-02-29');
    expect(cprBirthDate(parsed('290256-4000'))).toBe('1956-02-29');
    expect(parseCpr('290201-4000')).toEqual({ ok: false, error: 'date' });
  });

  it('reads the century at the borders of the table', () => {
    expect(cprBirthDate(parsed('010136-4000'))).toBe('2036-01-01');
    expect(cprBirthDate(parsed('010137-4000'))).toBe('1937-01-01');
    expect(cprBirthDate(parsed('010136-9000'))).toBe('2036-01-01');
    expect(cprBirthDate(parsed('010137-9000'))).toBe('1937-01-01');
    expect(cprBirthDate(parsed('010157-5000'))).toBe('2057-01-01');
    expect(cprBirthDate(parsed('010158-8000'))).toBe('1858-01-01');
    expect(cprBirthDate(parsed('311299-3000'))).toBe('1999-12-31');
    expect(cprBirthDate(parsed('010100-0000'))).toBe('1900-01-01');
  });

  it('does no modulus-11 check', () => {
    // 0101901234 fails modulus 11; numbers issued after 2007 need not pass it.
    expect(parseCpr('010190-1234').ok).toBe(true);
  });

  it('refuses anything with a character other than digits, one hyphen and outer whitespace', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 1 }), fc.nat(10), (s, ch, at) => {
        fc.pre(!/[\d\s-]/.test(ch));
        const input = '0101901234'.slice(0, at) + ch + '0101901234'.slice(at) + s;
        expect(parseCpr(input)).toEqual({ ok: false, error: 'format' });
      }),
    );
  });
});

describe('birth date, gender and display', () => {
  it('round-trips every date 1858-2057 with every century digit that can give it', () => {
    fc.assert(
      fc.property(
        birthDates,
        fc.nat(),
        fc.stringMatching(/^\d{3}$/),
        fc.boolean(),
        (date, pick, rest, hyphen) => {
          const digits = centuryDigits(parts(date).year);
          const seventh = digits[pick % digits.length] ?? -1;
          const raw = cprDigits(date, seventh, rest);
          const cpr = parsed(hyphen ? `${raw.slice(0, 6)}-${raw.slice(6)}` : raw);
          expect(cpr).toBe(raw);
          expect(cprBirthDate(cpr)).toBe(date);
          expect(cprGender(cpr)).toBe(Number(raw.charAt(9)) % 2 === 1 ? 'male' : 'female');
          expect(formatCpr(cpr)).toBe(`${raw.slice(0, 6)}-${raw.slice(6)}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Whether a 7th digit gives a date back depends only on the date's year: the century comes from the 7th
  // digit and the year's last two digits, the day and month are read as written. So every year 1858-2057
  // is checked on the first and the last day of each month (and 28 February), and every day of the years
  // at the borders of the table and of leap years on both sides of them, with every 7th digit.
  const EVERY_DAY_OF = [1858, 1859, 1896, 1899, 1900, 1904, 1936, 1937, 1999, 2000, 2036, 2037, 2056, 2057];

  function checkedDays(year: number): CalendarDate[] {
    const days: CalendarDate[] = [];
    for (let month = 1; month <= 12; month++) {
      const last = daysInMonth(year, month);
      for (let day = 1; day <= last; day++) {
        const edge = day === 1 || day === last || (month === 2 && day === 28);
        if (edge || EVERY_DAY_OF.includes(year)) days.push(calendarDate(year, month, day));
      }
    }
    return days;
  }

  it('matches the century table for every year 1858-2057 and every 7th digit', () => {
    const years = new Set<number>();
    let checked = 0;
    let wholeYears = 0;
    for (let year = 1858; year <= 2057; year++) {
      const valid = centuryDigits(year);
      const days = checkedDays(year);
      if (days.length >= 365) wholeYears++;
      for (const date of days) {
        for (let seventh = 0; seventh <= 9; seventh++) {
          const result = parseCpr(cprDigits(date, seventh, '123'));
          const same = result.ok && cprBirthDate(result.cpr) === date;
          if (same !== valid.includes(seventh)) throw new Error(`${date} with 7th digit ${seventh}`);
          years.add(year);
          checked++;
        }
      }
    }
    expect(years.size).toBe(200);
    expect(wholeYears).toBe(EVERY_DAY_OF.length);
    // The other 186 years: 24 days each, 25 in its 43 leap years; the 14 whole years hold 6 leap years.
    expect(checked).toBe(10 * (143 * 24 + 43 * 25 + 14 * 365 + 6));
  });

  it('reads legal gender from the parity of the last digit', () => {
    for (let last = 0; last <= 9; last++) {
      expect(cprGender(parsed(`010190-123${last}`))).toBe(last % 2 === 1 ? 'male' : 'female');
    }
  });

  it('formats with a hyphen', () => {
    const cpr = parsed('0503851237');
    expect(formatCpr(cpr)).toBe('050385-1237');
  });
});
