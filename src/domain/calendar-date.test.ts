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
} from './calendar-date.ts';

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
