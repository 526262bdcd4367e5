import type { Insertable } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { ExistingCaseRow } from '../../db/repositories/import.repository.ts';
import type { ImportedCaseTable } from '../../db/schema-import.ts';
import type { CaseEventTable, CitizenCaseTable, CitizenTable } from '../../db/schema-cases.ts';
import type { PurchaseRequestTable } from '../../db/schema-money.ts';
import type { QuestionnaireResponseTable } from '../../db/schema-questionnaires.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { CaseEvent } from '../../domain/case-lifecycle.ts';
import { cprBirthDate, cprGender } from '../../domain/cpr.ts';
import type {
  ImportContext,
  ImportPlan,
  PlannedCase,
  PlannedPayment,
} from '../../domain/import/import-model.ts';
import { stateColumns, type CaseEventType } from '../cases/case-record.ts';
import type { Actor } from '../context.ts';
import type { CprVault } from '../cpr-vault.ts';
import type { CasePosting, LedgerCase, Posting } from '../money/ledger-record.ts';

// The rows an import plan becomes (import.service.ts writes them a table at a time, and posts the
// postings through the ledger's posting function). Who the payments are from and by: import-payers.ts.

export interface ImportedCaseView {
  caseRef: string;
  caseId: string;
  caseNumber: number;
  municipalityId: number;
}

/** What the import read of the database: the context the plan was checked against, and the rows it adds to. */
export interface World {
  context: ImportContext;
  /** Existing citizens by `${municipalityId}:${cprHash}`, the hash under the first CPR key. */
  citizens: Map<string, string>;
  /** Cases in the database the import adds to, by id. */
  existing: Map<string, ExistingCaseRow>;
}

