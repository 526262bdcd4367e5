import type { Insertable } from 'kysely';
import { parameterChunks } from '../chunks.ts';
import type { Tx } from '../client.ts';
import type { AccessLogTable } from '../schema.ts';

/** One row per subject read; many in few statements when a list shows many cases. */
export async function insertAccessLog(tx: Tx, rows: Insertable<AccessLogTable>[]): Promise<void> {
  for (const chunk of parameterChunks(rows)) await tx.insertInto('access_log').values(chunk).execute();
}
