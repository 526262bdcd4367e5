import { addMonths, calendarDate, completedYears, parts, type CalendarDate } from './calendar-date.ts';
import { message, type Message } from '../i18n/index.ts';

// How long a closed case keeps its personal data, and what its anonymisation keeps (spec: Retention).
// Pure rules: the service finds the cases and writes the changes.

/** The programme's retention period in months after closure: the default, and the limits. */
export const RETENTION_MONTHS = { default: 60, min: 1, max: 240 } as const;

/** The legal bases a programme's processing may rest on; erasure on request needs consent (art. 17(3)(b)). */
export const LEGAL_BASES = ['public_task', 'consent'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What replaces a citizen's words where a column must hold some text: it says nothing. */
export const ANONYMISED_TEXT = '–';

/** The day a closed case's personal data is anonymised: the close date plus the retention period. */
export function anonymiseOn(closedOn: CalendarDate, retentionMonths: number): CalendarDate {
  return addMonths(closedOn, retentionMonths);
}

/** Whether a closed case is due on `today` (a legal hold is checked apart). */
export function isDue(closedOn: CalendarDate, retentionMonths: number, today: CalendarDate): boolean {
  return anonymiseOn(closedOn, retentionMonths) <= today;
}

/** Why personal data goes: the programme's period ran out, or the citizen asked (erasure). */
export type AnonymisationCause = 'retention' | 'erasure';

/** What decides whether a case may be anonymised now. */
export interface RetentionFacts {
  phase: string;
  closedOn: string | null;
  anonymisedAt: Date | null;
  legalHoldSince: Date | null;
  restrictedSince: Date | null;
  retentionMonths: number;
}

/**
 * Why the case may not be anonymised now, or null. Only a closed case that still holds personal data
 * and is not under a legal hold; by retention also only once due, and not while the citizen has
 * restricted the processing (they may need the data kept: GDPR art. 18(1)(b)–(c)).
 */
export function anonymisationRefusal(
  facts: RetentionFacts,
  cause: AnonymisationCause,
  today: CalendarDate,
): { code: string; message: Message } | null {
  if (facts.anonymisedAt !== null) return refused('case_anonymised', message('retention.refused.anonymised'));
  if (facts.phase !== 'closed' || facts.closedOn === null)
    return refused('case_not_closed', message('retention.refused.notClosed'));
  if (facts.legalHoldSince !== null) return refused('legal_hold', message('retention.refused.held'));
  if (cause === 'erasure') return null;
  if (facts.restrictedSince !== null)
    return refused('case_restricted', message('retention.refused.restricted'));
  if (!isDue(facts.closedOn as CalendarDate, facts.retentionMonths, today))
    return refused('not_due', message('retention.refused.notDue'));
  return null;
}

function refused(code: string, said: Message) {
  return { code, message: said };
}

/** The first day of the date's month: a date the report does not need to the day. */
export function monthOf(date: CalendarDate): CalendarDate {
  const { year, month } = parts(date);
  return calendarDate(year, month, 1);
}

/** As monthOf, keeping an absent date absent. */
export function monthOfOptional(date: string | null): CalendarDate | null {
  return date === null ? null : monthOf(date as CalendarDate);
}

/**
 * A birth date that tells as little as possible and keeps the citizen's age at the start of every case
 * (the report's ages): 1 January of a year if one fits, else the first of a month, else the birth
 * date itself. With one start that is 1 January of (start year − age).
 */
export function anonymousBirthDate(birth: CalendarDate, starts: readonly CalendarDate[]): CalendarDate {
  const keepsAges = (candidate: CalendarDate) =>
    starts.every((start) => completedYears(candidate, start) === completedYears(birth, start));
  const { year, month } = parts(birth);
  const newYears = [year, year + 1].map((y) => calendarDate(y, 1, 1));
  const monthStarts = Array.from({ length: 25 }, (_, i) => addMonths(calendarDate(year, month, 1), i - 12));
  return [...newYears, ...monthStarts].find(keepsAges) ?? birth;
}

/** The keys of a case event's data that hold codes and ids, never words (the rest goes). */
const CASE_EVENT_CODES = new Set([
  'source',
  'imported',
  'supportUserId',
  'coordinatorUserId',
  'previousSupportUserId',
  'method',
  'fields',
]);

/** A case event's data as an anonymised case keeps it: codes and ids only. */
export function caseEventCodes(data: Record<string, unknown> | null): Record<string, unknown> | null {
  return data === null ? null : onlyKeys(data, CASE_EVENT_CODES);
}

/** The entries of `value` whose keys are in `keys`; anything but an object keeps nothing. */
export function onlyKeys(value: unknown, keys: ReadonlySet<string>): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).filter(([k]) => keys.has(k)));
}
