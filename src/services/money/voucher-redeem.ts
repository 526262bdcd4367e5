import { findCase } from '../../db/repositories/case.repository.ts';
import {
  findPurchaseRequest,
  findVendor,
  updatePurchaseRequest,
} from '../../db/repositories/money.repository.ts';
import {
  findVoucher,
  placeOfCode,
  updateVoucher,
  vendorByPinHash,
  type VoucherRow,
} from '../../db/repositories/voucher.repository.ts';
import { checkAttachment } from '../../domain/attachment-file.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { Conflict, NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { parseKr, type Ore } from '../../domain/money.ts';
import {
  newRedemptionReference,
  parseRedemptionPin,
  parseVoucherCode,
  redemptionAmountRefusal,
  redemptionRefusal,
  type VoucherStatus,
} from '../../domain/voucher.ts';
import { message } from '../../i18n/index.ts';
import { createThrottle } from '../access/throttle.ts';
import { keyedHash, safeEqual } from '../access/tokens.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import type { ServiceDeps } from '../context.ts';
import { releaseReservation } from './ledger-record.ts';
import { attachReceipt, logShopAccess } from './voucher-effects.ts';

// A shop redeems a voucher (spec: Vouchers), without an account: its redemption PIN and the voucher's
// code first (`check`, throttled per address, per PIN and per code like a log-in; a wrong PIN and a wrong
// code get the same answer), then the receipt (`redeem`), one command in one transaction: the voucher
// redeemed, the request's amount set to the receipt's, what was not used released to the budget at
// once, the receipt attached, the audit event and a line in the citizen's access log. The shop sees
// what was approved and the maximum, never the citizen's name, CPR number or case.

/** How long the page between the PIN and the receipt may be open. */
const TICKET_MS = 20 * 60_000;

export interface ShopVoucherView {
  code: string;
  title: string;
  category: string;
  maxAmount: Ore;
  expiresOn: CalendarDate;
  status: VoucherStatus;
  /** The shop that entered its PIN. */
  shopName: string;
}

export interface CheckedVoucher {
  /** Carries the checked PIN and code to the receipt's form; signed, short-lived. */
  ticket: string;
  voucher: ShopVoucherView;
}

export interface RedemptionConfirmation {
  reference: string;
  amount: Ore;
  maxAmount: Ore;
  title: string;
  shopName: string;
  redeemedAt: Date;
}

export interface RedemptionInput {
  ticket: string;
  amountKr: string;
  receiptNumber: string;
  /** The form's key: the same form sent again gets the same confirmation. */
  key: string;
}

interface Ticket {
  voucherId: string;
  municipalityId: number;
  vendorId: string;
  until: number;
}

const WRONG = () => new ValidationFailed({ pin: message('voucher.refused.wrongPinOrCode') });

interface Redemption {
  deps: ServiceDeps;
  throttle: ReturnType<typeof createThrottle>;
  pinHash: (pin: string) => string;
}

export function createVoucherRedemption(deps: ServiceDeps) {
  const throttle = createThrottle(deps.database, deps.clock, deps.secrets.session);
  const r: Redemption = {
    deps,
    throttle,
    pinHash: (pin) => keyedHash(deps.secrets.session, `redemption-pin:${pin}`),
  };
  return {
    pinHash: r.pinHash,
    check: (input: { pin: string; code: string }, address: string) => check(r, input, address),
    ticketView: (ticket: string) => ticketView(r, ticket),
    redeem: (input: RedemptionInput, file: { name: string; bytes: Uint8Array } | null) =>
      redeem(r, input, file),
  };
}

function sign(r: Redemption, t: Ticket): string {
  const body = Buffer.from(JSON.stringify(t)).toString('base64url');
  return `${body}.${keyedHash(r.deps.secrets.session, `voucher-ticket:${body}`)}`;
}

function openTicket(r: Redemption, ticket: string): Ticket {
  const [body = '', signature = ''] = ticket.split('.');
  if (!safeEqual(signature, keyedHash(r.deps.secrets.session, `voucher-ticket:${body}`))) throw WRONG();
  const t = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Ticket;
  if (t.until < r.deps.clock.now().getTime())
    throw new ValidationFailed({ pin: message('voucher.refused.ticketExpired') });
  return t;
}

