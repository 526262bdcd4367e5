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
  parseKrPlain,
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
  const code = (t: string) => {
    const r = parseKr(t);
    return r.ok ? 'ok' : r.error.code;
  };

  it('reads amounts as Danes type them', () => {
    expect(parsed('6500')).toBe(650_000);
    expect(parsed('6.500')).toBe(650_000);
    expect(parsed('6 500')).toBe(650_000);
    expect(parsed(`6${NBSP}500`)).toBe(650_000);
    expect(parsed('6\u202f500')).toBe(650_000);
    expect(parsed('6.500,50')).toBe(650_050);
    expect(parsed('6500,5')).toBe(650_050);
    expect(parsed('1.234.567,89')).toBe(123_456_789);
    expect(parsed('1 234 567,89')).toBe(123_456_789);
    expect(parsed('  0,5 ')).toBe(50);
    expect(parsed('007')).toBe(700);
  });

  it('reads the unit and the whole-kroner dash people add', () => {
    expect(parsed('6.500 kr.')).toBe(650_000);
    expect(parsed(`6.500${NBSP}kr.`)).toBe(650_000);
    expect(parsed('6500 kr')).toBe(650_000);
    expect(parsed('2 500 kroner')).toBe(250_000);
    expect(parsed('2500,-')).toBe(250_000);
    expect(parsed('450 DKK')).toBe(45_000);
  });

  it('asks which was meant when a dot stands before one or two digits, never guessing', () => {
    const question = (t: string) => {
      const r = parseKr(t);
      if (r.ok) throw new Error(`${t} was read as ${r.value}`);
      expect(r.error.code).toBe('ambiguous');
      return danish(r.error.message);
    };
    expect(question('2.50')).toBe(
      `Mente du 2,50${NBSP}kr. eller 250${NBSP}kr.? Skriv øre med komma, fx 2,50.`,
    );
    expect(question('1.5')).toBe(`Mente du 1,50${NBSP}kr. eller 15${NBSP}kr.? Skriv øre med komma, fx 1,50.`);
    expect(question('6500.50')).toBe(
      `Mente du 6.500,50${NBSP}kr. eller 650.050${NBSP}kr.? Skriv øre med komma, fx 6.500,50.`,
    );
    expect(question('12.345,5.')).toBe(`Mente du 12.345,50${NBSP}kr.? Skriv beløbet uden punktum til sidst.`);
    expect(question('6.500.')).toBe(`Mente du 6.500${NBSP}kr.? Skriv beløbet uden punktum til sidst.`);
  });

  it('refuses broken grouping, extra decimals, junk and empty input with a code', () => {
    expect(code('')).toBe('empty');
    expect(code('   ')).toBe('empty');
    expect(code('kr.')).toBe('empty');
    expect(code('65 00')).toBe('format');
    expect(code('1.234 567')).toBe('format');
    expect(code('1234.567')).toBe('format');
    expect(code('1.23.456')).toBe('format');
    expect(code('12,')).toBe('format');
    expect(code(',50')).toBe('format');
    expect(code('1e3')).toBe('format');
    expect(code('2.50.')).toBe('format');
    expect(code('1,234')).toBe('too_many_decimals');
    expect(code('-5')).toBe('negative');
    expect(code('-2.50')).toBe('negative');
    expect(code('99999999999999999999')).toBe('too_large');
  });

  it('gives Danish messages', () => {
    const said = (t: string) => {
      const r = parseKr(t);
      return r.ok ? '' : danish(r.error.message);
    };
    expect(said('1,234')).toBe('Beløbet må højst have to decimaler.');
    expect(said('mange')).toBe('Skriv beløbet i kroner, fx 6.500 eller 6.500,50.');
  });

  it('allows negative amounts only when asked', () => {
    expect(parsed('-12,30', true)).toBe(-1230);
    expect(parsed('-1.234,50', true)).toBe(-123_450);
    expect(Object.is(parsed('-0', true), 0)).toBe(true);
  });
});

describe('parseKrPlain (the CSV import)', () => {
  const plain = (t: string) => {
    const r = parseKrPlain(t);
    return r.ok ? r.value : r.error.code;
  };

  it('reads either decimal mark and no thousands separators', () => {
    expect(plain('1234,50')).toBe(123_450);
    expect(plain('1234.50')).toBe(123_450);
    expect(plain('1234')).toBe(123_400);
    expect(plain('1.234,50')).toBe('format');
    expect(plain('1 234')).toBe('format');
    expect(plain('1.200')).toBe('too_many_decimals');
    expect(plain('12 kr.')).toBe('format');
  });

  it("keeps the file format's message", () => {
    const r = parseKrPlain('1.234,50');
    expect(r.ok ? '' : danish(r.error.message)).toBe(
      'Skriv beløbet i kroner, fx 1234,50 (uden tusindtalsseparator).',
    );
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
  it('parseKr and parseKrPlain read back what formatKrCsv wrote', () => {
    fc.assert(
      fc.property(amounts(1e12), (a) => {
        expect(parsed(formatKrCsv(a), true)).toBe(a);
        expect(parseKrPlain(formatKrCsv(a), { allowNegative: true })).toEqual({ ok: true, value: a });
      }),
    );
  });

  it('parseKr reads back what formatKr and formatKrExact show', () => {
    fc.assert(
      fc.property(fc.oneof(amounts(1e12), amounts(Number.MAX_SAFE_INTEGER)), (a) => {
        expect(parsed(formatKr(a), true)).toBe(a);
        expect(parsed(formatKrExact(a), true)).toBe(a);
      }),
    );
  });

  it('parseKr reads every plain way people type an amount', () => {
    const typed = fc.record({
      amount: amounts(1e12),
      group: fc.constantFrom('', '.', ' ', NBSP),
      decimals: fc.constantFrom('shortest', 'two'),
      unit: fc.constantFrom('', ' kr.', ' kr', `${NBSP}kr.`),
    });
    fc.assert(
      fc.property(typed, ({ amount, group, decimals, unit }) => {
        const abs = Math.abs(amount);
        const kr = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+$)/g, group);
        const cents = String(abs % 100).padStart(2, '0');
        const fraction =
          decimals === 'two' ? `,${cents}` : cents === '00' ? '' : `,${cents.replace(/0$/, '')}`;
        const text = `${amount < 0 ? '-' : ''}${kr}${fraction}${unit}`;
        expect(parsed(text, true)).toBe(amount);
      }),
    );
  });

  it('parseKr never reads a dot before one or two digits as a value', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.stringMatching(/^\d{1,2}$/), (whole, digits) => {
        const r = parseKr(`${whole}.${digits}`);
        expect(r.ok ? 'read' : r.error.code).toBe('ambiguous');
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
