import { EXPENSE_CATEGORIES } from '../domain/expense-category.ts';
import {
  entries,
  literal,
  pick,
  PURCHASE_TITLES,
  PURCHASE_WEIGHTS,
  seededUuid,
} from './bench-report-vocabulary.ts';

// The rest of a realistic country for `borgerbudget demo --scale …` (bench-report-data.ts writes the
// municipalities, staff, citizens, cases and questionnaires first, into its temporary tables bench_muni
// and bench_case_row): support assignments, case timelines, conditions, plans with sub-goals, purchase
// requests in every status linked to the sub-goals, the postings they made, payment files, follow-up
// notes and the access log. Set-based like the rest (one INSERT … SELECT per table), and seeded: random()
// follows setseed, the ids follow the seed and a key.
//
// A request's story decides its postings, kind by kind as the services would have made them: a grant at
// the start; a reservation when approved; a release when an approved request was cancelled; a payment
// that settles the reservation; a refund of what was paid; at the close, what was not spent back to the
// pool. Together a case's requests ask for at most 90 % of its grant, so every posting passes the ledger's
// guard trigger whatever the order. Closed cases have no open requests (no draft, submitted or approved).

export interface RealisticOptions {
  /** Purchase requests per started case, on average. */
  requestsPerCase: number;
  /** The staff's password hash (the demo password, hashed once). */
  passwordHash: string;
}

/**
 * Realistic data puts the cases that would have started in the last 90 days in the phases before the
 * start (or declined), and pauses 4 % of the running ones; the report's data has started cases only.
 */
export const realisticPhases = (today: string) => `
  CASE
    WHEN o.outcome = 'active' AND o.start_date > ${today} - 90 THEN
      CASE WHEN o.r_phase < 0.12 THEN 'referred' WHEN o.r_phase < 0.24 THEN 'screening'
        WHEN o.r_phase < 0.44 THEN 'lead_in' WHEN o.r_phase < 0.50 THEN 'declined' ELSE 'active' END
    WHEN o.outcome = 'active' AND o.r_phase < 0.04 THEN 'paused'
    ELSE o.outcome
  END`;

/** What a request went through; 'withdrawn' is a request cancelled after its approval. */
const OPEN_CASE_STORY = pick([
  ['paid', 50],
  ['approved', 10],
  ['submitted', 8],
  ['draft', 7],
  ['rejected', 8],
  ['cancelled', 8],
  ['withdrawn', 4],
  ['refunded', 5],
]);
const CLOSED_CASE_STORY = pick([
  ['paid', 70],
  ['rejected', 12],
  ['cancelled', 11],
  ['withdrawn', 4],
  ['refunded', 3],
]);
const PAYMENT_METHOD = pick([
  ['invoice', 55],
  ['bank_transfer', 35],
  ['payment_card', 10],
]);
const ACCESS_PURPOSES = [
  'GET /forloeb/:id',
  'GET /forloeb',
  'GET /forloeb/:id/plan',
  'GET /forloeb/oversigt',
];

/** The statements after the cases and questionnaires, in order. */
interface Sql {
  today: string;
  /** A uuid from the seed and a key. */
  id: (key: string) => string;
  /** The id of a municipality's staff member (bench_staff): role, number, the row's alias. */
  staffId: (role: string, k: string, alias?: string) => string;
  /** Cases that have a support person (from the lead-in on). */
  hasSupport: string;
  /** The last day anything happened on the case. */
  lastSeen: string;
  requestsPerCase: number;
}

/** The statements after the cases and questionnaires, in order. */
export function realisticStatements(today: string, seed: number, o: RealisticOptions): string[] {
  const id = (key: string) => seededUuid(seed, key);
  const q: Sql = {
    today,
    id,
    staffId: (role, k, alias = 'c') => id(`'${role}/' || ${alias}.municipality_id || '/' || ${k}`),
    hasSupport: `c.state NOT IN ('referred', 'screening', 'declined')`,
    lastSeen: `least(coalesce(c.closed_on, ${today}), ${today})`,
    requestsPerCase: o.requestsPerCase,
  };
  return [
    `ANALYZE bench_case_row`,
    ...teamStatements(q),
    ...planStatements(q),
    ...requestStatements(q),
    ...postingStatements(q),
    ...historyStatements(q),
  ];
}

