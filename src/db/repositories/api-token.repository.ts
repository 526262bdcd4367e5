import type { Tx } from '../client.ts';

export async function insertApiToken(
  tx: Tx,
  t: {
    municipalityId: number;
    userId: string;
    name: string;
    tokenHash: string;
    createdBy: string;
    at: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('api_token')
    .values({
      municipality_id: t.municipalityId,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_by: t.createdBy,
      created_at: t.at,
      last_used_at: null,
      revoked_at: null,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The live token behind a hash (neither revoked nor expired at `at`), with its user and municipality. */
export function findLiveToken(tx: Tx, tokenHash: string, at: Date) {
  return tx
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .innerJoin('municipality as m', 'm.id', 't.municipality_id')
    .select([
      't.id as token_id',
      't.last_used_at',
      'u.id',
      'u.name',
      'u.email',
      'u.role',
      'u.municipality_id',
      'u.active',
      'm.name as municipality_name',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', at)
    .executeTakeFirst();
}

export async function touchToken(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function listTokens(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      't.expires_at',
      'u.name as user_name',
      'u.email',
    ])
    .where('t.municipality_id', '=', municipalityId)
    .orderBy('t.created_at', 'desc')
    .execute();
}

export async function revokeToken(tx: Tx, id: string, municipalityId: number, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
