// Money is an integer number of øre behind a brand, so a float or a kroner number can never be
// passed where øre are meant (conventions: Money is integer øre). Only this module parses, formats or rounds
// money. Conversions go through decimal strings or integer arithmetic, never `x * 100` on floats.
import { message, type Message } from '../i18n/index.ts';

declare const oreBrand: unique symbol;
export type Ore = number & { readonly [oreBrand]: true };

export const ZERO_ORE = 0 as Ore;

/** Asserts that `n` is a safe integer and brands it as øre. */
export function ore(n: number): Ore {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of øre: ${n}`);
  return n as Ore;
}

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function subtractOre(a: Ore, b: Ore): Ore {
  return ore(a - b);
}

export function sumOre(amounts: Iterable<Ore>): Ore {
  let total = 0;
  for (const a of amounts) total = ore(total + a);
  return total as Ore;
}

export type MoneyErrorCode =
  'empty' | 'format' | 'too_many_decimals' | 'negative' | 'too_large' | 'ambiguous';
export interface MoneyError {
  readonly code: MoneyErrorCode;
  readonly message: Message;
}
export type MoneyResult =
  { readonly ok: true; readonly value: Ore } | { readonly ok: false; readonly error: MoneyError };
export interface ParseKrOptions {
  /** Negative amounts are refused unless allowed (corrections in bookkeeping, never user input). */
  readonly allowNegative?: boolean;
}

function fail(code: MoneyErrorCode, said: Message = message(`money.error.${code}`)): MoneyResult {
  return { ok: false, error: { code, message: said } };
}

/** A space between digit groups: an ordinary, a no-break or a narrow no-break space. */
const GROUP_SPACE = '[ \u00a0\u202f]';
/**
 * Kroner as Danes write them (spec: Input of amounts and dates): whole kroner without grouping, or
 * grouped in threes by dots or by spaces (one kind per amount), then a decimal comma.
 */
const TYPED_KR = new RegExp(
  `^(-?)(\\d+|\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?:${GROUP_SPACE}\\d{3})+)(?:,(\\d+))?$`,
);
/** "2.50", "1.5": a dot before one or two digits is a decimal point in English, a typo in Danish. */
const DOT_DECIMAL = /^(-?)(\d+)\.(\d{1,2})$/;
/** What people add around an amount: "kr.", "kr", "kroner", "DKK" after it, or ",-" for whole kroner. */
const UNIT = /\s*(?:kr\.?|kroner|dkk)$/i;

/**
 * Parses kroner as people type them into a form: `6500`, `6.500`, `6 500`, `6.500,50`, `6500,5`,
 * `1.234.567,89`, with or without "kr." after it. A dot before one or two digits (`2.50`) or a full stop
 * after the amount is never guessed at: the answer is a question with both readings.
 */
export function parseKr(text: string, options: ParseKrOptions = {}): MoneyResult {
  const trimmed = text.trim().replace(UNIT, '').replace(/,-$/, '').trim();
  if (trimmed === '') return fail('empty');
  const m = TYPED_KR.exec(trimmed);
  if (m) {
    const [, sign = '', whole = '', fraction = ''] = m;
    return decimalToOre(sign === '-', whole.replace(/\D/g, ''), fraction, options);
  }
  return unclear(trimmed, options) ?? fail('format', message('money.error.typed'));
}

/** The question for an amount that has two readings, or null when it has none. */
function unclear(typed: string, options: ParseKrOptions): MoneyResult | null {
  const dot = DOT_DECIMAL.exec(typed);
  if (dot) {
    const [, sign = '', whole = '', fraction = ''] = dot;
    const asDecimal = decimalToOre(sign === '-', whole, fraction, options);
    const asWhole = decimalToOre(sign === '-', whole + fraction, '', options);
    if (!asDecimal.ok) return asDecimal;
    if (!asWhole.ok) return asWhole;
    const decimal = formatKr(asDecimal.value);
    const example = decimal.replace(/\u00a0kr\.$/, '');
    return fail(
      'ambiguous',
      message('money.error.ambiguous', { decimal, whole: formatKr(asWhole.value), example }),
    );
  }
  if (typed.endsWith('.')) {
    const withoutStop = parseKr(typed.slice(0, -1), options);
    if (withoutStop.ok)
      return fail('ambiguous', message('money.error.trailingDot', { amount: formatKr(withoutStop.value) }));
  }
  return null;
}

const PLAIN_KR = /^(-?)(\d+)(?:[.,](\d+))?$/;

/**
 * Parses kroner as machines and spreadsheets write them: `1234,50`, `1234.50` or `1234`, without
 * thousands separators. This is the CSV import's contract (formats: CSV import); forms use parseKr.
 */
export function parseKrPlain(text: string, options: ParseKrOptions = {}): MoneyResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const m = PLAIN_KR.exec(trimmed);
  if (!m) return fail('format');
  const [, sign = '', whole = '', fraction = ''] = m;
  return decimalToOre(sign === '-', whole, fraction, options);
}

function decimalToOre(
  negative: boolean,
  whole: string,
  fraction: string,
  options: ParseKrOptions,
): MoneyResult {
  if (fraction.length > 2) return fail('too_many_decimals');
  if (negative && options.allowNegative !== true) return fail('negative');
  // BigInt keeps the check exact even for absurdly long digit strings.
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('too_large');
  const value = Number(magnitude);
  return { ok: true, value: (negative && value !== 0 ? -value : value) as Ore };
}

/** Splits øre into sign, whole kroner and the two øre digits, with integer arithmetic only. */
function split(amount: Ore): { sign: '' | '-'; kr: number; cents: string } {
  const abs = Math.abs(amount);
  const rest = abs % 100;
  return { sign: amount < 0 ? '-' : '', kr: (abs - rest) / 100, cents: String(rest).padStart(2, '0') };
}

function exactDecimal(amount: Ore): `${number}` {
  const { sign, kr, cents } = split(amount);
  return `${sign}${kr}.${cents}` as `${number}`;
}

const DA_EXACT = new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' });
const DA_WHOLE = new Intl.NumberFormat('da-DK', {
  style: 'currency',
  currency: 'DKK',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/**
 * For people: "2.800 kr." for whole kroner (easier to read), "1.234,50 kr." otherwise. The space
 * before "kr." is a no-break space (U+00A0), so the unit never wraps onto its own line.
 */
export function formatKr(amount: Ore): string {
  return amount % 100 === 0 ? DA_WHOLE.format(exactDecimal(amount)) : formatKrExact(amount);
}

/** Bookkeeping style: always two decimals, "2.800,00 kr.". */
export function formatKrExact(amount: Ore): string {
  // A decimal string is formatted exactly by Intl (no binary rounding of large amounts).
  return DA_EXACT.format(exactDecimal(amount));
}

/** For Danish Excel: decimal comma, no thousands separator, two decimals ("1234,50"). */
export function formatKrCsv(amount: Ore): string {
  const { sign, kr, cents } = split(amount);
  return `${sign}${kr},${cents}`;
}

/**
 * Amounts of 15 digits or fewer (under 10 trillion kr.) survive the trip through a JSON number:
 * a double holds any 15-significant-digit decimal, and JSON prints the shortest form.
 */
export const MAX_JSON_ORE = 999_999_999_999_999;

/** Kroner as a JSON number with at most two decimals (formats: Report JSON). */
export function oreToKrNumber(amount: Ore): number {
  if (Math.abs(amount) > MAX_JSON_ORE) throw new RangeError(`Amount too large for JSON: ${amount} øre`);
  return Number(exactDecimal(amount));
}

/** Reads a kroner JSON number back; refuses more than two decimals instead of rounding them away. */
export function krNumberToOre(kr: number, options: ParseKrOptions = {}): MoneyResult {
  if (!Number.isFinite(kr)) return fail('format');
  // String(kr) is the shortest decimal that reads back as kr, i.e. what the JSON said.
  const text = String(kr);
  if (/e/i.test(text)) return fail(Math.abs(kr) < 1 ? 'too_many_decimals' : 'too_large');
  return parseKrPlain(text, options);
}