/** The support assignments, the timeline, pauses and the conditions. */
function teamStatements({ today, id, staffId, hasSupport, lastSeen }: Sql): string[] {
  return [
    // Support assignments: the current (or, closed, the last) one; one case in ten had another person first.
    `CREATE TEMP TABLE bench_team ON COMMIT DROP AS
     SELECT c.id AS case_id, c.municipality_id, c.case_number, c.support_id, c.coordinator_id, c.closed_on,
       c.start_date - c.referral_days + 7 AS lead_in_on,
       CASE WHEN c.started AND random() < 0.1 THEN ${staffId('support', '(1 + (c.case_number + 1) % m.supports)')} END
         AS earlier_support_id,
       least(c.start_date - c.referral_days + 7 + floor(random() * 60)::integer, ${lastSeen}) AS changed_on
     FROM bench_case_row c JOIN bench_muni m ON m.code = c.municipality_id
     WHERE ${hasSupport}`,
    `ALTER TABLE bench_team ADD COLUMN current_from date`,
    `UPDATE bench_team SET current_from = CASE WHEN earlier_support_id IS NULL THEN lead_in_on ELSE changed_on END`,
    `INSERT INTO support_assignment (id, municipality_id, case_id, support_user_id, coordinator_user_id, valid_from,
       valid_to, reason, assigned_by, assigned_at, ended_at)
     SELECT ${id(`'assignment/1/' || t.case_id`)}, t.municipality_id, t.case_id, t.earlier_support_id,
       t.coordinator_id, t.lead_in_on, t.changed_on, NULL, t.coordinator_id, t.lead_in_on + interval '9 hours',
       t.changed_on + interval '9 hours'
     FROM bench_team t WHERE t.earlier_support_id IS NOT NULL
     UNION ALL
     SELECT ${id(`'assignment/2/' || t.case_id`)}, t.municipality_id, t.case_id, t.support_id, t.coordinator_id,
       t.current_from,
       CASE WHEN t.closed_on IS NOT NULL THEN greatest(t.closed_on, t.current_from) END,
       CASE WHEN t.earlier_support_id IS NOT NULL THEN 'Borgeren ønskede en anden støtteperson' END,
       t.coordinator_id, t.current_from + interval '9 hours',
       CASE WHEN t.closed_on IS NOT NULL THEN greatest(t.closed_on, t.current_from) + interval '16 hours' END
     FROM bench_team t`,
    // The timeline: one event per step the case took.
    `INSERT INTO case_event (municipality_id, case_id, occurred_at, event_date, type, actor_user_id, actor_role,
       reason)
     SELECT c.municipality_id, c.id, e.day + interval '10 hours', e.day, e.type, c.coordinator_id, 'coordinator',
       e.reason
     FROM bench_case_row c
     CROSS JOIN LATERAL (VALUES
       (1, c.start_date - c.referral_days, 'referred', NULL),
       (2, CASE WHEN c.state <> 'referred' THEN c.start_date - c.referral_days + 2 END, 'screening_started', NULL),
       (3, CASE WHEN ${hasSupport} THEN c.start_date - c.referral_days + 7 END, 'accepted', NULL),
       (4, CASE WHEN ${hasSupport} THEN c.start_date - c.referral_days + 7 END, 'support_assigned', NULL),
       (5, CASE WHEN c.state = 'declined' THEN c.closed_on END, 'declined', 'Borgeren ønskede ikke at deltage'),
       (6, CASE WHEN c.started THEN c.start_date - 1 END, 'conditions_acknowledged', NULL),
       (7, CASE WHEN c.started THEN c.start_date END, 'activated', NULL),
       (8, CASE WHEN c.state = 'paused' THEN greatest(c.start_date, ${today} - 20) END, 'paused', 'Indlagt'),
       (9, CASE WHEN c.state = 'completed' THEN c.closed_on END, 'completed', NULL),
       (10, CASE WHEN c.state = 'terminated_early' THEN c.closed_on END, 'terminated', c.reason)
     ) AS e (step, day, type, reason)
     WHERE e.day IS NOT NULL
     ORDER BY c.municipality_id, c.case_number, e.step`,
    `INSERT INTO case_pause (id, municipality_id, case_id, from_date, reason, created_at)
     SELECT ${id(`'pause/' || c.id`)}, c.municipality_id, c.id, greatest(c.start_date, ${today} - 20), 'Indlagt',
       greatest(c.start_date, ${today} - 20)
     FROM bench_case_row c WHERE c.state = 'paused'`,
    `INSERT INTO conditions_acknowledgement (id, municipality_id, case_id, acknowledged_on, method, recorded_by,
       recorded_at)
     SELECT ${id(`'conditions/' || c.id`)}, c.municipality_id, c.id, c.start_date - 1, 'in_person', c.support_id,
       c.start_date - 1 + interval '11 hours'
     FROM bench_case_row c WHERE c.started`,
  ];
}

