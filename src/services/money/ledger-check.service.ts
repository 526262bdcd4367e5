import {
  allPostings,
  caseBalances,
  poolUse,
  requestPostingMismatches,
  type CaseBalanceRow,
} from '../../db/repositories/ledger-check.repository.ts';
import { checkLedger, deriveBalance, type Balance, type LedgerEntry } from '../../domain/ledger.ts';
import { formatKr, ore } from '../../domain/money.ts';
import type { ServiceDeps } from '../context.ts';
import { toLedgerEntry } from './ledger-record.ts';
import { preferHashJoins } from '../../db/whole-database-reads.ts';

// `borgerbudget check-ledger` (spec: Ledger check): the books re-verified across all municipalities. The
// database sums every case's ledger in SQL; the domain re-derives the same balance posting by posting
// (deriveBalance, checkLedger); the two must agree and keep the invariants (spec: Invariants) — reserved +
// paid − refunds ≤ granted − returned, Σ grants − returns ≤ pool, a request paid at most once and only
// postings its status allows. The guard trigger should make every finding impossible; this is the check that
// it did (and that nobody went around it).

export interface LedgerProblem {
  /** "Sag 12 (Aarhus Kommune)" or "Ordning X (Aarhus Kommune)". */
  where: string;
  /** Danish, with the amounts in kr. */
  what: string;
}

export interface LedgerCheckReport {
  cases: number;
  postings: number;
  programmes: number;
  problems: LedgerProblem[];
}

const FIELDS: readonly (keyof Balance & keyof CaseBalanceRow)[] = [
  'granted',
  'returned',
  'reserved',
  'paid',
  'refunded',
  'available',
];

const LABEL: Record<(typeof FIELDS)[number], string> = {
  granted: 'bevilget',
  returned: 'returneret til puljen',
  reserved: 'reserveret',
  paid: 'betalt',
  refunded: 'refunderet',
  available: 'disponibelt',
};

const kr = (n: number) => formatKr(ore(n));

function caseProblems(row: CaseBalanceRow, entries: LedgerEntry[]): string[] {
  const found: string[] = [];
  const derived = deriveBalance(entries);
  for (const f of FIELDS) {
    if (derived[f] !== row[f]) {
      found.push(`${LABEL[f]} er ${kr(row[f])} i databasen, men ${kr(derived[f])} efter posteringerne`);
    }
  }
  if (row.postings !== entries.length) {
    found.push(`${row.postings} posteringer i databasen, men ${entries.length} læst`);
  }
  if (row.reserved + row.paid - row.refunded > row.granted - row.returned) {
    found.push(
      `overforbrug: reserveret ${kr(row.reserved)} + betalt ${kr(row.paid)} − refunderet ${kr(row.refunded)} ` +
        `er mere end bevilget ${kr(row.granted)} − returneret ${kr(row.returned)} (disponibelt ${kr(row.available)})`,
    );
  }
  // Every intermediate state must have been sound too (an append-only ledger never passes a wrong one).
  const seen = new Set<string>();
  for (const v of checkLedger(entries)) {
    if (v.code === 'overspent' || seen.has(v.code)) continue;
    seen.add(v.code);
    found.push(`posteringen nr. ${v.index + 1} brød reglen ${v.code}: ${v.message}`);
  }
  return found;
}

export function createLedgerCheckService({ database }: ServiceDeps) {
  return {
    /** Checks every municipality's books (scope 'all': an operator's command, not a user's). */
    check: (): Promise<LedgerCheckReport> =>
      database.transaction('all', async (tx) => {
        await preferHashJoins(tx);
        const balances = await caseBalances(tx);
        const postings = await allPostings(tx);
        const pools = await poolUse(tx);
        const mismatches = await requestPostingMismatches(tx);
        const byCase = new Map<string, LedgerEntry[]>();
        for (const p of postings) {
          const list = byCase.get(p.case_id) ?? [];
          list.push(toLedgerEntry(p));
          byCase.set(p.case_id, list);
        }
        const problems: LedgerProblem[] = [];
        for (const row of balances) {
          const where = `Sag ${row.case_number} (${row.municipality_name})`;
          for (const what of caseProblems(row, byCase.get(row.case_id) ?? [])) problems.push({ where, what });
        }
        for (const p of pools) {
          if (p.held > p.pool) {
            problems.push({
              where: `Ordningen "${p.programme_name}" (${p.municipality_name})`,
              what: `bevilget i alt ${kr(p.held)} (bevillinger − returneret) er mere end puljen ${kr(p.pool)}`,
            });
          }
        }
        for (const r of mismatches) {
          const where = `Sag ${r.case_number} (${r.municipality_name}), anmodning ${r.request_number}`;
          const what: string[] = [];
          if (r.payments > 1) what.push(`betalt ${r.payments} gange`);
          if (r.payments > 0 && !['paid', 'refunded'].includes(r.status)) {
            what.push(`har en betaling, men status er ${r.status}`);
          }
          if (r.reservations > 0 && !['approved', 'paid', 'refunded', 'cancelled'].includes(r.status)) {
            what.push(`har en reservation, men status er ${r.status}`);
          }
          for (const w of what) problems.push({ where, what: w });
        }
        return { cases: balances.length, postings: postings.length, programmes: pools.length, problems };
      }),
  };
}
