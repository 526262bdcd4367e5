// Plain calendar dates as ISO strings (YYYY-MM-DD). Case periods, birth dates and report ages are
// calendar facts, not instants, so they never pass through a time zone.
import { message, type Message } from '../i18n/index.ts';

declare const calendarDateBrand: unique symbol;
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the date if `value` is a real calendar date in ISO form, otherwise null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) return null;
  return value as CalendarDate;
}

export type DateInputResult =
  | { readonly ok: true; readonly value: CalendarDate }
  | { readonly ok: false; readonly code: 'format' | 'impossible'; readonly message: Message };

/** Day, month, year as Danes type them: 7.12.2026, 07.12.2026, 7/12-2026, 7-12-2026, 7/12/2026. */
const DANISH_DATE = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/;

/**
 * Reads a date entered in a form or sent by the API (spec: Input of amounts and dates): the ISO value a
 * date field sends (2026-12-07), or Danish text typed where there is no date field (7.12.2026). A date
 * that does not exist (31.2.2026) is refused with its own message, never moved to another day.
 */
export function parseDateInput(text: string): DateInputResult {
  const typed = text.trim();
  const ymd = typedParts(typed);
  if (!ymd) return { ok: false, code: 'format', message: message('field.date') };
  const [year, month, day] = ymd;
  if (isValidDate(year, month, day)) return { ok: true, value: calendarDate(year, month, day) };
  const said =
    year >= 1 && month >= 1 && month <= 12 && day >= 1
      ? message('field.date.noSuchDay', { date: typed, days: daysInMonth(year, month) })
      : message('field.date.impossible', { date: typed });
  return { ok: false, code: 'impossible', message: said };
}

/** Year, month and day of ISO or Danish text, not yet checked against the calendar. */
function typedParts(typed: string): [number, number, number] | null {
  const iso = ISO_DATE.exec(typed);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const danish = DANISH_DATE.exec(typed);
  return danish ? [Number(danish[3]), Number(danish[2]), Number(danish[1])] : null;
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isValidDate(year, month, day)) throw new RangeError(`Not a date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parts(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return calendarDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Adds whole months; a day that does not exist in the target month becomes its last day
 * (31 January + 1 month = 28/29 February), as Danish administrative practice counts periods.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return calendarDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Completed years from `birth` to `on` (a birthday on 29 February counts on 1 March in other years). */
export function completedYears(birth: CalendarDate, on: CalendarDate): number {
  const b = parts(birth);
  const o = parts(on);
  let years = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) years -= 1;
  return years;
}

// en-CA writes a date as YYYY-MM-DD; made once, as making a formatter costs far more than using it.
const DANISH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant in Danish local time. */
export function danishDateOf(instant: Date): CalendarDate {
  return DANISH_DAY.format(instant) as CalendarDate;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
