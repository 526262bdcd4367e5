// The phases of a case (forløb; spec: Phases): referred → screening → lead_in → active ⇄ paused → closed.
// `transition` is pure: it checks one event against the current state and returns the next state or
// a refusal with a stable code and a message for the user. Who acted and when (the instant)
// is the service's business; the calendar dates the rules depend on travel in the events.
//
// Which closes are allowed from where:
// - declined: from referred or screening. It is the screening decision (2020 evaluation report,
//   §6.5 "Visitering af borgere"); a referral can be turned down on paper (outside the target group,
//   the citizen says no) without a conversation that never took place being recorded.
// - terminated_early: from lead_in, active or paused. Once accepted, the citizen has been offered the
//   scheme, so dropping out is an early end, not a refusal; reports tell lead-in ends apart by their
//   missing start date. From paused it also ends the pause on the same day.
// - completed: from active only. A pause means the work has stopped (prison, hospital), so nobody
//   can judge the case done during one: resume first, or terminate early. Completing before the end
//   date is allowed: a citizen may reach the sub-goals without needing the whole period
//   (2020 evaluation report, §6.5 "Udmøntning af budgettet").

import type { CalendarDate } from './calendar-date.ts';
import { endDate, type PauseRange } from './case-period.ts';
import { message, type Message, type MessageKey } from '../i18n/index.ts';

// The period arithmetic (endDate, daysLeft, leadInOverdue …) lives in case-period.ts.
export * from './case-period.ts';

