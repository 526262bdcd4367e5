// Vouchers (spec: Vouchers; værdibevis): an approved request the citizen buys themselves. The money stays
// reserved; the shop redeems the voucher once, for at most the approved amount, with its redemption PIN;
// what it did not use goes back to the budget at once. The rules here are pure; services/money/voucher*.ts
// applies them with the case row locked.
//
//   issued ─→ redeemed (a payment to make)
//      ├───→ cancelled (the reservation is released)
//      └───→ expired   (after its last day; the reservation is released)

import { randomInt } from 'node:crypto';
import { normaliseCode, randomReadable, READABLE_ALPHABET } from './readable-code.ts';
import { addDays, type CalendarDate } from './calendar-date.ts';
import { formatKr, type Ore } from './money.ts';
import { message, type Message, type MessageKey } from '../i18n/index.ts';

export const VOUCHER_STATUSES = ['issued', 'redeemed', 'cancelled', 'expired'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const VOUCHER_STATUS_LABELS: Readonly<Record<VoucherStatus, MessageKey>> = {
  issued: 'label.voucherStatus.issued',
  redeemed: 'label.voucherStatus.redeemed',
  cancelled: 'label.voucherStatus.cancelled',
  expired: 'label.voucherStatus.expired',
};

/** How long a voucher lasts at most; never past the case's last day. */
export const VOUCHER_VALID_DAYS = 30;

/** The code's characters: the readable alphabet, easy to read aloud and to type on a shop's keyboard. */
export const VOUCHER_ALPHABET = READABLE_ALPHABET;
const N = VOUCHER_ALPHABET.length;
const ONLY_ALPHABET = new RegExp(`^[${VOUCHER_ALPHABET}]*$`);

/** 11 random characters (11 · log2 31 ≈ 54.5 bits) and one check character. */
const RANDOM_LENGTH = 11;
const VOUCHER_CODE_LENGTH = RANDOM_LENGTH + 1;

/**
 * The check character: the sum of each character's value times its position (1, 2, …), modulo 31. As 31
 * is prime and the weights differ, it finds every mistyped character and every swap of two neighbours,
 * so a typo is told as a typo, before any guess is counted against the shop.
 */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = VOUCHER_ALPHABET.indexOf(body.charAt(i));
    if (value < 0) throw new Error('not a voucher character');
    sum += (i + 1) * value;
  }
  return VOUCHER_ALPHABET.charAt(sum % N);
}

export function newVoucherCode(): string {
  const body = randomReadable(RANDOM_LENGTH);
  return body + checkCharacter(body);
}

/** The code as people read it: three groups of four. */
export function formatVoucherCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * What was typed or scanned, as a code: spaces and dashes ignored, small letters as capitals. Null when
 * it cannot be a code (length, a character outside the alphabet, or a wrong check character).
 */
export function parseVoucherCode(typed: string): string | null {
  const code = normaliseCode(typed);
  if (code.length !== VOUCHER_CODE_LENGTH) return null;
  if (!ONLY_ALPHABET.test(code)) return null;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1) ? code : null;
}

/** The shop's reference for its invoice: VB- and eight characters of the alphabet. */
export function newRedemptionReference(): string {
  return `VB-${randomReadable(8)}`;
}

/** The shop's redemption PIN: eight digits, shown once to finance, then only its keyed hash is kept. */
export function newRedemptionPin(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

export function parseRedemptionPin(typed: string): string | null {
  const pin = typed.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(pin) ? pin : null;
}

/** The last day a voucher issued on `issuedOn` may be used: 30 days on, and never after the case's end. */
export function voucherExpiry(issuedOn: CalendarDate, caseEnd: CalendarDate | null): CalendarDate {
  const latest = addDays(issuedOn, VOUCHER_VALID_DAYS);
  return caseEnd !== null && caseEnd < latest ? caseEnd : latest;
}

export interface VoucherFacts {
  readonly status: VoucherStatus;
  readonly expiresOn: CalendarDate;
  /** Null: any vendor on the list. */
  readonly vendorId: string | null;
  readonly maxAmount: Ore;
}

export type RedemptionRefusal = { readonly code: string; readonly message: Message };

/**
 * Whether `vendorId` may redeem the voucher today for `amount`; null when it may. The amount is the
 * receipt's, at most the approved maximum.
 */
export function redemptionRefusal(
  v: VoucherFacts,
  vendorId: string,
  today: CalendarDate,
): RedemptionRefusal | null {
  if (v.status === 'redeemed') return refusal('voucher_redeemed', 'voucher.refused.redeemed');
  if (v.status === 'cancelled') return refusal('voucher_cancelled', 'voucher.refused.cancelled');
  if (v.status === 'expired' || today > v.expiresOn)
    return refusal('voucher_expired', 'voucher.refused.expired');
  if (v.vendorId !== null && v.vendorId !== vendorId)
    return refusal('voucher_other_vendor', 'voucher.refused.otherVendor');
  return null;
}

/** The amount a shop enters: more than 0 and at most the maximum. */
export function redemptionAmountRefusal(v: VoucherFacts, amount: Ore): Message | null {
  if (amount <= 0) return message('voucher.refused.amountNotPositive');
  if (amount > v.maxAmount) return message('voucher.refused.overMaximum', { max: formatKr(v.maxAmount) });
  return null;
}

function refusal(code: string, key: MessageKey): RedemptionRefusal {
  return { code, message: message(key) };
}
