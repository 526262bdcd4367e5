import { EXPENSE_CATEGORIES } from '../domain/expense-category.ts';
import {
  entries,
  literal,
  pick,
  PURCHASE_TITLES,
  PURCHASE_WEIGHTS,
  seededUuid,
} from './bench-report-vocabulary.ts';

// The report bench's purchases and postings (bench-report-data.ts): paid requests only, from the draws in
// its temporary table bench_case_row. `demo --scale` writes requests in every status instead
// (bench-national-data.ts).

/** The paid purchase requests. */
export function purchaseStatements(seed: number): string[] {
  return [
    // Purchases: approved, reserved, then paid within the case's period; together at most 90 % of the grant.
    `CREATE TEMP TABLE bench_purchase ON COMMIT DROP AS
     SELECT ${seededUuid(seed, `'request/' || c.id || '/' || k.n`)} AS id, c.id AS case_id, c.municipality_id,
       c.programme_id, c.vendor_id,
       c.support_id, c.coordinator_id, k.n AS request_number,
       ${pick(entries(PURCHASE_WEIGHTS))} AS category,
       (c.grant_ore * 0.9 / c.purchases * (0.3 + 0.7 * random()))::bigint AS amount_ore,
       c.start_date + 5 + floor(random() * (c.last_day - c.start_date - 5))::integer AS paid_on
     FROM bench_case_row c
     -- A case closed within ten days of its start bought nothing.
     CROSS JOIN LATERAL generate_series(1, CASE WHEN c.last_day - c.start_date >= 10 THEN c.purchases ELSE 0 END)
       AS k (n)`,
    `INSERT INTO purchase_request (id, municipality_id, case_id, request_number, status, title, purpose, category,
       amount_ore, vendor_id, payment_method, created_by, created_at, submitted_by, submitted_at, decided_by,
       decided_at, updated_at)
     SELECT p.id, p.municipality_id, p.case_id, p.request_number, 'paid',
       CASE p.category ${EXPENSE_CATEGORIES.map((c) => `WHEN '${c}' THEN ${literal(PURCHASE_TITLES[c])}`).join(' ')} END,
       'Et skridt mod målet', p.category, p.amount_ore, p.vendor_id, 'invoice',
       p.support_id, p.paid_on - 5, p.support_id, p.paid_on - 4, p.coordinator_id, p.paid_on - 3, p.paid_on
     FROM bench_purchase p`,
  ];
}

/** The postings. */
export function ledgerStatements(): string[] {
  return [
    // The ledger, kind by kind, so every row passes the guard trigger.
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, posted_by, posted_at)
     SELECT c.municipality_id, c.id, c.programme_id, 'grant', c.grant_ore, c.coordinator_id, c.start_date
     FROM bench_case_row c WHERE c.started ORDER BY c.start_date, c.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id,
       posted_by, posted_at)
     SELECT p.municipality_id, p.case_id, p.programme_id, 'reservation', p.amount_ore, p.id, p.coordinator_id,
       p.paid_on - 3 + interval '10 hours'
     FROM bench_purchase p ORDER BY p.paid_on, p.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, settles_ore,
       purchase_request_id, payment_method, paid_on, reference, posted_by, posted_at)
     SELECT p.municipality_id, p.case_id, p.programme_id, 'payment', p.amount_ore, p.amount_ore, p.id, 'invoice',
       p.paid_on, 'Faktura ' || p.request_number, p.coordinator_id, p.paid_on + interval '14 hours'
     FROM bench_purchase p ORDER BY p.paid_on, p.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, note, posted_by, posted_at)
     SELECT c.municipality_id, c.id, c.programme_id, 'return_to_pool', c.grant_ore - coalesce(s.spent, 0),
       'Ubrugt budget ved afslutning', c.coordinator_id, c.closed_on
     FROM bench_case_row c
     LEFT JOIN (SELECT case_id, sum(amount_ore) AS spent FROM bench_purchase GROUP BY case_id) s ON s.case_id = c.id
     WHERE c.outcome <> 'active' AND c.grant_ore > coalesce(s.spent, 0)
     ORDER BY c.closed_on, c.id`,
  ];
}
