import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../client.ts';
import type { FollowUpNoteTable } from '../schema-cases.ts';

export type NoteRow = Selectable<FollowUpNoteTable>;

export function insertNote(tx: Tx, values: Insertable<FollowUpNoteTable>): Promise<NoteRow> {
  return tx.insertInto('follow_up_note').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Newest first; internal notes only when asked for. */
export function notesOf(tx: Tx, caseId: string, includeInternal: boolean) {
  let query = tx
    .selectFrom('follow_up_note as n')
    .innerJoin('app_user as u', 'u.id', 'n.author_user_id')
    .select([
      'n.id',
      'n.written_on',
      'n.body',
      'n.internal',
      'n.author_user_id',
      'u.name as author_name',
      'u.role as author_role',
      'n.created_at',
    ])
    .where('n.case_id', '=', caseId);
  if (!includeInternal) query = query.where('n.internal', '=', false);
  return query.orderBy('n.written_on', 'desc').orderBy('n.created_at', 'desc').execute();
}
