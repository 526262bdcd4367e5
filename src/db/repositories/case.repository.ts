import { sql, type Insertable, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { CASE_PHASES } from '../../domain/case-lifecycle.ts';
import type { CaseSort } from '../../domain/list-orders.ts';
import { containsPattern } from '../paging.ts';
import type { Database } from '../schema.ts';
import type { Tx } from '../client.ts';
import type { CaseEventTable, CasePauseTable, CitizenCaseTable } from '../schema-cases.ts';

export type CaseRow = Selectable<CitizenCaseTable>;
export type CasePauseRow = Selectable<CasePauseTable>;

/** A case with what every access check needs: its current support person and the citizen's log-in. */
export type CaseRecord = CaseRow & {
  support_user_id: string | null;
  coordinator_user_id: string | null;
  citizen_user_id: string | null;
};

/** The next case number of the municipality; the counter row serialises concurrent referrals. */
export async function nextCaseNumber(tx: Tx, municipalityId: number): Promise<number> {
  const row = await tx
    .insertInto('case_counter')
    .values({ municipality_id: municipalityId, last_number: 1 })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet((eb) => ({
        last_number: eb('case_counter.last_number', '+', 1),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export function insertCase(tx: Tx, values: Insertable<CitizenCaseTable>): Promise<CaseRow> {
  return tx.insertInto('citizen_case').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One case; `lock` takes the case row for update (not the joined rows), serialising its changes. */
export function findCase(tx: Tx, id: string, lock = false): Promise<CaseRecord | undefined> {
  const query = caseRecords(tx).where('c.id', '=', id);
  return (lock ? query.forUpdate('c') : query).executeTakeFirst();
}

/** The case a purchase request is on, its row locked: one statement, before the request is read. */
export function lockCaseOfRequest(tx: Tx, requestId: string): Promise<CaseRecord | undefined> {
  return caseRecords(tx)
    .where('c.id', '=', (eb) =>
      eb.selectFrom('purchase_request').select('case_id').where('id', '=', requestId),
    )
    .forUpdate('c')
    .executeTakeFirst();
}

function caseRecords(tx: Tx) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .leftJoin('support_assignment as s', (join) =>
      join.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .selectAll('c')
    .select(['s.support_user_id', 's.coordinator_user_id', 'z.user_id as citizen_user_id']);
}

/**
 * The case of the citizen who logs in as `userId`: the open one, else the most recent (the portal's
 * own case, found from the log-in and never from an id in the request).
 */
export function ownCaseIdOf(tx: Tx, userId: string, municipalityId: number) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .select('c.id')
    .where('z.user_id', '=', userId)
    .where('c.municipality_id', '=', municipalityId)
    .orderBy((eb) => eb.case().when('c.phase', '=', 'closed').then(1).else(0).end())
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
}

/** The citizen's open case in the programme, if any (at most one: citizen_case_one_open). */
export function findOpenCase(tx: Tx, citizenId: string, programmeId: string) {
  return tx
    .selectFrom('citizen_case')
    .select('id')
    .where('citizen_id', '=', citizenId)
    .where('programme_id', '=', programmeId)
    .where('phase', '!=', 'closed')
    .executeTakeFirst();
}

export async function updateCase(tx: Tx, id: string, values: Updateable<CitizenCaseTable>): Promise<void> {
  await tx.updateTable('citizen_case').set(values).where('id', '=', id).execute();
}

export function pausesOf(tx: Tx, caseIds: readonly string[]): Promise<CasePauseRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('case_pause')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('from_date')
    .execute();
}

export async function insertPause(tx: Tx, values: Insertable<CasePauseTable>): Promise<void> {
  await tx.insertInto('case_pause').values(values).execute();
}

export async function endOpenPause(tx: Tx, caseId: string, toDate: string): Promise<void> {
  await tx
    .updateTable('case_pause')
    .set({ to_date: toDate })
    .where('case_id', '=', caseId)
    .where('to_date', 'is', null)
    .execute();
}

export async function insertCaseEvent(tx: Tx, values: Insertable<CaseEventTable>): Promise<void> {
  await tx.insertInto('case_event').values(values).execute();
}

export function eventsOfCase(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.event_date',
      'e.type',
      'e.actor_user_id',
      'e.actor_role',
      'u.name as actor_name',
      'e.reason',
      'e.data',
    ])
    .where('e.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}

export interface CaseListFilter {
  phase?: string | undefined;
  /** A support person's id, or 'none' for cases without one. */
  supportUserId?: string | undefined;
  /** Cases where this user is the current support person or the named coordinator. */
  assignedTo?: string | undefined;
  includeClosed?: boolean | undefined;
  /** Only cases that have started (a start date): those that can have questionnaires due. */
  startedOnly?: boolean | undefined;
  /** The citizen's name contains it, or (all digits) it is the case number. */
  search?: string | undefined;
}

/**
 * Cases of a municipality for the caseload and the overview, with what their rows show, in order; each
 * order ends in the case number, so a case is on one page only.
 */
export function casesQuery(
  tx: Tx,
  municipalityId: number,
  filter: CaseListFilter,
  sort: CaseSort = 'nummer',
) {
  const query = filterCases(caseListRows(tx, municipalityId), filter);
  switch (sort) {
    case 'navn':
      return query.orderBy('z.name').orderBy('c.case_number');
    case 'fase':
      return query
        .orderBy(sql`array_position(${sql.val([...CASE_PHASES])}::text[], c.phase)`)
        .orderBy('c.case_number');
    case 'henvist':
      return query.orderBy('c.referred_on', 'desc').orderBy('c.case_number', 'desc');
    default:
      return query.orderBy('c.case_number');
  }
}

/** A municipality's cases with what a list row shows: the citizen, the programme, the support person. */
function caseListRows(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .leftJoin('support_assignment as s', (join) =>
      join.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .leftJoin('app_user as su', 'su.id', 's.support_user_id')
    .select((eb) => [
      'c.id',
      'c.case_number',
      'c.municipality_id',
      'c.citizen_id',
      'c.phase',
      'c.close_outcome',
      'c.referred_on',
      'c.lead_in_started_on',
      'c.start_date',
      'c.duration_months',
      'c.closed_on',
      'c.restricted_since',
      'z.name as citizen_name',
      'p.name as programme_name',
      'p.max_lead_in_months',
      's.support_user_id',
      'su.name as support_name',
      eb
        .selectFrom('long_term_goal as g')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.case_id', '=', 'c.id')
        .as('goal_count'),
      eb
        .selectFrom('sub_goal as sg')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('sg.case_id', '=', 'c.id')
        .where('sg.status', '!=', 'dropped')
        .as('sub_goal_count'),
      eb
        .exists(
          eb.selectFrom('conditions_acknowledgement as a').select('a.id').whereRef('a.case_id', '=', 'c.id'),
        )
        .as('acknowledged'),
    ])
    .where('c.municipality_id', '=', municipalityId);
}

type CaseListQuery = SelectQueryBuilder<
  Database & { c: Database['citizen_case']; z: Database['citizen']; s: Database['support_assignment'] },
  'c' | 'z' | 's',
  object
>;

function filterCases<Q extends CaseListQuery>(query: Q, filter: CaseListFilter): Q {
  let q = query as CaseListQuery;
  if (filter.phase !== undefined) q = q.where('c.phase', '=', filter.phase);
  if (!filter.includeClosed && filter.phase === undefined) q = q.where('c.phase', '!=', 'closed');
  if (filter.startedOnly) q = q.where('c.start_date', 'is not', null);
  if (filter.supportUserId === 'none') q = q.where('s.support_user_id', 'is', null);
  else if (filter.supportUserId !== undefined) q = q.where('s.support_user_id', '=', filter.supportUserId);
  const assignedTo = filter.assignedTo;
  // Two indexed look-ups of the current assignments, one per column: an OR over the joined row
  // could use neither index.
  if (assignedTo !== undefined) {
    q = q.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('support_assignment')
        .select('case_id')
        .where('ended_at', 'is', null)
        .where('support_user_id', '=', assignedTo)
        .union(
          eb
            .selectFrom('support_assignment')
            .select('case_id')
            .where('ended_at', 'is', null)
            .where('coordinator_user_id', '=', assignedTo),
        ),
    );
  }
  const search = filter.search;
  if (search !== undefined) {
    const byName = sql<boolean>`z.name ILIKE ${containsPattern(search)}`;
    q = /^\d{1,9}$/.test(search)
      ? q.where((eb) => eb.or([eb('c.case_number', '=', Number(search)), byName]))
      : q.where(byName);
  }
  return q as Q;
}

/** Every case the filter picks, in case number order (the work lists go through them all). */
export function listCases(tx: Tx, municipalityId: number, filter: CaseListFilter) {
  return casesQuery(tx, municipalityId, filter).execute();
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];

export function countCasesByPhase(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('citizen_case')
    .select((eb) => ['phase', eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('phase')
    .execute();
}
