// What every bench reports and the small arithmetic they share.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the same run measured for the least that fits (hello-world, one query, raw SQL), or null. */
  floor: number | null;
  /** value ÷ floor, or null without a floor. */
  ratio: number | null;
  /** The target in words, or null where the figure has none. */
  target: string | null;
  /** Whether the target is met; null without a target. */
  pass: boolean | null;
}

/** A figure: at most `max` (a time, a size), or at least `minRatio` of its floor (a throughput). */
export function figure(
  name: string,
  value: number,
  unit: string,
  { floor, max, minRatio }: { floor?: number; max?: number; minRatio?: number } = {},
): Figure {
  const ratio = floor ? Math.round((value / floor) * 1000) / 1000 : null;
  if (max !== undefined)
    return { name, value, unit, floor: floor ?? null, ratio, target: `≤ ${max} ${unit}`, pass: value <= max };
  if (minRatio !== undefined)
    return {
      name,
      value,
      unit,
      floor: floor ?? null,
      ratio,
      target: `≥ ${minRatio * 100} % of the floor`,
      pass: ratio !== null && ratio >= minRatio,
    };
  return { name, value, unit, floor: floor ?? null, ratio, target: null, pass: null };
}

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A whole number from an environment variable, at least `least`; `fallback` when it is not set. */
export function wholeNumber(
  name: string,
  given: string | undefined,
  fallback: number,
  least: number,
): number {
  if (given === undefined || given === '') return fallback;
  const n = Number(given);
  if (!Number.isSafeInteger(n) || n < least)
    throw new Error(`${name} must be a whole number of at least ${least}, got "${given}".`);
  return n;
}
