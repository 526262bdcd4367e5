import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Tx } from '../client.ts';
import type { Database } from '../schema.ts';

// What waits for a staff user (work.service.ts; spec: Work lists). Each query returns the oldest
// `limit` rows of one kind with the complete count of that kind beside every row (`total`), so a front
// page needs one statement per kind, whatever the number of cases.

type RequestQuery = SelectQueryBuilder<
  Database & { r: Database['purchase_request']; c: Database['citizen_case']; p: Database['programme'] },
  'r' | 'c' | 'p',
  object
>;

/** Who looks: the support person sees only the cases where they are the current support person. */
export interface RequestScope {
  municipalityId: number;
  supportUserId: string | null;
}

/** Purchase requests of the scope with what a work item says about them. */
function requests(tx: Tx, scope: RequestScope): RequestQuery {
  let q = tx
    .selectFrom('purchase_request as r')
    .innerJoin('citizen_case as c', 'c.id', 'r.case_id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .where('r.municipality_id', '=', scope.municipalityId);
  const support = scope.supportUserId;
  if (support !== null) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('support_assignment as s')
          .select('s.id')
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.ended_at', 'is', null)
          .where('s.support_user_id', '=', support),
      ),
    );
  }
  return q;
}

/** The columns of a request item, its waiting time named `since`. */
function requestItems(
  q: RequestQuery,
  since: 'submitted_at' | 'created_at' | 'updated_at' | 'decided_at',
  limit: number,
) {
  return q
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .select([
      'r.id',
      'r.case_id',
      'c.case_number',
      'c.citizen_id',
      'z.name as citizen_name',
      'r.request_number',
      'r.title',
      'r.amount_ore',
      sql<Date>`coalesce(${sql.ref(`r.${since}`)}, r.created_at)`.as('since'),
      sql<boolean>`r.amount_ore > p.single_approval_limit_ore`.as('four_eyes'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('since')
    .orderBy('c.case_number')
    .orderBy('r.request_number')
    .limit(limit)
    .execute();
}

export type WorkRequestRow = Awaited<ReturnType<typeof requestItems>>[number];

/**
 * Submitted requests the coordinator may approve, with whether they are above the programme's limit.
 * One above the limit that the coordinator wrote or submitted waits for another coordinator (spec:
 * Approval).
 */
export function requestsToApprove(tx: Tx, municipalityId: number, coordinatorId: string, limit: number) {
  return requestItems(
    requests(tx, { municipalityId, supportUserId: null })
      .where('r.status', '=', 'submitted')
      .where(
        sql<boolean>`not (r.amount_ore > p.single_approval_limit_ore and ${coordinatorId} in (r.created_by, coalesce(r.submitted_by, r.created_by)))`,
      ),
    'submitted_at',
    limit,
  );
}

const byCitizen = (eb: ExpressionBuilder<Database & { r: Database['purchase_request'] }, 'r'>) =>
  eb.exists(
    eb
      .selectFrom('app_user as cu')
      .select('cu.id')
      .whereRef('cu.id', '=', 'r.created_by')
      .where('cu.role', '=', 'citizen'),
  );

/** The citizen's own proposals that nobody has worked on yet (spec: Proposals). */
export function untouchedProposals(tx: Tx, scope: RequestScope, limit: number) {
  return requestItems(
    requests(tx, scope)
      .where('r.status', '=', 'draft')
      .whereRef('r.updated_at', '=', 'r.created_at')
      .where((eb) => byCitizen(eb as never)),
    'created_at',
    limit,
  );
}

/** Drafts that wait for the citizen's yes: every unconfirmed draft but an untouched proposal. */
export function draftsAwaitingCitizen(tx: Tx, scope: RequestScope, limit: number) {
  return requestItems(
    requests(tx, scope)
      .where('r.status', '=', 'draft')
      .where('r.citizen_confirmed_on', 'is', null)
      .where((eb) =>
        eb.or([eb('r.updated_at', '<>', eb.ref('r.created_at')), eb.not(byCitizen(eb as never))]),
      ),
    'updated_at',
    limit,
  );
}

/** Requests rejected by someone else since `after`: the support person tells the citizen and rewrites. */
export function requestsReturned(tx: Tx, scope: RequestScope, userId: string, after: Date, limit: number) {
  return requestItems(
    requests(tx, scope)
      .where('r.status', '=', 'rejected')
      .where('r.decided_at', '>=', after)
      .where('r.decided_by', '<>', userId),
    'decided_at',
    limit,
  );
}

/**
 * Paid requests whose papers are missing (`missingDocuments` in domain/purchase-request.ts, in SQL): a
 * receipt where the programme requires one, an invoice for the invoice method. `paidBefore` keeps only
 * those paid before then.
 */
function missingPapers(q: RequestQuery, paidBefore: Date | null): RequestQuery {
  const has = (kind: string) => sql<boolean>`exists (
    select 1 from purchase_attachment a where a.purchase_request_id = r.id and a.kind = ${kind})`;
  let query = q
    .where('r.status', '=', 'paid')
    .where(
      sql<boolean>`((p.receipts_required and not ${has('receipt')}) or (r.payment_method = 'invoice' and not ${has('invoice')}))`,
    );
  if (paidBefore !== null) query = query.where('r.updated_at', '<', paidBefore);
  return query;
}

export function requestsMissingPapers(tx: Tx, scope: RequestScope, paidBefore: Date | null, limit: number) {
  return requestItems(missingPapers(requests(tx, scope), paidBefore), 'updated_at', limit);
}

/**
 * Approved requests finance can pay now (the payment queue's rule, payment.repository.ts, less those in a
 * payment file, which are paid when the file is marked sent), with what finance sees: never a title or a
 * name (spec: Payments).
 */
export function paymentsToMake(tx: Tx, municipalityId: number, limit: number) {
  return financeItems(
    requests(tx, { municipalityId, supportUserId: null })
      .where('r.status', '=', 'approved')
      .where((eb) =>
        eb.or([
          eb('r.payment_method', '<>', 'voucher'),
          eb.exists(
            eb
              .selectFrom('voucher as vo')
              .select('vo.id')
              .whereRef('vo.purchase_request_id', '=', 'r.id')
              .where('vo.status', '=', 'redeemed'),
          ),
        ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('payment_batch_item as i')
              .select('i.batch_id')
              .whereRef('i.purchase_request_id', '=', 'r.id'),
          ),
        ),
      ),
    'decided_at',
    limit,
  );
}

/** Paid requests whose papers were due to follow and are still missing after `paidBefore`. */
export function papersOverdue(tx: Tx, municipalityId: number, paidBefore: Date, limit: number) {
  return financeItems(
    missingPapers(requests(tx, { municipalityId, supportUserId: null }), paidBefore),
    'updated_at',
    limit,
  );
}

function financeItems(q: RequestQuery, since: 'decided_at' | 'updated_at', limit: number) {
  return q
    .leftJoin('vendor as v', 'v.id', 'r.vendor_id')
    .select([
      'r.id',
      'r.case_id',
      'c.case_number',
      'r.request_number',
      'r.amount_ore',
      'r.category',
      'v.name as vendor_name',
      sql<Date>`coalesce(${sql.ref(`r.${since}`)}, r.created_at)`.as('since'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('since')
    .orderBy('c.case_number')
    .orderBy('r.request_number')
    .limit(limit)
    .execute();
}

export type FinanceRequestRow = Awaited<ReturnType<typeof financeItems>>[number];

/** Payment files made but not yet marked sent (spec: Payment files). */
export function unsentPaymentFiles(tx: Tx, municipalityId: number, limit: number) {
  return tx
    .selectFrom('payment_batch')
    .select([
      'id',
      'execution_date',
      'total_ore',
      'payment_count',
      'created_at as since',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('municipality_id', '=', municipalityId)
    .where('status', '<>', 'sent')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Active staff users who have never logged in: no password chosen yet, or never a session. */
export function usersWithoutLogin(tx: Tx, municipalityId: number, limit: number) {
  return tx
    .selectFrom('app_user as u')
    .select(['u.id', 'u.name', 'u.role', 'u.created_at as since', sql<number>`count(*) over ()`.as('total')])
    .where('u.municipality_id', '=', municipalityId)
    .where('u.role', '<>', 'citizen')
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.password_hash', 'is', null),
        eb.not(
          eb.exists(
            eb.selectFrom('user_session as s').select('s.user_id').whereRef('s.user_id', '=', 'u.id'),
          ),
        ),
      ]),
    )
    .orderBy('u.created_at')
    .orderBy('u.name')
    .limit(limit)
    .execute();
}

/** Live tokens that expire before `before`, the soonest first, for the administrator to replace. */
export function tokensExpiring(tx: Tx, municipalityId: number, at: Date, before: Date, limit: number) {
  return tx
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.expires_at',
      'u.name as user_name',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('t.municipality_id', '=', municipalityId)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', at)
    .where('t.expires_at', '<=', before)
    .orderBy('t.expires_at')
    .orderBy('t.name')
    .limit(limit)
    .execute();
}

/**
 * When the data behind the evaluation report last changed, in every municipality the scope sees: a
 * case's phase or intake, a posting, a questionnaire answer. Null in an empty database.
 */
export async function reportDataChangedAt(tx: Tx): Promise<Date | null> {
  const row = await tx
    .selectNoFrom([
      sql<Date | null>`greatest(
        (select max(updated_at) from citizen_case),
        (select max(posted_at) from ledger_entry),
        (select max(updated_at) from questionnaire_response))`.as('at'),
    ])
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
