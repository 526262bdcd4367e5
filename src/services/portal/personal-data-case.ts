import type { Tx } from '../../db/client.ts';
import { assignmentsOf, latestAcknowledgement } from '../../db/repositories/case-team.repository.ts';
import { eventsOfCase, pausesOf } from '../../db/repositories/case.repository.ts';
import { attachmentsOf, ledgerOf, requestsOfCase } from '../../db/repositories/money.repository.ts';
import { notesOf } from '../../db/repositories/note.repository.ts';
import {
  casesOfPerson,
  countInternalNotes,
  vendorNamesOf,
} from '../../db/repositories/personal-data.repository.ts';
import {
  activitiesOf,
  goalsOf,
  ideasOf,
  revisionsOf,
  subGoalsOf,
} from '../../db/repositories/plan.repository.ts';
import { questionnairesOf, type QuestionnaireRow } from '../../db/repositories/questionnaire.repository.ts';
import type { StoredAnswers } from '../../db/schema-questionnaires.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import {
  currentInstrument,
  isInstrumentCode,
  type InstrumentCode,
} from '../../domain/questionnaire/instrument.ts';
import type { Role } from '../../domain/roles.ts';
import { caseState, periodOf } from '../cases/case-record.ts';

// One case in the citizen's "Mine data" (spec: Mine data): what personal-data.service.ts gathers for each of
// their cases. The decisions on what is given and what is withheld are described there.

export interface StaffRef {
  role: Role | null;
  /** Only for the citizen's own support person. */
  name: string | null;
}

export interface CaseData {
  caseNumber: number;
  programme: string;
  phase: string;
  referral: { source: string; reason: string; referredOn: string };
  leadInStartedOn: string | null;
  startDate: string | null;
  durationMonths: number | null;
  endDate: string | null;
  /** The period's last day, inclusive: what the page shows as its end. */
  lastDay: string | null;
  closed: { on: string; outcome: string; reason: string | null } | null;
  intake: {
    consent: boolean;
    targetGroups: string[];
    incomeSource: string | null;
    highestEducation: string | null;
  };
  history: { at: Date; date: string | null; type: string; by: StaffRef; reason: string | null }[];
  pauses: { from: string; to: string | null; reason: string }[];
  supportPersons: { name: string; from: string; to: string | null; reason: string | null }[];
  conditions: { acknowledgedOn: string; method: string } | null;
  plan: {
    dream: string;
    goals: { description: string; categories: string[] }[];
    subGoals: {
      description: string;
      status: string;
      activities: { description: string; estimatedCostOre: number | null; category: string | null }[];
    }[];
  };
  planRevisions: {
    at: Date;
    by: StaffRef;
    change: string;
    entityType: string;
    before: unknown;
    after: unknown;
  }[];
  ideas: { text: string; status: string; createdAt: Date }[];
  purchases: {
    number: number;
    title: string;
    purpose: string;
    status: string;
    category: string;
    justification: string | null;
    amountOre: number;
    vendor: string | null;
    paymentMethod: string;
    links: string;
    confirmedOn: string | null;
    confirmedHow: string | null;
    createdAt: Date;
    submittedAt: Date | null;
    decidedAt: Date | null;
    rejectionReason: string | null;
    cancelledAt: Date | null;
    cancellationReason: string | null;
    attachments: { fileName: string; kind: string; uploadedAt: Date }[];
  }[];
  /** The budget's postings; grants left out where the programme hides the amount. */
  ledger: {
    kind: string;
    amountOre: number;
    postedAt: Date;
    paidOn: string | null;
    purchase: number | null;
  }[];
  notes: { writtenOn: string; body: string; internal: boolean; by: StaffRef }[];
  questionnaires: {
    instrument: InstrumentCode;
    version: number;
    answers: StoredAnswers;
    answeredOn: string;
    completedAt: Date | null;
    onBehalf: boolean;
  }[];
  /** What the self-service does not give, by count (see above). */
  withheld: { internalNotes: number; staffQuestionnaires: number; grantHidden: boolean };
}

export type CaseRowOf = Awaited<ReturnType<typeof casesOfPerson>>[number];

/** The staff whose names are given: the citizen's support persons, or everyone (the full copy). */
export type Named = Pick<ReadonlySet<string>, 'has'>;
export const EVERYONE_NAMED: Named = { has: () => true };

export function staffRef(userId: string | null, role: string | null, name: string | null, named: Named) {
  return { role: role as Role | null, name: userId !== null && named.has(userId) ? name : null };
}

async function planOf(tx: Tx, caseId: string, dream: string): Promise<CaseData['plan']> {
  const goals = await goalsOf(tx, caseId);
  const subGoals = await subGoalsOf(tx, caseId);
  const activities = await activitiesOf(tx, caseId);
  return {
    dream,
    goals: goals.map((g) => ({ description: g.description, categories: g.categories })),
    subGoals: subGoals.map((s) => ({
      description: s.description,
      status: s.status,
      activities: activities
        .filter((a) => a.sub_goal_id === s.id)
        .map((a) => ({
          description: a.description,
          estimatedCostOre: a.estimated_cost_ore,
          category: a.expense_category,
        })),
    })),
  };
}

