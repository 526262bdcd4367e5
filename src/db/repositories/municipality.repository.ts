import type { Tx } from '../client.ts';

export function findMunicipality(tx: Tx, id: number) {
  return tx.selectFrom('municipality').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many municipalities there are. count(*) is a bigint: a number here, checked safe by the driver. */
export async function countMunicipalities(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('municipality')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
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
