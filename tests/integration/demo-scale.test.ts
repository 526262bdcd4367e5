import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoAtScale, type ScaleCounts } from '../../src/bench/demo-scale.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { verifyPassword } from '../../src/services/access/password.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { asDbaWithoutTrigger } from '../setup/dba.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// `borgerbudget demo --scale …` at a few hundred cases, through the same code as 100,000: cases in every
// phase, requests in every status on the cases' sub-goals, books and audit chains that check clean, the
// same rows for the same seed — and check-ledger, set-based, still finds a posting that went around the
// guard.

const CASES = 300;
const SEED = 0.25;
const LONG = 600_000;

/** A fingerprint of the generated rows that carry the story: requests and postings. */
async function fingerprint(database: DatabaseHandle): Promise<string> {
  return database.transaction('all', async (tx) => {
    const { rows } = await sql<{ requests: string; postings: string; cases: string }>`
      select
        (select md5(string_agg(id || status || amount_ore || coalesce(sub_goal_id::text, ''), ',' order by id))
          from purchase_request) as requests,
        (select md5(string_agg(case_id || kind || amount_ore, ',' order by case_id, kind, amount_ore))
          from ledger_entry) as postings,
        (select md5(string_agg(id || phase || case_number, ',' order by id)) from citizen_case) as cases`.execute(
      tx,
    );
    return JSON.stringify(rows[0]);
  });
}

