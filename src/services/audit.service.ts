import type { Insertable } from 'kysely';
import { createHash } from 'node:crypto';
import { deferUntilCommit, type DatabaseHandle, type Tx } from '../db/client.ts';
import {
  appendEvents,
  eventsOfChain,
  listChains,
  lockChainHead,
  type AuditEventRow,
} from '../db/repositories/audit.repository.ts';
import type { AuditEventTable } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';
import type { Actor } from './context.ts';
import { message, type Message } from '../i18n/index.ts';

// Append-only, hash-chained audit log (spec: Audit log). Each event's hash covers the previous hash and the
// event's content, so changing or removing any stored event breaks the chain from there on. One chain
// per municipality (0 = national), locked per chain, so municipalities never wait on each other.

const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  municipalityId: number | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records an event of the running command. Inside a DatabaseHandle transaction the event is appended at
 * the end, just before the commit, with the command's other events (deferUntilCommit): the chain's head
 * is then locked once and for the shortest time, so one municipality's commands do not queue behind
 * each other's work. Outside one (a bare transaction), it is appended at once.
 */
export async function recordAudit(tx: Tx, actor: Actor | null, at: Date, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, at, [input]);
}

/** Several events of one command, in order. */
export async function recordAudits(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  inputs: readonly AuditInput[],
): Promise<void> {
  const events = inputs.map((input) => ({ actor, at, input }));
  if (!events.every((event) => deferUntilCommit(tx, 'audit', event, appendToChains))) {
    await appendToChains(tx, events);
  }
}

interface PendingEvent {
  actor: Actor | null;
  at: Date;
  input: AuditInput;
}

/** Appends events in order: each chain's head is locked once (lowest chain first) and its events go in together. */
async function appendToChains(tx: Tx, pending: readonly PendingEvent[]): Promise<void> {
  const byChain = new Map<number, PendingEvent[]>();
  for (const event of pending) {
    const chain = event.input.municipalityId ?? 0;
    const list = byChain.get(chain);
    if (list) list.push(event);
    else byChain.set(chain, [event]);
  }
  for (const [chain, list] of [...byChain].sort(([a], [b]) => a - b)) {
    let head = await lockChainHead(tx, chain, chain === 0 ? null : chain, GENESIS_HASH);
    const events = list.map(({ actor, at, input }) => {
      const event = chainedEvent(chain, head, actor, at, input);
      head = event;
      return event;
    });
    await appendEvents(tx, events);
  }
}

/** The event that follows the chain's head. */
function chainedEvent(
  chain: number,
  head: { seq: number; hash: string },
  actor: Actor | null,
  at: Date,
  input: AuditInput,
): Insertable<AuditEventTable> & { seq: number; hash: string } {
  const content: ChainedContent = {
    chain,
    seq: head.seq + 1,
    occurredAt: at.toISOString(),
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    requestId: actor?.requestId ?? null,
  };
  return {
    chain,
    municipality_id: input.municipalityId,
    seq: content.seq,
    occurred_at: at,
    actor_user_id: content.actorUserId,
    actor_role: content.actorRole,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    before: content.before === null ? null : JSON.stringify(content.before),
    after: content.after === null ? null : JSON.stringify(content.after),
    request_id: content.requestId,
    prev_hash: head.hash,
    hash: chainHash(head.hash, content),
  };
}

interface ChainedContent {
  chain: number;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

function chainHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted, so the hash does not depend on how jsonb stores them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainBreak {
  chain: number;
  seq: number;
  reason: Message;
}

export interface ChainReport {
  chains: number;
  events: number;
  firstBreak: ChainBreak | null;
}

/** Re-derives every chain from its first event; reports the first broken link. */
export async function verifyAuditChains(database: DatabaseHandle): Promise<ChainReport> {
  return database.transaction('all', async (tx) => {
    const heads = await listChains(tx);
    let events = 0;
    for (const head of heads) {
      const result = await verifyChain(tx, head.chain);
      events += result.events;
      if (result.break) return { chains: heads.length, events, firstBreak: result.break };
      if (result.lastSeq !== head.seq || result.lastHash !== head.hash) {
        const reason = message('cli.check.reason.chainShort', { last: result.lastSeq, head: head.seq });
        return {
          chains: heads.length,
          events,
          firstBreak: { chain: head.chain, seq: result.lastSeq + 1, reason },
        };
      }
    }
    return { chains: heads.length, events, firstBreak: null };
  });
}

async function verifyChain(tx: Tx, chain: number) {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let events = 0;
  for (;;) {
    const page = await eventsOfChain(tx, chain, lastSeq, 1000);
    for (const row of page) {
      const problem = checkLink(row, lastSeq, prevHash);
      if (problem)
        return { events, lastSeq, lastHash: prevHash, break: { chain, seq: row.seq, reason: problem } };
      prevHash = row.hash;
      lastSeq = row.seq;
      events++;
    }
    if (page.length < 1000) return { events, lastSeq, lastHash: prevHash, break: null };
  }
}

function checkLink(row: AuditEventRow, lastSeq: number, prevHash: string): Message | null {
  if (row.seq !== lastSeq + 1) return message('cli.check.reason.missingEvent', { seq: lastSeq + 1 });
  if (row.prev_hash !== prevHash) return message('cli.check.reason.linkMismatch');
  const expected = chainHash(prevHash, {
    chain: row.chain,
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  });
  return expected === row.hash ? null : message('cli.check.reason.contentChanged');
}
