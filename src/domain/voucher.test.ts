import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from './calendar-date.ts';
import { ore } from './money.ts';
import {
  checkCharacter,
  formatVoucherCode,
  newRedemptionPin,
  newRedemptionReference,
  newVoucherCode,
  parseRedemptionPin,
  parseVoucherCode,
  redemptionAmountRefusal,
  redemptionRefusal,
  VOUCHER_ALPHABET,
  voucherExpiry,
  type VoucherFacts,
} from './voucher.ts';

const date = (s: string) => s as CalendarDate;
const CHARACTERS = Array.from(VOUCHER_ALPHABET);
const body = fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength: 11, maxLength: 11 });

describe('a voucher code', () => {
  it('has 12 characters without look-alikes, at least 50 bits of chance, and a check character', () => {
    expect(VOUCHER_ALPHABET).not.toMatch(/[01ILO]/);
    expect(VOUCHER_ALPHABET).toHaveLength(31);
    expect(11 * Math.log2(VOUCHER_ALPHABET.length)).toBeGreaterThan(50);
    const codes = new Set(Array.from({ length: 2000 }, () => newVoucherCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(parseVoucherCode(code)).toBe(code);
  });

  it('is read back from what a person types: spaces, dashes and small letters', () => {
    const code = newVoucherCode();
    expect(parseVoucherCode(formatVoucherCode(code).toLowerCase())).toBe(code);
    expect(parseVoucherCode(` ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)} `)).toBe(code);
    expect(formatVoucherCode('ABCDEFGHJKMN')).toBe('ABCD EFGH JKMN');
  });

  it('finds every single mistyped character', () => {
    fc.assert(
      fc.property(body, fc.nat(11), fc.constantFrom(...CHARACTERS), (b, at, typed) => {
        const code = b + checkCharacter(b);
        fc.pre(code[at] !== typed);
        const wrong = code.slice(0, at) + typed + code.slice(at + 1);
        expect(parseVoucherCode(wrong)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('finds every swap of two neighbouring characters', () => {
    fc.assert(
      fc.property(body, fc.nat(9), (b, at) => {
        fc.pre(b[at] !== b[at + 1]);
        const code = b + checkCharacter(b);
        const swapped = code.slice(0, at) + code.charAt(at + 1) + code.charAt(at) + code.slice(at + 2);
        expect(parseVoucherCode(swapped)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses other lengths and characters outside the alphabet', () => {
    const code = newVoucherCode();
    expect(parseVoucherCode(code.slice(1))).toBeNull();
    expect(parseVoucherCode(`${code}2`)).toBeNull();
    expect(parseVoucherCode(`O${code.slice(1)}`)).toBeNull();
  });
});

describe('the shop’s PIN and reference', () => {
  it('is eight digits, typed with or without spaces', () => {
    const pin = newRedemptionPin();
    expect(pin).toMatch(/^\d{8}$/);
    expect(parseRedemptionPin(`${pin.slice(0, 4)} ${pin.slice(4)}`)).toBe(pin);
    expect(parseRedemptionPin('1234567')).toBeNull();
    expect(newRedemptionReference()).toMatch(/^VB-[2-9A-HJKMNP-Z]{8}$/);
  });
});

describe('a voucher’s last day', () => {
  it('is 30 days on, and never after the case’s last day', () => {
    expect(voucherExpiry(date('2026-03-02'), null)).toBe('2026-04-01');
    expect(voucherExpiry(date('2026-03-02'), date('2026-12-31'))).toBe('2026-04-01');
    expect(voucherExpiry(date('2026-03-02'), date('2026-03-10'))).toBe('2026-03-10');
  });
});

describe('a redemption', () => {
  const issued: VoucherFacts = {
    status: 'issued',
    expiresOn: date('2026-04-01'),
    vendorId: 'shop',
    maxAmount: ore(1000_00),
  };

  it('is allowed for the shop named until the last day, and for any shop when none is named', () => {
    expect(redemptionRefusal(issued, 'shop', date('2026-04-01'))).toBeNull();
    expect(redemptionRefusal({ ...issued, vendorId: null }, 'other', date('2026-03-02'))).toBeNull();
  });

  it('is refused once used, cancelled, expired, after the last day, or by another shop', () => {
    const code = (v: VoucherFacts, shop = 'shop', on = '2026-03-02') =>
      redemptionRefusal(v, shop, date(on))?.code;
    expect(code({ ...issued, status: 'redeemed' })).toBe('voucher_redeemed');
    expect(code({ ...issued, status: 'cancelled' })).toBe('voucher_cancelled');
    expect(code({ ...issued, status: 'expired' })).toBe('voucher_expired');
    expect(code(issued, 'shop', '2026-04-02')).toBe('voucher_expired');
    expect(code(issued, 'other')).toBe('voucher_other_vendor');
  });

  it('is for more than 0 kr. and at most the maximum', () => {
    expect(redemptionAmountRefusal(issued, ore(1000_00))).toBeNull();
    expect(redemptionAmountRefusal(issued, ore(1000_01))?.key).toBe('voucher.refused.overMaximum');
    expect(redemptionAmountRefusal(issued, ore(0))?.key).toBe('voucher.refused.amountNotPositive');
  });
});
