import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishDateOf, type CalendarDate } from '../../src/domain/calendar-date.ts';
import type { Actor } from '../../src/services/context.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { staff } from '../factories/case-factory.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The demo's money tells one story (spec: Demo personas): each case is granted its money, then its
// requests are reserved, paid and refunded, in that order, inside the case's period and never after
// today; the purchases serve the sub-goals, so the goals show money spent. The pages state the period's
// end as its last day, the same day for staff and citizen, and the report writes money as people read it.

let t: TestContext;
const coordinators = new Map<number, Actor>();

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  for (const m of DEMO_MUNICIPALITIES) coordinators.set(m.id, await staff(t, m.id, 'koordinator'));
});
afterAll(() => t.close());

/** Every demo case with its budget, as its municipality's coordinator sees them. */
async function demoBudgets() {
  const all = [];
  for (const coordinator of coordinators.values()) {
    const { items } = await t.services.cases.overview(coordinator, { includeClosed: true }, 'GET /test');
    for (const item of items) {
      const detail = await t.services.cases.detail(coordinator, item.id, 'GET /test');
      if (detail.startDate === null) continue;
      const budget = await t.services.budgets.overview(coordinator, item.id, 'GET /test');
      const plan = await t.services.plans.get(coordinator, item.id, 'GET /test');
      all.push({ detail, budget, subGoals: plan.subGoals.length });
    }
  }
  return all;
}

describe('the demo money', () => {
  it('is granted, reserved, paid and refunded in that order, inside the period and never after today', async () => {
    const today = danishDateOf(t.clock.now());
    const cases = await demoBudgets();
    // Mads, Sara and Lone have been paid for; Jonas's debt repayment is approved and waits for finance.
    expect(cases.filter((c) => c.budget.postings.some((p) => p.kind === 'payment')).length).toBe(3);
    for (const { detail, budget } of cases) {
      const day = (p: { paidOn: string | null; postedAt: Date }) =>
        (p.paidOn ?? danishDateOf(p.postedAt)) as CalendarDate;
      const start = detail.startDate as CalendarDate;
      const end = (detail.lastDay ?? today) < today ? (detail.lastDay as CalendarDate) : today;
      const grants = budget.postings.filter((p) => p.kind === 'grant').map(day);
      const lastGrant = grants.sort().at(-1) ?? start;
      for (const p of budget.postings) {
        const on = day(p);
        expect([detail.citizen.name, p.kind, on >= start && on <= end]).toEqual([
          detail.citizen.name,
          p.kind,
          true,
        ]);
        if (p.kind !== 'grant') expect(on >= lastGrant).toBe(true);
      }
      for (const r of budget.requests) {
        expect(danishDateOf(r.createdAt) >= start).toBe(true);
        const own = budget.postings.filter((p) => p.requestNumber === r.number);
        const days = (kind: string) => own.filter((p) => p.kind === kind).map(day);
        const reserved = days('reservation');
        const paid = days('payment');
        const refunded = days('refund');
        for (const a of reserved) for (const b of [...paid, ...refunded]) expect(a <= b).toBe(true);
        for (const a of paid) for (const b of refunded) expect(a <= b).toBe(true);
      }
    }
  });

  it('links purchases to the sub-goals they serve, so the goals show money spent', async () => {
    const cases = await demoBudgets();
    const spending = cases.filter((c) => c.detail.phase === 'active' && c.subGoals > 0);
    expect(spending.map((c) => c.detail.citizen.name).sort()).toEqual([
      'Jonas Mølgaard',
      'Lone Schmidt',
      'Mads Bøgh',
      'Sara Lindqvist',
    ]);
    for (const { detail, budget } of spending) {
      const linked = budget.requests.filter((r) => r.subGoal !== null);
      expect([detail.citizen.name, linked.length > 0]).toEqual([detail.citizen.name, true]);
      const spent = budget.bySubGoal.filter((s) => s.subGoalId !== null && s.spent + s.reserved > 0);
      expect([detail.citizen.name, spent.length > 0]).toEqual([detail.citizen.name, true]);
    }
    const states = new Set(cases.flatMap((c) => c.budget.requests.map((r) => r.status)));
    for (const status of ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'paid', 'refunded']) {
      expect([status, states.has(status as never)]).toEqual([status, true]);
    }
  });
});

/** The page's text without tags, with plain spaces. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\u00a0|&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');
}

describe('the end of the period', () => {
  it('is the same last day on the staff case page and on the citizen’s pages', async () => {
    const app = buildApp(t.services);
    const coordinator = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
    const login = await t.services.auth.login(
      { email: 'borger@aarhus.example', password: DEMO_PASSWORD },
      '192.0.2.77',
    );
    const citizen = new Browser(app).useSession(login.token);
    const { items } = await t.services.cases.overview(
      coordinators.get(AARHUS) as Actor,
      { includeClosed: false },
      'GET /test',
    );
    const mads = items.find((c) => c.citizenName === 'Mads Bøgh');
    if (!mads?.startDate) throw new Error('no active demo case for Mads');
    // Mads started on 17 November 2025 (case-demo.test.ts); 12 months make the end date 17 November
    // 2026, so the last day of the period is the day before.
    expect(addDays(mads.startDate as CalendarDate, 364)).toBe('2026-11-16');
    const staffPage = plain(await (await coordinator.get(`/forloeb/${mads.id}`)).text());
    expect(staffPage).toContain('Sidste dag i perioden 16. november 2026');
    expect(staffPage).not.toContain('17. november 2026');
    const home = plain(await (await citizen.get('/borger')).text());
    expect(home).toContain('Sidste dag i perioden er 16. november 2026.');
    const data = plain(await (await citizen.get('/borger/mine-data')).text());
    expect(data).toContain('Sidste dag i perioden 16. november 2026');
  });
});

/** The cells of the report's table of a figure, row by row. */
function tableOf(html: string, figure: string): string[][] {
  const section = new RegExp(`aria-labelledby="figur-${figure}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => plain(c[1] ?? '').trim()),
  );
}

describe('the report page', () => {
  it('writes amounts with thousands separators and "kr.", and never "<5" in a column of kroner', async () => {
    const app = buildApp(t.services);
    const coordinator = new Browser(app).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
    const own = await (await coordinator.get('/rapport')).text();
    expect(plain(own)).toMatch(/Bevilget \d{1,3}(\.\d{3})+ kr\., heraf brugt [\d.]+(,\d\d)? kr\. og /);
    for (const [category, kr] of tableOf(own, 'spending')) {
      expect([category, kr]).toEqual([category, expect.stringMatching(/^\d{1,3}(\.\d{3})*(,\d\d)? kr\.$/)]);
    }

    const evaluator = new Browser(app).useSession((await loginAs(t, 'evaluator')).token);
    const national = await (await evaluator.get('/rapport')).text();
    const spending = tableOf(national, 'spending');
    const methods = tableOf(national, 'purchasesByPaymentMethod');
    expect(spending.length).toBeGreaterThan(0);
    for (const [label, kr, count, citizens] of [...spending, ...methods]) {
      expect([label, kr]).toEqual([
        label,
        expect.stringMatching(/^(\d{1,3}(\.\d{3})*(,\d\d)? kr\.|skjult \(færre end 5 borgere\))$/),
      ]);
      for (const n of [count, citizens]) expect(n).toMatch(/^(\d+|<5)$/);
    }
    // The demo's few purchases per category are hidden on the national report, in words.
    expect(spending.some(([, kr]) => kr === 'skjult (færre end 5 borgere)')).toBe(true);
    expect(plain(national)).toContain('Der står »skjult« i stedet.');
  });
});
