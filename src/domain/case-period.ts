// The case period (spec: Activation; spec: Pauses): it starts on the start date, lasts the programme's
// durationMonths, and moves by the days the case was paused. Pauses and the period are half-open ranges
// [from, to).

import { addDays, addMonths, daysBetween, type CalendarDate } from './calendar-date.ts';

/** A pause is the half-open range [from, to): `to` is the day the case resumed, null while it lasts. */
export interface PauseRange {
  readonly from: CalendarDate;
  readonly to: CalendarDate | null;
}

/** Days in pauses; an open pause counts up to `today` (and nothing if it starts later). */
export function pausedDays(pauses: readonly PauseRange[], today: CalendarDate): number {
  let total = 0;
  for (const { from, to } of pauses) {
    const days = daysBetween(from, to ?? today);
    if (to !== null && days < 0) throw new RangeError(`Pause ends before it starts: ${from}–${to}`);
    total += Math.max(0, days);
  }
  return total;
}

/**
 * The first day after the period: start + durationMonths, moved by the paused days (spec: Pauses).
 * The period is [startDate, endDate), like a pause, so its last day is the day before.
 */
export function endDate(
  startDate: CalendarDate,
  durationMonths: number,
  pauses: readonly PauseRange[],
  today: CalendarDate,
): CalendarDate {
  return addDays(addMonths(startDate, durationMonths), pausedDays(pauses, today));
}

/**
 * The period's last day, inclusive: the day before the end date. Every page states the end of a period
 * as this day, so staff and citizen read the same date (spec: Activation).
 */
export function lastDayOfPeriod(end: CalendarDate): CalendarDate {
  return addDays(end, -1);
}

/** Days from `today` to the end date, never negative. Constant while paused: the clock stops. */
export function daysLeft(
  startDate: CalendarDate,
  durationMonths: number,
  pauses: readonly PauseRange[],
  today: CalendarDate,
): number {
  return Math.max(0, daysBetween(today, endDate(startDate, durationMonths, pauses, today)));
}

/** The first day the lead-in has lasted longer than the programme's `maxLeadInMonths`. */
export function leadInDeadline(leadInStartedOn: CalendarDate, maxLeadInMonths: number): CalendarDate {
  return addMonths(leadInStartedOn, maxLeadInMonths);
}

// A warning for the coordinator, not a block on activation: "det tager lang tid at drømme" (2020 evaluation
// report, §6.4), and refusing to start a citizen who is finally ready would defeat the purpose.
export function leadInOverdue(
  leadInStartedOn: CalendarDate,
  maxLeadInMonths: number,
  today: CalendarDate,
): boolean {
  return today >= leadInDeadline(leadInStartedOn, maxLeadInMonths);
}
