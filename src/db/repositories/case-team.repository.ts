import type { Insertable } from 'kysely';
import type { Tx } from '../client.ts';
import type { ConditionsAcknowledgementTable, SupportAssignmentTable } from '../schema-cases.ts';

// Who works on a case (support assignments with history) and the conditions acknowledgement.

export function currentAssignment(tx: Tx, caseId: string) {
  return tx
    .selectFrom('support_assignment')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function endAssignment(tx: Tx, id: string, validTo: string, endedAt: Date): Promise<void> {
  await tx
    .updateTable('support_assignment')
    .set({ valid_to: validTo, ended_at: endedAt })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

export async function insertAssignment(tx: Tx, values: Insertable<SupportAssignmentTable>): Promise<void> {
  await tx.insertInto('support_assignment').values(values).execute();
}

export function assignmentsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('support_assignment as a')
    .innerJoin('app_user as su', 'su.id', 'a.support_user_id')
    .leftJoin('app_user as co', 'co.id', 'a.coordinator_user_id')
    .select([
      'a.id',
      'a.support_user_id',
      'su.name as support_name',
      'a.coordinator_user_id',
      'co.name as coordinator_name',
      'a.valid_from',
      'a.valid_to',
      'a.reason',
      'a.assigned_at',
      'a.ended_at',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.assigned_at')
    .execute();
}

/** A staff user of the municipality, to check that a support person or coordinator may be assigned. */
export function staffMember(tx: Tx, userId: string, municipalityId: number) {
  return tx
    .selectFrom('app_user')
    .select(['id', 'name', 'role', 'active'])
    .where('id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function insertAcknowledgement(
  tx: Tx,
  values: Insertable<ConditionsAcknowledgementTable>,
): Promise<void> {
  await tx.insertInto('conditions_acknowledgement').values(values).execute();
}

export function latestAcknowledgement(tx: Tx, caseId: string) {
  return tx
    .selectFrom('conditions_acknowledgement as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select(['a.acknowledged_on', 'a.method', 'a.recorded_by', 'u.name as recorded_by_name', 'a.recorded_at'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.recorded_at', 'desc')
    .orderBy('a.id')
    .limit(1)
    .executeTakeFirst();
}

/** The municipality's active support persons, for choosing one for a case. */
export function activeSupportPersons(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'support')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}