export interface Writer {
  actor: Actor | null;
  at: Date;
  vault: CprVault;
  world: World;
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

function eventDate(step: CaseEvent): CalendarDate | null {
  switch (step.type) {
    case 'start_screening':
      return null;
    case 'activate':
      return step.startDate;
    case 'pause':
      return step.from;
    default:
      return step.on;
  }
}

/**
 * Citizens (a citizen already registered in the municipality is reused; the files carry no name, so
 * a new citizen is called "Importeret borger (case_ref)" until someone writes the real name), cases
 * with their numbers, the case_ref of each, and each case's timeline from referral to its status.
 */
export function caseRows(
  w: Writer,
  plan: ImportPlan,
  programmes: ReadonlyMap<number, string>,
  firstNumbers: ReadonlyMap<number, number>,
) {
  const { actor, at, vault } = w;
  const citizens: Insertable<CitizenTable>[] = [];
  const cases: Insertable<CitizenCaseTable>[] = [];
  const imported: Insertable<ImportedCaseTable>[] = [];
  const events: Insertable<CaseEventTable>[] = [];
  const created: ImportedCaseView[] = [];
  const citizenIds = new Map(w.world.citizens);
  const next = new Map(firstNumbers);
  for (const c of plan.cases) {
    const hash = vault.lookupHash(c.cpr);
    const key = `${c.municipalityId}:${hash}`;
    let citizenId = citizenIds.get(key);
    if (citizenId === undefined) {
      citizenId = randomUUID();
      citizenIds.set(key, citizenId);
      citizens.push(citizenRow(w, c, citizenId, hash));
    }
    const caseId = randomUUID();
    const caseNumber = next.get(c.municipalityId) ?? 1;
    next.set(c.municipalityId, caseNumber + 1);
    const programmeId = programmes.get(c.municipalityId) ?? '';
    cases.push(caseRow(w, c, { caseId, caseNumber, citizenId, programmeId }));
    imported.push({
      case_id: caseId,
      municipality_id: c.municipalityId,
      case_ref: c.caseRef,
      imported_at: at,
      imported_by: actor?.userId ?? null,
    });
    events.push(...timelineRows(w, c, caseId));
    created.push({ caseRef: c.caseRef, caseId, caseNumber, municipalityId: c.municipalityId });
  }
  return { citizens, cases, imported, events, created };
}

function citizenRow(w: Writer, c: PlannedCase, citizenId: string, hash: string): Insertable<CitizenTable> {
  const { at, vault } = w;
  return {
    id: citizenId,
    municipality_id: c.municipalityId,
    cpr_encrypted: vault.encrypt(c.cpr),
    cpr_hash: hash,
    birth_date: cprBirthDate(c.cpr),
    legal_gender: cprGender(c.cpr),
    name: `Importeret borger (${c.caseRef})`,
    phone: null,
    email: null,
    preferred_language: 'da',
    user_id: null,
    created_at: at,
    updated_at: at,
  };
}

function caseRow(
  w: Writer,
  c: PlannedCase,
  ids: { caseId: string; caseNumber: number; citizenId: string; programmeId: string },
): Insertable<CitizenCaseTable> {
  const { at } = w;
  const recorded = c.education !== null || c.incomeSource !== null;
  return {
    id: ids.caseId,
    municipality_id: c.municipalityId,
    case_number: ids.caseNumber,
    programme_id: ids.programmeId,
    citizen_id: ids.citizenId,
    ...stateColumns(c.state),
    referral_source: 'other',
    referral_reason: `Importeret fra tidligere data (sagsreference ${c.caseRef}).`,
    referred_on: c.referredOn,
    // The files' education and income source were recorded with the citizen's consent where they came from.
    baseline_consent: recorded,
    income_source: c.incomeSource,
    highest_education: c.education,
    created_at: at,
    updated_at: at,
  };
}

/** The case's timeline, from the referral to its status. */
function timelineRows(w: Writer, c: PlannedCase, caseId: string): Insertable<CaseEventTable>[] {
  const { actor, at } = w;
  const rows: Insertable<CaseEventTable>[] = [];
  const event = (type: CaseEventType, date: CalendarDate | null, reason: string | null, data?: object) =>
    rows.push({
      municipality_id: c.municipalityId,
      case_id: caseId,
      occurred_at: at,
      event_date: date,
      type,
      actor_user_id: actor?.userId ?? null,
      actor_role: actor?.role ?? null,
      reason,
      data: data === undefined ? null : JSON.stringify(data),
    });
  event('referred', c.referredOn, null, { source: 'other', imported: true, caseRef: c.caseRef });
  for (const step of c.steps) {
    event(EVENT_TYPES[step.type], eventDate(step), 'reason' in step ? step.reason.trim() : null);
  }
  return rows;
}

/** One answer set per case and instrument; complete when every item is answered. */
export function questionnaireRows(
  w: Writer,
  plan: ImportPlan,
  caseIds: ReadonlyMap<string, string>,
): Insertable<QuestionnaireResponseTable>[] {
  return plan.questionnaires.map((q) => ({
    municipality_id: q.municipalityId,
    case_id: 'caseId' in q.target ? q.target.caseId : (caseIds.get(q.target.caseRef) ?? ''),
    instrument: q.instrument,
    version: q.version,
    answers: JSON.stringify(q.answers),
    answered_on: q.answeredOn,
    on_behalf: false,
    // The schema's convention for an import: nobody in this system saved it.
    saved_by: null,
    created_at: w.at,
    updated_at: w.at,
    completed_at: q.complete ? w.at : null,
  }));
}

/** Who the imported payments of a municipality are from (the vendor) and by (the user). */
export interface Payer {
  vendorId: string;
  userId: string;
}

/**
 * The import's postings in the plan's order — each new case's grant, payments and return to the pool,
 * then payments to cases imported before — with a paid purchase request for each payment.
 */
export function ledgerRows(
  w: Writer,
  plan: ImportPlan,
  caseIds: ReadonlyMap<string, string>,
  programmes: ReadonlyMap<number, string>,
  payers: ReadonlyMap<number, Payer>,
): { requests: Insertable<PurchaseRequestTable>[]; postings: CasePosting[] } {
  const { requests, pay } = paidRequests(w, payers);
  const postings: CasePosting[] = [];
  for (const c of plan.cases) {
    const caseRow = {
      id: caseIds.get(c.caseRef) ?? '',
      municipality_id: c.municipalityId,
      programme_id: programmes.get(c.municipalityId) ?? '',
    };
    for (const p of c.ledger) {
      const posting: Posting =
        p.kind === 'payment'
          ? pay(caseRow, p.payment)
          : { kind: p.kind, amount: p.amount, note: p.kind === 'grant' ? 'Importeret bevilling.' : null };
      postings.push({ caseRow, posting });
    }
  }
  for (const p of plan.paymentsToExisting) {
    const row = 'caseId' in p.target ? w.world.existing.get(p.target.caseId) : undefined;
    if (!row) throw new Error('An existing case went missing');
    const caseRow = { id: row.case_id, municipality_id: row.municipality_id, programme_id: row.programme_id };
    postings.push({ caseRow, posting: pay(caseRow, p) });
  }
  return { requests, postings };
}

/** A paid purchase request for each imported payment, numbered on from the case's last request. */
function paidRequests(w: Writer, payers: ReadonlyMap<number, Payer>) {
  const { at } = w;
  const requests: Insertable<PurchaseRequestTable>[] = [];
  const nextNumber = new Map<string, number>();
  const pay = (caseRow: LedgerCase, p: PlannedPayment): Posting => {
    const payer = payers.get(caseRow.municipality_id);
    if (!payer) throw new Error('A payment has no payer');
    const number = nextNumber.get(caseRow.id) ?? w.world.existing.get(caseRow.id)?.next_request ?? 1;
    nextNumber.set(caseRow.id, number + 1);
    const id = randomUUID();
    requests.push({
      id,
      municipality_id: caseRow.municipality_id,
      case_id: caseRow.id,
      request_number: number,
      status: 'paid',
      title: p.description,
      purpose: 'Importeret fra tidligere data.',
      category: p.category,
      amount_ore: p.amount,
      vendor_id: p.method === 'direct_to_citizen' ? null : payer.vendorId,
      payment_method: p.method,
      links: '',
      created_by: payer.userId,
      created_at: at,
      submitted_by: payer.userId,
      submitted_at: at,
      decided_by: payer.userId,
      decided_at: at,
      updated_at: at,
    });
    // A payment of history: nothing was reserved for it here, so it settles nothing (domain/ledger.ts).
    return {
      kind: 'payment',
      amount: p.amount,
      settles: 0,
      purchaseRequestId: id,
      paymentMethod: p.method,
      paidOn: p.paidOn,
      reference: 'Importeret',
    };
  };
  return { requests, pay };
}
