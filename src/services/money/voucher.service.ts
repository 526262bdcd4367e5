import type { Tx } from '../../db/client.ts';
import { findCase } from '../../db/repositories/case.repository.ts';
import { findPurchaseRequest, findVendor } from '../../db/repositories/money.repository.ts';
import {
  overdueVouchers,
  setVendorPin,
  vendorByPinHash,
  voucherOfRequest,
  vouchersEndingBy,
  vouchersWithRequest,
  type VoucherWithRequestRow,
} from '../../db/repositories/voucher.repository.ts';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Ore } from '../../domain/money.ts';
import { newRedemptionPin, type VoucherStatus } from '../../domain/voucher.ts';
import { message, translate, translator } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { isUuid } from '../ids.ts';
import { withOwnCase } from '../portal/portal-case.ts';
import { releaseReservation } from './ledger-record.ts';
import { moveOn } from './purchase-record.ts';
import { danishDate, endVoucherOf } from './voucher-issue.ts';
import { createVoucherRedemption } from './voucher-redeem.ts';

// Vouchers as staff, the citizen and finance meet them (spec: Vouchers): each voucher's state on the
// request and the case, the citizen's own, the printable sheet, the shop's redemption PIN, and the
// daily end of vouchers past their last day. The shop's side is voucher-redeem.ts.

export interface VoucherView {
  id: string;
  requestId: string;
  requestNumber: number;
  /** What is bought. */
  title: string;
  category: string;
  code: string;
  status: VoucherStatus;
  /** The shop named on it; null: any vendor on the list. */
  shopName: string | null;
  maxAmount: Ore;
  expiresOn: CalendarDate;
  issuedAt: Date;
  redeemedAt: Date | null;
  redeemedAmount: Ore | null;
  redeemedBy: string | null;
  reference: string | null;
}

function toView(r: VoucherWithRequestRow): VoucherView {
  return {
    id: r.id,
    requestId: r.purchase_request_id,
    requestNumber: r.request_number,
    title: r.title,
    category: r.category,
    code: r.code,
    status: r.status as VoucherStatus,
    shopName: r.vendor_name,
    maxAmount: r.max_amount_ore as Ore,
    expiresOn: r.expires_on as CalendarDate,
    issuedAt: r.issued_at,
    redeemedAt: r.redeemed_at,
    redeemedAmount: r.redeemed_amount_ore as Ore | null,
    redeemedBy: r.redeemed_by_name,
    reference: r.redemption_reference,
  };
}

export function createVoucherService(deps: ServiceDeps) {
  const redemption = createVoucherRedemption(deps);
  return {
    check: redemption.check,
    ticketView: redemption.ticketView,
    redeem: redemption.redeem,
    ofCase: (actor: Actor, caseId: string) => ofCase(deps, actor, caseId),
    ofRequest: (actor: Actor, requestId: string) => ofRequest(deps, actor, requestId),
    /** The citizen's own vouchers ("Mine værdibeviser"), newest first. */
    mine: (actor: Actor): Promise<VoucherView[]> =>
      withOwnCase(deps, actor, async (tx, row) =>
        (await vouchersWithRequest(tx, { caseId: row.id })).map(toView),
      ),
    issuePin: (actor: Actor, vendorId: string) => issuePin(deps, redemption.pinHash, actor, vendorId),
    expireOverdue: () => expireOverdue(deps),
    expiringSoon: (actor: Actor) => expiringSoon(deps, actor),
  };
}

/** How many days before its last day an unused voucher is shown on the staff's front page. */
export const EXPIRING_SOON_DAYS = 7;

export interface ExpiringVoucher {
  caseId: string;
  caseNumber: number;
  requestId: string;
  requestNumber: number;
  title: string;
  expiresOn: CalendarDate;
}

/**
 * Unused vouchers whose last day is within a week, for the front page: the support person's own cases,
 * the coordinator's whole municipality.
 */
