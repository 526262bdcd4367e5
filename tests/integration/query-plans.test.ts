import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateReportData } from '../../src/bench/bench-report-data.ts';
import type { TenantScope, Tx } from '../../src/db/transaction.ts';
import type { Actor } from '../../src/services/context.ts';
import { StatementCounter } from '../setup/statement-counter.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The planner sees the truth under row-level security (ADR 0003): at a generated size where plans
// matter, the hot paths' own statements — recorded as the services send them, then EXPLAINed in the
// same transaction and scope — read the big tables through an index wherever one fits, and the
// planner's estimate of what a scope sees is the real share, for one municipality and for all.
//
// PostgreSQL only: these 2,000 generated cases take over a minute to load in PGlite's single
// WebAssembly process (68 s on a busy 2-core machine), more than a test file may take.

const CASES = 2000;
/** The big tables: a sequential scan of one of these on a hot path reads every municipality's rows. */
const BIG = ['citizen_case', 'purchase_request', 'ledger_entry'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

const onPostgres = inject('testDb').kind === 'postgres';
const recorder = new StatementCounter();
let t: TestContext;

/** Signals the end of a look at plans: the transaction rolls back whatever the work wrote. */
class LookedAtPlans extends Error {
  constructor(readonly plans: { sql: string; plan: PlanNode }[]) {
    super('rolled back after EXPLAIN');
  }
}

/**
 * Runs `work` (service calls) inside one transaction in `scope`, then EXPLAINs every SELECT it sent,
 * in that transaction (temporary tables and rows it wrote still there, each statement under the
 * scope it ran in), and rolls everything back.
 */
async function plansOf(scope: TenantScope, work: () => Promise<unknown>) {
  try {
    await t.database.transaction(scope, async (tx) => {
      const statements = await recorder.record(work);
      const plans: { sql: string; plan: PlanNode }[] = [];
      let scoped: CompiledQuery | undefined;
      for (const statement of statements) {
        const scoping = /select set_config\('app\.scope'.*$/s.exec(statement.sql);
        if (scoping) scoped = CompiledQuery.raw(scoping[0]);
        if (scoping || !/^\s*(select|with)\b/i.test(statement.sql)) continue;
        if (scoped) await tx.executeQuery(scoped);
        plans.push({ sql: statement.sql, plan: await explain(tx, statement) });
      }
      throw new LookedAtPlans(plans);
    });
  } catch (e) {
    if (e instanceof LookedAtPlans) return e.plans;
    throw e;
  }
  throw new Error('unreachable');
}

async function explain(tx: Tx, statement: CompiledQuery): Promise<PlanNode> {
  const { rows } = await tx.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]),
  );
  const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!plan) throw new Error(`No plan for ${statement.sql}`);
  return plan;
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** Fails, printing the statement and its plan, where a hot statement reads a big table sequentially. */
function expectNoSequentialScanOfBigTables(plans: { sql: string; plan: PlanNode }[]): void {
  expect(plans.length).toBeGreaterThan(0);
  for (const { sql: text, plan } of plans) {
    const scans = nodesOf(plan)
      .filter((n) => n['Node Type'] === 'Seq Scan' && BIG.includes(n['Relation Name'] ?? ''))
      .map((n) => n['Relation Name']);
    expect(scans, `${text}\n${JSON.stringify(plan, null, 2)}`).toEqual([]);
  }
}

/** A staff member of the generated data (the first of `role`, or the user `id`), as a session makes them. */
async function staff(role: string, municipalityId: number, id?: string): Promise<Actor> {
  const { rows } = await t.database.transaction('all', (tx) =>
    sql<{ id: string; name: string; email: string; municipality: string }>`
      select u.id, u.name, u.email, m.name as municipality from app_user u
      join municipality m on m.id = u.municipality_id
      where u.role = ${role} and u.municipality_id = ${municipalityId} and (${id ?? null}::uuid is null or u.id = ${id ?? null})
      order by u.email limit 1`.execute(tx),
  );
  const u = rows[0];
  if (!u) throw new Error(`No ${role} in municipality ${municipalityId}`);
  return {
    userId: u.id,
    role: role as Actor['role'],
    municipalityId,
    municipalityName: u.municipality,
    name: u.name,
    email: u.email,
  };
}

