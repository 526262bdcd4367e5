import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/client.ts';
import { isSpendingPeriod } from '../domain/case-lifecycle.ts';
import { ore } from '../domain/money.ts';
import { mayApprove } from '../domain/purchase-request.ts';
import { canonicalJson } from '../services/audit.service.ts';
import type { Actor } from '../services/context.ts';

// The approval bench's raw path (bench-approvals.ts): what an approval must do and nothing else, in ONE
// transaction — the tenant scope, the case row locked, the request, the programme's rules, the sub-goals
// and the balance read, the reservation posted, the request approved, and the two audit events the
// service writes appended to the municipality's hash chain, hashed as the service hashes them.

/** Who approves, for which municipality. */
export interface Approving {
  approver: Actor;
  municipalityId: number;
}

interface CaseRead {
  id: string;
  programme_id: string;
  phase: string;
}

interface RequestRead {
  status: string;
  amount_ore: number;
  payment_method: string;
  vendor_id: string | null;
  created_by: string;
  submitted_by: string | null;
  single_approval_limit_ore: number;
  unused_funds: string;
  planned: number;
  achieved: number;
  available: number;
}

/**
 * The approval as one raw SQL transaction: the same locks, checks and rows as purchases.approve (with
 * ledger-record.ts `post` and audit.service.ts `recordAudits`), in as few statements as it takes.
 */
export async function approveRaw(db: Db, setup: Approving, requestId: string): Promise<void> {
  const { approver, municipalityId } = setup;
  const at = new Date();
  await db.transaction().execute(async (tx) => {
    // Row-level security: the transaction works for the approver's municipality.
    await sql`select set_config('app.scope', '', true), set_config('app.municipality_id', ${String(municipalityId)}, true)`.execute(
      tx,
    );
    const { caseRow, r } = await lockAndRead(tx, requestId);
    refuseUnlessApprovable(r, caseRow.phase, approver);
    const entryId = await reserveAndApprove(tx, setup, at, caseRow, r, requestId);
    await appendAuditEvents(tx, setup, at, { caseRow, r, requestId, entryId });
  });
}

/** The case row locked first (every step on a case is serialised by it), then what the approval needs. */
async function lockAndRead(tx: Tx, requestId: string) {
  const locked = await sql<CaseRead>`
    select id, programme_id, phase from citizen_case
    where id = (select case_id from purchase_request where id = ${requestId})
    for update`.execute(tx);
  const caseRow = locked.rows[0];
  if (!caseRow) throw new Error(`Request ${requestId} was not found.`);
  // Under the lock: the request, the programme's rules, the sub-goals and the case's balance.
  const read = await sql<RequestRead>`
    select r.status, r.amount_ore, r.payment_method, r.vendor_id, r.created_by, r.submitted_by,
      p.single_approval_limit_ore, p.unused_funds,
      (select count(*) from sub_goal s where s.case_id = r.case_id and s.status <> 'dropped') as planned,
      (select count(*) from sub_goal s where s.case_id = r.case_id and s.status = 'achieved') as achieved,
      (select coalesce(sum(case e.kind
          when 'grant' then e.amount_ore
          when 'return_to_pool' then -e.amount_ore
          when 'reservation' then -e.amount_ore
          when 'reservation_release' then e.amount_ore
          when 'payment' then e.settles_ore - e.amount_ore
          when 'refund' then e.amount_ore
        end), 0)::bigint
        from ledger_entry e where e.case_id = r.case_id) as available
    from purchase_request r join programme p on p.id = ${caseRow.programme_id}
    where r.id = ${requestId}`.execute(tx);
  const r = read.rows[0];
  if (!r) throw new Error(`Request ${requestId} was not found.`);
  return { caseRow, r };
}

