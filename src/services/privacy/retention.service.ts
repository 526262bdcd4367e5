import type { Tx } from '../../db/client.ts';
import {
  anonymiseLogin,
  citizenOfCase,
  datedRowsOfCase,
  deleteCaseFiles,
  deleteMessagesTo,
  redateAssignment,
  redateConfirmation,
  redatePause,
  redateQuestionnaire,
  replaceCaseWords,
  rewriteEvent,
  rewriteRevision,
  setAnonymising,
} from '../../db/repositories/anonymise.repository.ts';
import { findCase, updateCase, type CaseRow } from '../../db/repositories/case.repository.ts';
import { updateCitizen } from '../../db/repositories/citizen.repository.ts';
import {
  closedCasesWithPersonalData,
  lastRunOf,
  markJobRun,
  retentionOfCase,
  tryJobLock,
} from '../../db/repositories/retention.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import {
  ANONYMISED_TEXT,
  anonymisationRefusal,
  anonymousBirthDate,
  caseEventCodes,
  monthOf,
  monthOfOptional,
  onlyKeys,
  type AnonymisationCause,
} from '../../domain/retention.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import { PLAN_CODES } from '../cases/plan-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createLegalHold } from './legal-hold.ts';
import { factsOf, retentionEntry, type RetentionEntry } from './retention-entry.ts';

// Retention (spec: Retention): a closed case keeps its personal data for the programme's retention
// period, then loses it — the citizen's words, files and identity — while every figure of the evaluation
// report stays. The daily job anonymises what is due; an erasure on request (data-subject.service.ts)
// takes the same path, anonymiseCase, inside its own command.

export interface RetentionPlan {
  /** The day the plan is for (Danish date). */
  asOf: CalendarDate;
  cases: RetentionEntry[];
}

export interface RetentionRun {
  /** False when the job had already run within the day, or another process was starting it. */
  ran: boolean;
  anonymised: number;
  /** Cases that could not be anonymised; they are tried again at the next run. */
  failed: number;
}

const JOB = 'retention';
/** The job's advisory lock: one process at a time decides whether today's run is theirs. */
const JOB_LOCK = 7_243_102;
/** The hourly jobs call the job; it runs when its last run is this long ago: once a day. */
const RUN_AGAIN_AFTER_MS = 23 * 3_600_000;

/**
 * Anonymises one closed case (spec: Retention): the citizen's words and files go, dates the report does
 * not need to the day become the first of their month, and — with the citizen's last case that still
 * held data — the citizen's identity and log-in go too. Amounts, phases, codes, scored answers and ids
 * stay, so the evaluation report does not move; the audit and access logs are not touched. One audit
 * event, ids and cause only. Runs in the caller's transaction, which has checked the actor's right
 * (the job has no actor); refuses with a Conflict a case that is open, already anonymised, under a
 * legal hold or — by retention — restricted or not yet due.
 */
export async function anonymiseCase(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  caseId: string,
  cause: AnonymisationCause,
): Promise<void> {
  const facts = await retentionOfCase(tx, caseId, true);
  const row = facts && (await findCase(tx, caseId));
  if (!facts || !row) throw new NotFound();
  const refused = anonymisationRefusal(factsOf(facts), cause, today(at));
  if (refused) throw new Conflict(refused.message, refused.code);
  await setAnonymising(tx, true);
  await anonymiseCaseRows(tx, row, at);
  const citizen = await anonymiseCitizenWithLastCase(tx, caseId, at);
  await setAnonymising(tx, false);
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'case.anonymise',
    entityType: 'case',
    entityId: caseId,
    after: { cause, citizenId: citizen.id, citizenAnonymised: citizen.anonymised },
  });
}

/** The case's own rows: words replaced, files deleted, dates rounded, codes kept. */
async function anonymiseCaseRows(tx: Tx, row: CaseRow, at: Date): Promise<void> {
  await updateCase(tx, row.id, {
    referral_reason: ANONYMISED_TEXT,
    close_reason: row.close_reason === null ? null : ANONYMISED_TEXT,
    dream: '',
    referred_on: monthOf(row.referred_on as CalendarDate),
    lead_in_started_on: monthOfOptional(row.lead_in_started_on),
    closed_on: monthOfOptional(row.closed_on),
    restriction_reason: null,
    restricted_since: null,
    anonymised_at: at,
    updated_at: at,
  });
  await replaceCaseWords(tx, row.id, ANONYMISED_TEXT);
  await deleteCaseFiles(tx, row.id);
  const dated = await datedRowsOfCase(tx, row.id);
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  for (const e of dated.events) {
    await rewriteEvent(tx, e.id, {
      event_date: monthOfOptional(e.event_date),
      data: json(caseEventCodes(e.data)),
    });
  }
  for (const r of dated.revisions) {
    await rewriteRevision(tx, r.id, {
      before: json(onlyKeys(r.before, PLAN_CODES)),
      after: json(onlyKeys(r.after, PLAN_CODES)),
    });
  }
  for (const p of dated.pauses) {
    await redatePause(tx, p.id, monthOf(p.from_date as CalendarDate), monthOfOptional(p.to_date));
  }
  for (const a of dated.assignments) {
    await redateAssignment(tx, a.id, monthOf(a.valid_from as CalendarDate), monthOfOptional(a.valid_to));
  }
  for (const q of dated.questionnaires) {
    await redateQuestionnaire(tx, q.id, monthOf(q.answered_on as CalendarDate));
  }
  for (const r of dated.requests) {
    if (r.citizen_confirmed_on !== null) {
      await redateConfirmation(tx, r.id, monthOf(r.citizen_confirmed_on as CalendarDate));
    }
  }
}