async function purchasesOf(tx: Tx, caseId: string): Promise<CaseData['purchases']> {
  const requests = await requestsOfCase(tx, caseId);
  const attachments = await attachmentsOf(
    tx,
    requests.map((r) => r.id),
  );
  const vendors = await vendorNamesOf(tx, [
    ...new Set(requests.flatMap((r) => (r.vendor_id ? [r.vendor_id] : []))),
  ]);
  return requests.map((r) => ({
    number: r.request_number,
    title: r.title,
    purpose: r.purpose,
    status: r.status,
    category: r.category,
    justification: r.justification,
    amountOre: r.amount_ore,
    vendor: r.vendor_id ? (vendors.get(r.vendor_id) ?? null) : null,
    paymentMethod: r.payment_method,
    links: r.links,
    confirmedOn: r.citizen_confirmed_on,
    confirmedHow: r.citizen_confirmed_how,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    rejectionReason: r.rejection_reason,
    cancelledAt: r.cancelled_at,
    cancellationReason: r.cancellation_reason,
    attachments: attachments
      .filter((a) => a.purchase_request_id === r.id)
      .map((a) => ({ fileName: a.file_name, kind: a.kind, uploadedAt: a.uploaded_at })),
  }));
}

async function ledgerData(tx: Tx, c: CaseRowOf, hidden: boolean) {
  const rows = await ledgerOf(tx, c.id);
  const requests = await requestsOfCase(tx, c.id);
  const numberOf = new Map(requests.map((r) => [r.id, r.request_number]));
  return rows
    .filter((e) => !hidden || (e.kind !== 'grant' && e.kind !== 'return_to_pool'))
    .map((e) => ({
      kind: e.kind,
      amountOre: e.amount_ore,
      postedAt: e.posted_at,
      paidOn: e.paid_on,
      purchase: e.purchase_request_id ? (numberOf.get(e.purchase_request_id) ?? null) : null,
    }));
}

/** What the case is: its number, programme, phase and dates, the referral and the intake baseline. */
function caseFacts(c: CaseRowOf, period: { endDate: string; lastDay: string } | null) {
  return {
    caseNumber: c.case_number,
    programme: c.programme_name,
    phase: c.phase,
    referral: { source: c.referral_source, reason: c.referral_reason, referredOn: c.referred_on },
    leadInStartedOn: c.lead_in_started_on,
    startDate: c.start_date,
    durationMonths: c.duration_months,
    endDate: period?.endDate ?? null,
    lastDay: period?.lastDay ?? null,
    closed: c.closed_on ? { on: c.closed_on, outcome: c.close_outcome ?? '', reason: c.close_reason } : null,
    intake: {
      consent: c.baseline_consent,
      targetGroups: c.target_groups,
      incomeSource: c.income_source,
      highestEducation: c.highest_education,
    },
  };
}

/** The case's dated steps, with who took them. */
function historyOf(events: Awaited<ReturnType<typeof eventsOfCase>>, named: Named): CaseData['history'] {
  return events.map((e) => ({
    at: e.occurred_at,
    date: e.event_date,
    type: e.type,
    by: staffRef(e.actor_user_id, e.actor_role, e.actor_name, named),
    reason: e.reason,
  }));
}

function toQuestionnaire(q: QuestionnaireRow): CaseData['questionnaires'][number] {
  return {
    instrument: q.instrument,
    version: q.version,
    answers: q.answers,
    answeredOn: q.answered_on,
    completedAt: q.completed_at,
    onBehalf: q.on_behalf,
  };
}

/**
 * One case of the citizen. `full` is the coordinator's full copy (spec: Full copy): internal notes, the
 * support person's questionnaires and a hidden grant are given too, and nothing is withheld.
 */
export async function caseData(
  tx: Tx,
  c: CaseRowOf,
  named: Named,
  on: CalendarDate,
  full = false,
): Promise<CaseData> {
  // One query after the other: a transaction has one connection.
  const events = await eventsOfCase(tx, c.id);
  const pauses = await pausesOf(tx, [c.id]);
  const assignments = await assignmentsOf(tx, c.id);
  const ack = await latestAcknowledgement(tx, c.id);
  const revisions = await revisionsOf(tx, c.id);
  const ideas = await ideasOf(tx, c.id);
  const notes = await notesOf(tx, c.id, full);
  const internalNotes = full ? 0 : await countInternalNotes(tx, c.id);
  const saved = await questionnairesOf(tx, c.id);
  const purchases = await purchasesOf(tx, c.id);
  const period = periodOf(caseState(c, pauses), on);
  const own = saved.filter(
    (q) =>
      full || (isInstrumentCode(q.instrument) && currentInstrument(q.instrument).respondent === 'citizen'),
  );
  const grantHidden = !full && !c.citizen_sees_amount;
  return {
    ...caseFacts(c, period),
    history: historyOf(events, named),
    pauses: pauses.map((p) => ({ from: p.from_date, to: p.to_date, reason: p.reason })),
    supportPersons: assignments.map((a) => ({
      name: a.support_name,
      from: a.valid_from,
      to: a.valid_to,
      reason: a.reason,
    })),
    conditions: ack ? { acknowledgedOn: ack.acknowledged_on, method: ack.method } : null,
    plan: await planOf(tx, c.id, c.dream),
    planRevisions: revisions.map((r) => ({
      at: r.occurred_at,
      by: staffRef(r.actor_user_id, r.actor_role, r.actor_name, named),
      change: r.change,
      entityType: r.entity_type,
      before: r.before,
      after: r.after,
    })),
    ideas: ideas.map((i) => ({ text: i.text, status: i.status, createdAt: i.created_at })),
    purchases,
    ledger: await ledgerData(tx, c, grantHidden),
    notes: notes.map((n) => ({
      writtenOn: n.written_on,
      body: n.body,
      internal: n.internal,
      by: staffRef(n.author_user_id, n.author_role, n.author_name, named),
    })),
    questionnaires: own.map(toQuestionnaire),
    withheld: {
      internalNotes,
      staffQuestionnaires: saved.length - own.length,
      grantHidden,
    },
  };
}
