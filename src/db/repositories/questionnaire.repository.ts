import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type { QuestionnaireResponseTable } from '../schema-questionnaires.ts';

// The questionnaire answers of a case (migration 20261203100000_questionnaires.sql): one row per case
// and instrument. Queries only; validation and who may do what live in questionnaire.service.ts.

export type QuestionnaireRow = Selectable<QuestionnaireResponseTable>;
export type InstrumentColumn = QuestionnaireResponseTable['instrument'];

/** A case's answer sets with the name of who last saved each (null for an import). */
export function questionnairesOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('questionnaire_response as q')
    .leftJoin('app_user as u', 'u.id', 'q.saved_by')
    .selectAll('q')
    .select(['u.name as saved_by_name', 'u.role as saved_by_role'])
    .where('q.case_id', '=', caseId)
    .execute();
}

/** One answer set; `lock` serialises two saves of the same questionnaire. */
export function findQuestionnaire(
  tx: Tx,
  caseId: string,
  instrument: InstrumentColumn,
  lock = false,
): Promise<QuestionnaireRow | undefined> {
  const query = tx
    .selectFrom('questionnaire_response')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('instrument', '=', instrument);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export function insertQuestionnaire(
  tx: Tx,
  values: Insertable<QuestionnaireResponseTable>,
): Promise<QuestionnaireRow> {
  return tx.insertInto('questionnaire_response').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateQuestionnaire(
  tx: Tx,
  id: string,
  values: Updateable<QuestionnaireResponseTable>,
): Promise<QuestionnaireRow> {
  return tx
    .updateTable('questionnaire_response')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The complete answer sets of the given cases (for lists: what is done, so what is overdue). */
export function completedInstrumentsOf(tx: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('questionnaire_response')
    .select(['case_id', 'instrument'])
    .where('case_id', 'in', caseIds)
    .where('completed_at', 'is not', null)
    .execute();
}
