import type { Tx } from '../../db/client.ts';
import type { CitizenSignInWays } from '../../domain/sign-in.ts';
import { assignmentsOf, latestAcknowledgement } from '../../db/repositories/case-team.repository.ts';
import { eventsOfCase, pausesOf, type CaseRecord } from '../../db/repositories/case.repository.ts';
import { findCitizenById } from '../../db/repositories/citizen.repository.ts';
import { goalsOf, revisionsOf, subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { AcknowledgementMethod, ReferralSource, TargetGroup } from '../../domain/case-intake.ts';
import { leadInOverdue, type CasePhase, type CloseOutcome, type Pause } from '../../domain/case-lifecycle.ts';
import { nextStep, type NextStep } from '../../domain/case-next-step.ts';
import { conditionsOf, type Condition } from '../../domain/conditions.ts';
import type { Education, IncomeSource } from '../../domain/report/scales.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { toCitizenView, type CitizenView } from './citizen-view.ts';
import { caseEventSentence, caseState, loadCase, logAccess, periodOf, today } from './case-record.ts';
import { planSentence } from './plan-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { toProgramme } from './programme.service.ts';

// One case as the case page shows it (spec: Staff pages): the citizen (CPR masked), referral, period,
// intake baseline, support person with history, the conditions acknowledgement, the next step and
// the timeline of every event. Every call is a read of personal data and goes in the access log.

export interface SupportAssignmentView {
  supportUserId: string;
  supportName: string;
  coordinatorUserId: string | null;
  coordinatorName: string | null;
  from: string;
  to: string | null;
  reason: string | null;
}

export interface TimelineEntry {
  at: Date;
  /** The calendar date the event is about, when it has one. */
  date: string | null;
  /** A case event (referred, accepted, paused …) or a plan change ('plan.sub_goal.create' …). */
  type: string;
  /** What happened, in words. */
  sentence: MessageKey;
  actor: { userId: string; name: string | null; role: string | null } | null;
  reason: string | null;
  data: unknown;
}

export interface CaseDetail {
  id: string;
  caseNumber: number;
  municipalityId: number;
  programme: {
    id: string;
    name: string;
    durationMonths: number;
    maxLeadInMonths: number;
    /** The citizen's ways into the portal (spec: Citizen log-in). */
    citizenSignIn: CitizenSignInWays;
  };
  citizen: CitizenView;
  phase: CasePhase;
  closeOutcome: CloseOutcome | null;
  closeReason: string | null;
  closedOn: string | null;
  referral: { source: ReferralSource; reason: string; referredOn: string };
  leadInStartedOn: string | null;
  leadInOverdue: boolean;
  startDate: string | null;
  durationMonths: number | null;
  endDate: string | null;
  /** The period's last day, inclusive: what pages show as its end. */
  lastDay: string | null;
  daysLeft: number | null;
  pauses: Pause[];
  intake: {
    baselineConsent: boolean;
    targetGroups: TargetGroup[];
    incomeSource: IncomeSource | null;
    highestEducation: Education | null;
  };
  support: { current: SupportAssignmentView | null; history: SupportAssignmentView[] };
  conditions: { acknowledgedOn: string; method: AcknowledgementMethod; recordedBy: string } | null;
  nextStep: NextStep;
  timeline: TimelineEntry[];
  /** Processing restricted (GDPR art. 18): the case is read-only (spec: Restriction). */
  restricted: boolean;
}

export interface ConditionsSheet {
  caseNumber: number;
  citizenName: string;
  programmeName: string;
  conditions: Condition[];
  acknowledgement: CaseDetail['conditions'];
}

export function createCaseDetailService(deps: ServiceDeps) {
  const { database, clock } = deps;

  async function read<T>(
    actor: Actor,
    caseId: string,
    purpose: string,
    build: (tx: Tx, row: CaseRecord, on: CalendarDate) => Promise<T>,
  ): Promise<T> {
    authorize(actor, 'case.read');
    const municipalityId = ownMunicipality(actor);
    const at = clock.now();
    return database.transaction({ municipalityId }, async (tx) => {
      const row = await loadCase(tx, actor, 'case.read', caseId);
      const result = await build(tx, row, today(at));
      await logAccess(tx, actor, at, purpose, [
        { caseId: row.id, citizenId: row.citizen_id, municipalityId },
      ]);
      return result;
    });
  }

  return {
    detail(actor: Actor, caseId: string, purpose: string): Promise<CaseDetail> {
      return read(actor, caseId, purpose, (tx, row, on) => buildDetail(tx, row, on));
    },

    /** The printable conditions, generated from the programme's rules (spec: Conditions). */
    conditions(actor: Actor, caseId: string, purpose: string): Promise<ConditionsSheet> {
      return read(actor, caseId, purpose, async (tx, row) => {
        const citizen = await findCitizenById(tx, row.citizen_id);
        const programmeRow = await findProgramme(tx, row.programme_id);
        const ack = await latestAcknowledgement(tx, row.id);
        if (!citizen || !programmeRow) throw new Error('A case lacks its citizen or programme');
        const programme = toProgramme(programmeRow);
        return {
          caseNumber: row.case_number,
          citizenName: citizen.name,
          programmeName: programme.name,
          conditions: conditionsOf(programme.rules),
          acknowledgement: ack ? acknowledgementView(ack) : null,
        };
      });
    },
  };
}

async function buildDetail(tx: Tx, row: CaseRecord, on: CalendarDate): Promise<CaseDetail> {
  const citizen = await findCitizenById(tx, row.citizen_id);
  const programme = await findProgramme(tx, row.programme_id);
  if (!citizen || !programme) throw new Error('A case lacks its citizen or programme');
  const pauseRows = await pausesOf(tx, [row.id]);
  const assignments = await assignmentsOf(tx, row.id);
  const ack = await latestAcknowledgement(tx, row.id);
  const events = await eventsOfCase(tx, row.id);
  const revisions = await revisionsOf(tx, row.id);
  const goals = await goalsOf(tx, row.id);
  const subGoals = (await subGoalsOf(tx, row.id)).filter((s) => s.status !== 'dropped');
  const state = caseState(row, pauseRows);
  const period = periodOf(state, on);
  return {
    id: row.id,
    caseNumber: row.case_number,
    municipalityId: row.municipality_id,
    programme: {
      id: programme.id,
      name: programme.name,
      durationMonths: programme.duration_months,
      maxLeadInMonths: programme.max_lead_in_months,
      citizenSignIn: programme.citizen_sign_in,
    },
    citizen: toCitizenView(citizen, on),
    phase: state.phase,
    closeOutcome: state.phase === 'closed' ? state.outcome : null,
    closeReason: state.phase === 'closed' ? state.reason : null,
    closedOn: state.phase === 'closed' ? state.closedOn : null,
    referral: {
      source: row.referral_source as ReferralSource,
      reason: row.referral_reason,
      referredOn: row.referred_on,
    },
    leadInStartedOn: row.lead_in_started_on,
    leadInOverdue:
      state.phase === 'lead_in' && leadInOverdue(state.leadInStartedOn, programme.max_lead_in_months, on),
    startDate: row.start_date,
    durationMonths: row.duration_months,
    endDate: period?.endDate ?? null,
    lastDay: period?.lastDay ?? null,
    daysLeft: period?.daysLeft ?? null,
    pauses: 'pauses' in state ? [...state.pauses] : [],
    intake: intakeOf(row),
    support: supportOf(assignments),
    conditions: ack ? acknowledgementView(ack) : null,
    nextStep: nextStep({
      phase: state.phase,
      hasSupportPerson: row.support_user_id !== null,
      conditionsAcknowledged: ack !== undefined,
      longTermGoals: goals.length,
      subGoals: subGoals.length,
      daysLeft: period?.daysLeft ?? null,
    }),
    timeline: timelineOf(events, revisions),
    restricted: row.restricted_since !== null,
  };
}

/** The intake baseline as recorded (spec: Intake baseline). */
function intakeOf(row: CaseRecord): CaseDetail['intake'] {
  return {
    baselineConsent: row.baseline_consent,
    targetGroups: row.target_groups as TargetGroup[],
    incomeSource: row.income_source as IncomeSource | null,
    highestEducation: row.highest_education as Education | null,
  };
}

/** The case's current support person and every assignment before (spec: Support assignment). */
function supportOf(assignments: Awaited<ReturnType<typeof assignmentsOf>>) {
  const history = assignments.map((a): SupportAssignmentView => ({
    supportUserId: a.support_user_id,
    supportName: a.support_name,
    coordinatorUserId: a.coordinator_user_id,
    coordinatorName: a.coordinator_name,
    from: a.valid_from,
    to: a.valid_to,
    reason: a.reason,
  }));
  const current = assignments.findIndex((a) => a.ended_at === null);
  return { current: history[current] ?? null, history };
}

/** The case's steps and the plan's revisions, in the order they happened (spec: Timeline). */
function timelineOf(
  events: Awaited<ReturnType<typeof eventsOfCase>>,
  revisions: Awaited<ReturnType<typeof revisionsOf>>,
): TimelineEntry[] {
  return [
    ...events.map((e) => ({
      at: e.occurred_at,
      date: e.event_date,
      type: e.type,
      sentence: caseEventSentence(e.type),
      actor: actorOf(e.actor_user_id, e.actor_name, e.actor_role),
      reason: e.reason,
      data: e.data,
    })),
    ...revisions.map((r) => ({
      at: r.occurred_at,
      date: null,
      type: `plan.${r.entity_type}.${r.change}`,
      sentence: planSentence(r.entity_type, r.change),
      actor: actorOf(r.actor_user_id, r.actor_name, r.actor_role),
      reason: null,
      data: { entityId: r.entity_id },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

function actorOf(userId: string | null, name: string | null, role: string | null) {
  return userId === null ? null : { userId, name, role };
}

function acknowledgementView(ack: { acknowledged_on: string; method: string; recorded_by_name: string }) {
  return {
    acknowledgedOn: ack.acknowledged_on,
    method: ack.method as AcknowledgementMethod,
    recordedBy: ack.recorded_by_name,
  };
}
