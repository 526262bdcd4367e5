import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, UnsafeDatabaseRole } from '../../src/db/client.ts';
import { AARHUS, HALSNAES, loginAs } from '../setup/actors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Row-level security is the second wall between municipalities (spec: Row-level security): these
// queries have no WHERE on the municipality at all, so only the policies keep other rows out.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  // Rows in every tenant table for two municipalities: sessions and audit events (log-in), idempotency
  // keys, and access-log lines (no service writes those yet, so the test does, in the right scope).
  for (const m of [AARHUS, HALSNAES]) {
    const { actor } = await loginAs(t, 'coordinator', m);
    await t.services.commands.run(actor, { key: `rls-test-key-${m}`, fingerprint: 'fingerprint' }, () =>
      Promise.resolve({ response: { status: 201, headers: {}, body: '' }, keep: true }),
    );
    // Raw SQL: only the foundation's columns, whatever later migrations add.
    await t.database.transaction({ municipalityId: m }, (tx) =>
      sql`insert into access_log (municipality_id, occurred_at, user_id, user_role, subject_type, subject_id, purpose)
          values (${m}, ${t.clock.now()}, ${actor.userId}, ${actor.role}, 'user', ${randomUUID()}, 'test')`.execute(
        tx,
      ),
    );
  }
});
afterAll(() => t.close());

/** Every table with a municipality_id column (and municipality itself): the tenant tables. */
async function tenantTables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'municipality_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(t.database.db);
  return ['municipality', ...rows.map((r) => r.table_name)];
}

