import { sql, type Insertable, type Selectable } from 'kysely';
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

/**
 * The case an event is about, where it is about one: the case itself, the case its writer named
 * (`after.caseId`: plan, notes, questionnaires, postings), or the case of its purchase request or voucher.
 */
const caseOfEvent = sql<string | null>`case
  when e.entity_type = 'case' then e.entity_id::uuid
  when e.after->>'caseId' is not null then (e.after->>'caseId')::uuid
  when e.entity_type = 'purchase_request'
    then (select r.case_id from purchase_request r where r.id = e.entity_id::uuid)
  when e.entity_type = 'purchase_attachment'
    then (select r.case_id from purchase_request r where r.id = (e.after->>'requestId')::uuid)
  when e.entity_type = 'voucher' then (select v.case_id from voucher v where v.id = e.entity_id::uuid)
end`;

/**
 * The latest events of a municipality, log-ins and the system's queued e-mails aside (neither is work done
 * on a case), each with the case it is about and who may see it.
 */
export function recentEvents(tx: Tx, municipalityId: number, limit: number) {
  return tx
    .selectFrom((db) =>
      db
        .selectFrom('audit_event as e')
        .select(['e.id', 'e.occurred_at', 'e.action', 'e.entity_type', 'e.actor_role'])
        .select(caseOfEvent.as('case_id'))
        .where('e.municipality_id', '=', municipalityId)
        .where('e.action', 'not like', 'session.%')
        .where('e.action', 'not like', 'mail.%')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .as('e'),
    )
    .leftJoin('citizen_case as c', 'c.id', 'e.case_id')
    .leftJoin('citizen as z', 'z.id', 'c.citizen_id')
    .leftJoin('support_assignment as s', (join) =>
      join.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .select(['e.occurred_at', 'e.action', 'e.entity_type', 'e.actor_role', 'c.id as case_id'])
    .select(['c.case_number', 'c.municipality_id', 's.support_user_id', 'z.user_id as citizen_user_id'])
    .orderBy('e.id', 'desc')
    .execute();
}
