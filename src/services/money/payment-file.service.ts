import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import {
  batchesOf,
  batchItems,
  findBatch,
  batchCandidates,
  payablesByIds,
  insertBatch,
  insertBatchItems,
  markBatchSent,
} from '../../db/repositories/payment.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import { ore } from '../../domain/money.ts';
import { buildPaymentFile, PaymentFileError, type BankAccount } from '../../domain/payment-file.ts';
import { message, type Message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { BatchInput, SentInput } from './money.schemas.ts';
import {
  paidByFile,
  remittanceOf,
  toPayable,
  vendorAccount,
  type BatchView,
  type PayableView,
} from './payment.service.ts';
import { payLocked } from './purchase-payment.ts';
import { lockRequest } from './purchase-record.ts';

// Payment files (spec: Payment files): approved bank transfers (and redeemed vouchers, paid to the shop)
// gathered into an ISO 20022 pain.001.001.03 file for the bank, downloaded, then marked sent — which
// registers every payment in it, once. A request in a file is never paid by hand as well
// (purchase-payment.ts payLocked).

/** Why a request cannot go into a payment file, or null. */
function batchRefusal(p: PayableView): Message | null {
  const which = { caseNumber: p.caseNumber, requestNumber: p.requestNumber };
  if (p.status !== 'approved') return message('error.money.batch.notApproved', which);
  if (p.paymentMethod === 'voucher' && !paidByFile(p))
    return message('voucherStaff.batch.notRedeemed', which);
  if (!paidByFile(p)) return message('error.money.batch.notBankTransfer', which);
  if (vendorAccount(p.vendor) === null) return message('error.money.batch.noVendorAccount', which);
  if (p.batch !== null) {
    return message('error.money.batch.inOtherBatch', { ...which, messageId: p.batch.messageId });
  }
  return null;
}

async function batchRow(tx: Tx, municipalityId: number, batchId: string, lock = false) {
  if (!isUuid(batchId)) throw new NotFound();
  const row = await findBatch(tx, municipalityId, batchId, lock);
  if (!row) throw new NotFound();
  return row;
}

async function itemsOf(tx: Tx, municipalityId: number, batchId: string) {
  const items = await batchItems(tx, batchId);
  const rows = await payablesByIds(
    tx,
    municipalityId,
    items.map((i) => i.purchase_request_id),
  );
  const byId = new Map(rows.map((r) => [r.id, toPayable(r)]));
  return items.map((i) => {
    const p = byId.get(i.purchase_request_id);
    if (!p) throw new NotFound();
    return { endToEndId: i.end_to_end_id, payable: p };
  });
}

/**
 * What the file takes, with their cases locked: the requests given (each must be payable by the file), or
 * every approved bank transfer in no file yet.
 */
async function lockedPayables(
  tx: Tx,
  actor: Actor,
  municipalityId: number,
  requestIds: string[] | undefined,
): Promise<PayableView[]> {
  // Which requests: the ones given, or every approved bank transfer in no file yet.
  const explicit = requestIds !== undefined;
  const ids = explicit ? [...new Set(requestIds)] : [];
  if (ids.some((id) => !isUuid(id))) throw new NotFound();
  const found =
    explicit && ids.length === 0 ? [] : await batchCandidates(tx, municipalityId, explicit ? ids : null);
  if (explicit && found.length !== ids.length) throw new NotFound();
  // Lock their cases in the order markSent does (by case id, so the two cannot deadlock), so that
  // none of them is paid by hand, cancelled or put in another file meanwhile; then read them again.
  const byCase = [...found].sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  for (const r of byCase) await lockRequest(tx, actor, 'payment.file', r.id);
  const locked = found.length
    ? await payablesByIds(
        tx,
        municipalityId,
        found.map((r) => r.id),
        true,
      )
    : [];
  let payables = locked.map(toPayable);
  if (explicit) {
    const refusals = payables.map(batchRefusal).filter((m): m is Message => m !== null);
    if (refusals.length > 0) {
      throw new Conflict(message('error.sentences', { sentences: refusals }), 'not_payable_by_file');
    }
  } else {
    payables = payables.filter((p) => batchRefusal(p) === null);
  }
  if (payables.length === 0) throw new Conflict(message('error.money.nothingToPay'), 'nothing_to_pay');
  return payables;
}

/** The file and its items, with its audit event; returns its id. */
async function writeBatch(
  tx: Tx,
  actor: Actor,
  at: Date,
  executionDate: CalendarDate,
  payables: PayableView[],
): Promise<string> {
  const municipalityId = ownMunicipality(actor);
  const messageId = `BB-${municipalityId}-${today(at).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
  const total = payables.reduce((s, p) => s + p.amount, 0);
  const batchId = await insertBatch(tx, {
    municipality_id: municipalityId,
    message_id: messageId,
    execution_date: executionDate,
    total_ore: total,
    payment_count: payables.length,
    created_by: actor.userId,
    created_at: at,
  });
  await insertBatchItems(
    tx,
    payables.map((p) => ({
      batch_id: batchId,
      municipality_id: municipalityId,
      purchase_request_id: p.id,
      end_to_end_id: `BB-${p.caseNumber}-${p.requestNumber}`,
    })),
  );
  await recordAudit(tx, actor, at, {
    municipalityId,
    action: 'payment.createBatch',
    entityType: 'payment_batch',
    entityId: batchId,
    after: {
      messageId,
      executionDate,
      totalOre: total,
      requests: payables.map((p) => p.id),
    },
  });
  return batchId;
}

/**
 * A payment file of approved bank transfers: the ones given, or every one waiting that is in no
 * file yet. Refuses (and creates nothing) if any of them cannot be paid by the file.
 */
async function createBatch(deps: ServiceDeps, actor: Actor, input: unknown): Promise<string> {
  authorize(actor, 'payment.file');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(BatchInput, input);
  const at = deps.clock.now();
  const executionDate = v.executionDate ?? today(at);
  if (executionDate < today(at))
    throw new ValidationFailed({ executionDate: message('field.paymentFile.executionDate') });
  try {
    return await deps.database.transaction({ municipalityId }, async (tx) => {
      const payables = await lockedPayables(tx, actor, municipalityId, v.requestIds);
      return writeBatch(tx, actor, at, executionDate, payables);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Conflict(message('error.money.alreadyInBatch'), 'already_in_batch');
    throw error;
  }
}

/** The municipality's payment files, newest first. */
async function batches(deps: ServiceDeps, actor: Actor): Promise<BatchView[]> {
  authorize(actor, 'payment.file');
  const municipalityId = ownMunicipality(actor);
  const rows = await deps.database.transaction({ municipalityId }, (tx) => batchesOf(tx, municipalityId));
  return rows.map((b) => ({
    id: b.id,
    messageId: b.message_id,
    executionDate: b.execution_date,
    status: b.status as 'created' | 'sent',
    total: ore(b.total_ore),
    count: b.payment_count,
    createdAt: b.created_at,
    sentAt: b.sent_at,
  }));
}

/** The pain.001.001.03 file for the bank, from the municipality's account and the vendors'. */
async function batchFile(
  deps: ServiceDeps,
  actor: Actor,
  batchId: string,
): Promise<{ fileName: string; xml: string }> {
  authorize(actor, 'payment.file');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const batch = await batchRow(tx, municipalityId, batchId);
    const municipality = await findMunicipality(tx, municipalityId);
    if (!municipality) throw new NotFound();
    const debtor: BankAccount | null =
      municipality.bank_registration !== null && municipality.bank_account !== null
        ? { bankRegistration: municipality.bank_registration, bankAccount: municipality.bank_account }
        : municipality.iban !== null
          ? { iban: municipality.iban }
          : null;
    if (debtor === null) throw new Conflict(message('error.money.noMunicipalAccount'));
    const items = await itemsOf(tx, municipalityId, batch.id);
    try {
      const xml = buildPaymentFile({
        debtor: { ...debtor, name: municipality.name },
        messageId: batch.message_id,
        createdAt: batch.created_at,
        executionDate: batch.execution_date,
        payments: items.map(({ endToEndId, payable: p }) => {
          const account = vendorAccount(p.vendor);
          if (!account || !p.vendor)
            throw new PaymentFileError(
              message('error.money.batch.noAccount', {
                caseNumber: p.caseNumber,
                requestNumber: p.requestNumber,
              }),
            );
          return {
            endToEndId,
            amount: p.amount,
            creditor: { ...account, name: p.vendor.name },
            remittance: remittanceOf(p.caseNumber, p.requestNumber),
          };
        }),
      });
      return { fileName: `${batch.message_id}.xml`, xml };
    } catch (error) {
      if (error instanceof PaymentFileError) throw new Conflict(error.userMessage, error.code);
      throw error;
    }
  });
}

/**
 * The file was sent to the bank: every payment in it is registered, in one transaction. A file is
 * marked sent once; a second time is refused and changes nothing, so nothing is paid twice.
 */
async function markSent(
  deps: ServiceDeps,
  actor: Actor,
  batchId: string,
  input: unknown = {},
): Promise<void> {
  authorize(actor, 'payment.file');
  authorize(actor, 'payment.register');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(SentInput, input);
  const at = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const batch = await batchRow(tx, municipalityId, batchId, true);
    if (batch.status === 'sent')
      throw new Conflict(message('error.money.batchAlreadySent'), 'batch_already_sent');
    // The ledger dates a payment when it happened: a file sent ahead of its execution date is
    // booked on the day it was sent.
    const executionDate = v.executionDate ?? (batch.execution_date as CalendarDate);
    const paidOn = executionDate > today(at) ? today(at) : executionDate;
    const items = await batchItems(tx, batch.id);
    for (const item of items) {
      const locked = await lockRequest(tx, actor, 'payment.register', item.purchase_request_id);
      await payLocked(tx, actor, at, locked, {
        paidOn,
        reference: `${batch.message_id}/${item.end_to_end_id}`,
        amount: undefined,
        batchId: batch.id,
      });
    }
    await markBatchSent(tx, batch.id, actor.userId, at);
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: 'payment.markSent',
      entityType: 'payment_batch',
      entityId: batch.id,
      before: { status: batch.status },
      after: { status: 'sent', paidOn, count: items.length },
    });
  });
}

export function createPaymentFileService(deps: ServiceDeps) {
  return {
    createBatch: (actor: Actor, input: unknown) => createBatch(deps, actor, input),
    batches: (actor: Actor) => batches(deps, actor),
    batchFile: (actor: Actor, batchId: string) => batchFile(deps, actor, batchId),
    markSent: (actor: Actor, batchId: string, input: unknown = {}) => markSent(deps, actor, batchId, input),
  };
}