/** The goal plan. */
function planStatements({ id, hasSupport }: Sql): string[] {
  return [
    // The plan: one long-term goal of the citizen's first goal category, and 2–4 sub-goals under it.
    `INSERT INTO long_term_goal (id, municipality_id, case_id, description, categories, position, created_at,
       updated_at)
     SELECT ${id(`'goal/' || c.id`)}, c.municipality_id, c.id, 'Mit mål: ' || replace(c.goal_1, '_', ' '),
       ARRAY[c.goal_1], 1, c.start_date - c.referral_days + 14, c.start_date - c.referral_days + 14
     FROM bench_case_row c WHERE ${hasSupport}`,
    `INSERT INTO sub_goal (id, municipality_id, case_id, long_term_goal_id, description, status, position,
       created_at, updated_at)
     SELECT ${id(`'subgoal/' || c.id || '/' || k.n`)}, c.municipality_id, c.id, ${id(`'goal/' || c.id`)},
       'Delmål ' || k.n,
       CASE
         WHEN c.state = 'completed' THEN CASE WHEN random() < 0.7 THEN 'achieved' ELSE 'dropped' END
         WHEN c.state = 'terminated_early' THEN CASE WHEN random() < 0.3 THEN 'achieved' ELSE 'dropped' END
         WHEN c.started THEN CASE WHEN random() < 0.6 THEN 'in_progress' ELSE 'planned' END
         ELSE 'planned'
       END,
       k.n, c.start_date - c.referral_days + 14, c.start_date - c.referral_days + 14
     FROM bench_case_row c CROSS JOIN LATERAL generate_series(1, 2 + c.case_number % 3) AS k (n)
     WHERE ${hasSupport}`,
  ];
}

