// The two bases (spec: Bases) and the per-municipality breakdown every figure shares: a figure is
// computed once for all selected municipalities (`all`) and once for each of them.

import { rowsOf, sumOf, type ParticipantsRow } from './report-rows.ts';

export interface PerMunicipality<T> {
  readonly all: T;
  readonly byMunicipality: Readonly<Record<string, T>>;
}

export interface Participants {
  readonly started: number;
  readonly followedUp: number;
}

/** The bases (spec: Bases), per municipality (null = all selected municipalities). */
export interface Bases {
  readonly municipalities: readonly string[];
  of(municipality: string | null): Participants;
}

export function basesOf(rows: readonly ParticipantsRow[], municipalities: readonly string[]): Bases {
  for (const r of rows) {
    for (const x of [r.started, r.followedUp])
      if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${r.municipality}: bad count ${x}`);
    if (r.followedUp > r.started)
      throw new RangeError(`${r.municipality}: followed up (${r.followedUp}) exceeds started (${r.started})`);
  }
  return {
    municipalities: [...new Set(municipalities)].sort(),
    of: (m) => {
      const own = rowsOf(rows, m);
      return { started: sumOf(own, (r) => r.started), followedUp: sumOf(own, (r) => r.followedUp) };
    },
  };
}

/** Computes a figure for all selected municipalities and for each one. */
export function perMunicipality<T>(
  bases: Bases,
  compute: (municipality: string | null) => T,
): PerMunicipality<T> {
  const byMunicipality: Record<string, T> = {};
  for (const m of bases.municipalities) byMunicipality[m] = compute(m);
  return { all: compute(null), byMunicipality };
}

export type BaseKind = keyof Participants;