/** What the shop sees; a voucher past its last day is expired at once, before the hourly job ends it. */
function view(
  v: VoucherRow,
  request: { title: string; category: string },
  shopName: string,
  on: CalendarDate,
) {
  return {
    code: v.code,
    title: request.title,
    category: request.category,
    maxAmount: v.max_amount_ore as Ore,
    expiresOn: v.expires_on as CalendarDate,
    status: v.status === 'issued' && on > v.expires_on ? 'expired' : (v.status as VoucherStatus),
    shopName,
  };
}

/** The shop's PIN and the voucher's code: what was approved, or one answer for a wrong PIN or code. */
async function check(
  r: Redemption,
  input: { pin: string; code: string },
  address: string,
): Promise<CheckedVoucher> {
  const { database, clock } = r.deps;
  const code = parseVoucherCode(input.code);
  const pin = parseRedemptionPin(input.pin);
  // A typo in the code's check character is told before any guess is counted.
  if (code === null) throw new ValidationFailed({ code: message('voucher.refused.wrongPinOrCode') });
  const { throttle } = r;
  await throttle.reserve(
    throttle.keys(`redeem-address:${address}`, `redeem-code:${code}`, `redeem-pin:${pin ?? input.pin}`),
  );
  if (pin === null) throw WRONG();
  const place = await database.transaction('all', (tx) => placeOfCode(tx, code));
  if (!place) throw WRONG();
  const found = await database.transaction({ municipalityId: place.municipality_id }, async (tx) => {
    const vendor = await vendorByPinHash(tx, place.municipality_id, r.pinHash(pin));
    const voucher = await findVoucher(tx, place.id);
    const request = voucher ? await findPurchaseRequest(tx, voucher.purchase_request_id) : undefined;
    if (!vendor || !vendor.active || !voucher || !request) return null;
    if (voucher.vendor_id !== null && voucher.vendor_id !== vendor.id) return null;
    return { vendor, voucher, request };
  });
  if (!found) throw WRONG();
  // A shop that redeems many vouchers from one counter is not slowed down by its own right answers.
  const keys = throttle.keys(`redeem-address:${address}`, `redeem-code:${code}`, `redeem-pin:${pin}`);
  await database.transaction('all', (tx) => throttle.clear(tx, keys));
  const { vendor, voucher, request } = found;
  const ticket = sign(r, {
    voucherId: voucher.id,
    municipalityId: voucher.municipality_id,
    vendorId: vendor.id,
    until: clock.now().getTime() + TICKET_MS,
  });
  return { ticket, voucher: view(voucher, request, vendor.name, today(clock.now())) };
}

/** What a ticket shows, to render the receipt's form again after an error. */
async function ticketView(r: Redemption, ticket: string): Promise<ShopVoucherView> {
  const t = openTicket(r, ticket);
  return r.deps.database.transaction({ municipalityId: t.municipalityId }, async (tx) => {
    const voucher = await findVoucher(tx, t.voucherId);
    const request = voucher ? await findPurchaseRequest(tx, voucher.purchase_request_id) : undefined;
    const vendor = await findVendor(tx, t.vendorId);
    if (!voucher || !request || !vendor) throw new NotFound();
    return view(voucher, request, vendor.name, today(r.deps.clock.now()));
  });
}