/**
 * The citizen loses name, CPR number, contact details and log-in with their last case that still held
 * data; while another case holds data, the person is still known there and keeps them. The birth date
 * becomes one that keeps the age at the start of each case (the report's ages).
 */
async function anonymiseCitizenWithLastCase(
  tx: Tx,
  caseId: string,
  at: Date,
): Promise<{ id: string; anonymised: boolean }> {
  const citizen = await citizenOfCase(tx, caseId);
  if (citizen.othersWithData || citizen.anonymised_at !== null) return { id: citizen.id, anonymised: false };
  await updateCitizen(tx, citizen.id, {
    name: ANONYMISED_TEXT,
    cpr_encrypted: null,
    cpr_hash: null,
    phone: null,
    email: null,
    preferred_language: 'da',
    birth_date: anonymousBirthDate(citizen.birth_date as CalendarDate, citizen.startDates as CalendarDate[]),
    anonymised_at: at,
    updated_at: at,
  });
  const loginPhone = citizen.user_id ? await anonymiseLogin(tx, citizen.user_id, ANONYMISED_TEXT, at) : null;
  await deleteMessagesTo(
    tx,
    [citizen.phone, loginPhone].filter((p): p is string => p !== null),
  );
  return { id: citizen.id, anonymised: true };
}

export function createRetentionService(deps: ServiceDeps) {
  const { database, clock } = deps;

  /** Every closed case that still holds personal data, across municipalities (the operator's view). */
  async function plan(at: Date = clock.now()): Promise<RetentionPlan> {
    const asOf = today(at);
    const rows = await database.transaction('all', (tx) => closedCasesWithPersonalData(tx));
    return { asOf, cases: rows.map((row) => retentionEntry(row, asOf)) };
  }

  /**
   * Anonymises every due case, each in its own transaction, so one that fails leaves the others done.
   * Whether this process runs it is decided in one short transaction under an advisory lock: the
   * daily job only when it last ran 23 hours ago or more; `force` (the command line) whenever no
   * other process is deciding at that moment. Either way the run is recorded as the last.
   */
  async function run(force: boolean): Promise<RetentionRun> {
    const at = clock.now();
    const claimed = await database.transaction('all', async (tx) => {
      if (!(await tryJobLock(tx, JOB_LOCK))) return false;
      const last = await lastRunOf(tx, JOB);
      if (!force && last !== undefined && at.getTime() - last.getTime() < RUN_AGAIN_AFTER_MS) return false;
      await markJobRun(tx, JOB, at);
      return true;
    });
    if (!claimed) return { ran: false, anonymised: 0, failed: 0 };
    const due = (await plan(at)).cases.filter((c) => c.due);
    let anonymised = 0;
    let failed = 0;
    for (const c of due) {
      try {
        await database.transaction({ municipalityId: c.municipalityId }, (tx) =>
          anonymiseCase(tx, null, at, c.caseId, 'retention'),
        );
        anonymised += 1;
      } catch (error) {
        // A Conflict: another run or an erasure got there first, or a hold came meanwhile. Anything
        // else is counted and left for the next run; its message may hold data, so it is not kept.
        if (!(error instanceof Conflict)) failed += 1;
      }
    }
    return { ran: true, anonymised, failed };
  }

  return {
    plan,
    /** The cases the next run anonymises. */
    due: async (at: Date = clock.now()): Promise<RetentionEntry[]> =>
      (await plan(at)).cases.filter((c) => c.due),
    /** The daily job: at most once a day across processes (called by the hourly jobs). */
    runDue: () => run(false),
    /** `borgerbudget retention`: the due cases now. */
    runNow: () => run(true),
    ...createLegalHold(deps),
  };
}
