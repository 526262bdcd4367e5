import { sql } from 'kysely';
import type { Tx } from './client.ts';

/**
 * Planner settings for a transaction that reads every selected case once per query — the evaluation
 * report and `check-ledger`. Hash joins are always right there; a nested loop (chosen because
 * row-level security's filter makes the planner expect a few hundred rows where there are 100,000, or
 * because statistics are stale — PGlite has no autovacuum) turns 100,000 cases into 100,000 index
 * probes per join; `check-ledger` did not finish in minutes at that size.
 *
 * Two more settings (bench: 100,000 generated cases on PostgreSQL, EXPLAIN ANALYZE): no JIT — a nested
 * loop the planner cannot avoid (the report's goal categories) costs 10^10 once nested loops are off,
 * which pushes the query past jit_optimize_above_cost, and compiling it took 1.3 s of a 3.6 s query;
 * and work_mem enough for the hash tables and sorts of 100,000 cases (the default 4 MB sent them to
 * temporary files). Transaction-local: they end with the transaction.
 */
export async function preferHashJoins(tx: Tx): Promise<void> {
  await sql`set local enable_nestloop = off`.execute(tx);
  await sql`set local jit = off`.execute(tx);
  await sql`set local work_mem = '64MB'`.execute(tx);
}
