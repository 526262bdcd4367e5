import { sql } from 'kysely';
import type { Tx } from '../client.ts';

// The books re-derived in SQL for `borgerbudget check-ledger` (spec: Ledger check): the same
// sums the guard trigger makes, computed independently of the services and of domain/ledger.ts, so
// the command can compare the two. Queries only; the service decides what is wrong.

export interface CaseBalanceRow {
  case_id: string;
  case_number: number;
  municipality_id: number;
  municipality_name: string;
  postings: number;
  granted: number;
  returned: number;
  reserved: number;
  paid: number;
  refunded: number;
  available: number;
}

/** One row per case: its balance from the ledger, grouped in the database. */
export async function caseBalances(tx: Tx): Promise<CaseBalanceRow[]> {
  const { rows } = await sql<CaseBalanceRow>`
    with sums as (
      select case_id,
        count(*)::bigint as postings,
        coalesce(sum(amount_ore) filter (where kind = 'grant'), 0)::bigint as granted,
        coalesce(sum(amount_ore) filter (where kind = 'return_to_pool'), 0)::bigint as returned,
        (coalesce(sum(amount_ore) filter (where kind = 'reservation'), 0)
          - coalesce(sum(amount_ore) filter (where kind = 'reservation_release'), 0)
          - coalesce(sum(settles_ore) filter (where kind = 'payment'), 0))::bigint as reserved,
        coalesce(sum(amount_ore) filter (where kind = 'payment'), 0)::bigint as paid,
        coalesce(sum(amount_ore) filter (where kind = 'refund'), 0)::bigint as refunded
      from ledger_entry group by case_id
    )
    select c.id as case_id, c.case_number, c.municipality_id, m.name as municipality_name,
      coalesce(s.postings, 0)::bigint as postings,
      coalesce(s.granted, 0)::bigint as granted, coalesce(s.returned, 0)::bigint as returned,
      coalesce(s.reserved, 0)::bigint as reserved, coalesce(s.paid, 0)::bigint as paid,
      coalesce(s.refunded, 0)::bigint as refunded,
      (coalesce(s.granted, 0) - coalesce(s.returned, 0) - coalesce(s.reserved, 0) - coalesce(s.paid, 0)
        + coalesce(s.refunded, 0))::bigint as available
    from citizen_case c
    join municipality m on m.id = c.municipality_id
    left join sums s on s.case_id = c.id
    order by c.municipality_id, c.case_number`.execute(tx);
  return rows;
}

export interface PostingRow {
  id: number;
  case_id: string;
  kind: string;
  amount_ore: number;
  settles_ore: number;
  purchase_request_id: string | null;
}

/** Every posting, by case in the order made (what the domain re-derives the balance from). */
export function allPostings(tx: Tx): Promise<PostingRow[]> {
  return tx
    .selectFrom('ledger_entry')
    .select(['id', 'case_id', 'kind', 'amount_ore', 'settles_ore', 'purchase_request_id'])
    .orderBy('case_id')
    .orderBy('id')
    .execute();
}

export interface PoolRow {
  programme_id: string;
  programme_name: string;
  municipality_id: number;
  municipality_name: string;
  pool: number;
  held: number;
}

/** Per programme: its pool and what its cases hold of it (Σ grants − Σ returns). */
export async function poolUse(tx: Tx): Promise<PoolRow[]> {
  const { rows } = await sql<PoolRow>`
    select p.id as programme_id, p.name as programme_name, p.municipality_id,
      m.name as municipality_name, p.pool_ore as pool,
      coalesce(sum(case e.kind when 'grant' then e.amount_ore else -e.amount_ore end), 0)::bigint as held
    from programme p
    join municipality m on m.id = p.municipality_id
    left join ledger_entry e on e.programme_id = p.id and e.kind in ('grant', 'return_to_pool')
    group by p.id, m.name
    order by p.municipality_id, p.name`.execute(tx);
  return rows;
}

export interface RequestPostingRow {
  request_id: string;
  request_number: number;
  status: string;
  case_number: number;
  municipality_id: number;
  municipality_name: string;
  reservations: number;
  payments: number;
  refunds: number;
}

/**
 * Purchase requests whose postings do not fit their status: more than one payment, a payment on a
 * request that is not paid or refunded, a reservation on one that was never approved.
 */
export async function requestPostingMismatches(tx: Tx): Promise<RequestPostingRow[]> {
  const { rows } = await sql<RequestPostingRow>`
    select r.id as request_id, r.request_number, r.status, c.case_number, c.municipality_id,
      m.name as municipality_name,
      count(*) filter (where e.kind = 'reservation')::bigint as reservations,
      count(*) filter (where e.kind = 'payment')::bigint as payments,
      count(*) filter (where e.kind = 'refund')::bigint as refunds
    from purchase_request r
    join citizen_case c on c.id = r.case_id
    join municipality m on m.id = c.municipality_id
    join ledger_entry e on e.purchase_request_id = r.id
    group by r.id, c.case_number, c.municipality_id, m.name
    having count(*) filter (where e.kind = 'payment') > 1
      or (count(*) filter (where e.kind = 'payment') > 0 and r.status not in ('paid', 'refunded'))
      or (count(*) filter (where e.kind = 'reservation') > 0
        and r.status not in ('approved', 'paid', 'refunded', 'cancelled'))
    order by c.municipality_id, c.case_number, r.request_number`.execute(tx);
  return rows;
}
