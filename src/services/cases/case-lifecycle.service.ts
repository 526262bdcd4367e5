import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findCitizenById } from '../../db/repositories/citizen.repository.ts';
import { latestAcknowledgement } from '../../db/repositories/case-team.repository.ts';
import {
  findOpenCase,
  insertCase,
  nextCaseNumber,
  pausesOf,
  updateCase,
} from '../../db/repositories/case.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { ReferralSource } from '../../domain/case-intake.ts';
import { transition, type CaseEvent, type CaseState } from '../../domain/case-lifecycle.ts';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import {
  caseState,
  loadCase,
  notInFuture,
  pausesOfState,
  recordCaseEvent,
  refusal,
  savePauses,
  stateColumns,
  today,
  type CaseEventType,
} from './case-record.ts';
import { ActivateInput, DatedInput, DatedReasonInput, PauseInput, ReferInput } from './case.schemas.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { returnUnspentToPool } from '../money/ledger-record.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { message } from '../../i18n/index.ts';

// A case's way from referral to close (spec: Phases): each step checked by the domain's state
// machine (domain/case-lifecycle.ts), stored, put on the case's timeline and in the audit log, in one
// transaction. The functions taking a transaction let a larger use case (an import) compose the steps
// in one transaction of its own; they check access themselves.

const ALREADY_OPEN = message('error.case.alreadyOpen');

export interface CaseStep {
  id: string;
  state: CaseState;
}

export interface Referral {
  citizenId: string;
  programmeId: string;
  source: ReferralSource;
  reason: string;
  referredOn: CalendarDate;
}

/** Registers a referral: a new case in phase `referred` with the next case number. */
async function referCase(tx: Tx, actor: Actor, at: Date, referral: Referral): Promise<CaseStep> {
  const municipalityId = ownMunicipality(actor);
  const citizen = isUuid(referral.citizenId) ? await findCitizenById(tx, referral.citizenId) : undefined;
  if (citizen?.municipality_id !== municipalityId) {
    throw new ValidationFailed({ citizenId: message('field.case.citizenMissing') });
  }
  const programme = isUuid(referral.programmeId) ? await findProgramme(tx, referral.programmeId) : undefined;
  if (programme?.municipality_id !== municipalityId) {
    throw new ValidationFailed({ programmeId: message('field.case.programmeOfMunicipality') });
  }
  notInFuture(referral.referredOn, at, 'referredOn');
  if (await findOpenCase(tx, citizen.id, programme.id)) throw new Conflict(ALREADY_OPEN, 'case_already_open');
  const caseNumber = await nextCaseNumber(tx, municipalityId);
  const row = await insertCase(tx, {
    municipality_id: municipalityId,
    case_number: caseNumber,
    programme_id: programme.id,
    citizen_id: citizen.id,
    phase: 'referred',
    referral_source: referral.source,
    referral_reason: referral.reason,
    referred_on: referral.referredOn,
    lead_in_started_on: null,
    start_date: null,
    duration_months: null,
    close_outcome: null,
    closed_on: null,
    close_reason: null,
    income_source: null,
    highest_education: null,
    created_at: at,
    updated_at: at,
  }).catch((error: unknown) => {
    // Two referrals of the same citizen at once: the partial unique index decides.
    if (isUniqueViolation(error)) throw new Conflict(ALREADY_OPEN, 'case_already_open');
    throw error;
  });
  await recordCaseEvent(tx, actor, at, row, {
    type: 'referred',
    date: referral.referredOn,
    data: { source: referral.source },
  });
  await recordAudit(tx, actor, at, {
    municipalityId,
    action: 'case.refer',
    entityType: 'case',
    entityId: row.id,
    after: {
      caseNumber,
      citizenId: citizen.id,
      programmeId: programme.id,
      phase: 'referred',
      source: referral.source,
      referredOn: referral.referredOn,
    },
  });
  return { id: row.id, state: { phase: 'referred', referredOn: referral.referredOn } };
}

const EVENT_TYPES: Record<CaseEvent['type'], CaseEventType> = {
  start_screening: 'screening_started',
  accept: 'accepted',
  decline: 'declined',
  activate: 'activated',
  pause: 'paused',
  resume: 'resumed',
  complete: 'completed',
  terminate: 'terminated',
};

