import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES } from '../../src/domain/expense-category.ts';
import { PAYMENT_METHODS } from '../../src/domain/purchase-request.ts';
import { GOAL_CATEGORIES } from '../../src/domain/plan.ts';
import {
  BELIEF,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  INCOME_SOURCE,
} from '../../src/domain/report/scales.ts';
import { Conflict, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import { AARHUS, evaluator, registerCitizen, programmeOf, testCpr } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The report's per-case facts (migration 20261209120000_report_facts.sql, ADR 0014) after random
// sequences of service commands — the case's phases, intake, questionnaires, grants, purchases from
// draft to refund, rejections, cancellations, closing (which returns money to the pool) — equal the
// facts computed from the source tables directly (the view case_report_source, which reads
// citizen_case, citizen, questionnaire_response, ledger_entry and purchase_request), row for row, after every round. A failed command (refused by a rule) rolls back
// with its facts. Seeded, so a failure can be replayed.

const DAY = 86_400_000;

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}
type Rng = ReturnType<typeof random>;

let t: TestContext;
let team: MoneyTeam;
const cases: string[] = [];
const requests = new Map<string, string[]>();

/** Rows of the fact tables that the views do not give, and rows of the views the tables lack. */
async function drift(): Promise<unknown[]> {
  return t.database.transaction('all', async (tx) => {
    const { rows } = await sql`
      (select 'stale' as what, * from (
        select to_jsonb(f) as row from case_report_fact f
        except select to_jsonb(s) from case_report_source s) x)
      union all
      (select 'missing', * from (
        select to_jsonb(s) from case_report_source s
        except select to_jsonb(f) from case_report_fact f) x)
`.execute(tx);
    return rows;
  });
}

