import type { Tx } from '../client.ts';

// What the citizen's own portal reads beyond the other repositories (spec: Citizen portal): their access log
// (paged by db/paging.ts), what the "Mine data" export needs in a single query each, and the front page's and
// ideas' small reads. Queries only; who may read what lives in services/portal/ (portal.service.ts,
// portal-access-log.service.ts, personal-data.service.ts).

/** The staff reads of a citizen's data, newest first ("Hvem har set mine oplysninger"); ends in the id. */
export function accessLogQuery(tx: Tx, citizenId: string) {
  return tx
    .selectFrom('access_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.user_id')
    .leftJoin('vendor as v', 'v.id', 'l.vendor_id')
    .select([
      'l.id',
      'l.occurred_at',
      'l.user_id',
      'u.name as user_name',
      'v.name as vendor_name',
      'l.user_role',
      'l.purpose',
      'l.case_id',
    ])
    .where('l.citizen_id', '=', citizenId)
    .orderBy('l.occurred_at', 'desc')
    .orderBy('l.id', 'desc');
}

export type AccessLogRow = Awaited<ReturnType<ReturnType<typeof accessLogQuery>['execute']>>[number];

/** Everyone who is or was the support person of one of the cases (their name may be shown). */
export async function supportPersonsOf(tx: Tx, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('support_assignment')
    .select('support_user_id')
    .where('case_id', 'in', caseIds)
    .execute();
  return new Set(rows.map((r) => r.support_user_id));
}

/** How many internal notes a case has (their text is not part of the self-service export). */
export async function countInternalNotes(tx: Tx, caseId: string): Promise<number> {
  const row = await tx
    .selectFrom('follow_up_note')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('case_id', '=', caseId)
    .where('internal', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The names of the vendors of a case's purchase requests. */
export async function vendorNamesOf(tx: Tx, vendorIds: readonly string[]): Promise<Map<string, string>> {
  if (vendorIds.length === 0) return new Map();
  const rows = await tx.selectFrom('vendor').select(['id', 'name']).where('id', 'in', vendorIds).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The citizen's cases, oldest first, with the programme's name. */
export function casesOfPerson(tx: Tx, citizenId: string) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .selectAll('c')
    .select(['p.name as programme_name', 'p.citizen_sees_amount'])
    .where('c.citizen_id', '=', citizenId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** How the citizen reaches their support person: what the user holds. */
export function contactOfUser(tx: Tx, userId: string) {
  return tx
    .selectFrom('app_user')
    .select(['name', 'email', 'phone'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The citizen's name (the portal greets them by their first name). */
export async function citizenName(tx: Tx, citizenId: string): Promise<string> {
  const row = await tx
    .selectFrom('citizen')
    .select('name')
    .where('id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** Who wrote each idea of the case: the plan revision that created it (the citizen may remove their own). */
export async function ideaAuthorsOf(tx: Tx, caseId: string): Promise<Map<string, string | null>> {
  const rows = await tx
    .selectFrom('plan_revision')
    .select(['entity_id', 'actor_user_id'])
    .where('case_id', '=', caseId)
    .where('entity_type', '=', 'idea')
    .where('change', '=', 'create')
    .execute();
  return new Map(rows.filter((r) => r.entity_id !== null).map((r) => [r.entity_id ?? '', r.actor_user_id]));
}