/** Redeems the voucher for the receipt's amount: one command, once, whatever is sent twice. */
async function redeem(
  r: Redemption,
  input: RedemptionInput,
  file: { name: string; bytes: Uint8Array } | null,
): Promise<RedemptionConfirmation> {
  const t = openTicket(r, input.ticket);
  const at = r.deps.clock.now();
  return r.deps.database.transaction({ municipalityId: t.municipalityId }, async (tx) => {
    const first = await findVoucher(tx, t.voucherId);
    if (!first) throw new NotFound();
    // The case first, as every step on its money: the balance decided on is the one posted on.
    const caseRow = await findCase(tx, first.case_id, true);
    const voucher = await findVoucher(tx, t.voucherId);
    const request = await findPurchaseRequest(tx, first.purchase_request_id);
    const vendor = await findVendor(tx, t.vendorId);
    if (!caseRow || !voucher || !request || !vendor) throw new NotFound();
    const replay =
      voucher.status === 'redeemed' &&
      voucher.redemption_key === input.key &&
      voucher.redeemed_by_vendor_id === vendor.id;
    if (replay) return confirmation(voucher, request.title, vendor.name);
    const refused = redemptionRefusal(facts(voucher), vendor.id, today(at));
    if (refused) throw new Conflict(refused.message, refused.code);
    const receipt = checkInput(voucher, input, file);
    const reference = newRedemptionReference();
    await updateVoucher(tx, voucher.id, {
      status: 'redeemed',
      redeemed_at: at,
      redeemed_by_vendor_id: vendor.id,
      redeemed_amount_ore: receipt.amount,
      receipt_number: receipt.receiptNumber,
      redemption_reference: reference,
      redemption_key: input.key,
      updated_at: at,
    });
    await updatePurchaseRequest(tx, request.id, {
      amount_ore: receipt.amount,
      vendor_id: vendor.id,
      updated_at: at,
    });
    // What the shop did not use goes back to the budget at once.
    await releaseReservation(tx, null, at, caseRow, request.id, {
      upTo: voucher.max_amount_ore - receipt.amount,
      note: `Værdibevis ${reference}`,
    });
    const sha256 = await attachReceipt(tx, at, request, vendor.id, receipt.file);
    await recordAudit(tx, null, at, {
      municipalityId: request.municipality_id,
      action: 'voucher.redeem',
      entityType: 'voucher',
      entityId: voucher.id,
      before: { status: voucher.status, amountOre: voucher.max_amount_ore },
      after: { status: 'redeemed', vendorId: vendor.id, amountOre: receipt.amount, reference, sha256 },
    });
    await logShopAccess(tx, at, caseRow, vendor.id);
    const redeemed = { ...voucher, redemption_reference: reference, redeemed_amount_ore: receipt.amount };
    return confirmation({ ...redeemed, redeemed_at: at }, request.title, vendor.name);
  });
}

function facts(v: VoucherRow) {
  return {
    status: v.status as VoucherStatus,
    expiresOn: v.expires_on as CalendarDate,
    vendorId: v.vendor_id,
    maxAmount: v.max_amount_ore as Ore,
  };
}

function confirmation(v: VoucherRow, title: string, shopName: string): RedemptionConfirmation {
  return {
    reference: v.redemption_reference ?? '',
    amount: (v.redeemed_amount_ore ?? 0) as Ore,
    maxAmount: v.max_amount_ore as Ore,
    title,
    shopName,
    redeemedAt: v.redeemed_at ?? new Date(0),
  };
}

/** The receipt's amount, number and file, each checked; every fault at its field, nothing written. */
function checkInput(
  voucher: VoucherRow,
  input: RedemptionInput,
  file: { name: string; bytes: Uint8Array } | null,
) {
  const errors: FieldErrors = {};
  const parsed = parseKr(input.amountKr);
  let amount = 0 as Ore;
  if (!parsed.ok) errors.amountKr = parsed.error.message;
  else {
    amount = parsed.value;
    const refused = redemptionAmountRefusal(facts(voucher), amount);
    if (refused) errors.amountKr = refused;
  }
  const receiptNumber = input.receiptNumber.trim();
  if (receiptNumber.length < 1 || receiptNumber.length > 100 || /[\p{Cc}]/u.test(receiptNumber))
    errors.receiptNumber = message('voucher.refused.receiptNumber');
  const checked = file ? checkAttachment(file.name, file.bytes) : null;
  if (!checked || !checked.ok) errors.file = message('voucher.refused.file');
  if (Object.keys(errors).length > 0 || !checked?.ok || !file) throw new ValidationFailed(errors);
  return {
    amount,
    receiptNumber,
    file: { fileName: checked.fileName, type: checked.type, bytes: file.bytes },
  };
}
