import type { Tx } from '../../db/client.ts';
import { eventsOfCase, pausesOf } from '../../db/repositories/case.repository.ts';
import { assignmentsOf, latestAcknowledgement } from '../../db/repositories/case-team.repository.ts';
import { findCitizenById, type CitizenRow } from '../../db/repositories/citizen.repository.ts';
import { attachmentsOf, ledgerOf, requestsOfCase } from '../../db/repositories/money.repository.ts';
import { notesOf } from '../../db/repositories/note.repository.ts';
import {
  casesOfPerson,
  countInternalNotes,
  supportPersonsOf,
  vendorNamesOf,
} from '../../db/repositories/personal-data.repository.ts';
import {
  activitiesOf,
  goalsOf,
  ideasOf,
  revisionsOf,
  subGoalsOf,
} from '../../db/repositories/plan.repository.ts';
import { questionnairesOf } from '../../db/repositories/questionnaire.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import type { StoredAnswers } from '../../db/schema-questionnaires.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { formatCpr } from '../../domain/cpr.ts';
import {
  currentInstrument,
  isInstrumentCode,
  type InstrumentCode,
} from '../../domain/questionnaire/instrument.ts';
import type { Role } from '../../domain/roles.ts';
import { recordAudit } from '../audit.service.ts';
import { caseState, periodOf, today } from '../cases/case-record.ts';
import { maskedCprOf } from '../cases/citizen-view.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault } from '../cpr-vault.ts';
import { accessLogEntries, type AccessLogEntry } from './portal-access-log.service.ts';
import { portalRunner } from './portal.service.ts';

// "Mine data" (GDPR art. 15; spec: Mine data): everything the system
// holds about the citizen, gathered from their log-in (never from an id in the request), for the page
// and for the JSON download.
//
// Decisions (docs/decisions/0009-citizen-access-log-and-my-data.md):
// - The CPR number is masked on the page (it is seen over a shoulder, on a shared phone) and given in
//   full in the download: it is the citizen's own number and their own copy.
// - Shared follow-up notes are given in full. Internal notes and the support person's own
//   questionnaires (belief, assessment) are not given by the self-service; the page and the file say
//   how many there are and that the citizen can ask the municipality for them. Art. 15 covers them,
//   but a public authority may withhold some of them (databeskyttelsesloven § 22; internal working
//   documents under the public administration acts), and that weighing is a caseworker's, case by
//   case, not a program's. Saying that they exist keeps the right visible.
// - Where the programme does not show the citizen the grant (`citizenSeesAmount`
//   off; spec: Amount shown to the citizen), the grant postings are left out in the same way, and the file
//   says so.
// - Staff names: a citizen's own support person is named (the citizen knows them); other staff by role
//   (see portal-access-log.service.ts).
// - Reading this yourself is not written to the access log (that log is of staff reads); the download
//   gets an audit entry, without any of its content.

export interface PersonData {
  name: string;
  /** DDMMYY-XXXX: the page's form. */
  maskedCpr: string;
  birthDate: string;
  legalGender: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  /** The e-mail or mobile number the citizen logs in with; null without a log-in. */
  login: string | null;
}

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
  notes: { writtenOn: string; body: string; by: StaffRef }[];
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

export interface PersonalData {
  exportedAt: Date;
  person: PersonData;
  cases: CaseData[];
  accessLog: AccessLogEntry[];
}

type CaseRowOf = Awaited<ReturnType<typeof casesOfPerson>>[number];

