import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  calendarDate,
  completedYears,
  daysBetween,
  danishDateOf,
  parseCalendarDate,
  parseDateInput,
  parts,
} from './calendar-date.ts';
import { translate, translator } from '../i18n/index.ts';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2023-13-01')).toBeNull();
    expect(parseCalendarDate('2023-1-01')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths(calendarDate(2024, 1, 31), 1)).toBe('2024-02-29');
    expect(addMonths(calendarDate(2024, 3, 15), 12)).toBe('2025-03-15');
    expect(addMonths(calendarDate(2024, 11, 30), 15)).toBe('2026-02-28');
  });

  it('counts completed years, a birthday not yet reached counting one less', () => {
    expect(completedYears(calendarDate(2000, 6, 15), calendarDate(2024, 6, 14))).toBe(23);
    expect(completedYears(calendarDate(2000, 6, 15), calendarDate(2024, 6, 15))).toBe(24);
    expect(completedYears(calendarDate(2000, 2, 29), calendarDate(2023, 2, 28))).toBe(22);
    expect(completedYears(calendarDate(2000, 2, 29), calendarDate(2023, 3, 1))).toBe(23);
  });

  it('gives the Danish calendar date of an instant around midnight', () => {
    expect(danishDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(danishDateOf(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => {
          const start = calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
          expect(daysBetween(start, addDays(start, n))).toBe(n);
        },
      ),
    );
  });
});

describe('dates typed into a form', () => {
  const read = (text: string) => {
    const r = parseDateInput(text);
    return r.ok ? r.value : `${r.code}: ${translate(translator('da'), r.message)}`;
  };

  it('reads the ISO value of a date field and Danish text', () => {
    expect(read('2026-12-07')).toBe('2026-12-07');
    expect(read('7.12.2026')).toBe('2026-12-07');
    expect(read('07.12.2026')).toBe('2026-12-07');
    expect(read('7/12-2026')).toBe('2026-12-07');
    expect(read('7/12/2026')).toBe('2026-12-07');
    expect(read('7-12-2026')).toBe('2026-12-07');
    expect(read(' 7. 12. 2026 ')).toBe('2026-12-07');
    expect(read('29.2.2024')).toBe('2024-02-29');
  });

  it('says when a date does not exist, and how to write one', () => {
    expect(read('31.2.2026')).toBe('impossible: Datoen 31.2.2026 findes ikke: den måned har kun 28 dage.');
    expect(read('2026-02-30')).toBe('impossible: Datoen 2026-02-30 findes ikke: den måned har kun 28 dage.');
    expect(read('7.13.2026')).toBe(
      'impossible: Datoen 7.13.2026 findes ikke. Skriv dag.måned.år, fx 7.12.2026.',
    );
    expect(read('0.1.2026')).toBe(
      'impossible: Datoen 0.1.2026 findes ikke. Skriv dag.måned.år, fx 7.12.2026.',
    );
    expect(read('7.12.26')).toBe('format: Skriv datoen som dag.måned.år, fx 7.12.2026.');
    expect(read('12/7/2026 x')).toBe('format: Skriv datoen som dag.måned.år, fx 7.12.2026.');
    expect(read('2026-1-5')).toBe('format: Skriv datoen som dag.måned.år, fx 7.12.2026.');
    expect(read('')).toBe('format: Skriv datoen som dag.måned.år, fx 7.12.2026.');
  });

  it('reads back every valid date in every way it is written', () => {
    const danishShort = new Intl.DateTimeFormat('da-DK', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (instant) => {
          const date = calendarDate(
            instant.getUTCFullYear(),
            instant.getUTCMonth() + 1,
            instant.getUTCDate(),
          );
          const { year, month, day } = parts(date);
          const dd = String(day).padStart(2, '0');
          const mm = String(month).padStart(2, '0');
          for (const written of [
            date,
            `${day}.${month}.${year}`,
            `${dd}.${mm}.${year}`,
            `${day}/${month}-${year}`,
            danishShort.format(instant),
          ])
            expect(parseDateInput(written)).toEqual({ ok: true, value: date });
        },
      ),
    );
  });
});
