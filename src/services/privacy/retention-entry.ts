import type { RetentionRow } from '../../db/repositories/retention.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { anonymisationRefusal, anonymiseOn, type RetentionFacts } from '../../domain/retention.ts';

// A case's retention as the plan, the command line and the case page show it (spec: Retention).

/** When a case's personal data goes, and what stops it. */
export interface CaseRetention {
  caseId: string;
  municipalityId: number;
  caseNumber: number;
  retentionMonths: number;
  /** Null while the case is open: the day is known once it closes. */
  closedOn: CalendarDate | null;
  anonymiseOn: CalendarDate | null;
  /** Anonymised by the next run: its day has come and nothing stops it. */
  due: boolean;
  legalHold: { reason: string; since: Date } | null;
  /** The citizen restricted the processing (art. 18): kept until that is lifted. */
  restricted: boolean;
  /** When it was anonymised; null while it holds personal data. */
  anonymisedAt: Date | null;
}

/** A closed case that still holds personal data. */
export type RetentionEntry = CaseRetention & { closedOn: CalendarDate; anonymiseOn: CalendarDate };

export function factsOf(row: RetentionRow): RetentionFacts {
  return {
    phase: row.phase,
    closedOn: row.closed_on,
    anonymisedAt: row.anonymised_at,
    legalHoldSince: row.legal_hold_since,
    restrictedSince: row.restricted_since,
    retentionMonths: row.retention_months,
  };
}

/** A case's retention as of `on`. */
export function caseRetention(row: RetentionRow, on: CalendarDate): CaseRetention {
  const closedOn = row.closed_on as CalendarDate | null;
  return {
    caseId: row.id,
    municipalityId: row.municipality_id,
    caseNumber: row.case_number,
    retentionMonths: row.retention_months,
    closedOn,
    anonymiseOn: closedOn === null ? null : anonymiseOn(closedOn, row.retention_months),
    due: anonymisationRefusal(factsOf(row), 'retention', on) === null,
    legalHold:
      row.legal_hold_reason !== null && row.legal_hold_since !== null
        ? { reason: row.legal_hold_reason, since: row.legal_hold_since }
        : null,
    restricted: row.restricted_since !== null,
    anonymisedAt: row.anonymised_at,
  };
}

/** The plan's entry of a closed case that still holds personal data. */
export function retentionEntry(row: RetentionRow, on: CalendarDate): RetentionEntry {
  const entry = caseRetention(row, on);
  if (entry.closedOn === null || entry.anonymiseOn === null)
    throw new Error('The plan lists closed cases only');
  return { ...entry, closedOn: entry.closedOn, anonymiseOn: entry.anonymiseOn };
}