describe('demo --scale', () => {
  let first: TestContext;
  let counts: ScaleCounts;

  beforeAll(async () => {
    first = await createTestContext();
    counts = await generateDemoAtScale(first.database, { scale: 'national', cases: CASES, seed: SEED });
  }, LONG);
  afterAll(async () => {
    await first.close();
  });

  it('puts cases in every phase and requests in every status, each on a sub-goal of its case', async () => {
    expect(counts.cases).toBe(CASES);
    expect(counts.municipalities).toBe(3);
    expect(Object.keys(counts.phases).sort()).toEqual(
      ['active', 'closed', 'lead_in', 'paused', 'referred', 'screening'].sort(),
    );
    expect(Object.keys(counts.statuses).sort()).toEqual(
      ['approved', 'cancelled', 'draft', 'paid', 'refunded', 'rejected', 'submitted'].sort(),
    );
    expect(counts.requests).toBeGreaterThan(CASES * 10);
    for (const n of [counts.paymentFiles, counts.answers, counts.notes, counts.accessLog]) {
      expect(n).toBeGreaterThan(0);
    }
    const found = await first.database.transaction('all', async (tx) => {
      const { rows } = await sql<{ unlinked: number; outcomes: string[]; assigned: number; open: number }>`
        select
          (select count(*)::integer from purchase_request r
            where r.sub_goal_id is null
              or not exists (select 1 from sub_goal g where g.id = r.sub_goal_id and g.case_id = r.case_id))
            as unlinked,
          (select array_agg(distinct close_outcome order by close_outcome) from citizen_case
            where close_outcome is not null) as outcomes,
          (select count(*)::integer from support_assignment where ended_at is null) as assigned,
          (select count(*)::integer from citizen_case where phase in ('lead_in', 'active', 'paused')) as open`.execute(
        tx,
      );
      return rows[0];
    });
    expect(found?.unlinked).toBe(0);
    expect(found?.outcomes).toEqual(['completed', 'declined', 'terminated_early']);
    // Every case that has a support person now has exactly one current assignment.
    expect(found?.assigned).toBe(found?.open);
  });

  it('gives staff the demo password under the municipality’s name', async () => {
    const users = await first.database.transaction('all', (tx) =>
      tx
        .selectFrom('app_user')
        .select(['email', 'role', 'password_hash', 'municipality_id'])
        .where('email', 'in', [
          'koordinator@aarhus.example',
          'okonomi@aarhus.example',
          'admin@koebenhavn.example',
        ])
        .orderBy('email')
        .execute(),
    );
    expect(users.map((u) => [u.email, u.role, u.municipality_id])).toEqual([
      ['admin@koebenhavn.example', 'admin', 101],
      ['koordinator@aarhus.example', 'coordinator', 751],
      ['okonomi@aarhus.example', 'finance', 751],
    ]);
    expect(await verifyPassword(users[0]?.password_hash ?? null, DEMO_PASSWORD)).toBe(true);
  });

  it(
    'leaves books and audit chains that check clean, and the same rows for the same seed',
    async () => {
      expect((await first.services.system.checkLedger()).problems).toEqual([]);
      // The report facts (filled in one pass on PostgreSQL, by their triggers on PGlite) are what their
      // views compute from the generated rows, both ways round.
      const drift = await first.database.transaction('all', async (tx) => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::integer as n from (
            (select to_jsonb(f) from case_report_fact f except select to_jsonb(s) from case_report_source s)
            union all (select to_jsonb(s) from case_report_source s except select to_jsonb(f) from case_report_fact f)) x`.execute(
          tx,
        );
        return rows[0]?.n;
      });
      expect(drift).toBe(0);
      expect((await first.services.system.verifyAuditChains()).firstBreak).toBeNull();
      const again = await createTestContext();
      try {
        const same = await generateDemoAtScale(again.database, {
          scale: 'national',
          cases: CASES,
          seed: SEED,
        });
        expect(same).toEqual(counts);
        expect(await fingerprint(again.database)).toBe(await fingerprint(first.database));
      } finally {
        await again.close();
      }
    },
    LONG,
  );

  it(
    'fails as a whole when a posting in the load breaks the rules, leaving no rows and every guard on',
    async () => {
      const other = await createTestContext();
      try {
        const load = generateDemoAtScale(other.database, {
          scale: 'national',
          cases: 100,
          seed: SEED,
          // An overspending payment on a draft request, as a generator bug would write it.
          beforeCheck: async (tx) => {
            await sql`
              insert into ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id, payment_method, paid_on, reference, posted_at)
              select r.municipality_id, r.case_id, c.programme_id, 'payment', 9999999900, r.id, 'invoice',
                '2026-11-01', 'Fejl', now()
              from purchase_request r join citizen_case c on c.id = r.case_id
              where r.status = 'draft' order by r.id limit 1`.execute(tx);
          },
        });
        await expect(load).rejects.toThrow(
          other.database.kind === 'postgres' ? /breaks the rules/ : /ledger: case/,
        );
        const left = await other.database.transaction('all', async (tx) => {
          const { rows } = await sql<{ rows: number; off: number; keys: number }>`
            select
              (select count(*)::integer from municipality) + (select count(*)::integer from ledger_entry)
                + (select count(*)::integer from purchase_request) as rows,
              (select count(*)::integer from pg_trigger where not tgisinternal and tgenabled = 'D') as off,
              (select count(*)::integer from pg_constraint
                where contype = 'f' and conrelid = 'ledger_entry'::regclass) as keys`.execute(tx);
          return rows[0];
        });
        expect(left?.rows).toBe(0);
        expect(left?.off).toBe(0);
        expect(left?.keys).toBeGreaterThan(0);
      } finally {
        await other.close();
      }
    },
    LONG,
  );

  it('refuses a database that already has data', async () => {
    await expect(generateDemoAtScale(first.database, { scale: 'municipality', cases: 10 })).rejects.toThrow(
      /already has data/,
    );
  });

  it(
    'still finds what went around the guard: an overspent case and a payment on a draft',
    async () => {
      const { victim, draft } = await first.database.transaction('all', async (tx) => {
        const { rows } = await sql<{
          victim: string;
          case_number: number;
          draft: string;
          request_number: number;
        }>`
        select c.id as victim, c.case_number, r.id as draft, r.request_number
        from purchase_request r join citizen_case c on c.id = r.case_id
        where r.status = 'draft' and c.municipality_id = 751
        order by c.case_number, r.request_number limit 1`.execute(tx);
        const row = rows[0];
        if (!row) throw new Error('no draft request generated');
        return { victim: row, draft: row.draft };
      });
      await asDbaWithoutTrigger(
        first.database,
        'ledger_entry',
        'ledger_entry_guard',
        `insert into ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, purchase_request_id,
         payment_method, paid_on, reference, posted_at)
       select municipality_id, id, programme_id, 'payment', 9999999900, '${draft}', 'invoice', '2026-11-01', 'DBA',
         now()
       from citizen_case where id = '${victim.victim}'`,
      );
      const report = await first.services.system.checkLedger();
      const found = report.problems.map((p) => [p.where.key, p.what.key]);
      expect(found).toContainEqual(['cli.ledger.where.case', 'cli.ledger.overspent']);
      expect(found).toContainEqual(['cli.ledger.where.request', 'cli.ledger.paymentWithStatus']);
      expect(report.problems.every((p) => p.where.params?.number === victim.case_number)).toBe(true);
    },
    LONG,
  );
});
