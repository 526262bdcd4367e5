import type { Insertable, Selectable } from 'kysely';
import { parameterChunks } from '../chunks.ts';
import type { Tx } from '../client.ts';
import type { AuditEventTable } from '../schema.ts';

export type AuditEventRow = Selectable<AuditEventTable>;

/** Locks the chain's head so events of one municipality are appended one at a time, in order. */
export async function lockChainHead(tx: Tx, chain: number, municipalityId: number | null, genesis: string) {
  const locked = () =>
    tx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('chain', '=', chain).forUpdate();
  const head = await locked().executeTakeFirst();
  if (head) return head;
  // A chain's first event: its head starts at the genesis hash (once, whoever comes first).
  await tx
    .insertInto('audit_chain_head')
    .values({ chain, municipality_id: municipalityId, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  return locked().executeTakeFirstOrThrow();
}

/** Events of one chain, in order, after its locked head; the head moves to the last of them. */
export async function appendEvents(tx: Tx, events: readonly Insertable<AuditEventTable>[]): Promise<void> {
  const last = events.at(-1);
  if (last === undefined) return;
  for (const chunk of parameterChunks(events)) await tx.insertInto('audit_event').values(chunk).execute();
  await tx
    .updateTable('audit_chain_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('chain', '=', last.chain)
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
