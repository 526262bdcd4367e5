import { sql, type Insertable } from 'kysely';
import type { Tx } from '../client.ts';
import type { DataSubjectRequestTable } from '../schema-cases.ts';

// The citizen's requests about their data (services/privacy/data-subject.service.ts): the requests
// handled, and what the full copy reads beyond the other repositories. Queries only.

export async function insertDataSubjectRequest(
  tx: Tx,
  values: Insertable<DataSubjectRequestTable>,
): Promise<string> {
  const row = await tx
    .insertInto('data_subject_request')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The requests handled on the given cases, newest first, with who handled them. */
export async function requestsOfCases(tx: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return tx
    .selectFrom('data_subject_request as d')
    .innerJoin('citizen_case as c', 'c.id', 'd.case_id')
    .leftJoin('app_user as u', 'u.id', 'd.handled_by')
    .select([
      'd.id',
      'd.kind',
      'd.note',
      'd.handled_at',
      'd.handled_by',
      'u.name as handled_by_name',
      'u.role as handled_by_role',
      'c.case_number',
    ])
    .where('d.case_id', 'in', caseIds)
    .orderBy('d.handled_at', 'desc')
    .orderBy('d.id')
    .execute();
}

/**
 * The audit events about a citizen and their cases, oldest first: the events whose entity is the
 * citizen, a case, or a thing of a case (a note, a goal, a request, a posting, a voucher …), and the plan
 * changes, which name their case in `after`.
 */
export function auditEventsAbout(tx: Tx, municipalityId: number, citizenId: string, caseIds: string[]) {
  const cases = sql.join(caseIds);
  const idsOf = (table: ThingTable) =>
    sql<string>`(select id::text from ${sql.table(table)} where case_id in (${cases}))`;
  const attachmentIds = sql<string>`(select a.id::text from purchase_attachment a
    join purchase_request r on r.id = a.purchase_request_id where r.case_id in (${cases}))`;
  return tx
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.occurred_at',
      'e.actor_user_id',
      'e.actor_role',
      'u.name as actor_name',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.before',
      'e.after',
    ])
    .where('e.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb('e.entity_id', '=', citizenId),
        eb('e.entity_id', 'in', caseIds),
        ...THING_TABLES.map((table) => eb('e.entity_id', 'in', idsOf(table))),
        eb('e.entity_id', 'in', attachmentIds),
        eb(sql<string>`e.after->>'caseId'`, 'in', caseIds),
      ]),
    )
    .orderBy('e.id')
    .execute();
}

const THING_TABLES = [
  'follow_up_note',
  'long_term_goal',
  'sub_goal',
  'planned_activity',
  'idea',
  'purchase_request',
  'ledger_entry',
  'voucher',
  'questionnaire_response',
] as const;
type ThingTable = (typeof THING_TABLES)[number];

export async function setRestriction(
  tx: Tx,
  caseId: string,
  restriction: { reason: string; since: Date } | null,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('citizen_case')
    .set({
      restriction_reason: restriction?.reason ?? null,
      restricted_since: restriction?.since ?? null,
      updated_at: at,
    })
    .where('id', '=', caseId)
    .execute();
}