/** The purchase requests and the payment files of the paid ones. */
function requestStatements({ id, staffId, requestsPerCase }: Sql): string[] {
  return [
    // The requests: 0 to twice the average per started case, each one a story.
    `CREATE TEMP TABLE bench_request ON COMMIT DROP AS
     SELECT r.*, CASE WHEN r.story IN ('paid', 'refunded') THEN ${PAYMENT_METHOD} ELSE 'invoice' END AS method
     FROM (
       SELECT ${id(`'request/' || c.id || '/' || k.n`)} AS id, c.id AS case_id, c.municipality_id,
         c.programme_id, c.vendor_id, c.support_id, c.coordinator_id, c.case_number, k.n AS request_number,
         ${id(`'subgoal/' || c.id || '/' || (1 + k.n % (2 + c.case_number % 3))`)} AS sub_goal_id,
         CASE WHEN c.closed_on IS NULL THEN ${OPEN_CASE_STORY} ELSE ${CLOSED_CASE_STORY} END AS story,
         ${pick(entries(PURCHASE_WEIGHTS))} AS category,
         greatest(100, (c.grant_ore * 0.9 / c.requests * (0.3 + 0.7 * random()))::bigint) AS amount_ore,
         c.start_date + 5 + floor(random() * (c.last_day - c.start_date - 5))::integer AS day
       FROM (
         SELECT c.*, floor(random() * ${2 * requestsPerCase + 1})::integer AS requests
         FROM bench_case_row c WHERE c.started AND c.last_day - c.start_date >= 10
       ) c
       CROSS JOIN LATERAL generate_series(1, c.requests) AS k (n)
     ) r`,
    `INSERT INTO purchase_request (id, municipality_id, case_id, request_number, status, title, purpose, sub_goal_id,
       category, amount_ore, vendor_id, payment_method, created_by, created_at, submitted_by, submitted_at,
       decided_by, decided_at, rejection_reason, cancelled_by, cancelled_at, cancellation_reason, updated_at)
     SELECT r.id, r.municipality_id, r.case_id, r.request_number,
       CASE r.story WHEN 'withdrawn' THEN 'cancelled' ELSE r.story END,
       CASE r.category ${EXPENSE_CATEGORIES.map((c) => `WHEN '${c}' THEN ${literal(PURCHASE_TITLES[c])}`).join(' ')} END,
       'Et skridt mod delmålet', r.sub_goal_id, r.category, r.amount_ore, r.vendor_id, r.method,
       r.support_id, r.day - 5,
       CASE WHEN r.story <> 'draft' THEN r.support_id END,
       CASE WHEN r.story <> 'draft' THEN r.day - 4 END,
       CASE WHEN r.story NOT IN ('draft', 'submitted', 'cancelled') THEN r.coordinator_id END,
       CASE WHEN r.story NOT IN ('draft', 'submitted', 'cancelled') THEN r.day - 3 END,
       CASE WHEN r.story = 'rejected' THEN 'Købet ligger uden for ordningens rammer' END,
       CASE WHEN r.story IN ('cancelled', 'withdrawn') THEN r.support_id END,
       CASE WHEN r.story IN ('cancelled', 'withdrawn') THEN r.day - 2 END,
       CASE WHEN r.story IN ('cancelled', 'withdrawn') THEN 'Borgeren fandt en billigere løsning' END,
       r.day
     FROM bench_request r ORDER BY r.municipality_id, r.case_number, r.request_number`,
    // Payment files: a municipality's bank transfers of one month in one file, sent.
    `CREATE TEMP TABLE bench_batch ON COMMIT DROP AS
     SELECT ${id(`'batch/' || municipality_id || '/' || month`)} AS id, municipality_id, month,
       max(day) AS execution_date, sum(amount_ore) AS total_ore, count(*)::integer AS payments
     FROM (SELECT r.*, date_trunc('month', r.day)::date AS month FROM bench_request r
       WHERE r.story IN ('paid', 'refunded') AND r.method = 'bank_transfer') r
     GROUP BY municipality_id, month`,
    `INSERT INTO payment_batch (id, municipality_id, message_id, execution_date, status, total_ore, payment_count,
       created_by, created_at, sent_by, sent_at)
     SELECT b.id, b.municipality_id, 'BB-' || b.municipality_id || '-' || to_char(b.month, 'YYYYMM'),
       b.execution_date, 'sent', b.total_ore, b.payments, ${staffId('finance', '1', 'b')},
       b.execution_date - 1 + interval '9 hours', ${staffId('finance', '1', 'b')},
       b.execution_date - 1 + interval '10 hours'
     FROM bench_batch b ORDER BY b.municipality_id, b.month`,
    `INSERT INTO payment_batch_item (batch_id, municipality_id, purchase_request_id, end_to_end_id)
     SELECT ${id(`'batch/' || r.municipality_id || '/' || date_trunc('month', r.day)::date`)}, r.municipality_id, r.id,
       'BB' || r.municipality_id || '-' || r.case_number || '-' || r.request_number
     FROM bench_request r WHERE r.story IN ('paid', 'refunded') AND r.method = 'bank_transfer'`,
  ];
}

