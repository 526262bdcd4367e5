import type { TokenSort } from '../../domain/list-orders.ts';
import { containsPattern } from '../paging.ts';
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

export async function touchTokens(tx: Tx, ids: string[], at: Date): Promise<void> {
  await tx.updateTable('api_token').set({ last_used_at: at }).where('id', 'in', ids).execute();
}

export interface TokenListFilter {
  /** Live (neither revoked nor expired at `at`), revoked, or expired and not revoked. */
  status?: 'active' | 'revoked' | 'expired' | undefined;
  at: Date;
  /** The key's name, or its user's name or e-mail address, contains it. */
  search?: string | undefined;
}

/** The municipality's API keys with their users, filtered, in order; each order ends in the id. */
export function tokensQuery(tx: Tx, municipalityId: number, filter: TokenListFilter, sort: TokenSort) {
  let query = tx
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
    .where('t.municipality_id', '=', municipalityId);
  const { status, at } = filter;
  if (status === 'active') query = query.where('t.revoked_at', 'is', null).where('t.expires_at', '>', at);
  if (status === 'revoked') query = query.where('t.revoked_at', 'is not', null);
  if (status === 'expired') query = query.where('t.revoked_at', 'is', null).where('t.expires_at', '<=', at);
  if (filter.search !== undefined) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) =>
      eb.or([
        eb('t.name', 'ilike', pattern),
        eb('u.name', 'ilike', pattern),
        eb('u.email', 'ilike', pattern),
      ]),
    );
  }
  switch (sort) {
    case 'navn':
      return query.orderBy('t.name').orderBy('t.id');
    case 'udloeber':
      return query.orderBy('t.expires_at').orderBy('t.id');
    default:
      return query.orderBy('t.created_at', 'desc').orderBy('t.id');
  }
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
