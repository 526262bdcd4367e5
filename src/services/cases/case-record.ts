import { deferUntilCommit, type Tx } from '../../db/client.ts';
import { insertAccessLog } from '../../db/repositories/access-log.repository.ts';
import {
  endOpenPause,
  findCase,
  insertCaseEvent,
  insertPause,
  type CasePauseRow,
  type CaseRecord,
  type CaseRow,
} from '../../db/repositories/case.repository.ts';
import { danishDateOf, type CalendarDate } from '../../domain/calendar-date.ts';
import {
  daysLeft,
  endDate,
  lastDayOfPeriod,
  type CaseState,
  type CaseTransitionError,
  type CloseOutcome,
  type Pause,
} from '../../domain/case-lifecycle.ts';
import { AppError, Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorizeCase, type CaseTarget } from '../access/access.ts';
import type { Actor } from '../context.ts';
import { isUuid } from '../ids.ts';
import { message, type MessageKey } from '../../i18n/index.ts';

// What the case services share: loading a case with its access check, turning rows into the domain's
// case state and back, the timeline and the access log.

export function caseTarget(row: {
  municipality_id: number;
  support_user_id: string | null;
  citizen_user_id: string | null;
}): CaseTarget {
  return {
    municipalityId: row.municipality_id,
    supportUserId: row.support_user_id,
    citizenUserId: row.citizen_user_id,
  };
}

/**
 * The case, if the actor may do `action` on it; otherwise NotFound, exactly as if it did not exist.
 * `lock` is for a change: it takes the case row for update, and a restricted case refuses it.
 */
export async function loadCase(
  tx: Tx,
  actor: Actor,
  action: Action,
  caseId: string,
  lock = false,
): Promise<CaseRecord> {
  const row = isUuid(caseId) ? await findCase(tx, caseId, lock) : undefined;
  return admitCase(actor, action, row, lock);
}

/**
 * A case row read for `action`: NotFound unless the actor may do it on the case, and a locked one (a
 * change) refused while the case is restricted.
 */
export function admitCase(
  actor: Actor,
  action: Action,
  row: CaseRecord | undefined,
  locked: boolean,
): CaseRecord {
  if (!row) throw new NotFound();
  authorizeCase(actor, action, caseTarget(row));
  if (locked && !WHILE_RESTRICTED.has(action)) requireUnrestricted(row);
  return row;
}

/**
 * What may still change on a restricted case: the citizen's requests themselves (lifting the
 * restriction, erasure) and the citizen's log-in, which is no change of the case.
 */
const WHILE_RESTRICTED: ReadonlySet<Action> = new Set(['dataSubject.handle', 'citizen.issueActivationCode']);

/**
 * A restricted case is read-only (GDPR art. 18; spec: Restriction). Every change of a case, its plan,
 * money, notes or questionnaires locks the case first, here or in the portal's ownCase, so this one
 * check refuses them all.
 */
export function requireUnrestricted(row: Pick<CaseRow, 'restricted_since'>): void {
  if (row.restricted_since !== null) {
    throw new Conflict(message('dataSubject.error.restricted'), 'case_restricted');
  }
}

export function today(at: Date): CalendarDate {
  return danishDateOf(at);
}

/** Transitions and records are dated when they happened: never in the future. */
export function notInFuture(date: CalendarDate, at: Date, field: string): CalendarDate {
  if (date > today(at)) {
    const said = message('error.case.dateInFuture');
    throw new ValidationFailed({ [field]: said }, said);
  }
  return date;
}

const FORM_FIELD: Record<NonNullable<CaseTransitionError['field']>, string> = {
  on: 'date',
  startDate: 'startDate',
  from: 'from',
  reason: 'reason',
};

/** A refused transition: bad input for a form field, or a conflict with the case's phase. */
export function refusal(error: CaseTransitionError): AppError {
  if (error.field) return new ValidationFailed({ [FORM_FIELD[error.field]]: error.message }, error.message);
  return new Conflict(error.message, error.code);
}

function pauseOf(p: CasePauseRow): Pause {
  return { from: p.from_date as CalendarDate, to: p.to_date as CalendarDate | null, reason: p.reason };
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`The stored case lacks ${what}`);
  return value;
}

/** The domain's view of a stored case (the columns mirror domain/case-lifecycle.ts). */
export function caseState(row: CaseRow, pauseRows: readonly CasePauseRow[]): CaseState {
  const referredOn = row.referred_on as CalendarDate;
  const leadInStartedOn = row.lead_in_started_on as CalendarDate | null;
  const startDate = row.start_date as CalendarDate | null;
  const pauses = pauseRows.map(pauseOf);
  switch (row.phase) {
    case 'referred':
    case 'screening':
      return { phase: row.phase, referredOn };
    case 'lead_in':
      return { phase: 'lead_in', referredOn, leadInStartedOn: required(leadInStartedOn, 'a lead-in date') };
    case 'active':
    case 'paused':
      return {
        phase: row.phase,
        referredOn,
        leadInStartedOn: required(leadInStartedOn, 'a lead-in date'),
        startDate: required(startDate, 'a start date'),
        durationMonths: required(row.duration_months, 'a duration'),
        pauses,
      };
    case 'closed':
      return {
        phase: 'closed',
        outcome: required(row.close_outcome, 'an outcome') as CloseOutcome,
        closedOn: required(row.closed_on, 'a close date') as CalendarDate,
        reason: row.close_reason,
        referredOn,
        leadInStartedOn,
        startDate,
        durationMonths: row.duration_months,
        pauses,
      };
  }
  throw new Error(`The stored case has an unknown phase: ${row.phase}`);
}

