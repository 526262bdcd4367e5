import type { Tx } from '../client.ts';

// What the demo loader reads to decide what to add: it goes through the services for everything it
// writes, except the bulk inserts of demo-bulk.repository.ts.

/** The municipality's vendors, any: the demo's money is added only where there are none. */
export function vendorIdsOf(tx: Tx, municipalityId: number) {
  return tx.selectFrom('vendor').select('id').where('municipality_id', '=', municipalityId).execute();
}

/**
 * The municipality's active and paused cases with their start date, the citizen's name and the current
 * support person, in case-number order.
 */
export function runningCasesWithSupport(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .innerJoin('support_assignment as s', (j) =>
      j.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .select(['c.id', 'c.phase', 'c.start_date', 'z.name', 's.support_user_id'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.phase', 'in', ['active', 'paused'])
    .orderBy('c.case_number')
    .execute();
}

/**
 * The municipality's cases that have started and have no questionnaire yet, with the citizen's name and
 * the current support person, in case-number order.
 */
export function startedCasesWithoutAnswers(tx: Tx, municipalityId: number) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', 'z.id', 'c.citizen_id')
    .innerJoin('support_assignment as s', (j) =>
      j.onRef('s.case_id', '=', 'c.id').on('s.ended_at', 'is', null),
    )
    .select(['c.id', 'z.name', 's.support_user_id'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.start_date', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('questionnaire_response as q').select('q.id').whereRef('q.case_id', '=', 'c.id'),
        ),
      ),
    )
    .orderBy('c.case_number')
    .execute();
}
