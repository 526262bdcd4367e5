import {
  caseBalances,
  casesBreakingRules,
  poolUse,
  postingsOf,
  requestPostingMismatches,
  type CaseBalanceRow,
} from '../../db/repositories/ledger-check.repository.ts';
import { checkLedger, deriveBalance, type Balance, type LedgerEntry } from '../../domain/ledger.ts';
import { formatKr, ore } from '../../domain/money.ts';
import { message, type Message } from '../../i18n/index.ts';
import type { ServiceDeps } from '../context.ts';
import { toLedgerEntry } from './ledger-record.ts';

// `borgerbudget check-ledger` (spec: Ledger check): the books re-verified across all municipalities. The
// database sums every case's ledger in SQL and walks it posting by posting (window sums) to find the cases
// that ever broke the invariants (spec: Invariants) — reserved + paid − refunds ≤ granted − returned,
// Σ grants − returns ≤ pool, a request paid at most once and only postings its status allows. Set-based, so
// it takes seconds at national size; only the cases the walk names are read posting by posting, and for
// those the domain re-derives the balance (deriveBalance, checkLedger), which must agree with the sums and
// says which posting broke which rule. The guard trigger should make every finding impossible; this is the
// check that it did (and that nobody went around it).

export interface LedgerProblem {
  /** The case, programme or request, with its municipality. */
  where: Message;
  /** What is wrong, with the amounts in kr. */
  what: Message;
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

const kr = (n: number) => formatKr(ore(n));

function caseProblems(row: CaseBalanceRow, entries: LedgerEntry[]): Message[] {
  const found: Message[] = [];
  const derived = deriveBalance(entries);
  for (const f of FIELDS) {
    if (derived[f] !== row[f]) {
      const field = message(`cli.ledger.field.${f}`);
      found.push(message('cli.ledger.differs', { field, stored: kr(row[f]), derived: kr(derived[f]) }));
    }
  }
  if (row.postings !== entries.length) {
    found.push(message('cli.ledger.postingCount', { stored: row.postings, read: entries.length }));
  }
  if (row.reserved + row.paid - row.refunded > row.granted - row.returned) {
    const amounts = ['reserved', 'paid', 'refunded', 'granted', 'returned', 'available'] as const;
    found.push(message('cli.ledger.overspent', Object.fromEntries(amounts.map((a) => [a, kr(row[a])]))));
  }
  // Every intermediate state must have been sound too (an append-only ledger never passes a wrong one).
  const seen = new Set<string>();
  for (const v of checkLedger(entries)) {
    if (v.code === 'overspent' || seen.has(v.code)) continue;
    seen.add(v.code);
    found.push(message('cli.ledger.brokeRule', { number: v.index + 1, rule: v.code, what: v.message }));
  }
  return found;
}

export function createLedgerCheckService({ database }: ServiceDeps) {
  return {
    /** Checks every municipality's books (scope 'all': an operator's command, not a user's). */
    check: (): Promise<LedgerCheckReport> =>
      database.transaction('all', async (tx) => {
        const balances = await caseBalances(tx);
        const suspects = new Set(await casesBreakingRules(tx));
        const pools = await poolUse(tx);
        const mismatches = await requestPostingMismatches(tx);
        const byCase = new Map<string, LedgerEntry[]>();
        for (const p of await postingsOf(tx, [...suspects])) {
          const list = byCase.get(p.case_id) ?? [];
          list.push(toLedgerEntry(p));
          byCase.set(p.case_id, list);
        }
        const problems: LedgerProblem[] = [];
        let postings = 0;
        for (const row of balances) {
          postings += row.postings;
          const overspent = row.reserved + row.paid - row.refunded > row.granted - row.returned;
          if (!overspent && !suspects.has(row.case_id)) continue;
          const where = message('cli.ledger.where.case', {
            number: row.case_number,
            municipality: row.municipality_name,
          });
          for (const what of caseProblems(row, byCase.get(row.case_id) ?? [])) problems.push({ where, what });
        }
        for (const p of pools) {
          if (p.held > p.pool) {
            problems.push({
              where: message('cli.ledger.where.programme', {
                programme: p.programme_name,
                municipality: p.municipality_name,
              }),
              what: message('cli.ledger.poolExceeded', { held: kr(p.held), pool: kr(p.pool) }),
            });
          }
        }
        for (const r of mismatches) {
          const where = message('cli.ledger.where.request', {
            number: r.case_number,
            municipality: r.municipality_name,
            request: r.request_number,
          });
          const what: Message[] = [];
          if (r.payments > 1) what.push(message('cli.ledger.paidTwice', { count: r.payments }));
          if (r.payments > 0 && !['paid', 'refunded'].includes(r.status)) {
            what.push(message('cli.ledger.paymentWithStatus', { status: r.status }));
          }
          if (r.reservations > 0 && !['approved', 'paid', 'refunded', 'cancelled'].includes(r.status)) {
            what.push(message('cli.ledger.reservationWithStatus', { status: r.status }));
          }
          for (const w of what) problems.push({ where, what: w });
        }
        return { cases: balances.length, postings, programmes: pools.length, problems };
      }),
  };
}