let largest: number;

describe.skipIf(!onPostgres)('query plans at a generated size (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestContext({ plugins: [recorder] });
    const generated = await t.database.transaction('all', (tx) =>
      generateReportData(tx, { cases: CASES, realistic: { requestsPerCase: 4, passwordHash: 'x' } }),
    );
    largest = Number(generated.largest.code);
    // What autovacuum does shortly after a load: statistics for the planner.
    await sql`analyze`.execute(t.database.db);
  }, 120_000);
  afterAll(() => t.close());

  it.each(BIG)('estimates what a scope sees of %s from the statistics', async (table) => {
    for (const scope of ['all', { municipalityId: largest }] as const) {
      const { estimated, counted } = await t.database.transaction(scope, async (tx) => {
        const plan = await explain(tx, CompiledQuery.raw(`select * from ${table}`));
        const { rows } = await sql<{
          n: number;
        }>`select count(*)::integer as n from ${sql.table(table)}`.execute(tx);
        return { estimated: plan['Plan Rows'], counted: rows[0]?.n ?? -1 };
      });
      expect(counted).toBeGreaterThan(0);
      // Within a quarter either way; the old policies made it 1 row in 200 for scope 'all'.
      expect(estimated, JSON.stringify(scope)).toBeGreaterThan(counted * 0.75);
      expect(estimated, JSON.stringify(scope)).toBeLessThan(counted * 1.25);
    }
  });

  it('reads one case page through indexes', async () => {
    const support = await staff('support', largest);
    const { rows } = await t.database.transaction({ municipalityId: largest }, (tx) =>
      sql<{ case_id: string }>`select case_id from support_assignment
        where support_user_id = ${support.userId} and valid_to is null limit 1`.execute(tx),
    );
    const caseId = rows[0]?.case_id ?? '';
    expectNoSequentialScanOfBigTables(
      await plansOf({ municipalityId: largest }, () => t.services.cases.detail(support, caseId, 'GET /test')),
    );
  });

  it("reads a support person's caseload through indexes", async () => {
    const support = await staff('support', largest);
    expectNoSequentialScanOfBigTables(
      await plansOf({ municipalityId: largest }, () => t.services.cases.caseload(support, {}, 'GET /test')),
    );
  });

  it("reads a municipality's overview through indexes", async () => {
    const coordinator = await staff('coordinator', largest);
    expectNoSequentialScanOfBigTables(
      await plansOf({ municipalityId: largest }, () =>
        t.services.cases.overview(coordinator, {}, 'GET /test'),
      ),
    );
  });

  it("reads finance's payment queue through indexes", async () => {
    const finance = await staff('finance', largest);
    expectNoSequentialScanOfBigTables(
      await plansOf({ municipalityId: largest }, () => t.services.payments.queue(finance)),
    );
  });

  it('locks and reads an approval through indexes', async () => {
    const { rows } = await t.database.transaction({ municipalityId: largest }, (tx) =>
      sql<{ id: string; support: string }>`
        select r.id, a.support_user_id as support from purchase_request r
        join support_assignment a on a.case_id = r.case_id and a.valid_to is null
        where r.status = 'submitted' order by r.id limit 1`.execute(tx),
    );
    const request = rows[0];
    if (!request) throw new Error('The generated data has no submitted request with a support person.');
    const support = await staff('support', largest, request.support);
    expectNoSequentialScanOfBigTables(
      await plansOf({ municipalityId: largest }, () => t.services.purchases.approve(support, request.id)),
    );
  });

  it("reads one municipality's report through indexes", async () => {
    expectNoSequentialScanOfBigTables(
      await plansOf('all', () =>
        t.services.reports.forOperator({ municipality: String(largest), anonymise: false }),
      ),
    );
  });
});
