import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ChangeAssuranceLevel } from '../../domain/sign-in.ts';
import type { Tx } from '../client.ts';
import type { ProgrammeTable } from '../schema.ts';

export type ProgrammeRow = Selectable<ProgrammeTable>;

export function listProgrammes(tx: Tx, municipalityId: number): Promise<ProgrammeRow[]> {
  return tx
    .selectFrom('programme')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findProgramme(tx: Tx, id: string, lock = false): Promise<ProgrammeRow | undefined> {
  const query = tx.selectFrom('programme').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function updateProgramme(tx: Tx, id: string, values: Updateable<ProgrammeTable>): Promise<void> {
  await tx.updateTable('programme').set(values).where('id', '=', id).execute();
}

/** A new programme with the given rules' defaults; the name can be changed afterwards. */
export async function insertDefaultProgramme(
  tx: Tx,
  municipalityId: number,
  rules: { categoryRules: unknown },
  values: Partial<Insertable<ProgrammeTable>> = {},
): Promise<string> {
  const row = await tx
    .insertInto('programme')
    .values({
      municipality_id: municipalityId,
      name: 'Personlige borgerstyrede budgetter',
      category_rules: JSON.stringify(rules.categoryRules),
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every programme's name and municipality, for the general privacy notice (scope 'all'). */
export function programmeNames(tx: Tx) {
  return tx
    .selectFrom('programme')
    .select(['municipality_id', 'name'])
    .orderBy('municipality_id')
    .orderBy('created_at')
    .execute();
}

/** The level a municipality asks for before money or personal data is changed: its strictest programme's. */
export async function changeAssuranceOf(tx: Tx, municipalityId: number): Promise<ChangeAssuranceLevel> {
  const row = await tx
    .selectFrom('programme')
    .select('change_assurance')
    .where('municipality_id', '=', municipalityId)
    .where('change_assurance', '<>', 'low')
    .limit(1)
    .executeTakeFirst();
  return row?.change_assurance ?? 'low';
}
