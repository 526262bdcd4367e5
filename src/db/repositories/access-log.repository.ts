import type { Insertable } from 'kysely';
import { parameterChunks } from '../chunks.ts';
import type { Tx } from '../client.ts';
import type { AccessLogTable } from '../schema.ts';

/** One row per subject read; many in few statements when a list shows many cases. */
export async function insertAccessLog(tx: Tx, rows: Insertable<AccessLogTable>[]): Promise<void> {
  for (const chunk of parameterChunks(rows)) await tx.insertInto('access_log').values(chunk).execute();
}

/** Who has read a citizen's data, newest first ("Hvem har set mine oplysninger"; spec: Access log). */
export function accessLogOfCitizen(tx: Tx, citizenId: string) {
  return tx
    .selectFrom('access_log as l')
    .innerJoin('app_user as u', 'u.id', 'l.user_id')
    .select([
      'l.occurred_at',
      'l.user_id',
      'u.name as user_name',
      'l.user_role',
      'l.subject_type',
      'l.subject_id',
      'l.case_id',
      'l.purpose',
    ])
    .where('l.citizen_id', '=', citizenId)
    .orderBy('l.id', 'desc')
    .execute();
}
