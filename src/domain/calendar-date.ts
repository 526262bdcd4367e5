// Plain calendar dates as ISO strings (YYYY-MM-DD). Case periods, birth dates and report ages are
// calendar facts, not instants, so they never pass through a time zone.

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

/** The calendar date of an instant in Danish local time. */
export function danishDateOf(instant: Date): CalendarDate {
  const s = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return s as CalendarDate;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
