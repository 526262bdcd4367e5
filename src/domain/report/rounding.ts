// Report rounding (spec: Rounding): percentages to whole numbers and means to one decimal, half away from
// zero. Done on exact decimals and integer ratios, never by multiplying floats: 1 of 8 is 12.5 %
// exactly, and must round to 13, which `Math.round(0.125 * 100)` only gets right by luck.

function assertInteger(name: string, x: number): void {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${name} must be a safe integer, got ${x}`);
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  }
}

/** round-half-away-from-zero(numerator / denominator), in exact integer arithmetic. */
function roundRatioBig(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d + (2n * (n % d) >= d ? 1n : 0n);
  return negative ? -q : q;
}

/** `scaled / 10^decimals` as the double nearest to that exact decimal. */
function fromScaled(scaled: bigint, decimals: number): number {
  return Number(`${scaled}e-${decimals}`);
}

/**
 * Rounds numerator / denominator to `decimals` places, half away from zero, exactly.
 * Both inputs are integers, e.g. a count and a base, or a sum of ages and a number of people.
 */
export function roundRatio(numerator: number, denominator: number, decimals = 0): number {
  assertInteger('numerator', numerator);
  assertInteger('denominator', denominator);
  assertDecimals(decimals);
  if (denominator === 0) throw new RangeError('denominator must not be 0');
  const scaled = roundRatioBig(BigInt(numerator) * 10n ** BigInt(decimals), BigInt(denominator));
  return fromScaled(scaled, decimals) + 0; // + 0 turns -0 into 0
}

/** Whole percent of `count` out of `n`; 0 when n = 0 (an empty figure shows 0 everywhere). */
export function percent(count: number, n: number): number {
  return n === 0 ? 0 : roundRatio(count * 100, n);
}

/** Mean with one decimal, or null when there is nothing to average. */
export function mean1(sum: number, n: number): number | null {
  return n === 0 ? null : roundRatio(sum, n, 1);
}
