import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completedYears, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { cprBirthDate, parseCpr } from '../../src/domain/cpr.ts';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../src/domain/expense-category.ts';
import { ore } from '../../src/domain/money.ts';
import { GOAL_CATEGORIES } from '../../src/domain/plan.ts';
import type {
  CitizenEndAnswers,
  CitizenStartAnswers,
  SupportEndAnswers,
  SupportStartAnswers,
} from '../../src/domain/questionnaire/instrument.ts';
import { anonymiseReport, SMALL } from '../../src/domain/report/anonymise.ts';
import { aggregateCases, type ReportCase, type ReportPayment } from '../support/report-cases.ts';
import { buildReport, type ReportSelection } from '../../src/domain/report/report.ts';
import {
  BELIEF,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  INCOME_SOURCE,
  type Completion,
  type Education,
  type IncomeSource,
} from '../../src/domain/report/scales.ts';
import type { Actor } from '../../src/services/context.ts';
import {
  AARHUS,
  evaluator,
  HALSNAES,
  programmeOf,
  registerCitizen,
  staff,
  testCpr,
} from '../factories/case-factory.ts';
import { buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The evaluation report computed by SQL aggregations (report.service.ts) must equal the reference: the
// domain's per-case aggregation (aggregateCases) of the same cases, through the same buildReport. The
// cases are random (seeded), made through the services, with questionnaires written straight into
// questionnaire_response as the questionnaire service would store them. The demo's own cases started
// before the test's period, so the period filter leaves only the cases made here.

const DAY = 86_400_000;
/** The methods the purchases take in turn (without drawing on the seeded generator, so the cases stay). */
const METHODS = ['bank_transfer', 'invoice', 'requisition', 'payment_card'] as const;
let purchases = 0;
const PERIOD = { from: '2026-04-01' as CalendarDate, to: '2026-12-31' as CalendarDate };

/** mulberry32: a small seeded generator, so a failure can be replayed. */
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

interface Team {
  coordinator: Actor;
  support: Actor;
  finance: Actor;
  vendorId: string;
}

type Outcome = 'not_started' | Completion | 'paused';

let t: TestContext;
let teams: Record<number, Team>;
const made: ReportCase[] = [];

async function team(municipalityId: number, cvr: string): Promise<Team> {
  const finance = await staff(t, municipalityId, 'okonomi');
  return {
    coordinator: await staff(t, municipalityId, 'koordinator'),
    support: await staff(t, municipalityId, 'stotteperson'),
    finance,
    vendorId: await t.services.budgets.addVendor(finance, {
      name: 'Rapport ApS',
      cvr,
      bankRegistration: '1234',
      bankAccount: '1234567',
    }),
  };
}

async function insertAnswers(
  municipalityId: number,
  caseId: string,
  instrument: 'citizen_start' | 'support_start' | 'citizen_end' | 'support_end',
  answers: object,
  complete: boolean,
): Promise<void> {
  const now = t.clock.now();
  await t.database.transaction({ municipalityId }, (tx) =>
    tx
      .insertInto('questionnaire_response')
      .values({
        municipality_id: municipalityId,
        case_id: caseId,
        instrument,
        version: 1,
        answers: JSON.stringify(answers),
        answered_on: now.toISOString().slice(0, 10),
        created_at: now,
        updated_at: now,
        completed_at: complete ? now : null,
      })
      .execute(),
  );
}

type Rng = ReturnType<typeof random>;

function who5(r: Rng, target: Record<string, number>): void {
  const allFive = r.chance(0.75);
  for (let i = 1; i <= 5; i++) if (allFive || r.chance(0.5)) target[`who5_${i}`] = r.int(0, 5);
}

function citizenStart(r: Rng): CitizenStartAnswers {
  const a: Record<string, unknown> = {};
  if (r.chance(0.85)) a.goal_categories = GOAL_CATEGORIES.filter(() => r.chance(0.3));
  if (r.chance(0.85)) a.distance = r.pick(DISTANCE_START.codes);
  who5(r, a as Record<string, number>);
  return a;
}

function citizenEnd(r: Rng): CitizenEndAnswers {
  const a: Record<string, unknown> = {};
  if (r.chance(0.85)) a.distance = r.pick(DISTANCE_END.codes);
  who5(r, a as Record<string, number>);
  if (r.chance(0.5)) a.self_determination = r.int(1, 5);
  return a;
}

/** One random case, made through the services, and what the reference should read from it. */
async function makeCase(r: Rng, municipalityId: number): Promise<void> {
  const { coordinator, support, finance, vendorId } = teams[municipalityId] as Team;
  t.clock.advance(r.int(1, 4) * DAY);
  const gender = r.chance(0.5) ? 'male' : 'female';
  const cpr = testCpr(gender);
  const citizen = await registerCitizen(t, coordinator, { cpr });
  const { id: caseId } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: 'Henvist til rapporttest.',
  });
  await t.services.cases.startScreening(coordinator, caseId);
  await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
  await t.services.cases.assignSupport(coordinator, caseId, { supportUserId: support.userId });
  const education: Education | null = r.chance(0.8) ? r.pick(EDUCATION.codes) : null;
  const incomeSource: IncomeSource | null = r.chance(0.8) ? r.pick(INCOME_SOURCE.codes) : null;
  if (education !== null || incomeSource !== null || r.chance(0.5))
    await t.services.cases.updateIntake(support, caseId, {
      baselineConsent: 'on',
      incomeSource: incomeSource ?? '',
      highestEducation: education ?? '',
    });
  const outcome: Outcome = r.pick([
    'not_started',
    'active',
    'active',
    'paused',
    'completed',
    'completed',
    'terminated_early',
  ]);
  const start = r.chance(0.85) ? citizenStart(r) : null;
  if (start !== null) await insertAnswers(municipalityId, caseId, 'citizen_start', start, r.chance(0.8));
  if (outcome === 'not_started') {
    // Questionnaires of a case that never started are outside every base.
    if (r.chance(0.5)) await insertAnswers(municipalityId, caseId, 'citizen_end', citizenEnd(r), true);
    return;
  }
  await t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' });
  await t.services.cases.activate(support, caseId, {});
  const supportStart: SupportStartAnswers | null = r.chance(0.8)
    ? r.chance(0.9)
      ? { belief: r.pick(BELIEF.codes) }
      : {}
    : null;
  if (supportStart !== null) await insertAnswers(municipalityId, caseId, 'support_start', supportStart, true);

  const grantKr = r.chance(0.9) ? r.int(1, 20) * 1000 : 0;
  if (grantKr > 0) await t.services.budgets.grant(coordinator, caseId, { amountKr: String(grantKr) });
  const payments: ReportPayment[] = [];
  const unpaid: string[] = [];
  for (let i = grantKr > 0 ? r.int(0, 3) : 0; i > 0; i--) {
    t.clock.advance(DAY);
    const amountKr = r.int(1, Math.min(5000, grantKr / 4) * 100) / 100;
    const category: ExpenseCategory = r.pick(EXPENSE_CATEGORIES);
    const kr = amountKr.toFixed(2).replace('.', ',');
    const method = METHODS[purchases++ % METHODS.length] ?? 'bank_transfer';
    const id = await t.services.purchases.create(support, caseId, {
      title: 'Køb',
      purpose: 'Til delmålet',
      amountKr: kr,
      category,
      vendorId,
      paymentMethod: method,
      ...(category === 'debt' || category === 'other' ? { justification: 'Aftalt med koordinator.' } : {}),
    });
    await t.services.purchases.confirm(support, id, { how: 'in_person' });
    await t.services.purchases.submit(support, id);
    await t.services.purchases.approve(support, id);
    if (r.chance(0.2)) {
      unpaid.push(id); // approved, not paid: reserved money is not spending
      continue;
    }
    await t.services.purchases.pay(finance, id, { reference: `F-${id.slice(0, 8)}` });
    let net = Math.round(amountKr * 100);
    if (r.chance(0.25)) {
      const back = r.int(1, net);
      const backKr = (back / 100).toFixed(2).replace('.', ',');
      await t.services.purchases.refund(finance, id, { amountKr: backKr, reference: 'Kreditnota' });
      net -= back;
    }
    payments.push({ category, method, amount: ore(net) });
  }
  const spent = payments.reduce((s, p) => s + p.amount, 0);
  let reason: string | null = null;
  if (outcome === 'paused') await t.services.cases.pause(support, caseId, { reason: 'Indlagt.' });
  if (outcome === 'completed' || outcome === 'terminated_early') {
    // A case closes with nothing reserved; then everything not spent returns to the pool.
    for (const id of unpaid)
      await t.services.purchases.cancel(support, id, { reason: 'Ikke længere aktuelt.' });
    if (outcome === 'completed') await t.services.cases.complete(support, caseId, {});
    else {
      reason = r.pick(['Flyttet', 'Flyttet ', 'Ønskede ikke at fortsætte', 'Indsat']);
      await t.services.cases.terminate(support, caseId, { reason });
    }
  }
  const end = r.chance(0.7) ? citizenEnd(r) : null;
  if (end !== null) await insertAnswers(municipalityId, caseId, 'citizen_end', end, r.chance(0.8));
  const supportEnd: SupportEndAnswers | null = r.chance(0.6) ? { assessment: r.pick(BELIEF.codes) } : null;
  if (supportEnd !== null) await insertAnswers(municipalityId, caseId, 'support_end', supportEnd, true);

  const startDate = await t.database.transaction({ municipalityId }, (tx) =>
    tx.selectFrom('citizen_case').select('start_date').where('id', '=', caseId).executeTakeFirstOrThrow(),
  );
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw new Error('bad test CPR');
  const closed = outcome === 'completed' || outcome === 'terminated_early';
  made.push({
    municipality: String(municipalityId),
    gender,
    ageAtStart: completedYears(cprBirthDate(parsed.cpr), startDate.start_date as CalendarDate),
    completion: outcome === 'paused' ? 'active' : outcome,
    terminationReason: reason,
    education,
    incomeSource,
    granted: ore(grantKr * 100),
    returned: ore(closed ? grantKr * 100 - spent : 0),
    payments,
    citizenStart: start,
    supportStart,
    citizenEnd: end,
    supportEnd,
  });
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  teams = { [AARHUS]: await team(AARHUS, '11223344'), [HALSNAES]: await team(HALSNAES, '44332211') };
  t.clock.advance(31 * DAY); // 2026-04-02: after every demo case started
  const r = random(20261203);
  for (let i = 0; i < 40; i++) await makeCase(r, r.chance(0.6) ? AARHUS : HALSNAES);
}, 300_000);
afterAll(() => t.close());

