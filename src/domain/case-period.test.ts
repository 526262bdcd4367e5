import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  calendarDate,
  daysBetween,
  parseCalendarDate,
  type CalendarDate,
} from './calendar-date.ts';
import {
  daysLeft,
  endDate,
  leadInDeadline,
  leadInOverdue,
  pausedDays,
  type PauseRange,
} from './case-period.ts';

function d(iso: string): CalendarDate {
  const date = parseCalendarDate(iso);
  if (date === null) throw new Error(`bad test date ${iso}`);
  return date;
}

const startDates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((t) => calendarDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));

/** Pauses in order after `start`, none overlapping: each a gap after the previous, then a length. */
function pausesAfter(start: CalendarDate, steps: readonly (readonly [number, number])[]): PauseRange[] {
  const pauses: PauseRange[] = [];
  let cursor = start;
  for (const [gap, length] of steps) {
    const from = addDays(cursor, gap);
    cursor = addDays(from, length);
    pauses.push({ from, to: cursor });
  }
  return pauses;
}

const pauseSteps = fc.array(fc.tuple(fc.nat(120), fc.nat(90)), { maxLength: 6 });
const sum = (pauses: readonly PauseRange[]) =>
  pauses.reduce((total, p) => total + daysBetween(p.from, p.to ?? p.from), 0);

describe('endDate', () => {
  it('is start + duration months when nothing was paused', () => {
    expect(endDate(d('2024-01-15'), 12, [], d('2024-06-01'))).toBe('2025-01-15');
    expect(endDate(d('2024-01-31'), 1, [], d('2024-01-31'))).toBe('2024-02-29');
    expect(endDate(d('2024-11-30'), 15, [], d('2024-11-30'))).toBe('2026-02-28');
  });

  it('moves by the days of each pause, [from, to) so the resume day is not paused', () => {
    const pauses = [
      { from: d('2024-03-01'), to: d('2024-03-11') },
      { from: d('2024-05-01'), to: d('2024-05-02') },
    ];
    expect(pausedDays(pauses, d('2024-06-01'))).toBe(11);
    expect(endDate(d('2024-01-15'), 12, pauses, d('2024-06-01'))).toBe('2025-01-26');
  });

  it('counts an open pause up to today, and nothing for one that starts later', () => {
    const open = [{ from: d('2024-03-01'), to: null }];
    expect(endDate(d('2024-01-15'), 12, open, d('2024-03-01'))).toBe('2025-01-15');
    expect(endDate(d('2024-01-15'), 12, open, d('2024-03-21'))).toBe('2025-02-04');
    expect(pausedDays(open, d('2024-02-01'))).toBe(0);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => pausedDays([{ from: d('2024-03-02'), to: d('2024-03-01') }], d('2024-04-01'))).toThrow(
      RangeError,
    );
  });

  it('equals start + duration + the sum of paused days, for any pauses', () => {
    fc.assert(
      fc.property(startDates, fc.integer({ min: 1, max: 24 }), pauseSteps, (start, months, steps) => {
        const pauses = pausesAfter(start, steps);
        const end = endDate(start, months, pauses, start);
        expect(end).toBe(addDays(addMonths(start, months), sum(pauses)));
        expect(daysBetween(addMonths(start, months), end)).toBe(pausedDays(pauses, start));
      }),
    );
  });

  it('never moves earlier when a pause is added or made longer', () => {
    fc.assert(
      fc.property(
        startDates,
        fc.integer({ min: 1, max: 24 }),
        pauseSteps,
        fc.tuple(fc.nat(120), fc.nat(90)),
        fc.nat(5),
        fc.nat(30),
        (start, months, steps, extra, which, longer) => {
          const base = pausesAfter(start, steps);
          const today = addDays(start, 2000);
          const before = endDate(start, months, base, today);
          const added = pausesAfter(start, [...steps, extra]);
          expect(endDate(start, months, added, today) >= before).toBe(true);
          const stretched = steps.map(([gap, length], i) =>
            i === which ? ([gap, length + longer] as const) : ([gap, length] as const),
          );
          expect(endDate(start, months, pausesAfter(start, stretched), today) >= before).toBe(true);
        },
      ),
    );
  });

  it('counts an open pause as if it ended today', () => {
    fc.assert(
      fc.property(startDates, pauseSteps, fc.nat(200), fc.nat(400), (start, steps, gap, sinceFrom) => {
        const closed = pausesAfter(start, steps);
        const from = addDays(closed.at(-1)?.to ?? start, gap);
        const today = addDays(from, sinceFrom);
        const open = [...closed, { from, to: null }];
        const ended = [...closed, { from, to: today }];
        expect(endDate(start, 12, open, today)).toBe(endDate(start, 12, ended, today));
      }),
    );
  });
});

describe('daysLeft', () => {
  it('counts down to the end date and stops at zero', () => {
    expect(daysLeft(d('2024-01-15'), 12, [], d('2025-01-14'))).toBe(1);
    expect(daysLeft(d('2024-01-15'), 12, [], d('2025-01-15'))).toBe(0);
    expect(daysLeft(d('2024-01-15'), 12, [], d('2026-01-01'))).toBe(0);
  });

  it('stands still while the case is paused', () => {
    fc.assert(
      fc.property(startDates, fc.nat(300), fc.nat(500), fc.nat(500), (start, gap, a, b) => {
        const from = addDays(start, gap);
        const open = [{ from, to: null }];
        expect(daysLeft(start, 12, open, addDays(from, a))).toBe(daysLeft(start, 12, open, addDays(from, b)));
      }),
    );
  });
});

describe('lead-in', () => {
  it('is overdue from the day it has lasted maxLeadInMonths', () => {
    expect(leadInDeadline(d('2024-01-31'), 6)).toBe('2024-07-31');
    expect(leadInOverdue(d('2024-01-31'), 6, d('2024-07-30'))).toBe(false);
    expect(leadInOverdue(d('2024-01-31'), 6, d('2024-07-31'))).toBe(true);
    expect(leadInOverdue(d('2024-08-31'), 6, d('2025-02-28'))).toBe(true);
    expect(leadInOverdue(d('2024-08-31'), 6, d('2025-02-27'))).toBe(false);
  });
});