/** The columns that hold a case state. */
export function stateColumns(state: CaseState) {
  const closed = state.phase === 'closed' ? state : null;
  return {
    phase: state.phase,
    lead_in_started_on: 'leadInStartedOn' in state ? state.leadInStartedOn : null,
    start_date: 'startDate' in state ? state.startDate : null,
    duration_months: 'durationMonths' in state ? state.durationMonths : null,
    close_outcome: closed?.outcome ?? null,
    closed_on: closed?.closedOn ?? null,
    close_reason: closed?.reason ?? null,
  };
}

/** Stores what a transition did to the pauses: a new one, or the open one ended. */
export async function savePauses(
  tx: Tx,
  row: CaseRow,
  before: readonly Pause[],
  after: readonly Pause[],
  at: Date,
): Promise<void> {
  for (const [i, pause] of after.entries()) {
    const old = before[i];
    if (old === undefined) {
      await insertPause(tx, {
        municipality_id: row.municipality_id,
        case_id: row.id,
        from_date: pause.from,
        to_date: pause.to,
        reason: pause.reason,
        created_at: at,
      });
    } else if (old.to === null && pause.to !== null) {
      await endOpenPause(tx, row.id, pause.to);
    }
  }
}

export function pausesOfState(state: CaseState): readonly Pause[] {
  return 'pauses' in state ? state.pauses : [];
}

/**
 * The period of a started case: its end date (moved by pauses), the last day of the period (the day
 * before, what pages show) and, while running, the days left.
 */
export function periodOf(state: CaseState, on: CalendarDate) {
  if (state.phase !== 'active' && state.phase !== 'paused' && state.phase !== 'closed') return null;
  if (state.startDate === null || state.durationMonths === null) return null;
  const until = state.phase === 'closed' ? state.closedOn : on;
  const end = endDate(state.startDate, state.durationMonths, state.pauses, until);
  return {
    endDate: end,
    lastDay: lastDayOfPeriod(end),
    daysLeft:
      state.phase === 'closed' ? null : daysLeft(state.startDate, state.durationMonths, state.pauses, on),
  };
}

export const CASE_EVENT_TYPES = [
  'referred',
  'referral_updated',
  'screening_started',
  'accepted',
  'declined',
  'support_assigned',
  'support_changed',
  'conditions_acknowledged',
  'activated',
  'paused',
  'resumed',
  'completed',
  'terminated',
  'intake_updated',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Each step of a case in words, for the timeline (i18n/events.*.ts). */
export const CASE_EVENT_SENTENCES: Readonly<Record<CaseEventType, MessageKey>> = {
  referred: 'event.referred',
  referral_updated: 'event.referral_updated',
  screening_started: 'event.screening_started',
  accepted: 'event.accepted',
  declined: 'event.declined',
  support_assigned: 'event.support_assigned',
  support_changed: 'event.support_changed',
  conditions_acknowledged: 'event.conditions_acknowledged',
  activated: 'event.activated',
  paused: 'event.paused',
  resumed: 'event.resumed',
  completed: 'event.completed',
  terminated: 'event.terminated',
  intake_updated: 'event.intake_updated',
};

/** A stored step in words: case_event's CHECK holds its type to CASE_EVENT_TYPES. */
export function caseEventSentence(type: string): MessageKey {
  return CASE_EVENT_SENTENCES[type as CaseEventType];
}

export async function recordCaseEvent(
  tx: Tx,
  actor: Actor,
  at: Date,
  row: { id: string; municipality_id: number },
  event: {
    type: CaseEventType;
    date?: CalendarDate | null;
    reason?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await insertCaseEvent(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    occurred_at: at,
    event_date: event.date ?? null,
    type: event.type,
    actor_user_id: actor.userId,
    actor_role: actor.role,
    reason: event.reason ?? null,
    data: event.data === undefined ? null : JSON.stringify(event.data),
  });
}

/**
 * Every staff read of a citizen's personal data (spec: Access log): who, when, which case, and
 * why — the page or API route the caller names. The citizen reading their own data is not logged.
 */
export async function logAccess(
  tx: Tx,
  actor: Actor,
  at: Date,
  purpose: string,
  subjects: readonly { caseId: string | null; citizenId: string; municipalityId: number }[],
): Promise<void> {
  if (actor.role === 'citizen') return;
  const rows = subjects.map((s) => ({
    municipality_id: s.municipalityId,
    occurred_at: at,
    user_id: actor.userId,
    user_role: actor.role,
    subject_type: s.caseId === null ? 'citizen' : 'case',
    subject_id: s.caseId ?? s.citizenId,
    purpose: checkedPurpose(purpose),
    request_id: actor.requestId ?? null,
    citizen_id: s.citizenId,
    case_id: s.caseId,
  }));
  // Written with the command's other rows at its end, and also when it rolls back: what was read
  // (and perhaps shown on an error page) stays logged.
  const written = deferUntilCommit(tx, 'access_log', rows, writeAccessLogs, { evenOnRollback: true });
  if (!written) await insertAccessLog(tx, rows);
}

async function writeAccessLogs(tx: Tx, batches: Parameters<typeof insertAccessLog>[1][]): Promise<void> {
  await insertAccessLog(tx, batches.flat());
}

/**
 * The purpose is a route pattern such as 'GET /forloeb/:id' given by the adapter. It is shown to the
 * citizen, so it must be short and must never carry personal data (a CPR number from a URL).
 */
function checkedPurpose(purpose: string): string {
  const trimmed = purpose.trim();
  if (trimmed === '' || trimmed.length > 200 || /\d{6}/.test(trimmed)) {
    throw new Error('An access-log purpose must be a short route pattern without personal data.');
  }
  return trimmed;
}
