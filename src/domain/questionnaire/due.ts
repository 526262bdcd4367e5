// Which questionnaires a case is due (spec: Due dates), for the case page and the coordinator's list of
// what is overdue. Only a complete answer set counts as done: one saved part-way is still due.
//
//   start instruments  due from the start date; overdue one month (30 days) later, when it no
//                      longer measures the starting point
//   end instruments    due from 30 days before the end date, or from closing if that comes first
//                      (a case terminated early); overdue from the end date, or the day after closing
//
// A case that never became active (referred, screening, lead-in, declined) has nothing due.

import type { MessageKey } from '../../i18n/index.ts';
import { addDays, type CalendarDate } from '../calendar-date.ts';
import type { CasePhase } from '../case-lifecycle.ts';
import { PREPARE_CLOSE_DAYS } from '../case-next-step.ts';
import { INSTRUMENT_CODES, currentInstrument, type InstrumentCode } from './instrument.ts';

export type DueStatus = 'not_due' | 'due' | 'overdue' | 'done';

export const DUE_STATUS_LABELS: Readonly<Record<DueStatus, MessageKey>> = {
  not_due: 'label.dueStatus.not_due',
  due: 'label.dueStatus.due',
  overdue: 'label.dueStatus.overdue',
  done: 'label.dueStatus.done',
};

/** Days after the start date within which the start questionnaires still measure the starting point. */
const START_ANSWER_DAYS = 30;

export interface DueFacts {
  readonly phase: CasePhase;
  /** Null when the case never became active. */
  readonly startDate: CalendarDate | null;
  /** The first day after the period (case-period.ts `endDate`, moved by pauses); null before the start. */
  readonly endDate: CalendarDate | null;
  /** Set when the case is closed. */
  readonly closedOn: CalendarDate | null;
  readonly today: CalendarDate;
  /** Instruments with a complete answer set for this case. */
  readonly completed: ReadonlySet<InstrumentCode>;
}

export function questionnaireStatus(code: InstrumentCode, f: DueFacts): DueStatus {
  if (f.startDate === null) return 'not_due';
  if (f.completed.has(code)) return 'done';
  return currentInstrument(code).timing === 'start' ? startStatus(f.startDate, f.today) : endStatus(f);
}

export function questionnaireStatuses(f: DueFacts): Readonly<Record<InstrumentCode, DueStatus>> {
  return Object.fromEntries(INSTRUMENT_CODES.map((c) => [c, questionnaireStatus(c, f)])) as Record<
    InstrumentCode,
    DueStatus
  >;
}

function startStatus(startDate: CalendarDate, today: CalendarDate): DueStatus {
  if (today < startDate) return 'not_due';
  return today < addDays(startDate, START_ANSWER_DAYS) ? 'due' : 'overdue';
}

function endStatus(f: DueFacts): DueStatus {
  const closed = f.phase === 'closed' ? f.closedOn : null;
  if (closed !== null && f.today > closed) return 'overdue';
  if (closed !== null && f.today === closed) return 'due';
  if (f.endDate === null) return 'not_due';
  if (f.today >= f.endDate) return 'overdue';
  return f.today >= addDays(f.endDate, -PREPARE_CLOSE_DAYS) ? 'due' : 'not_due';
}