export const CASE_PHASES = ['referred', 'screening', 'lead_in', 'active', 'paused', 'closed'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const CLOSE_OUTCOMES = ['completed', 'terminated_early', 'declined'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const CASE_PHASE_LABELS: Readonly<Record<CasePhase, MessageKey>> = {
  referred: 'label.casePhase.referred',
  screening: 'label.casePhase.screening',
  lead_in: 'label.casePhase.lead_in',
  active: 'label.casePhase.active',
  paused: 'label.casePhase.paused',
  closed: 'label.casePhase.closed',
};

export const CLOSE_OUTCOME_LABELS: Readonly<Record<CloseOutcome, MessageKey>> = {
  completed: 'label.closeOutcome.completed',
  terminated_early: 'label.closeOutcome.terminated_early',
  declined: 'label.closeOutcome.declined',
};

/** A pause of a case, with why: prison, hospital stay (spec: Pauses). */
export interface Pause extends PauseRange {
  readonly reason: string;
}

export interface ReferredCase {
  readonly phase: 'referred';
  readonly referredOn: CalendarDate;
}
export interface ScreeningCase {
  readonly phase: 'screening';
  readonly referredOn: CalendarDate;
}
export interface LeadInCase {
  readonly phase: 'lead_in';
  readonly referredOn: CalendarDate;
  readonly leadInStartedOn: CalendarDate;
}
/** Active or paused. The duration is fixed at activation, so a later programme change leaves it be. */
export interface RunningCase {
  readonly phase: 'active' | 'paused';
  readonly referredOn: CalendarDate;
  readonly leadInStartedOn: CalendarDate;
  readonly startDate: CalendarDate;
  readonly durationMonths: number;
  /** In order, none overlapping; while paused, the last one is open. */
  readonly pauses: readonly Pause[];
}
export interface ClosedCase {
  readonly phase: 'closed';
  readonly outcome: CloseOutcome;
  readonly closedOn: CalendarDate;
  /** Why it was declined or terminated early; null when completed. */
  readonly reason: string | null;
  readonly referredOn: CalendarDate;
  readonly leadInStartedOn: CalendarDate | null;
  /** Null when the case never reached active: it then counts in no report base (spec: Bases). */
  readonly startDate: CalendarDate | null;
  readonly durationMonths: number | null;
  readonly pauses: readonly Pause[];
}
export type CaseState = ReferredCase | ScreeningCase | LeadInCase | RunningCase | ClosedCase;

// Reasons given on accept are kept by the service in the case's dated history; the state keeps
// only what later rules and reports need.
export type CaseEvent =
  | { readonly type: 'start_screening' }
  | { readonly type: 'accept'; readonly on: CalendarDate; readonly reason: string }
  | { readonly type: 'decline'; readonly on: CalendarDate; readonly reason: string }
  | { readonly type: 'activate'; readonly startDate: CalendarDate }
  | { readonly type: 'pause'; readonly from: CalendarDate; readonly reason: string }
  | { readonly type: 'resume'; readonly on: CalendarDate }
  | { readonly type: 'complete'; readonly on: CalendarDate }
  | { readonly type: 'terminate'; readonly on: CalendarDate; readonly reason: string };

/** Facts about the case and its programme that `transition` cannot see in the state. */
export interface TransitionContext {
  readonly hasSupportPerson: boolean;
  readonly conditionsAcknowledged: boolean;
  /** The programme's `durationMonths`, taken into the case at activation. */
  readonly durationMonths: number;
}

// Every refusal, in one place; the words are in the catalogues (i18n/domain-cases.*.ts, `case.refused.*`).
// The codes are stable. A refusal with a `field` is bad input (a form shows it inline); one without is a
// conflict with the case's phase.
export type CaseErrorCode =
  | 'case_closed'
  | 'not_referred'
  | 'not_screening'
  | 'already_granted'
  | 'not_granted'
  | 'not_lead_in'
  | 'support_person_missing'
  | 'conditions_not_acknowledged'
  | 'not_active'
  | 'not_started'
  | 'already_paused'
  | 'not_paused'
  | 'paused'
  | 'reason_required'
  | 'before_referral'
  | 'before_lead_in'
  | 'before_running'
  | 'after_end'
  | 'period_over';

export interface CaseTransitionError {
  readonly code: CaseErrorCode;
  readonly message: Message;
  /** The event field the error is about, for an inline message in a form. */
  readonly field?: 'on' | 'startDate' | 'from' | 'reason';
}

export type TransitionResult =
  | { readonly ok: true; readonly state: CaseState }
  | { readonly ok: false; readonly error: CaseTransitionError };

// What a phase allows, each rule in one place: every service asks these, never the phase itself.

/** A closed case cannot be changed (spec: Phases): no note, no assignment, no step. */
export function isCaseClosed(phase: string): boolean {
  return phase === 'closed';
}

/**
 * The case is open: accepted and not yet closed — lead-in, active or paused. The plan may change (spec:
 * Goal plan), money may be granted (spec: Grants) and requests written (spec: Purchase requests).
 */
export function isCaseOpen(phase: string): boolean {
  return phase === 'lead_in' || phase === 'active' || phase === 'paused';
}

/**
 * Money is spent in the active period only: requests are submitted, approved (money reserved) and paid
 * while the case is active, never in the lead-in or a pause (spec: Lead-in; spec: Pauses).
 */
export function isSpendingPeriod(phase: string): boolean {
  return phase === 'active';
}

/** A new case, as the referral creates it. */
export function referredCase(referredOn: CalendarDate): ReferredCase {
  return { phase: 'referred', referredOn };
}

export function transition(state: CaseState, event: CaseEvent, context: TransitionContext): TransitionResult {
  if (state.phase === 'closed') return refuse('case_closed');
  switch (event.type) {
    case 'start_screening':
      if (state.phase !== 'referred') return refuse('not_referred');
      return { ok: true, state: { phase: 'screening', referredOn: state.referredOn } };
    case 'accept':
      return accept(state, event);
    case 'decline':
      return decline(state, event);
    case 'activate':
      return activate(state, event, context);
    case 'pause':
      return pause(state, event);
    case 'resume':
      return resume(state, event);
    case 'complete':
      return complete(state, event);
    case 'terminate':
      return terminate(state, event);
  }
}

type Open = Exclude<CaseState, ClosedCase>;
type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

function accept(state: Open, event: EventOf<'accept'>): TransitionResult {
  if (state.phase !== 'screening') return refuse('not_screening');
  const reason = checkReason(event.reason);
  if (typeof reason !== 'string') return reason;
  if (event.on < state.referredOn) return refuse('before_referral', 'on');
  return { ok: true, state: { phase: 'lead_in', referredOn: state.referredOn, leadInStartedOn: event.on } };
}

function decline(state: Open, event: EventOf<'decline'>): TransitionResult {
  if (state.phase !== 'referred' && state.phase !== 'screening') return refuse('already_granted');
  const reason = checkReason(event.reason);
  if (typeof reason !== 'string') return reason;
  if (event.on < state.referredOn) return refuse('before_referral', 'on');
  return closed(state, 'declined', event.on, reason);
}

function activate(state: Open, event: EventOf<'activate'>, context: TransitionContext): TransitionResult {
  if (state.phase !== 'lead_in') return refuse('not_lead_in');
  if (!context.hasSupportPerson) return refuse('support_person_missing');
  // 2020 evaluation report, §3.2: the support person must make sure the citizen has understood and accepted
  // the conditions.
  if (!context.conditionsAcknowledged) return refuse('conditions_not_acknowledged');
  if (event.startDate < state.leadInStartedOn) return refuse('before_lead_in', 'startDate');
  const { durationMonths } = context;
  if (!Number.isInteger(durationMonths) || durationMonths < 1) {
    throw new RangeError(`durationMonths must be a positive whole number: ${durationMonths}`);
  }
  const running: RunningCase = {
    ...state,
    phase: 'active',
    startDate: event.startDate,
    durationMonths,
    pauses: [],
  };
  return { ok: true, state: running };
}

function pause(state: Open, event: EventOf<'pause'>): TransitionResult {
  if (state.phase !== 'active') return refuse(state.phase === 'paused' ? 'already_paused' : 'not_active');
  const reason = checkReason(event.reason);
  if (typeof reason !== 'string') return reason;
  if (event.from < runningSince(state)) return refuse('before_running', 'from');
  const end = endDate(state.startDate, state.durationMonths, state.pauses, event.from);
  if (event.from >= end) return refuse('after_end', 'from');
  const pauses = [...state.pauses, { from: event.from, to: null, reason }];
  return { ok: true, state: { ...state, phase: 'paused', pauses } };
}

function resume(state: Open, event: EventOf<'resume'>): TransitionResult {
  if (state.phase !== 'paused') return refuse('not_paused');
  const pauses = closePause(state.pauses, event.on);
  if (pauses === null) return refuse('before_running', 'on');
  return { ok: true, state: { ...state, phase: 'active', pauses } };
}

function complete(state: Open, event: EventOf<'complete'>): TransitionResult {
  if (state.phase !== 'active') return refuse(state.phase === 'paused' ? 'paused' : 'not_started');
  if (event.on < runningSince(state)) return refuse('before_running', 'on');
  return closed(state, 'completed', event.on, null);
}

function terminate(state: Open, event: EventOf<'terminate'>): TransitionResult {
  if (state.phase === 'referred' || state.phase === 'screening') return refuse('not_granted');
  const reason = checkReason(event.reason);
  if (typeof reason !== 'string') return reason;
  if (state.phase === 'lead_in') {
    if (event.on < state.leadInStartedOn) return refuse('before_lead_in', 'on');
    return closed(state, 'terminated_early', event.on, reason);
  }
  // Terminating a paused case ends the pause on the same day.
  const pauses = state.phase === 'paused' ? closePause(state.pauses, event.on) : state.pauses;
  if (pauses === null || event.on < runningSince(state)) return refuse('before_running', 'on');
  // On or after the end date the period has run its course: that is a completion, not an early end.
  const end = endDate(state.startDate, state.durationMonths, pauses, event.on);
  if (event.on >= end) return refuse('period_over', 'on');
  return closed({ ...state, pauses }, 'terminated_early', event.on, reason);
}

function closed(state: Open, outcome: CloseOutcome, on: CalendarDate, reason: string | null) {
  const running = state.phase === 'active' || state.phase === 'paused' ? state : null;
  const next: ClosedCase = {
    phase: 'closed',
    outcome,
    closedOn: on,
    reason,
    referredOn: state.referredOn,
    leadInStartedOn: 'leadInStartedOn' in state ? state.leadInStartedOn : null,
    startDate: running?.startDate ?? null,
    durationMonths: running?.durationMonths ?? null,
    pauses: running?.pauses ?? [],
  };
  return { ok: true as const, state: next };
}

/** The day the case last started running: its start date, or the latest pause's start or end. */
function runningSince(state: RunningCase): CalendarDate {
  const last = state.pauses.at(-1);
  return last?.to ?? last?.from ?? state.startDate;
}

/** Ends the open pause on `on`; null if that would end it before it began. */
function closePause(pauses: readonly Pause[], on: CalendarDate): readonly Pause[] | null {
  const open = pauses.at(-1);
  if (open === undefined || on < open.from) return null;
  return [...pauses.slice(0, -1), { ...open, to: on }];
}

function checkReason(reason: string) {
  const trimmed = reason.trim();
  return trimmed === '' ? refuse('reason_required', 'reason') : trimmed;
}

function refuse(code: CaseErrorCode, field?: CaseTransitionError['field']) {
  const said = message(`case.refused.${code}`);
  return {
    ok: false as const,
    error: field === undefined ? { code, message: said } : { code, message: said, field },
  };
}
