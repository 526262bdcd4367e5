import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../client.ts';
import type { CitizenTable } from '../schema-cases.ts';

export type CitizenRow = Selectable<CitizenTable>;

export function insertCitizen(tx: Tx, values: Insertable<CitizenTable>): Promise<CitizenRow> {
  return tx.insertInto('citizen').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findCitizenById(tx: Tx, id: string): Promise<CitizenRow | undefined> {
  return tx.selectFrom('citizen').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By the keyed hashes of the CPR number (one per configured key), within one municipality. */
export function findCitizenByCprHashes(
  tx: Tx,
  municipalityId: number,
  cprHashes: readonly string[],
): Promise<CitizenRow | undefined> {
  return tx
    .selectFrom('citizen')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('cpr_hash', 'in', cprHashes)
    .executeTakeFirst();
}

export async function updateCitizen(tx: Tx, id: string, values: Updateable<CitizenTable>): Promise<void> {
  await tx.updateTable('citizen').set(values).where('id', '=', id).execute();
}

/** The citizen's cases with what the access check needs: the current support person. */
export function casesOfCitizen(tx: Tx, citizenId: string) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .leftJoin('support_assignment as s', (join) =>
      join.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.municipality_id',
      'c.programme_id',
      'p.name as programme_name',
      'c.phase',
      'c.close_outcome',
      'c.referred_on',
      's.support_user_id',
    ])
    .where('c.citizen_id', '=', citizenId)
    .orderBy('c.referred_on', 'desc')
    .execute();
}
