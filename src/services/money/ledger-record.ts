import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import {
  insertLedgerEntries,
  ledgerOf,
  type LedgerEntryRow,
} from '../../db/repositories/money.repository.ts';
import { Conflict } from '../../domain/errors.ts';
import {
  canRelease,
  deriveBalance,
  openReservation,
  returnToPoolAmount,
  type Balance,
  type LedgerEntry,
} from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { recordAudits } from '../audit.service.ts';
import type { Actor } from '../context.ts';

// What the money services and the import share: the case's postings as the domain's ledger, and
// posting entries, each with its audit event. Callers hold the case row locked (loadCase(…, lock = true)
// or findCase with lock; the import's cases are its own, not yet committed), so the balance they
// decided on is the balance the posting lands on; the database's guard trigger re-checks it regardless.

export function toLedgerEntry(
  row: Pick<LedgerEntryRow, 'kind' | 'amount_ore' | 'settles_ore' | 'purchase_request_id'>,
): LedgerEntry {
  const ref = row.purchase_request_id ?? undefined;
  const amount = ore(row.amount_ore);
  const base = ref === undefined ? {} : { ref };
  switch (row.kind) {
    case 'payment':
      return { kind: 'payment', amount, settles: ore(row.settles_ore), ...base };
    case 'grant':
    case 'reservation':
    case 'reservation_release':
    case 'refund':
    case 'return_to_pool':
      return { kind: row.kind, amount, ...base };
    default:
      throw new Error(`Unknown ledger entry kind ${row.kind}`);
  }
}

export async function caseLedger(
  tx: Tx,
  caseId: string,
): Promise<{ rows: LedgerEntryRow[]; balance: Balance }> {
  const rows = await ledgerOf(tx, caseId);
  return { rows, balance: deriveBalance(rows.map(toLedgerEntry)) };
}

/** What a posting needs to know of its case. */
export type LedgerCase = Pick<CaseRecord, 'id' | 'municipality_id' | 'programme_id'>;

export interface Posting {
  kind: LedgerEntry['kind'];
  amount: number;
  settles?: number;
  purchaseRequestId?: string | null;
  paymentMethod?: string | null;
  paidOn?: string | null;
  reference?: string | null;
  paymentBatchId?: string | null;
  note?: string | null;
}

export interface CasePosting {
  caseRow: LedgerCase;
  posting: Posting;
}

/**
 * The one way money is posted: appends the postings to their locked cases' ledgers, in order (the
 * guard trigger checks each on top of those before it), and writes each one's audit event. Many at
 * once (the import) cost a few statements, not a few per posting.
 */
export async function postAll(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  postings: readonly CasePosting[],
): Promise<LedgerEntryRow[]> {
  const rows = await insertLedgerEntries(
    tx,
    postings.map(({ caseRow, posting: p }) => ({
      municipality_id: caseRow.municipality_id,
      case_id: caseRow.id,
      programme_id: caseRow.programme_id,
      kind: p.kind,
      amount_ore: p.amount,
      settles_ore: p.settles ?? 0,
      purchase_request_id: p.purchaseRequestId ?? null,
      payment_method: p.paymentMethod ?? null,
      paid_on: p.paidOn ?? null,
      reference: p.reference ?? null,
      payment_batch_id: p.paymentBatchId ?? null,
      note: p.note ?? null,
      posted_by: actor?.userId ?? null,
      posted_at: at,
    })),
  );
  await recordAudits(
    tx,
    actor,
    at,
    postings.map(({ caseRow, posting: p }, i) => ({
      municipalityId: caseRow.municipality_id,
      action: `ledger.${p.kind}`,
      entityType: 'ledger_entry',
      entityId: String(rows[i]?.id),
      after: {
        caseId: caseRow.id,
        amountOre: p.amount,
        ...(p.settles ? { settlesOre: p.settles } : {}),
        ...(p.purchaseRequestId ? { purchaseRequestId: p.purchaseRequestId } : {}),
        ...(p.paidOn ? { paidOn: p.paidOn, reference: p.reference } : {}),
      },
    })),
  );
  return rows;
}

/** Appends one posting to a locked case's ledger and writes its audit event. */
export async function post(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  caseRow: LedgerCase,
  posting: Posting,
): Promise<LedgerEntryRow> {
  const [row] = await postAll(tx, actor, at, [{ caseRow, posting }]);
  if (!row) throw new Error('The posting was not written');
  return row;
}

/**
 * At close (spec: Return to the pool): refuses while money is reserved, then sends
 * whatever is unspent back to the programme's pool. A case that was never granted anything posts nothing.
 */
export async function returnUnspentToPool(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseRow: LedgerCase,
): Promise<void> {
  const { balance } = await caseLedger(tx, caseRow.id);
  const decision = returnToPoolAmount(balance);
  if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
  if (decision.amount > 0) {
    await post(tx, actor, at, caseRow, { kind: 'return_to_pool', amount: decision.amount });
  }
}

/**
 * Releases what a request holds reserved — all of it, or at most `upTo` — back to what is available: a
 * cancelled request, an expired voucher, the part of a voucher a shop did not use. Nothing reserved,
 * nothing posted.
 */
export async function releaseReservation(
  tx: Tx,
  actor: Actor | null,
  at: Date,
  caseRow: LedgerCase,
  requestId: string,
  options: { upTo?: number; note?: string } = {},
): Promise<void> {
  const { rows, balance } = await caseLedger(tx, caseRow.id);
  const open = openReservation(rows.map(toLedgerEntry), requestId);
  const amount = ore(Math.min(open, options.upTo ?? open));
  if (amount <= 0) return;
  const decision = canRelease(balance, amount);
  if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
  await post(tx, actor, at, caseRow, {
    kind: 'reservation_release',
    amount,
    purchaseRequestId: requestId,
    note: options.note ?? null,
  });
}