/** The postings. */
function postingStatements({ today, id }: Sql): string[] {
  return [
    // The ledger, kind by kind, so every row passes the guard trigger.
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, posted_by, posted_at)
     SELECT c.municipality_id, c.id, c.programme_id, 'grant', c.grant_ore, c.coordinator_id, c.start_date
     FROM bench_case_row c WHERE c.started ORDER BY c.start_date, c.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id,
       posted_by, posted_at)
     SELECT r.municipality_id, r.case_id, r.programme_id, 'reservation', r.amount_ore, r.id, r.coordinator_id,
       r.day - 3 + interval '10 hours'
     FROM bench_request r WHERE r.story IN ('approved', 'withdrawn', 'paid', 'refunded') ORDER BY r.day, r.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id, note,
       posted_by, posted_at)
     SELECT r.municipality_id, r.case_id, r.programme_id, 'reservation_release', r.amount_ore, r.id,
       'Anmodningen er annulleret', r.support_id, r.day - 2 + interval '10 hours'
     FROM bench_request r WHERE r.story = 'withdrawn' ORDER BY r.day, r.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, settles_ore,
       purchase_request_id, payment_method, paid_on, reference, payment_batch_id, posted_by, posted_at)
     SELECT r.municipality_id, r.case_id, r.programme_id, 'payment', r.amount_ore, r.amount_ore, r.id, r.method,
       r.day, 'Faktura ' || r.request_number,
       CASE WHEN r.method = 'bank_transfer'
         THEN ${id(`'batch/' || r.municipality_id || '/' || date_trunc('month', r.day)::date`)} END,
       r.coordinator_id, r.day + interval '14 hours'
     FROM bench_request r WHERE r.story IN ('paid', 'refunded') ORDER BY r.day, r.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id, paid_on,
       note, posted_by, posted_at)
     SELECT r.municipality_id, r.case_id, r.programme_id, 'refund', r.amount_ore, r.id, least(r.day + 10, ${today}),
       'Varen er leveret tilbage', r.coordinator_id, least(r.day + 10, ${today}) + interval '12 hours'
     FROM bench_request r WHERE r.story = 'refunded' ORDER BY r.day, r.id`,
    `INSERT INTO ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, note, posted_by, posted_at)
     SELECT c.municipality_id, c.id, c.programme_id, 'return_to_pool', c.grant_ore - coalesce(s.spent, 0),
       'Ubrugt budget ved afslutning', c.coordinator_id, c.closed_on
     FROM bench_case_row c
     LEFT JOIN (SELECT case_id, sum(amount_ore) AS spent FROM bench_request WHERE story = 'paid' GROUP BY case_id) s
       ON s.case_id = c.id
     WHERE c.started AND c.closed_on IS NOT NULL AND c.grant_ore > coalesce(s.spent, 0)
     ORDER BY c.closed_on, c.id`,
  ];
}

/** What staff wrote and read. */
function historyStatements({ id, hasSupport, lastSeen }: Sql): string[] {
  return [
    // Follow-up notes: 0–6 a case while the support person worked with it.
    `INSERT INTO follow_up_note (id, municipality_id, case_id, written_on, body, internal, author_user_id, created_at)
     SELECT ${id(`'note/' || c.id || '/' || k.n`)}, c.municipality_id, c.id, w.day,
       'Samtale om delmålene og næste skridt.', random() < 0.15, c.support_id, w.day + interval '15 hours'
     FROM (SELECT c.*, floor(random() * 7)::integer AS notes FROM bench_case_row c WHERE ${hasSupport}) c
     CROSS JOIN LATERAL generate_series(1, c.notes) AS k (n)
     CROSS JOIN LATERAL (SELECT c.start_date - c.referral_days + 7
       + floor(random() * (${lastSeen} - (c.start_date - c.referral_days + 7)))::integer AS day) w`,
    // Who read the case: 0–9 reads by its support person or coordinator.
    `INSERT INTO access_log (municipality_id, occurred_at, user_id, user_role, subject_type, subject_id, purpose,
       citizen_id, case_id)
     SELECT c.municipality_id,
       (c.start_date - c.referral_days) + floor(random() * (${lastSeen} - (c.start_date - c.referral_days)))::integer
         + interval '9 hours' + floor(random() * 28800) * interval '1 second',
       CASE WHEN k.n % 3 = 0 THEN c.coordinator_id ELSE c.support_id END,
       CASE WHEN k.n % 3 = 0 THEN 'coordinator' ELSE 'support' END, 'case', c.id,
       (ARRAY[${ACCESS_PURPOSES.map(literal).join(', ')}])[1 + floor(random() * ${ACCESS_PURPOSES.length})::integer],
       c.citizen_id, c.id
     FROM (SELECT c.*, floor(random() * 10)::integer AS reads FROM bench_case_row c) c
     CROSS JOIN LATERAL generate_series(1, c.reads) AS k (n)`,
  ];
}
