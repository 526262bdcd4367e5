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

// Each query below groups one UNION ALL of the rows it needs (a case and its postings, a programme and
// its grants, a request and its postings) instead of joining the tables: no join means no plan that walks
// 100,000 cases through a nested loop whatever row-level security makes the planner expect, so the check
// takes seconds at national size on PostgreSQL and on PGlite alike.

/** One row per case: its balance from the ledger, grouped in the database. */
export async function caseBalances(tx: Tx): Promise<CaseBalanceRow[]> {
  const { rows } = await sql<CaseBalanceRow>`
    with sums as materialized (
      select case_id,
        max(case_number) as case_number, max(municipality_id) as municipality_id,
        count(kind)::bigint as postings,
        coalesce(sum(amount_ore) filter (where kind = 'grant'), 0)::bigint as granted,
        coalesce(sum(amount_ore) filter (where kind = 'return_to_pool'), 0)::bigint as returned,
        (coalesce(sum(amount_ore) filter (where kind = 'reservation'), 0)
          - coalesce(sum(amount_ore) filter (where kind = 'reservation_release'), 0)
          - coalesce(sum(settles_ore) filter (where kind = 'payment'), 0))::bigint as reserved,
        coalesce(sum(amount_ore) filter (where kind = 'payment'), 0)::bigint as paid,
        coalesce(sum(amount_ore) filter (where kind = 'refund'), 0)::bigint as refunded
      from (
        select id as case_id, case_number, municipality_id, null::text as kind, null::bigint as amount_ore,
          null::bigint as settles_ore
        from citizen_case
        union all
        select case_id, null, null, kind, amount_ore, settles_ore from ledger_entry
      ) x
      group by case_id
    )
    select s.case_id, s.case_number, s.municipality_id, m.name as municipality_name, s.postings,
      s.granted, s.returned, s.reserved, s.paid, s.refunded,
      (s.granted - s.returned - s.reserved - s.paid + s.refunded)::bigint as available
    from sums s
    join municipality m on m.id = s.municipality_id
    order by s.municipality_id, s.case_number`.execute(tx);
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

/**
 * The cases whose ledger, walked posting by posting in the order made (window sums over each case's
 * postings), ever held a state the rules forbid: a non-positive amount, negative settles, a negative
 * reservation, refunds above payments, returns above grants, or reserved + paid − refunds above granted
 * − returned. One pass over the ledger; a sound ledger gives no rows.
 */
export async function casesBreakingRules(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ case_id: string }>`
    with walk as (
      select case_id, amount_ore, settles_ore,
        sum(case kind when 'grant' then amount_ore else 0 end) over w as granted,
        sum(case kind when 'return_to_pool' then amount_ore else 0 end) over w as returned,
        sum(case kind when 'reservation' then amount_ore when 'reservation_release' then -amount_ore
          when 'payment' then -settles_ore else 0 end) over w as reserved,
        sum(case kind when 'payment' then amount_ore else 0 end) over w as paid,
        sum(case kind when 'refund' then amount_ore else 0 end) over w as refunded
      from ledger_entry
      window w as (partition by case_id order by id rows between unbounded preceding and current row)
    )
    select distinct case_id from walk
    where amount_ore <= 0 or settles_ore < 0 or reserved < 0 or refunded > paid or returned > granted
      or reserved + paid - refunded > granted - returned
    order by case_id`.execute(tx);
  return rows.map((r) => r.case_id);
}

/** The postings of some cases, by case in the order made (what the domain re-derives the balance from). */
export async function postingsOf(tx: Tx, caseIds: readonly string[]): Promise<PostingRow[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await sql<PostingRow>`
    select id, case_id, kind, amount_ore, settles_ore, purchase_request_id
    from ledger_entry where case_id = any(${[...caseIds]}::uuid[])
    order by case_id, id`.execute(tx);
  return rows;
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
    with held as materialized (
      select programme_id, max(programme_name) as programme_name, max(municipality_id) as municipality_id,
        max(pool) as pool, coalesce(sum(held), 0)::bigint as held
      from (
        select id as programme_id, name as programme_name, municipality_id, pool_ore as pool, null::bigint as held
        from programme
        union all
        select programme_id, null, null, null, case kind when 'grant' then amount_ore else -amount_ore end
        from ledger_entry where kind in ('grant', 'return_to_pool')
      ) x
      group by programme_id
    )
    select h.programme_id, h.programme_name, h.municipality_id, m.name as municipality_name, h.pool, h.held
    from held h
    join municipality m on m.id = h.municipality_id
    order by h.municipality_id, h.programme_name`.execute(tx);
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
    with wrong as materialized (
      select request_id, max(request_number) as request_number, max(status) as status, max(case_id::text) as case_id,
        count(*) filter (where kind = 'reservation')::bigint as reservations,
        count(*) filter (where kind = 'payment')::bigint as payments,
        count(*) filter (where kind = 'refund')::bigint as refunds
      from (
        select id as request_id, request_number, status, case_id, null::text as kind from purchase_request
        union all
        select purchase_request_id, null, null, null, kind from ledger_entry where purchase_request_id is not null
      ) x
      group by request_id
      having count(*) filter (where kind = 'payment') > 1
        or (count(*) filter (where kind = 'payment') > 0 and max(status) not in ('paid', 'refunded'))
        or (count(*) filter (where kind = 'reservation') > 0
          and max(status) not in ('approved', 'paid', 'refunded', 'cancelled'))
    )
    select w.request_id, w.request_number, w.status, c.case_number, c.municipality_id,
      m.name as municipality_name, w.reservations, w.payments, w.refunds
    from wrong w
    join citizen_case c on c.id = w.case_id::uuid
    join municipality m on m.id = c.municipality_id
    order by c.municipality_id, c.case_number, w.request_number`.execute(tx);
  return rows;
}