function reference(municipalities: readonly string[]) {
  const cases = made.filter((c) => municipalities.includes(c.municipality));
  const selection: ReportSelection = { municipalities, period: PERIOD };
  return buildReport({ generatedAt: t.clock.now(), selection, rows: aggregateCases(cases) });
}

describe('the evaluation report', () => {
  it('made a mix worth comparing', () => {
    const started = made.filter((c) => c.municipality === String(AARHUS));
    expect(started.length).toBeGreaterThan(5);
    expect(made.some((c) => c.citizenEnd !== null)).toBe(true);
    expect(made.some((c) => c.completion === 'terminated_early')).toBe(true);
    expect(made.some((c) => c.payments.length > 0)).toBe(true);
    const all = reference([String(AARHUS), String(HALSNAES)]);
    expect(all.participants.all.followedUp).toBeGreaterThan(5);
    for (const figure of [all.goalCategories, all.change, all.supportBelief, all.endDistance])
      expect(figure.all.n).toBeGreaterThan(0);
    expect(all.wellbeing.all.n).toBeGreaterThan(0);
    expect(all.spending.all.returnedKr).toBeGreaterThan(0);
    expect(all.completion.all.reasons?.length).toBeGreaterThan(0);
  });

  it("equals the per-case reference for a coordinator's municipality", async () => {
    const { coordinator } = teams[AARHUS] as Team;
    const view = await t.services.reports.view(coordinator, PERIOD);
    expect(view.anonymised).toBe(false);
    expect(view.report).toEqual(reference([String(AARHUS)]));
  });

  it('equals the anonymised reference for the evaluator, across municipalities and for each one', async () => {
    const national = await t.services.reports.view(await evaluator(t), PERIOD);
    const codes = national.municipalities.map((m) => m.code);
    expect(codes).toEqual(['250', '350', '621', '751']);
    expect(national.anonymised).toBe(true);
    expect(national.report).toEqual(anonymiseReport(reference(codes)));
    const one = await t.services.reports.view(await evaluator(t), {
      ...PERIOD,
      municipality: String(HALSNAES),
    });
    expect(one.report).toEqual(anonymiseReport(reference([String(HALSNAES)])));
  });

  it('counts only the cases started in the period', async () => {
    const { coordinator } = teams[AARHUS] as Team;
    const before = await t.services.reports.view(coordinator, { from: '2025-01-01', to: '2026-03-31' });
    const after = await t.services.reports.view(coordinator, PERIOD);
    const all = await t.services.reports.view(coordinator, {});
    const started = (v: typeof all) => Number(v.report.participants.all.started);
    expect(started(before) + started(after)).toBe(started(all));
  });
});

