import { sql } from 'kysely';
import type { Tx } from '../client.ts';

// Which key the stored CPR numbers are under, and the batches that move them to the first key
// (spec: CPR key rotation). The stored form is 'v1.' + base64 (from before key ids) or 'v2.' + 8 hex
// key id + '.' + base64 (the citizen table's CHECK); an anonymised citizen holds none.

export interface CprFormCount {
  /** 'v1', or 'v2.' and the key id. */
  form: string;
  count: number;
}

/** How many stored CPR numbers each form and key id holds. */
export async function cprValuesByForm(tx: Tx): Promise<CprFormCount[]> {
  const { rows } = await sql<{ form: string; count: string }>`
    select case when cpr_encrypted like 'v1.%' then 'v1' else left(cpr_encrypted, 11) end as form,
      count(*) as count
    from citizen where cpr_encrypted is not null
    group by 1`.execute(tx);
  return rows.map((r) => ({ form: r.form, count: Number(r.count) }));
}

/**
 * The next citizens by id after `afterId` whose CPR number is not under the key `keyId`, locked for the
 * transaction; a row other work holds now is skipped, so the app is never kept waiting.
 */
export function citizensNotUnderKey(tx: Tx, keyId: string, afterId: string | null, limit: number) {
  let query = tx
    .selectFrom('citizen')
    .select(['id', 'cpr_encrypted'])
    .where('cpr_encrypted', 'is not', null)
    .where('cpr_encrypted', 'not like', `v2.${keyId}.%`);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .$narrowType<{ cpr_encrypted: string }>()
    .execute();
}

export interface CprValue {
  id: string;
  cprEncrypted: string;
  cprHash: string;
}

/** New ciphertexts and lookup hashes for citizens, in one statement. */
export async function setCprValues(tx: Tx, values: readonly CprValue[]): Promise<void> {
  if (values.length === 0) return;
  await sql`
    update citizen c set cpr_encrypted = v.encrypted, cpr_hash = v.hash
    from unnest(${values.map((v) => v.id)}::uuid[], ${values.map((v) => v.cprEncrypted)}::text[],
                ${values.map((v) => v.cprHash)}::text[]) as v(id, encrypted, hash)
    where c.id = v.id`.execute(tx);
}
