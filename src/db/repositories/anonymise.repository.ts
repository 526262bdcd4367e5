import { sql } from 'kysely';
import type { Tx } from '../client.ts';
import { endSessionsOfUser } from './session.repository.ts';

// The anonymisation of one closed case and, with its last case, of its citizen (spec: Retention): the
// rows that hold the citizen's words, files and identity. Queries only; what replaces what is decided by
// services/privacy/retention.service.ts and domain/retention.ts. The timeline and the plan revisions
// accept these updates only in a transaction that set app.anonymising (setAnonymising).

/** Lets this transaction overwrite the timeline and plan revisions (`on`), or no longer (`off`). */
export async function setAnonymising(tx: Tx, on: boolean): Promise<void> {
  await sql`select set_config('app.anonymising', ${on ? 'on' : 'off'}, true)`.execute(tx);
}

/**
 * Every free-text column of the case's rows: a required one gets `placeholder`, an optional one keeps
 * being empty or gets `placeholder` too (so a rejected request still has a reason, as its CHECK asks).
 */
export async function replaceCaseWords(tx: Tx, caseId: string, placeholder: string): Promise<void> {
  const words = (column: string) =>
    sql<string | null>`case when ${sql.ref(column)} is null then null else ${placeholder} end`;
  await tx
    .updateTable('long_term_goal')
    .set({ description: placeholder })
    .where('case_id', '=', caseId)
    .execute();
  await tx.updateTable('sub_goal').set({ description: placeholder }).where('case_id', '=', caseId).execute();
  await tx
    .updateTable('planned_activity')
    .set({ description: placeholder })
    .where('case_id', '=', caseId)
    .execute();
  await tx.updateTable('idea').set({ text: placeholder }).where('case_id', '=', caseId).execute();
  await tx.updateTable('case_pause').set({ reason: placeholder }).where('case_id', '=', caseId).execute();
  await tx
    .updateTable('support_assignment')
    .set({ reason: words('reason') })
    .where('case_id', '=', caseId)
    .execute();
  await tx
    .updateTable('purchase_request')
    .set({
      title: placeholder,
      purpose: placeholder,
      links: '',
      justification: words('justification'),
      rejection_reason: words('rejection_reason'),
      cancellation_reason: words('cancellation_reason'),
      citizen_decline_reason: words('citizen_decline_reason'),
    })
    .where('case_id', '=', caseId)
    .execute();
  // A posting keeps everything but its note (the ledger's trigger allows nothing else).
  await tx
    .updateTable('ledger_entry')
    .set({ note: null })
    .where('case_id', '=', caseId)
    .where('note', 'is not', null)
    .execute();
  await tx
    .updateTable('data_subject_request')
    .set({ note: null })
    .where('case_id', '=', caseId)
    .where('note', 'is not', null)
    .execute();
}

/**
 * What is deleted outright: the follow-up notes, the attachments (receipts, quotes, invoices), and the
 * link to the case's reference in the municipality's earlier system.
 */
export async function deleteCaseFiles(tx: Tx, caseId: string): Promise<void> {
  await tx.deleteFrom('follow_up_note').where('case_id', '=', caseId).execute();
  await tx
    .deleteFrom('purchase_attachment')
    .where('purchase_request_id', 'in', (eb) =>
      eb.selectFrom('purchase_request').select('id').where('case_id', '=', caseId),
    )
    .execute();
  await tx.deleteFrom('imported_case').where('case_id', '=', caseId).execute();
}

