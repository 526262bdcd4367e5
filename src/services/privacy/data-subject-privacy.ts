import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { findCitizenById } from '../../db/repositories/citizen.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import { retentionOfCase } from '../../db/repositories/retention.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import { erasureRefusal, type ErasureRefusal } from '../../domain/erasure.ts';
import type { LegalBasis } from '../../domain/retention.ts';
import { message, type Message } from '../../i18n/index.ts';
import { today } from '../cases/case-record.ts';
import { caseLedger } from '../money/ledger-record.ts';
import { danishDate } from '../money/voucher-issue.ts';
import { EVERYONE_NAMED } from '../portal/personal-data-case.ts';
import { handledRequests, type HandledRequest } from './data-subject-requests.ts';
import { caseRetention } from './retention-entry.ts';

// A case's privacy state (spec: Data-subject requests): when its personal data goes (as the retention
// decides it), the legal hold, the restriction, whether it may be erased and why not, and the requests
// handled on it.

export interface PrivacyView {
  caseId: string;
  caseNumber: number;
  citizenName: string;
  phase: CasePhase;
  closedOn: string | null;
  legalBasis: LegalBasis;
  retentionMonths: number;
  /** When the personal data goes: done, a date, or not yet known while the case is open. */
  anonymisation: { state: 'anonymised'; at: Date } | { state: 'due'; on: CalendarDate } | { state: 'open' };
  legalHold: { reason: string; since: Date } | null;
  restriction: { reason: string; since: Date } | null;
  /** Why erasure is not possible now (the reason in words), or null when it is. */
  erasure: { code: ErasureRefusal; message: Message } | null;
  /** The requests handled on this case, newest first. */
  requests: HandledRequest[];
}

/** The case's privacy state as of `at`, read under the caller's lock where there is one. */
export async function privacyOf(tx: Tx, row: CaseRecord, at: Date): Promise<PrivacyView> {
  const programme = await findProgramme(tx, row.programme_id);
  const citizen = await findCitizenById(tx, row.citizen_id);
  const facts = await retentionOfCase(tx, row.id);
  if (!programme || !citizen || !facts) throw new Error('A case lacks its programme or citizen');
  // When the data goes, as the retention decides it (spec: Retention).
  const retention = caseRetention(facts, today(at));
  const { balance } = await caseLedger(tx, row.id);
  const dueOn = retention.anonymiseOn;
  const refusal = erasureRefusal({
    legalBasis: programme.legal_basis,
    closed: row.phase === 'closed',
    anonymised: retention.anonymisedAt !== null,
    reserved: balance.reserved,
    legalHold: retention.legalHold !== null,
  });
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    citizenName: citizen.name,
    phase: row.phase as CasePhase,
    closedOn: retention.closedOn,
    legalBasis: programme.legal_basis,
    retentionMonths: retention.retentionMonths,
    anonymisation:
      retention.anonymisedAt !== null
        ? { state: 'anonymised', at: retention.anonymisedAt }
        : dueOn !== null
          ? { state: 'due', on: dueOn }
          : { state: 'open' },
    legalHold: retention.legalHold,
    restriction:
      row.restriction_reason !== null && row.restricted_since !== null
        ? { reason: row.restriction_reason, since: row.restricted_since }
        : null,
    erasure:
      refusal === null
        ? null
        : { code: refusal, message: refusalMessage(refusal, row, dueOn, programme.retention_months) },
    requests: await handledRequests(tx, [row.id], EVERYONE_NAMED),
  };
}

/** The refusal in plain words, with the date the data goes where it is known. */
function refusalMessage(
  refusal: ErasureRefusal,
  row: CaseRecord,
  dueOn: CalendarDate | null,
  months: number,
): Message {
  switch (refusal) {
    case 'already_anonymised':
      return message('dataSubject.erasure.refused.already_anonymised');
    case 'public_task':
      return dueOn === null
        ? message('dataSubject.erasure.refused.public_task_open', { months })
        : message('dataSubject.erasure.refused.public_task', { date: danishDate(dueOn) });
    case 'case_open':
      return message('dataSubject.erasure.refused.case_open');
    case 'money_reserved':
      return message('dataSubject.erasure.refused.money_reserved');
    case 'legal_hold':
      return message('dataSubject.erasure.refused.legal_hold', { reason: row.legal_hold_reason ?? '' });
  }
}
