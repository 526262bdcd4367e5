import { sql } from 'kysely';
import type { Tx } from '../client.ts';

// What the retention needs to know about closed cases (spec: Retention), and the daily job's record of
// when it last ran. Queries only: the dates are decided by domain/retention.ts.

/** The retention facts of cases: close date, hold, restriction and the programme's period. */
function retentionRows(tx: Tx) {
  return tx
    .selectFrom('citizen_case as c')
    .innerJoin('programme as p', (join) =>
      join.onRef('p.id', '=', 'c.programme_id').onRef('p.municipality_id', '=', 'c.municipality_id'),
    )
    .select([
      'c.id',
      'c.municipality_id',
      'c.case_number',
      'c.phase',
      'c.closed_on',
      'c.legal_hold_reason',
      'c.legal_hold_since',
      'c.restricted_since',
      'c.anonymised_at',
      'p.retention_months',
    ]);
}

export type RetentionRow = Awaited<ReturnType<ReturnType<typeof retentionRows>['execute']>>[number];

/** Every closed case that still holds personal data, in the transaction's scope, by municipality and number. */
export function closedCasesWithPersonalData(tx: Tx): Promise<RetentionRow[]> {
  return retentionRows(tx)
    .where('c.phase', '=', 'closed')
    .where('c.anonymised_at', 'is', null)
    .orderBy('c.municipality_id')
    .orderBy('c.case_number')
    .execute();
}

/** One case's retention facts; `lock` takes the case row for update. */
export function retentionOfCase(tx: Tx, caseId: string, lock = false): Promise<RetentionRow | undefined> {
  const query = retentionRows(tx).where('c.id', '=', caseId);
  return (lock ? query.forUpdate('c') : query).executeTakeFirst();
}

/**
 * Whether this transaction got the job's advisory lock: only one process at a time can, and it holds
 * the lock until its transaction ends. Never waits.
 */
export async function tryJobLock(tx: Tx, key: number): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(
    tx,
  );
  return rows[0]?.locked === true;
}

/** When the job last ran, if ever; the row is locked for the rest of the transaction. */
export async function lastRunOf(tx: Tx, name: string): Promise<Date | undefined> {
  const row = await tx
    .selectFrom('scheduled_job')
    .select('last_run_at')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  return row?.last_run_at;
}

export async function markJobRun(tx: Tx, name: string, at: Date): Promise<void> {
  await tx
    .insertInto('scheduled_job')
    .values({ name, last_run_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_run_at: at }))
    .execute();
}
