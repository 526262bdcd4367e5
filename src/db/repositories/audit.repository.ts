import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../client.ts';
import type { AuditEventTable } from '../schema.ts';

export type AuditEventRow = Selectable<AuditEventTable>;

/** Locks the chain's head so events of one municipality are appended one at a time, in order. */
export async function lockChainHead(tx: Tx, chain: number, municipalityId: number | null, genesis: string) {
  await tx
    .insertInto('audit_chain_head')
    .values({ chain, municipality_id: municipalityId, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  return tx
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function appendEvent(tx: Tx, event: Insertable<AuditEventTable>): Promise<void> {
  await tx.insertInto('audit_event').values(event).execute();
  await tx
    .updateTable('audit_chain_head')
    .set({ seq: event.seq, hash: event.hash })
    .where('chain', '=', event.chain)
    .execute();
}

export function listChains(tx: Tx) {
  return tx.selectFrom('audit_chain_head').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
}

export function eventsOfChain(
  tx: Tx,
  chain: number,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return tx
    .selectFrom('audit_event')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function recentEvents(tx: Tx, municipalityId: number, limit: number): Promise<AuditEventRow[]> {
  return tx
    .selectFrom('audit_event')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('action', 'not like', 'session.%')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
