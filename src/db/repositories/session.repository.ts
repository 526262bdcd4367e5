import type { AssuranceLevel, SessionMethod } from '../../domain/sign-in.ts';
import type { Tx } from '../client.ts';

export async function insertSession(
  tx: Tx,
  s: {
    tokenHash: string;
    userId: string;
    municipalityId: number | null;
    at: Date;
    method: SessionMethod;
    assurance: AssuranceLevel;
    issuerSession: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('user_session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      municipality_id: s.municipalityId,
      created_at: s.at,
      last_seen_at: s.at,
      ended_at: null,
      method: s.method,
      assurance: s.assurance,
      issuer_session: s.issuerSession,
    })
    .execute();
}

/** The open session behind a token hash, with its user. */
export function findOpenSession(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('municipality as m', 'm.id', 'u.municipality_id')
    .select([
      'm.name as municipality_name',
      's.token_hash',
      's.created_at',
      's.last_seen_at',
      's.method',
      's.assurance',
      'u.id as user_id',
      'u.name',
      'u.email',
      'u.role',
      'u.municipality_id',
      'u.active',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
}

/** Marks sessions as seen now (several at once: the touches kept until a transaction's end). */
export async function touchSessions(tx: Tx, tokenHashes: string[], at: Date): Promise<void> {
  await tx
    .updateTable('user_session')
    .set({ last_seen_at: at })
    .where('token_hash', 'in', tokenHashes)
    .execute();
}

export async function endSession(tx: Tx, tokenHash: string, at: Date): Promise<void> {
  await tx
    .updateTable('user_session')
    .set({ ended_at: at })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function endSessionsOfUser(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx
    .updateTable('user_session')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

/**
 * Ends the open sessions an issuer started, named by its session id (`sid`) or, with no `sid`, those of
 * one user; returns whose they were.
 */
export function endIssuerSessions(
  tx: Tx,
  method: SessionMethod,
  by: { issuerSession: string } | { userId: string },
  at: Date,
): Promise<{ user_id: string; municipality_id: number | null }[]> {
  let query = tx
    .updateTable('user_session')
    .set({ ended_at: at })
    .where('method', '=', method)
    .where('ended_at', 'is', null);
  query =
    'issuerSession' in by
      ? query.where('issuer_session', '=', by.issuerSession)
      : query.where('user_id', '=', by.userId);
  return query.returning(['user_id', 'municipality_id']).execute();
}

/** Ends every open session of a municipality that one way in started. */
export async function endMunicipalitySessionsOf(
  tx: Tx,
  municipalityId: number,
  method: SessionMethod,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('user_session')
    .set({ ended_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('method', '=', method)
    .where('ended_at', 'is', null)
    .execute();
}
