import { oreToKrNumber } from '../../domain/money.ts';
import type { CaseDetail, ConditionsSheet, TimelineEntry } from '../../services/cases/case-detail.service.ts';
import type { CaseStep } from '../../services/cases/case-lifecycle.service.ts';
import type { CaseListItem, CaseOverview } from '../../services/cases/case-list.service.ts';
import type { CitizenView } from '../../services/cases/citizen-view.ts';
import type { CitizenWithCases } from '../../services/cases/citizen.service.ts';
import type { NoteView } from '../../services/cases/note.service.ts';
import type { PlanRevisionView, PlanView } from '../../services/cases/plan.service.ts';
import { translate, translator } from '../../i18n/index.ts';
import { pagingJson } from './serializers.ts';

// The JSON shapes of citizens, cases, plans and notes (spec: JSON API). The CPR number only ever appears
// masked (`DDMMYY-XXXX`); amounts are kroner as numbers, named …Kr; instants are ISO 8601 strings.

export function citizenJson(c: CitizenView) {
  return {
    id: c.id,
    name: c.name,
    maskedCpr: c.maskedCpr,
    birthDate: c.birthDate,
    age: c.age,
    legalGender: c.legalGender,
    phone: c.phone,
    email: c.email,
    preferredLanguage: c.preferredLanguage,
    hasPortalLogin: c.hasPortalLogin,
  };
}

export function citizenWithCasesJson(v: CitizenWithCases) {
  return {
    citizen: citizenJson(v.citizen),
    cases: v.cases.map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      programmeName: c.programmeName,
      phase: c.phase,
      closeOutcome: c.closeOutcome,
      referredOn: c.referredOn,
    })),
  };
}

/** The answer to a lifecycle step: the case's id and its state after the step. */
export function caseStepJson(s: CaseStep) {
  return { id: s.id, state: s.state };
}

export function caseListItemJson(i: CaseListItem) {
  return {
    id: i.id,
    caseNumber: i.caseNumber,
    citizenName: i.citizenName,
    programmeName: i.programmeName,
    phase: i.phase,
    closeOutcome: i.closeOutcome,
    referredOn: i.referredOn,
    leadInStartedOn: i.leadInStartedOn,
    startDate: i.startDate,
    endDate: i.endDate,
    daysLeft: i.daysLeft,
    leadInOverdue: i.leadInOverdue,
    support: i.support,
    nextStep: i.nextStep,
    overdueQuestionnaires: i.overdueQuestionnaires,
  };
}

export function caseOverviewJson(o: CaseOverview) {
  return { items: o.items.map(caseListItemJson), countsByPhase: o.countsByPhase, paging: pagingJson(o) };
}

function timelineJson(e: TimelineEntry) {
  return {
    at: e.at.toISOString(),
    date: e.date,
    type: e.type,
    actor: e.actor,
    reason: e.reason,
    data: e.data,
  };
}

export function caseDetailJson(d: CaseDetail) {
  return {
    id: d.id,
    caseNumber: d.caseNumber,
    municipality: d.municipalityId,
    programme: d.programme,
    citizen: citizenJson(d.citizen),
    phase: d.phase,
    closeOutcome: d.closeOutcome,
    closeReason: d.closeReason,
    closedOn: d.closedOn,
    referral: d.referral,
    leadInStartedOn: d.leadInStartedOn,
    leadInOverdue: d.leadInOverdue,
    startDate: d.startDate,
    durationMonths: d.durationMonths,
    endDate: d.endDate,
    daysLeft: d.daysLeft,
    pauses: d.pauses,
    intake: d.intake,
    support: d.support,
    conditions: d.conditions,
    nextStep: d.nextStep,
    timeline: d.timeline.map(timelineJson),
  };
}

const DANISH = translator('da');

export function conditionsJson(s: ConditionsSheet) {
  return {
    caseNumber: s.caseNumber,
    citizenName: s.citizenName,
    programmeName: s.programmeName,
    // In plain Danish, as the printed sheet (spec: Conditions).
    conditions: s.conditions.map((c) => ({ code: c.code, text: translate(DANISH, c.text) })),
    acknowledgement: s.acknowledgement,
  };
}

export function planJson(p: PlanView) {
  return {
    caseId: p.caseId,
    editable: p.editable,
    dream: p.dream,
    goals: p.goals,
    subGoals: p.subGoals.map((s) => ({
      id: s.id,
      description: s.description,
      status: s.status,
      longTermGoalId: s.longTermGoalId,
      activities: s.activities.map((a) => ({
        id: a.id,
        description: a.description,
        estimatedCostKr: a.estimatedCost === null ? null : oreToKrNumber(a.estimatedCost),
        expenseCategory: a.expenseCategory,
      })),
    })),
    ideas: p.ideas,
    activeSubGoals: p.activeSubGoals,
    maxSubGoals: p.maxSubGoals,
    estimatedTotalKr: oreToKrNumber(p.estimatedTotal),
  };
}

export function planRevisionJson(r: PlanRevisionView) {
  return {
    at: r.at.toISOString(),
    actor: r.actor,
    entityType: r.entityType,
    entityId: r.entityId,
    change: r.change,
  };
}

export function noteJson(n: NoteView) {
  return {
    id: n.id,
    writtenOn: n.writtenOn,
    body: n.body,
    internal: n.internal,
    author: n.author,
    createdAt: n.createdAt.toISOString(),
  };
}
