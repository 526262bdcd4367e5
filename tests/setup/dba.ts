import { sql } from 'kysely';
import { APP_ROLE, type DatabaseHandle } from '../../src/db/client.ts';

/**
 * Runs `statement` as someone who may switch the append-only trigger off, as a DBA could.
 * PGlite: the app's one connection has SET ROLE to the unprivileged borgerbudget_app, which may not
 * alter the table; RESET ROLE gives back the embedded superuser for this transaction, and SET ROLE
 * returns to the app role before it commits. PostgreSQL: the test's role ran the migrations, so it owns
 * audit_event and may disable its trigger (row-level security still applies: the 'all' scope).
 */
export async function asDba(database: DatabaseHandle, statement: string): Promise<void> {
  await database.transaction('all', async (tx) => {
    if (database.kind === 'pglite') await sql`reset role`.execute(tx);
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(tx);
    await sql.raw(statement).execute(tx);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(tx);
    if (database.kind === 'pglite') await sql.raw(`set role ${APP_ROLE}`).execute(tx);
  });
}

/**
 * Runs `statement` with one of a table's triggers switched off, as a DBA going around the app could
 * (e.g. the ledger's guard), so a test can plant what `check-ledger` must find. Same roles as asDba.
 */
export async function asDbaWithoutTrigger(
  database: DatabaseHandle,
  table: string,
  trigger: string,
  statement: string,
): Promise<void> {
  await database.transaction('all', async (tx) => {
    if (database.kind === 'pglite') await sql`reset role`.execute(tx);
    await sql.raw(`alter table ${table} disable trigger ${trigger}`).execute(tx);
    await sql.raw(statement).execute(tx);
    await sql.raw(`alter table ${table} enable trigger ${trigger}`).execute(tx);
    if (database.kind === 'pglite') await sql.raw(`set role ${APP_ROLE}`).execute(tx);
  });
}
