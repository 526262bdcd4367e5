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