async function expiringSoon(deps: ServiceDeps, actor: Actor): Promise<ExpiringVoucher[]> {
  authorize(actor, 'budget.read');
  const municipalityId = ownMunicipality(actor);
  const lastDay = addDays(today(deps.clock.now()), EXPIRING_SOON_DAYS);
  const own = actor.role === 'support' ? actor.userId : null;
  const rows = await deps.database.transaction({ municipalityId }, (tx) =>
    vouchersEndingBy(tx, municipalityId, lastDay, own),
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.case_number,
    requestId: r.purchase_request_id,
    requestNumber: r.request_number,
    title: r.title,
    expiresOn: r.expires_on as CalendarDate,
  }));
}

/** The vouchers of a case, newest first, for those who work on it. */
async function ofCase(deps: ServiceDeps, actor: Actor, caseId: string): Promise<VoucherView[]> {
  authorize(actor, 'budget.read');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const row = await loadCase(tx, actor, 'budget.read', caseId);
    return (await vouchersWithRequest(tx, { caseId: row.id })).map(toView);
  });
}

/** A request's voucher (null: none), for those who work on its case. */
async function ofRequest(deps: ServiceDeps, actor: Actor, requestId: string): Promise<VoucherView | null> {
  authorize(actor, 'budget.read');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const request = isUuid(requestId) ? await findPurchaseRequest(tx, requestId) : undefined;
    if (!request) throw new NotFound();
    await loadCase(tx, actor, 'budget.read', request.case_id);
    const [row] = await vouchersWithRequest(tx, { requestId: request.id });
    return row ? toView(row) : null;
  });
}

/**
 * A new redemption PIN for a vendor on the list, shown once; the one before stops working. Only its
 * keyed hash is stored.
 */
async function issuePin(
  deps: ServiceDeps,
  pinHash: (pin: string) => string,
  actor: Actor,
  vendorId: string,
): Promise<string> {
  authorize(actor, 'vendor.manage');
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const vendor = isUuid(vendorId) ? await findVendor(tx, vendorId) : undefined;
    const usable = vendor?.active === true && vendor.status === 'approved';
    if (!vendor || vendor.municipality_id !== municipalityId || !usable) throw new NotFound();
    // Two vendors of a municipality never share a PIN: the PIN tells which shop it is (a unique
    // index holds it should two be issued at the same instant).
    let pin = newRedemptionPin();
    while (await vendorByPinHash(tx, municipalityId, pinHash(pin))) pin = newRedemptionPin();
    await setVendorPin(tx, vendor.id, pinHash(pin), at);
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: 'vendor.issuePin',
      entityType: 'vendor',
      entityId: vendor.id,
      before: { pinSet: vendor.redemption_pin_hash !== null },
      after: { pinSet: true },
    });
    return pin;
  });
}

/**
 * Ends every issued voucher past its last day, each in its own transaction: the reservation is
 * released and the request cancelled with the reason. Returns how many ended.
 */
async function expireOverdue(deps: ServiceDeps): Promise<number> {
  const { database } = deps;
  const at = deps.clock.now();
  const due = await database.transaction('all', (tx) => overdueVouchers(tx, today(at)));
  let ended = 0;
  for (const v of due) {
    const done = await database.transaction({ municipalityId: v.municipality_id }, (tx) =>
      expireOne(tx, at, v),
    );
    if (done) ended += 1;
  }
  return ended;
}

async function expireOne(
  tx: Tx,
  at: Date,
  v: { case_id: string; purchase_request_id: string; expires_on: string },
): Promise<boolean> {
  const caseRow = await findCase(tx, v.case_id, true);
  const request = await findPurchaseRequest(tx, v.purchase_request_id);
  // Re-read under the case's lock: a shop may have redeemed it, or staff cancelled it, meanwhile.
  const voucher = request ? await voucherOfRequest(tx, request.id) : undefined;
  if (!caseRow || !request || request.status !== 'approved' || voucher?.status !== 'issued') return false;
  await endVoucherOf(tx, null, at, request, 'expired');
  await releaseReservation(tx, null, at, caseRow, request.id);
  const date = danishDate(v.expires_on as CalendarDate);
  const reason = translate(translator('da'), message('voucher.expiredReason', { date }));
  await moveOn(
    tx,
    null,
    at,
    { caseRow, request },
    'cancel',
    { cancelled_at: at, cancellation_reason: reason },
    { reason: 'voucher_expired' },
  );
  return true;
}