/** The fact rows, or those of cases with a purchase. */
async function count(which: 'all' | 'with spending' = 'all'): Promise<number> {
  const purchases = sql.join(
    PAYMENT_METHODS.map((m) => sql.ref(`method_${m}_purchases`)),
    sql` + `,
  );
  const where = which === 'all' ? sql`true` : sql`${purchases} > 0`;
  return t.database.transaction('all', async (tx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from case_report_fact
      where ${where}`.execute(tx);
    return rows[0]?.n ?? 0;
  });
}

function answers(r: Rng, instrument: string): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  const who5 = () => {
    for (let i = 1; i <= 5; i++) if (r.chance(0.85)) a[`who5_${i}`] = r.int(0, 5);
  };
  if (instrument === 'citizen_start') {
    if (r.chance(0.8)) a.goal_categories = GOAL_CATEGORIES.filter(() => r.chance(0.3));
    if (r.chance(0.8)) a.distance = r.pick(DISTANCE_START.codes);
    who5();
  } else if (instrument === 'citizen_end') {
    if (r.chance(0.8)) a.distance = r.pick(DISTANCE_END.codes);
    who5();
  } else if (instrument === 'support_start') {
    if (r.chance(0.8)) a.belief = r.pick(BELIEF.codes);
  } else if (r.chance(0.8)) a.assessment = r.pick(BELIEF.codes);
  return a;
}

/** A new case, referred and taken to lead-in with a support person. */
async function newCase(): Promise<string> {
  const { coordinator, support } = team;
  const citizen = await registerCitizen(t, coordinator, {
    cpr: testCpr(cases.length % 2 ? 'male' : 'female'),
  });
  const { id } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: 'Henvist til faktatest.',
  });
  await t.services.cases.startScreening(coordinator, id);
  await t.services.cases.accept(coordinator, id, { reason: 'I målgruppen.' });
  await t.services.cases.assignSupport(coordinator, id, { supportUserId: support.userId });
  cases.push(id);
  return id;
}

/** One random command on one random case; a refusal (a rule, a wrong phase) is part of the game. */
async function step(r: Rng): Promise<void> {
  const { coordinator, support, finance, vendorId } = team;
  const caseId = cases.length === 0 || r.chance(0.08) ? await newCase() : r.pick(cases);
  const own = requests.get(caseId) ?? [];
  const request = own.length > 0 ? r.pick(own) : undefined;
  const kr = (n: number) => String(n);
  const actions: (() => Promise<unknown>)[] = [
    () => t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' }),
    () => t.services.cases.activate(support, caseId, {}),
    () => t.services.cases.pause(support, caseId, { reason: 'Indlagt.' }),
    () => t.services.cases.resume(support, caseId, {}),
    () => t.services.cases.complete(support, caseId, {}),
    () => t.services.cases.terminate(support, caseId, { reason: r.pick(['Flyttet', ' Flyttet ', 'Indsat']) }),
    () =>
      t.services.cases.updateIntake(support, caseId, {
        baselineConsent: 'on',
        incomeSource: r.chance(0.8) ? r.pick(INCOME_SOURCE.codes) : '',
        highestEducation: r.chance(0.8) ? r.pick(EDUCATION.codes) : '',
      }),
    () => {
      const instrument = r.pick(['citizen_start', 'support_start', 'citizen_end', 'support_end']);
      return t.services.questionnaires.save(
        support,
        caseId,
        instrument,
        { answers: answers(r, instrument), complete: r.chance(0.7) },
        'PUT /test',
      );
    },
    () => t.services.budgets.grant(coordinator, caseId, { amountKr: kr(r.int(1, 10) * 1000) }),
    async () => {
      const category = r.pick(EXPENSE_CATEGORIES);
      const id = await t.services.purchases.create(support, caseId, {
        title: 'Køb',
        purpose: 'Til delmålet',
        amountKr: kr(r.int(1, 2000)),
        category,
        vendorId,
        paymentMethod: r.pick(['bank_transfer', 'invoice', 'requisition', 'payment_card']),
        ...(category === 'debt' || category === 'other' ? { justification: 'Aftalt.' } : {}),
      });
      requests.set(caseId, [...own, id]);
      await t.services.purchases.confirm(support, id, { how: 'in_person' });
      await t.services.purchases.submit(support, id);
    },
  ];
  if (request !== undefined)
    actions.push(
      () => t.services.purchases.approve(support, request),
      () => t.services.purchases.approve(support, request),
      () => t.services.purchases.pay(finance, request, { reference: `F-${request.slice(0, 8)}` }),
      () => t.services.purchases.pay(finance, request, { reference: `F-${request.slice(0, 8)}` }),
      () =>
        t.services.purchases.refund(finance, request, {
          amountKr: kr(r.int(1, 50)),
          reference: 'Kreditnota',
        }),
      () => t.services.purchases.reject(coordinator, request, { reason: 'Ikke i planen.' }),
      () => t.services.purchases.cancel(support, request, { reason: 'Ikke længere aktuelt.' }),
    );
  t.clock.advance(r.int(0, 3) * DAY);
  try {
    await r.pick(actions)();
  } catch (error) {
    if (!(error instanceof Conflict || error instanceof ValidationFailed || error instanceof NotFound))
      throw error;
  }
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  team = await moneyTeam(t);
}, 120_000);
afterAll(() => t.close());

describe('the report facts', { timeout: 600_000 }, () => {
  it('are filled for the existing cases (the demo, loaded through the services)', async () => {
    expect(await count()).toBeGreaterThan(0);
    expect(await count('with spending')).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });

  it('equal the facts computed from the sources after every round of random commands', async () => {
    const r = random(20261209);
    const before = await count();
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 15; i++) await step(r);
      expect(await drift(), `round ${round}`).toEqual([]);
    }
    // The rounds made started cases, spending and closed ones: the comparison had something to compare.
    expect(await count()).toBeGreaterThan(before);
    const report = await t.services.reports.view(await evaluator(t), {});
    expect(report.report.participants.all.started).toBeGreaterThan(0);
  });

  it('follow a change no service makes: a hand-written UPDATE of a category and a birth date', async () => {
    const started = await t.database.transaction({ municipalityId: AARHUS }, async (tx) => {
      const { rows } = await sql<{ request: string; citizen: string }>`
        select r.id as request, c.citizen_id as citizen
        from purchase_request r join citizen_case c on c.id = r.case_id
        join ledger_entry l on l.purchase_request_id = r.id and l.kind = 'payment'
        where c.start_date is not null limit 1`.execute(tx);
      const row = rows[0];
      if (!row) throw new Error('No paid request to change');
      await sql`update purchase_request set category = case when category = 'health' then 'transport' else 'health' end
        where id = ${row.request}`.execute(tx);
      await sql`update citizen set birth_date = birth_date - 400 where id = ${row.citizen}`.execute(tx);
      return row;
    });
    expect(started.request).toBeTruthy();
    expect(await drift()).toEqual([]);
  });

  it('roll back with the change that failed', async () => {
    const caseId = cases[0] as string;
    const facts = async () =>
      t.database.transaction('all', async (tx) => {
        const { rows } =
          await sql`select to_jsonb(f) as f from case_report_fact f where case_id = ${caseId}`.execute(tx);
        return rows;
      });
    const before = await facts();
    await expect(
      t.database.transaction({ municipalityId: AARHUS }, async (tx) => {
        await sql`update citizen_case set income_source = 'other', baseline_consent = true where id = ${caseId}`.execute(
          tx,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await facts()).toEqual(before);
  });
});

describe('the report facts behind row-level security', () => {
  it("show a municipality's transaction only its own facts", async () => {
    const municipalities = await t.database.transaction({ municipalityId: AARHUS }, async (tx) => {
      const { rows } = await sql<{ m: number }>`
        select distinct municipality_id as m from case_report_fact`.execute(tx);
      return rows.map((x) => x.m);
    });
    expect(municipalities).toEqual([AARHUS]);
  });
});
