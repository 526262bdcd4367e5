import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_JSON_ORE,
  formatKr,
  formatKrCsv,
  formatKrExact,
  krNumberToOre,
  ore,
  oreToKrNumber,
  parseKr,
  sumOre,
  type Ore,
} from './money.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

const NBSP = '\u00a0';
const amounts = (max: number) => fc.integer({ min: -max, max }).map(ore);

function parsed(text: string, allowNegative = false): number {
  const r = parseKr(text, { allowNegative });
  if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
  return r.value;
}

describe('ore', () => {
  it('accepts safe integers and refuses fractions, NaN and unsafe numbers', () => {
    expect(ore(123)).toBe(123);
    expect(() => ore(1.5)).toThrow(RangeError);
    expect(() => ore(Number.NaN)).toThrow(RangeError);
    expect(() => ore(2 ** 53)).toThrow(RangeError);
  });

  it('sums without leaving the integers', () => {
    expect(sumOre([ore(1), ore(2), ore(3)])).toBe(6);
    expect(sumOre([])).toBe(0);
  });
});

describe('parseKr', () => {
  it('reads both decimal marks, whole kroner and surrounding spaces', () => {
    expect(parsed('1234,50')).toBe(123450);
    expect(parsed('1234.50')).toBe(123450);
    expect(parsed('1234')).toBe(123400);
    expect(parsed('  0,5 ')).toBe(50);
    expect(parsed('007')).toBe(700);
  });

  it('refuses thousands separators, extra decimals, junk and empty input with a code', () => {
    const code = (t: string) => {
      const r = parseKr(t);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('')).toBe('empty');
    expect(code('   ')).toBe('empty');
    expect(code('1.234,50')).toBe('format');
    expect(code('1 234')).toBe('format');
    expect(code('12,')).toBe('format');
    expect(code(',50')).toBe('format');
    expect(code('12 kr.')).toBe('format');
    expect(code('1e3')).toBe('format');
    expect(code('1,234')).toBe('too_many_decimals');
    expect(code('-5')).toBe('negative');
    expect(code('99999999999999999999')).toBe('too_large');
  });

  it('gives a Danish message', () => {
    const r = parseKr('1,234');
    expect(r.ok ? '' : danish(r.error.message)).toBe('Beløbet må højst have to decimaler.');
  });

  it('allows negative amounts only when asked', () => {
    expect(parsed('-12,30', true)).toBe(-1230);
    expect(Object.is(parsed('-0', true), 0)).toBe(true);
  });
});

describe('formatting', () => {
  it('formats with da-DK grouping and a no-break space before kr.', () => {
    expect(formatKrExact(ore(123450))).toBe(`1.234,50${NBSP}kr.`);
    expect(formatKrExact(ore(280000))).toBe(`2.800,00${NBSP}kr.`);
    expect(formatKr(ore(280000))).toBe(`2.800${NBSP}kr.`);
    expect(formatKr(ore(123405))).toBe(`1.234,05${NBSP}kr.`);
    expect(formatKr(ore(0))).toBe(`0${NBSP}kr.`);
    expect(formatKr(ore(-150))).toBe(`-1,50${NBSP}kr.`);
    expect(formatKrExact(ore(5_000_000_00))).toBe(`5.000.000,00${NBSP}kr.`);
  });

  it('formats the largest safe amount exactly', () => {
    expect(formatKrExact(ore(Number.MAX_SAFE_INTEGER))).toBe(`90.071.992.547.409,91${NBSP}kr.`);
  });

  it('writes CSV amounts with a decimal comma and no grouping', () => {
    expect(formatKrCsv(ore(123450))).toBe('1234,50');
    expect(formatKrCsv(ore(5))).toBe('0,05');
    expect(formatKrCsv(ore(-123450))).toBe('-1234,50');
  });
});

describe('JSON kroner numbers', () => {
  it('converts both ways', () => {
    expect(oreToKrNumber(ore(123450))).toBe(1234.5);
    expect(oreToKrNumber(ore(1))).toBe(0.01);
    expect(krNumberToOre(1234.5)).toEqual({ ok: true, value: 123450 });
    expect(krNumberToOre(0.07)).toEqual({ ok: true, value: 7 });
    expect(krNumberToOre(1.005).ok).toBe(false);
    expect(krNumberToOre(1e-7).ok).toBe(false);
    expect(krNumberToOre(1e21).ok).toBe(false);
    expect(krNumberToOre(Number.NaN).ok).toBe(false);
    expect(krNumberToOre(-1).ok).toBe(false);
    expect(() => oreToKrNumber(ore(MAX_JSON_ORE + 1))).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('parseKr reads back what formatKrCsv wrote', () => {
    fc.assert(
      fc.property(amounts(1e12), (a) => {
        expect(parsed(formatKrCsv(a), true)).toBe(a);
      }),
    );
  });

  it('parseKr reads back the exact format once grouping and unit are removed', () => {
    fc.assert(
      fc.property(amounts(1e12), (a) => {
        const plain = formatKrExact(a).replaceAll('.', '').replace(`${NBSP}kr`, '');
        expect(parsed(plain, true)).toBe(a);
      }),
    );
  });

  it('JSON numbers round-trip exactly with at most two decimals, up to the documented bound', () => {
    fc.assert(
      fc.property(fc.oneof(amounts(1e12), amounts(MAX_JSON_ORE)), (a) => {
        const kr = oreToKrNumber(a);
        const back = krNumberToOre(JSON.parse(JSON.stringify(kr)) as number, { allowNegative: true });
        expect(back).toEqual({ ok: true, value: a });
        expect(String(kr)).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }),
    );
  });

  it('summing many amounts never drifts (integers, not floats)', () => {
    fc.assert(
      fc.property(fc.array(amounts(1e12), { maxLength: 50 }), (list: Ore[]) => {
        const exact = list.reduce((s, a) => s + BigInt(a), 0n);
        expect(BigInt(sumOre(list))).toBe(exact);
        const csvSum = list.map((a) => parsed(formatKrCsv(a), true)).reduce((s, a) => s + BigInt(a), 0n);
        expect(csvSum).toBe(exact);
      }),
    );
  });
});