describe('the report through the API', () => {
  it('answers the same report as JSON, and one figure as CSV', async () => {
    const { coordinator } = teams[AARHUS] as Team;
    const admin = await staff(t, AARHUS, 'admin');
    const { token } = await t.services.apiTokens.issue(admin, {
      userId: coordinator.userId,
      name: 'Rapport',
    });
    const app = buildApp(t.services).app;
    const get = (path: string) =>
      app.request(`http://localhost:3000/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const json = await get(`/report?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(JSON.parse(JSON.stringify(reference([String(AARHUS)]))));
    const csv = await get('/report/spending');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (Response.text() hides it)
    expect(bytes.subarray(3).toString('utf8')).toMatch(
      /^municipality_code;category;label;kr;count;citizens;n;/,
    );
    expect((await get('/report/shoes')).status).toBe(404);
    expect((await get('/report?municipality=250')).status).toBe(404);
  });
});

describe('who may see the report', () => {
  it("shows the evaluator no count from 1 to 4 and no termination reason, and a coordinator's the reasons", async () => {
    const national = await t.services.reports.view(await evaluator(t), PERIOD);
    const numbers: number[] = [];
    JSON.stringify(national.report, (key, value: unknown) => {
      if (
        typeof value === 'number' &&
        ['n', 'missing', 'count', 'citizens', 'started', 'followedUp'].includes(key)
      )
        numbers.push(value);
      return value;
    });
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(JSON.stringify(national.report)).not.toContain('reasons');
    expect(JSON.stringify(national.report)).toContain(SMALL);
    const own = await t.services.reports.view((teams[AARHUS] as Team).coordinator, PERIOD);
    expect(own.report.completion.all).toHaveProperty('reasons');
  });

  it("refuses a coordinator another municipality's report, as if it did not exist", async () => {
    const { coordinator } = teams[AARHUS] as Team;
    await expect(
      t.services.reports.view(coordinator, { municipality: String(HALSNAES) }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const otherProgramme = await programmeOf(t, (teams[HALSNAES] as Team).coordinator);
    await expect(t.services.reports.view(coordinator, { programme: otherProgramme })).rejects.toMatchObject({
      code: 'not_found',
    });
    const own = await t.services.reports.view(coordinator, {});
    expect(own.report.selection.municipalities).toEqual([String(AARHUS)]);
    expect(Object.keys(own.report.participants.byMunicipality)).toEqual([String(AARHUS)]);
  });

  it('refuses every other role', async () => {
    for (const local of ['stotteperson', 'okonomi', 'admin']) {
      await expect(t.services.reports.view(await staff(t, AARHUS, local), {})).rejects.toMatchObject({
        code: 'not_found',
      });
    }
  });

  it('refuses a bad period with a message and a municipality outside the scheme as not found', async () => {
    const { coordinator } = teams[AARHUS] as Team;
    await expect(
      t.services.reports.view(coordinator, { from: '2026-05-01', to: '2026-04-01' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(t.services.reports.view(coordinator, { from: '1. maj' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(t.services.reports.view(await evaluator(t), { municipality: '101' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