/** The case's rows with a date or structured data to rewrite one by one. */
export async function datedRowsOfCase(tx: Tx, caseId: string) {
  return {
    events: await tx
      .selectFrom('case_event')
      .select(['id', 'event_date', 'data'])
      .where('case_id', '=', caseId)
      .execute(),
    revisions: await tx
      .selectFrom('plan_revision')
      .select(['id', 'before', 'after'])
      .where('case_id', '=', caseId)
      .execute(),
    pauses: await tx
      .selectFrom('case_pause')
      .select(['id', 'from_date', 'to_date'])
      .where('case_id', '=', caseId)
      .execute(),
    assignments: await tx
      .selectFrom('support_assignment')
      .select(['id', 'valid_from', 'valid_to'])
      .where('case_id', '=', caseId)
      .execute(),
    questionnaires: await tx
      .selectFrom('questionnaire_response')
      .select(['id', 'answered_on'])
      .where('case_id', '=', caseId)
      .execute(),
    requests: await tx
      .selectFrom('purchase_request')
      .select(['id', 'citizen_confirmed_on'])
      .where('case_id', '=', caseId)
      .where('citizen_confirmed_on', 'is not', null)
      .execute(),
  };
}

export async function rewriteEvent(
  tx: Tx,
  id: number,
  values: { event_date: string | null; data: string | null },
): Promise<void> {
  await tx
    .updateTable('case_event')
    .set({ ...values, reason: null })
    .where('id', '=', id)
    .execute();
}

export async function rewriteRevision(
  tx: Tx,
  id: number,
  values: { before: string | null; after: string | null },
): Promise<void> {
  await tx.updateTable('plan_revision').set(values).where('id', '=', id).execute();
}

export async function redatePause(tx: Tx, id: string, from: string, to: string | null): Promise<void> {
  await tx.updateTable('case_pause').set({ from_date: from, to_date: to }).where('id', '=', id).execute();
}

export async function redateAssignment(tx: Tx, id: string, from: string, to: string | null): Promise<void> {
  await tx
    .updateTable('support_assignment')
    .set({ valid_from: from, valid_to: to })
    .where('id', '=', id)
    .execute();
}

export async function redateQuestionnaire(tx: Tx, id: string, answeredOn: string): Promise<void> {
  await tx
    .updateTable('questionnaire_response')
    .set({ answered_on: answeredOn })
    .where('id', '=', id)
    .execute();
}

export async function redateConfirmation(tx: Tx, id: string, confirmedOn: string): Promise<void> {
  await tx
    .updateTable('purchase_request')
    .set({ citizen_confirmed_on: confirmedOn })
    .where('id', '=', id)
    .execute();
}

/** The citizen of a case, with the start dates of all their cases and whether another still holds data. */
export async function citizenOfCase(tx: Tx, caseId: string) {
  const citizen = await tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .select(['z.id', 'z.birth_date', 'z.phone', 'z.user_id', 'z.anonymised_at'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const cases = await tx
    .selectFrom('citizen_case')
    .select(['id', 'start_date', 'anonymised_at'])
    .where('citizen_id', '=', citizen.id)
    .execute();
  return {
    ...citizen,
    startDates: cases.flatMap((c) => (c.start_date === null ? [] : [c.start_date])),
    othersWithData: cases.some((c) => c.id !== caseId && c.anonymised_at === null),
  };
}

/**
 * A citizen's log-in made unusable and nameless: no e-mail, number, password or code; deactivated; its
 * sessions ended and its stored command answers gone. Returns the mobile number it had, if any.
 */
export async function anonymiseLogin(tx: Tx, userId: string, name: string, at: Date): Promise<string | null> {
  const user = await tx.selectFrom('app_user').select('phone').where('id', '=', userId).executeTakeFirst();
  await tx
    .updateTable('app_user')
    .set((eb) => ({
      name,
      email: null,
      phone: null,
      password_hash: null,
      reset_code_hash: null,
      reset_code_expires_at: null,
      active: false,
      deactivated_at: eb.fn.coalesce('deactivated_at', sql<Date>`${at}::timestamptz`),
    }))
    .where('id', '=', userId)
    .execute();
  await endSessionsOfUser(tx, userId, at);
  await tx.deleteFrom('idempotency_key').where('user_id', '=', userId).execute();
  return user?.phone ?? null;
}

/** Messages waiting for (or sent to) the citizen's numbers: an SMS names no one but goes to them. */
export async function deleteMessagesTo(tx: Tx, recipients: readonly string[]): Promise<void> {
  if (recipients.length === 0) return;
  await tx.deleteFrom('outbox_message').where('recipient', 'in', recipients).execute();
}
