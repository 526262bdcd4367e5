import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

// Forward-only, timestamped SQL migrations (conventions: Migrations), the same files on PGlite and
// PostgreSQL. Each runs in its own transaction with its name recorded; a file once applied is never run
// again.

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(MIGRATIONS_DIR + name, 'utf8') }));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate<T>(db: Kysely<T>): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const done = await db.transaction().execute(async (tx) => {
      // One migrator at a time, also across app processes starting together.
      await sql`select pg_advisory_xact_lock(7243101)`.execute(tx);
      const { rows } = await sql`select 1 from schema_migration where name = ${migration.name}`.execute(tx);
      if (rows.length > 0) return false;
      await sql.raw(migration.sql).execute(tx);
      await sql`insert into schema_migration (name) values (${migration.name})`.execute(tx);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
