import type { Tx } from '../client.ts';

export function findMunicipality(tx: Tx, id: number) {
  return tx.selectFrom('municipality').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMunicipalities(tx: Tx) {
  return tx.selectFrom('municipality').selectAll().orderBy('id').execute();
}

/** Inserts the municipality unless it exists; true when it was new. */
export async function insertMunicipality(
  tx: Tx,
  id: number,
  name: string,
  bank?: { registration: string; account: string },
): Promise<boolean> {
  const result = await tx
    .insertInto('municipality')
    .values({
      id,
      name,
      bank_registration: bank?.registration ?? null,
      bank_account: bank?.account ?? null,
      iban: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