describe('row-level security', () => {
  it('connects as a role that is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await sql<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>`
      select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(
      t.database.db,
    );
    expect(rows).toEqual([
      {
        rolname: t.url ? new URL(t.url).username : 'borgerbudget_app',
        rolsuper: false,
        rolbypassrls: false,
      },
    ]);
  });

  it('is enabled and forced (also for the owner) on every tenant table', async () => {
    const tables = await tenantTables();
    const { rows } = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r' and relname = any(${tables})
      order by relname`.execute(t.database.db);
    expect(rows).toEqual(
      [...tables].sort().map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })),
    );
  });

  it("returns only the scoped municipality's users, with no WHERE in the query", async () => {
    const users = await t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.selectFrom('app_user').selectAll().execute(),
    );
    expect(users.map((u) => u.email).sort()).toEqual([
      'admin@aarhus.example',
      // The demo citizen Mads's portal log-in.
      'borger@aarhus.example',
      'koordinator@aarhus.example',
      'okonomi@aarhus.example',
      'stotteperson2@aarhus.example',
      'stotteperson@aarhus.example',
    ]);
    // The evaluator (no municipality) is not visible to a municipality either.
    expect(users.every((u) => u.municipality_id === AARHUS)).toBe(true);
  });

  /** The foundation's tenant tables, all of which hold rows of both municipalities here. */
  const FILLED = [
    'municipality',
    'programme',
    'app_user',
    'user_session',
    'idempotency_key',
    'audit_chain_head',
    'audit_event',
    'access_log',
  ];

  it('keeps every tenant table to the scoped municipality, while the rows of others exist', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(FILLED) as string[]);
    for (const table of tables) {
      const column = table === 'municipality' ? 'id' : 'municipality_id';
      const count = (scope: { municipalityId: number } | 'all') =>
        t.database.transaction(scope, async (tx) => {
          const { rows } = await sql<{
            m: number | null;
          }>`select ${sql.ref(column)} as m from ${sql.table(table)}`.execute(tx);
          return rows.map((r) => r.m);
        });
      const scoped = await count({ municipalityId: AARHUS });
      expect(
        scoped.filter((m) => m !== AARHUS),
        table,
      ).toEqual([]);
      if (!FILLED.includes(table)) continue; // a later feature's table, empty in this test
      expect(await count('all'), table).toContain(HALSNAES);
      expect(scoped.length, table).toBeGreaterThan(0);
    }
  });

  it("cannot change or delete another municipality's rows", async () => {
    const result = await t.database.transaction({ municipalityId: AARHUS }, async (tx) => ({
      updated: await tx
        .updateTable('app_user')
        .set({ name: 'Overtaget' })
        .where('municipality_id', '=', HALSNAES)
        .execute(),
      deleted: await tx.deleteFrom('user_session').where('municipality_id', '=', HALSNAES).execute(),
    }));
    expect(result.updated[0]?.numUpdatedRows).toBe(0n);
    expect(result.deleted[0]?.numDeletedRows).toBe(0n);
    const halsnaes = await t.database.transaction({ municipalityId: HALSNAES }, (tx) =>
      tx.selectFrom('app_user').select('name').where('name', '=', 'Overtaget').execute(),
    );
    expect(halsnaes).toEqual([]);
  });

  it('refuses to insert a row for another municipality', async () => {
    const insert = t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx
        .insertInto('app_user')
        .values({
          municipality_id: HALSNAES,
          email: 'indsmuglet@halsnaes.example',
          name: 'Indsmuglet',
          role: 'admin',
          password_hash: null,
          reset_code_hash: null,
          reset_code_expires_at: null,
          deactivated_at: null,
        })
        .execute(),
    );
    await expect(insert).rejects.toThrow('new row violates row-level security policy for table "app_user"');
    // Nor can a row be moved into another municipality.
    const move = t.database.transaction({ municipalityId: AARHUS }, (tx) =>
      tx.updateTable('programme').set({ municipality_id: HALSNAES }).execute(),
    );
    await expect(move).rejects.toThrow('new row violates row-level security policy for table "programme"');
    const found = await t.database.transaction('all', (tx) =>
      tx.selectFrom('app_user').select('id').where('email', '=', 'indsmuglet@halsnaes.example').execute(),
    );
    expect(found).toEqual([]);
  });

  it('shows nothing at all when no scope is set', async () => {
    for (const table of await tenantTables()) {
      const { rows } = await sql`select * from ${sql.table(table)}`.execute(t.database.db);
      expect(rows, table).toEqual([]);
    }
    expect(await t.database.db.selectFrom('app_user').selectAll().execute()).toEqual([]);
    // Nor inside a transaction that did not say which municipality it works for.
    const unscoped = await t.database.db
      .transaction()
      .execute((tx) => tx.selectFrom('programme').selectAll().execute());
    expect(unscoped).toEqual([]);
  });

  it('does not let a scope leak from one transaction into the next on the same connection', async () => {
    await t.database.transaction('all', (tx) => tx.selectFrom('app_user').select('id').execute());
    expect(await t.database.db.selectFrom('app_user').selectAll().execute()).toEqual([]);
  });

  // PGlite has no connection string to give: the app always SET ROLEs its one connection to the
  // unprivileged role itself (checked above), so this check applies to PostgreSQL only.
  // PGlite is one process: it has no parallel workers to hand a scope to.
  it.skipIf(inject('testDb').kind === 'pglite')(
    "keeps a parallel plan's workers to the scoped municipality (the bounds are PARALLEL SAFE)",
    async () => {
      const { plan, seen } = await t.database.transaction({ municipalityId: AARHUS }, async (tx) => {
        // Parallel at any size: the workers then evaluate the policy's bounds themselves.
        await sql`set local parallel_setup_cost = 0; set local parallel_tuple_cost = 0;
          set local min_parallel_table_scan_size = 0; set local enable_indexscan = off;
          set local enable_bitmapscan = off; set local enable_indexonlyscan = off`.execute(tx);
        const query = sql<{ m: number }>`select municipality_id as m from audit_event group by 1`;
        const explained = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off) ${query}`.execute(
          tx,
        );
        const { rows } = await query.execute(tx);
        return { plan: explained.rows.map((r) => r['QUERY PLAN']).join('\n'), seen: rows };
      });
      expect(plan).toMatch(/Workers Launched: [1-9]/);
      expect(seen.map((r) => r.m)).toEqual([AARHUS]);
    },
  );

  it.skipIf(inject('testDb').kind === 'pglite')('refuses to run as a superuser on PostgreSQL', async () => {
    const superuser = new URL(t.url ?? '');
    superuser.username = 'postgres';
    await expect(openDatabase({ databaseUrl: superuser.toString(), dataDir: 'memory://' })).rejects.toThrow(
      UnsafeDatabaseRole,
    );
  });
});