/** The reservation posted (through the ledger's guard trigger) and the request approved. */
async function reserveAndApprove(
  tx: Tx,
  { approver, municipalityId }: Approving,
  at: Date,
  caseRow: CaseRead,
  r: RequestRead,
  requestId: string,
): Promise<number> {
  const entry = await sql<{ id: number }>`
    insert into ledger_entry
      (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id, posted_by, posted_at)
    values (${municipalityId}, ${caseRow.id}, ${caseRow.programme_id}, 'reservation', ${r.amount_ore},
      ${requestId}, ${approver.userId}, ${at})
    returning id`.execute(tx);
  const entryId = entry.rows[0]?.id;
  if (entryId === undefined) throw new Error('The reservation was not written.');
  await sql`
    update purchase_request
    set status = 'approved', decided_by = ${approver.userId}, decided_at = ${at}, updated_at = ${at}
    where id = ${requestId}`.execute(tx);
  return entryId;
}

/** The two audit events, in the service's order, on the municipality's chain under its locked head. */
async function appendAuditEvents(
  tx: Tx,
  { approver, municipalityId }: Approving,
  at: Date,
  {
    caseRow,
    r,
    requestId,
    entryId,
  }: { caseRow: CaseRead; r: RequestRead; requestId: string; entryId: number },
): Promise<void> {
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from audit_chain_head where chain = ${municipalityId} for update`.execute(tx);
  const prev = head.rows[0];
  if (!prev) throw new Error(`Municipality ${municipalityId} has no audit chain.`);
  const first = chained(municipalityId, prev, approver, at, {
    action: 'ledger.reservation',
    entityType: 'ledger_entry',
    entityId: String(entryId),
    before: null,
    after: { caseId: caseRow.id, amountOre: r.amount_ore, purchaseRequestId: requestId },
  });
  const second = chained(municipalityId, first, approver, at, {
    action: 'purchase.approve',
    entityType: 'purchase_request',
    entityId: requestId,
    before: { status: r.status },
    after: { status: 'approved' },
  });
  const row = (e: ChainedEvent) =>
    sql`(${municipalityId}, ${municipalityId}, ${e.seq}, ${at}, ${approver.userId}, ${approver.role},
      ${e.action}, ${e.entityType}, ${e.entityId}, ${json(e.before)}, ${json(e.after)}, null,
      ${e.prevHash}, ${e.hash})`;
  await sql`
    insert into audit_event (chain, municipality_id, seq, occurred_at, actor_user_id, actor_role, action,
      entity_type, entity_id, before, after, request_id, prev_hash, hash)
    values ${row(first)}, ${row(second)}`.execute(tx);
  await sql`
    update audit_chain_head set seq = ${second.seq}, hash = ${second.hash}
    where chain = ${municipalityId}`.execute(tx);
}

/** The service's checks: a submitted request on an active case, an approver who may, room for it. */
function refuseUnlessApprovable(r: RequestRead, phase: string, approver: Actor): void {
  const refused = (why: string) => {
    throw new Error(`The raw approval was refused: ${why}.`);
  };
  if (r.status !== 'submitted') refused(`the request is ${r.status}`);
  if (!isSpendingPeriod(phase)) refused(`the case is ${phase}`);
  const who = mayApprove({
    approverRole: approver.role,
    approverUserId: approver.userId,
    amount: ore(r.amount_ore),
    singleApprovalLimit: ore(r.single_approval_limit_ore),
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
  });
  if (!who.ok) refused(who.code);
  if (r.unused_funds === 'planned_subgoals_only' && r.planned > 0 && r.achieved === r.planned)
    refused('the sub-goals are met');
  // The bench's requests are paid by invoice to a listed vendor; a direct transfer has more rules.
  if (r.payment_method === 'direct_to_citizen' || r.vendor_id === null) refused('not a vendor payment');
  if (r.available < r.amount_ore) refused('budget exceeded');
}

interface AuditContent {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface ChainedEvent extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The event after `prev` on the chain, hashed as audit.service.ts hashes (and `check` verifies) it. */
function chained(
  chain: number,
  prev: { seq: number; hash: string },
  actor: Actor,
  at: Date,
  e: AuditContent,
): ChainedEvent {
  const seq = prev.seq + 1;
  const content = {
    chain,
    seq,
    occurredAt: at.toISOString(),
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: null,
  };
  const hash = createHash('sha256')
    .update(prev.hash)
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
  return { ...e, seq, prevHash: prev.hash, hash };
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
