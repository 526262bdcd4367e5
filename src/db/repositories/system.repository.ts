import { sql } from 'kysely';
import type { DatabaseHandle } from '../client.ts';

/** Readiness: the database answers a trivial query (outside any transaction or tenant scope). */
export async function selectOne(database: DatabaseHandle): Promise<void> {
  await sql`select 1`.execute(database.db);
}
