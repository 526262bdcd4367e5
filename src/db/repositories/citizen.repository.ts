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

/**
 * The cases of the citizens with a CPR number, found by its keyed hashes (one per configured key), in
 * every municipality, the newest first, with the programme's ways into the portal (MitID log-in).
 */
export function casesByCprHashes(tx: Tx, cprHashes: readonly string[]) {
  return tx
    .selectFrom('citizen as z')
    .innerJoin('citizen_case as c', 'c.citizen_id', 'z.id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select(['z.id as citizen_id', 'z.municipality_id', 'c.phase', 'p.citizen_sign_in'])
    .where('z.cpr_hash', 'in', cprHashes)
    .orderBy('c.referred_on', 'desc')
    .orderBy('c.id')
    .execute();
}

/** The phases of a portal user's cases, with their programmes' ways into the portal. */
export function caseWaysOfUser(tx: Tx, userId: string) {
  return tx
    .selectFrom('citizen as z')
    .innerJoin('citizen_case as c', 'c.citizen_id', 'z.id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select(['c.phase', 'p.citizen_sign_in'])
    .where('z.user_id', '=', userId)
    .execute();
}

/** The citizen, locked until the transaction ends: two log-ins at once must not give them two accounts. */
export function lockCitizen(tx: Tx, id: string): Promise<CitizenRow | undefined> {
  return tx.selectFrom('citizen').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