/** One step of the state machine on a stored case; refused steps change nothing. */
async function transitionCase(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseId: string,
  action: Action,
  event: CaseEvent,
): Promise<CaseStep> {
  const row = await loadCase(tx, actor, action, caseId, true);
  const before = caseState(row, await pausesOf(tx, [row.id]));
  const activating = event.type === 'activate';
  const programme = activating ? await findProgramme(tx, row.programme_id) : undefined;
  const result = transition(before, event, {
    hasSupportPerson: row.support_user_id !== null,
    conditionsAcknowledged: activating && (await latestAcknowledgement(tx, row.id)) !== undefined,
    // Only activation reads the duration: it is taken from the programme then (spec: Activation).
    durationMonths: programme?.duration_months ?? row.duration_months ?? 1,
  });
  if (!result.ok) throw refusal(result.error);
  const after = result.state;
  // A case that had its period gives back what it did not spend (a declined one never had money).
  if (after.phase === 'closed' && (event.type === 'complete' || event.type === 'terminate')) {
    await returnUnspentToPool(tx, actor, at, row);
  }
  await updateCase(tx, row.id, { ...stateColumns(after), updated_at: at });
  await savePauses(tx, row, pausesOfState(before), pausesOfState(after), at);
  await recordCaseEvent(tx, actor, at, row, {
    type: EVENT_TYPES[event.type],
    date: eventDate(event),
    reason: 'reason' in event ? event.reason.trim() : null,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: `case.${event.type === 'start_screening' ? 'startScreening' : event.type}`,
    entityType: 'case',
    entityId: row.id,
    before: { phase: before.phase },
    after: {
      phase: after.phase,
      ...(after.phase === 'closed' ? { outcome: after.outcome } : {}),
      date: eventDate(event),
    },
  });
  return { id: row.id, state: after };
}

function eventDate(event: CaseEvent): CalendarDate | null {
  switch (event.type) {
    case 'start_screening':
      return null;
    case 'activate':
      return event.startDate;
    case 'pause':
      return event.from;
    default:
      return event.on;
  }
}

/** Registers a referral: a new case, referred (spec: Referral). */
async function refer(deps: ServiceDeps, actor: Actor, input: unknown): Promise<CaseStep> {
  const { database, clock } = deps;
  authorize(actor, 'case.refer');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(ReferInput, input);
  const at = clock.now();
  return database.transaction({ municipalityId }, (tx) =>
    referCase(tx, actor, at, { ...v, referredOn: v.referredOn ?? today(at) }),
  );
}

/** One step of a case (spec: Phases). */
function stepper(deps: ServiceDeps) {
  const { database, clock } = deps;
  // Role check first (a refusal is NotFound whatever the input), input next, then one transaction.
  return async function step<S extends z.ZodType>(
    actor: Actor,
    action: Action,
    caseId: string,
    schema: S,
    input: unknown,
    eventOf: (v: z.output<S>, at: Date) => CaseEvent,
  ): Promise<CaseStep> {
    authorize(actor, action);
    const municipalityId = ownMunicipality(actor);
    const v = parseInput(schema, input);
    const at = clock.now();
    const event = eventOf(v, at);
    return database.transaction({ municipalityId }, (tx) =>
      transitionCase(tx, actor, at, caseId, action, event),
    );
  };
}

/** A step's date: today unless given, never in the future. */
function dated(date: CalendarDate | undefined, at: Date, field: string): CalendarDate {
  return notInFuture(date ?? today(at), at, field);
}

export function createCaseLifecycleService(deps: ServiceDeps) {
  const step = stepper(deps);

  return {
    refer: (actor: Actor, input: unknown) => refer(deps, actor, input),

    startScreening(actor: Actor, caseId: string): Promise<CaseStep> {
      return step(actor, 'case.screen', caseId, DatedInput, {}, () => ({ type: 'start_screening' }));
    },

    /** The screening decision "yes": the lead-in starts on the date given. */
    accept(actor: Actor, caseId: string, input: unknown): Promise<CaseStep> {
      return step(actor, 'case.screen', caseId, DatedReasonInput, input, (v, at) => ({
        type: 'accept',
        on: dated(v.date, at, 'date'),
        reason: v.reason,
      }));
    },

    decline(actor: Actor, caseId: string, input: unknown): Promise<CaseStep> {
      return step(actor, 'case.screen', caseId, DatedReasonInput, input, (v, at) => ({
        type: 'decline',
        on: dated(v.date, at, 'date'),
        reason: v.reason,
      }));
    },

    /** Needs a support person and the conditions acknowledged; the period starts on `startDate`. */
    activate(actor: Actor, caseId: string, input: unknown = {}): Promise<CaseStep> {
      return step(actor, 'case.activate', caseId, ActivateInput, input, (v, at) => ({
        type: 'activate',
        startDate: dated(v.startDate, at, 'startDate'),
      }));
    },

    pause(actor: Actor, caseId: string, input: unknown): Promise<CaseStep> {
      return step(actor, 'case.pause', caseId, PauseInput, input, (v, at) => ({
        type: 'pause',
        from: dated(v.from, at, 'from'),
        reason: v.reason,
      }));
    },

    resume(actor: Actor, caseId: string, input: unknown = {}): Promise<CaseStep> {
      return step(actor, 'case.pause', caseId, DatedInput, input, (v, at) => ({
        type: 'resume',
        on: dated(v.date, at, 'date'),
      }));
    },

    complete(actor: Actor, caseId: string, input: unknown = {}): Promise<CaseStep> {
      return step(actor, 'case.close', caseId, DatedInput, input, (v, at) => ({
        type: 'complete',
        on: dated(v.date, at, 'date'),
      }));
    },

    terminate(actor: Actor, caseId: string, input: unknown): Promise<CaseStep> {
      return step(actor, 'case.close', caseId, DatedReasonInput, input, (v, at) => ({
        type: 'terminate',
        on: dated(v.date, at, 'date'),
        reason: v.reason,
      }));
    },
  };
}
