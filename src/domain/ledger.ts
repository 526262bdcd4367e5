// The budget ledger of one case (spec: Budget ledger): an append-only list of postings with
// positive amounts. Balances are always derived from the postings, never stored loose.
//
// Entry model:
// - `grant` gives the case money from the programme pool (several grants add up, e.g. a raise).
// - `reservation` holds money for an approved purchase request; `reservation_release` gives it back
//   (request cancelled, or a reservation that is no longer needed).
// - `payment` pays a vendor. It carries `settles`: how much reserved money this payment converts
//   ("reservation becomes payment"; spec: Payments). `settles` is an amount, not a flag, because an invoice
//   may differ from the approved amount: paying 2,950 kr. on a 3,000 kr. reservation settles 3,000 and
//   pays 2,950, in one posting, so nothing is left dangling in `reserved`. A payment without a
//   reservation (e.g. imported history) has `settles` 0.
// - `refund` brings paid money back (returned goods); it never exceeds what was paid.
// - `return_to_pool` sends unspent money back to the pool, normally once at close.
//
// Derived balance:
//   granted   = Σ grant                        (gross: what the case was given, for reports)
//   returned  = Σ return_to_pool
//   reserved  = Σ reservation − Σ reservation_release − Σ payment.settles
//   paid      = Σ payment, refunded = Σ refund, spent = paid − refunded
//   available = granted − returned − reserved − paid + refunded
// The specification's "available = granted − reserved − paid + refunds" (spec: Balance) reads granted as the
// grant still held by the case, i.e. net of what went back to the pool; keeping `granted` gross lets the
// report show granted, spent and returned side by side.
import { formatKr, ore, type Ore } from './money.ts';
import { message, type Message } from '../i18n/index.ts';

export type LedgerEntryKind =
  'grant' | 'reservation' | 'reservation_release' | 'payment' | 'refund' | 'return_to_pool';

/** `ref` links a posting to its purchase request (or other source); the balance does not need it. */
export type LedgerEntry =
  | { readonly kind: 'grant'; readonly amount: Ore; readonly ref?: string }
  | { readonly kind: 'reservation'; readonly amount: Ore; readonly ref?: string }
  | { readonly kind: 'reservation_release'; readonly amount: Ore; readonly ref?: string }
  | { readonly kind: 'payment'; readonly amount: Ore; readonly settles: Ore; readonly ref?: string }
  | { readonly kind: 'refund'; readonly amount: Ore; readonly ref?: string }
  | { readonly kind: 'return_to_pool'; readonly amount: Ore; readonly ref?: string };

export interface Balance {
  readonly granted: Ore;
  readonly reserved: Ore;
  readonly paid: Ore;
  readonly refunded: Ore;
  readonly returned: Ore;
  readonly spent: Ore;
  readonly available: Ore;
}

type Sums = Record<LedgerEntryKind | 'settled', number>;

function emptySums(): Sums {
  return {
    grant: 0,
    reservation: 0,
    reservation_release: 0,
    payment: 0,
    refund: 0,
    return_to_pool: 0,
    settled: 0,
  };
}

function addEntry(s: Sums, e: LedgerEntry): void {
  s[e.kind] = ore(s[e.kind] + e.amount);
  if (e.kind === 'payment') s.settled = ore(s.settled + e.settles);
}

export function deriveBalance(entries: Iterable<LedgerEntry>): Balance {
  const s = emptySums();
  for (const e of entries) addEntry(s, e);
  return balanceOf(s);
}

/** What is still reserved for one purchase request: the most a release or payment may settle for it. */
export function openReservation(entries: Iterable<LedgerEntry>, ref: string): Ore {
  let open = 0;
  for (const e of entries) {
    if (e.ref !== ref) continue;
    if (e.kind === 'reservation') open += e.amount;
    else if (e.kind === 'reservation_release') open -= e.amount;
    else if (e.kind === 'payment') open -= e.settles;
  }
  return ore(open);
}

function balanceOf(s: Sums): Balance {
  const reserved = s.reservation - s.reservation_release - s.settled;
  const available = s.grant - s.return_to_pool - reserved - s.payment + s.refund;
  return {
    granted: ore(s.grant),
    reserved: ore(reserved),
    paid: ore(s.payment),
    refunded: ore(s.refund),
    returned: ore(s.return_to_pool),
    spent: ore(s.payment - s.refund),
    available: ore(available),
  };
}

export type InvariantCode =
  | 'non_positive_amount'
  | 'negative_settles'
  | 'reserved_negative'
  | 'refunds_exceed_paid'
  | 'returned_exceeds_granted'
  | 'overspent';

export interface InvariantViolation {
  readonly code: InvariantCode;
  /** The amounts involved, for the `check-ledger` report. */
  readonly message: Message;
}

/** Every violated rule of a balance; empty when the books are right. */
export function checkInvariants(b: Balance): InvariantViolation[] {
  const v: InvariantViolation[] = [];
  const add = (code: InvariantCode, amounts: Record<string, Ore>) =>
    v.push({ code, message: invariantMessage(code, amounts) });
  if (b.reserved < 0) add('reserved_negative', { reserved: b.reserved });
  if (b.refunded > b.paid) add('refunds_exceed_paid', { refunded: b.refunded, paid: b.paid });
  if (b.returned > b.granted) add('returned_exceeds_granted', { returned: b.returned, granted: b.granted });
  // reserved + paid − refunds ≤ granted (net of returns), i.e. available ≥ 0.
  if (b.available < 0) add('overspent', { available: b.available });
  return v;
}

