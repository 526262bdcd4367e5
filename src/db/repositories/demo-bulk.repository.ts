import type { Insertable } from 'kysely';
import type { Tx } from '../client.ts';
import type { Database } from '../schema.ts';

// Many rows in one statement each, for loading demo data quickly at start-up (PGlite pays per
// statement). The rows are checked by the tables' own constraints like any others.

export type CaseTables =
  | 'citizen'
  | 'citizen_case'
  | 'case_event'
  | 'case_pause'
  | 'support_assignment'
  | 'conditions_acknowledgement'
  | 'long_term_goal'
  | 'sub_goal'
  | 'planned_activity'
  | 'idea'
  | 'plan_revision'
  | 'follow_up_note';

export async function insertMany<T extends CaseTables>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto(table).values(rows).execute();
}

/** Reserves `count` consecutive case numbers of the municipality; returns the first. */
export async function reserveCaseNumbers(tx: Tx, municipalityId: number, count: number): Promise<number> {
  const row = await tx
    .insertInto('case_counter')
    .values({ municipality_id: municipalityId, last_number: count })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet((eb) => ({
        last_number: eb('case_counter.last_number', '+', count),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number - count + 1;
}

/** Which of the keyed CPR hashes are registered in the municipality already. */
export async function existingCprHashes(
  tx: Tx,
  municipalityId: number,
  hashes: string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await tx
    .selectFrom('citizen')
    .select('cpr_hash')
    .where('municipality_id', '=', municipalityId)
    .where('cpr_hash', 'in', hashes)
    .execute();
  return new Set(rows.flatMap((r) => (r.cpr_hash === null ? [] : [r.cpr_hash])));
}
