// What every bench reports and the small arithmetic they share.

export interface Figure {
  what: string;
  value: number;
  unit: string;
  /** A ceiling: the figure should stay below it. */
  target?: number;
  /** A floor: the figure should stay at or above it (a throughput, a share). */
  floor?: number;
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