function invariantMessage(code: InvariantCode, amounts: Record<string, Ore>): Message {
  return message(
    `ledger.invariant.${code}`,
    Object.fromEntries(Object.entries(amounts).map(([name, amount]) => [name, formatKr(amount)])),
  );
}

/**
 * Re-checks a whole ledger as the `check-ledger` command would: every posting well-formed and the
 * invariants true after every posting, since an append-only ledger must never have passed through
 * a wrong state. Returns the violations with the index of the posting that caused them.
 */
export function checkLedger(entries: Iterable<LedgerEntry>): (InvariantViolation & { index: number })[] {
  const found: (InvariantViolation & { index: number })[] = [];
  const s = emptySums();
  let index = 0;
  for (const e of entries) {
    if (e.amount <= 0) {
      const code = 'non_positive_amount';
      found.push({ index, code, message: invariantMessage(code, { amount: e.amount }) });
    }
    if (e.kind === 'payment' && e.settles < 0) {
      const code = 'negative_settles';
      found.push({ index, code, message: invariantMessage(code, { settles: e.settles }) });
    }
    addEntry(s, e);
    for (const v of checkInvariants(balanceOf(s))) found.push({ index, ...v });
    index += 1;
  }
  return found;
}

// ---- Decisions: what a service asks before it appends a posting. ----

export type LedgerErrorCode =
  | 'invalid_amount'
  | 'budget_exceeded'
  | 'grant_exceeds_max'
  | 'pool_exceeded'
  | 'release_exceeds_reserved'
  | 'settles_exceeds_reserved'
  | 'refund_exceeds_paid'
  | 'reservations_open';

export interface LedgerError {
  readonly code: LedgerErrorCode;
  /** For the person who tried; gives the amounts involved. */
  readonly message: Message;
}

export type Decision = { readonly ok: true } | { readonly ok: false; readonly error: LedgerError };

const OK: Decision = { ok: true };

function refuse(code: LedgerErrorCode, said: Message): { ok: false; error: LedgerError } {
  return { ok: false, error: { code, message: said } };
}

type TooLargeCode = Exclude<LedgerErrorCode, 'invalid_amount' | 'reservations_open'>;

/** "Beløbet 3.000 kr. er større end det disponible beløb 2.500 kr." */
function tooLarge(code: TooLargeCode, amount: Ore, limit: Ore) {
  return refuse(
    code,
    message(`ledger.refused.${code}`, { amount: formatKr(amount), limit: formatKr(limit) }),
  );
}

function checkPositive(amount: Ore): Decision {
  return Number.isSafeInteger(amount) && amount > 0
    ? OK
    : refuse('invalid_amount', message('ledger.refused.not_positive'));
}

export interface GrantLimits {
  /** The programme's `maxGrant` for one citizen. */
  readonly maxGrant: Ore;
  /** Pool minus what all cases of the programme hold (net grants): Σ grants ≤ pool. */
  readonly poolRemaining: Ore;
}

export function canGrant(b: Balance, amount: Ore, limits: GrantLimits): Decision {
  const bad = checkPositive(amount);
  if (!bad.ok) return bad;
  const room = ore(limits.maxGrant - (b.granted - b.returned));
  if (amount > room) return tooLarge('grant_exceeds_max', amount, room);
  if (amount > limits.poolRemaining) return tooLarge('pool_exceeded', amount, limits.poolRemaining);
  return OK;
}

export function canReserve(b: Balance, amount: Ore): Decision {
  const bad = checkPositive(amount);
  if (!bad.ok) return bad;
  if (amount > b.available) return tooLarge('budget_exceeded', amount, b.available);
  return OK;
}

export function canRelease(b: Balance, amount: Ore): Decision {
  const bad = checkPositive(amount);
  if (!bad.ok) return bad;
  if (amount > b.reserved) return tooLarge('release_exceeds_reserved', amount, b.reserved);
  return OK;
}

/** A payment of `amount` that converts `settles` of reserved money (0 when nothing was reserved). */
export function canPay(b: Balance, amount: Ore, settles: Ore): Decision {
  const bad = checkPositive(amount);
  if (!bad.ok) return bad;
  if (!Number.isSafeInteger(settles) || settles < 0) {
    return refuse('invalid_amount', message('ledger.refused.negative_settles'));
  }
  if (settles > b.reserved) return tooLarge('settles_exceeds_reserved', settles, b.reserved);
  // The settled reservation is already counted as used, so it is room for this payment.
  const room = ore(b.available + settles);
  if (amount > room) return tooLarge('budget_exceeded', amount, room);
  return OK;
}

export function canRefund(b: Balance, amount: Ore): Decision {
  const bad = checkPositive(amount);
  if (!bad.ok) return bad;
  const refundable = ore(b.paid - b.refunded);
  if (amount > refundable) return tooLarge('refund_exceeds_paid', amount, refundable);
  return OK;
}

/**
 * What goes back to the pool at close: all that is unspent, i.e. `available`. Open reservations must
 * be paid or released first, or their money would be neither spent nor returned. An amount of 0
 * means: append nothing (postings are positive).
 */
export function returnToPoolAmount(
  b: Balance,
): { readonly ok: true; readonly amount: Ore } | { readonly ok: false; readonly error: LedgerError } {
  if (b.reserved > 0) {
    return refuse(
      'reservations_open',
      message('ledger.refused.reservations_open', { reserved: formatKr(b.reserved) }),
    );
  }
  return { ok: true, amount: b.available };
}