function staffRef(
  userId: string | null,
  role: string | null,
  name: string | null,
  named: ReadonlySet<string>,
) {
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

async function ledgerData(tx: Tx, c: CaseRowOf) {
  const rows = await ledgerOf(tx, c.id);
  const requests = await requestsOfCase(tx, c.id);
  const numberOf = new Map(requests.map((r) => [r.id, r.request_number]));
  const hidden = !c.citizen_sees_amount;
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

async function caseData(
  tx: Tx,
  c: CaseRowOf,
  named: ReadonlySet<string>,
  on: CalendarDate,
): Promise<CaseData> {
  // One query after the other: a transaction has one connection.
  const events = await eventsOfCase(tx, c.id);
  const pauses = await pausesOf(tx, [c.id]);
  const assignments = await assignmentsOf(tx, c.id);
  const ack = await latestAcknowledgement(tx, c.id);
  const revisions = await revisionsOf(tx, c.id);
  const ideas = await ideasOf(tx, c.id);
  const notes = await notesOf(tx, c.id, false);
  const internalNotes = await countInternalNotes(tx, c.id);
  const saved = await questionnairesOf(tx, c.id);
  const purchases = await purchasesOf(tx, c.id);
  const period = periodOf(caseState(c, pauses), on);
  const own = saved.filter(
    (q) => isInstrumentCode(q.instrument) && currentInstrument(q.instrument).respondent === 'citizen',
  );
  return {
    caseNumber: c.case_number,
    programme: c.programme_name,
    phase: c.phase,
    referral: { source: c.referral_source, reason: c.referral_reason, referredOn: c.referred_on },
    leadInStartedOn: c.lead_in_started_on,
    startDate: c.start_date,
    durationMonths: c.duration_months,
    endDate: period?.endDate ?? null,
    closed: c.closed_on ? { on: c.closed_on, outcome: c.close_outcome ?? '', reason: c.close_reason } : null,
    intake: {
      consent: c.baseline_consent,
      targetGroups: c.target_groups,
      incomeSource: c.income_source,
      highestEducation: c.highest_education,
    },
    history: events.map((e) => ({
      at: e.occurred_at,
      date: e.event_date,
      type: e.type,
      by: staffRef(e.actor_user_id, e.actor_role, e.actor_name, named),
      reason: e.reason,
    })),
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
    ledger: await ledgerData(tx, c),
    notes: notes.map((n) => ({
      writtenOn: n.written_on,
      body: n.body,
      by: staffRef(n.author_user_id, n.author_role, n.author_name, named),
    })),
    questionnaires: own.map((q) => ({
      instrument: q.instrument,
      version: q.version,
      answers: q.answers,
      answeredOn: q.answered_on,
      completedAt: q.completed_at,
      onBehalf: q.on_behalf,
    })),
    withheld: {
      internalNotes,
      staffQuestionnaires: saved.length - own.length,
      grantHidden: !c.citizen_sees_amount,
    },
  };
}

async function personOf(tx: Tx, citizen: CitizenRow): Promise<PersonData> {
  const user = citizen.user_id ? await findUserById(tx, citizen.user_id) : undefined;
  return {
    name: citizen.name,
    maskedCpr: maskedCprOf(citizen.birth_date),
    birthDate: citizen.birth_date,
    legalGender: citizen.legal_gender,
    phone: citizen.phone,
    email: citizen.email,
    preferredLanguage: citizen.preferred_language,
    login: user?.email ?? user?.phone ?? null,
  };
}

export function createPersonalDataService(deps: ServiceDeps) {
  const withOwnCase = portalRunner(deps);
  const vault = createCprVault(deps.secrets.cpr);

  async function gather(tx: Tx, citizenId: string, at: Date) {
    const citizen = await findCitizenById(tx, citizenId);
    if (!citizen) throw new Error('A case lacks its citizen');
    const cases = await casesOfPerson(tx, citizenId);
    const named = await supportPersonsOf(
      tx,
      cases.map((c) => c.id),
    );
    const data: PersonalData = {
      exportedAt: at,
      person: await personOf(tx, citizen),
      cases: [],
      accessLog: await accessLogEntries(
        tx,
        citizenId,
        cases.map((c) => c.id),
        null,
      ),
    };
    for (const c of cases) data.cases.push(await caseData(tx, c, named, today(at)));
    return { data, citizen };
  }

  return {
    /** Everything held about the citizen, for the page (the CPR number masked). Not logged. */
    async ofMine(actor: Actor): Promise<PersonalData> {
      return withOwnCase(actor, async (tx, row, at) => (await gather(tx, row.citizen_id, at)).data);
    },

    /**
     * The same as a download, with the full CPR number (the citizen's own copy). The download is
     * audited: who, when, of whom — never what it held.
     */
    async exportMine(actor: Actor): Promise<PersonalData & { person: PersonData & { cpr: string } }> {
      return withOwnCase(actor, async (tx, row, at) => {
        const { data, citizen } = await gather(tx, row.citizen_id, at);
        await recordAudit(tx, actor, at, {
          municipalityId: row.municipality_id,
          action: 'personal_data.export',
          entityType: 'citizen',
          entityId: citizen.id,
          after: { cases: data.cases.length, accessLogEntries: data.accessLog.length },
        });
        return { ...data, person: { ...data.person, cpr: formatCpr(vault.decrypt(citizen.cpr_encrypted)) } };
      });
    },
  };
}
