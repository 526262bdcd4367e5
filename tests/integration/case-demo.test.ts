import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { passesModulus11 } from '../../src/services/demo/demo-cpr.ts';
import { DEMO_MUNICIPALITIES } from '../../src/services/demo/demo-organisation.ts';
import { KOLDING, staff } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The demo's cases (spec: Demo personas): every phase across the four municipalities, support
// persons (one change, with a reason), plans and notes; synthetic CPR numbers; loading twice changes
// nothing.

let t: TestContext;
const coordinators = new Map<number, Actor>();

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  for (const m of DEMO_MUNICIPALITIES) coordinators.set(m.id, await staff(t, m.id, 'koordinator'));
});
afterAll(() => t.close());

async function allCases() {
  const lists = await Promise.all(
    [...coordinators.values()].map((c) => t.services.cases.overview(c, { includeClosed: true }, 'GET /test')),
  );
  return lists.flatMap((l) => l.items);
}

async function rowCounts(): Promise<Record<string, number>> {
  return t.database.transaction('all', async (tx) => {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(tx);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(tx);
      counts[name] = Number(rows[0]?.n);
    }
    return counts;
  });
}

describe('the demo cases', () => {
  it('cover every phase and close across the four municipalities', async () => {
    const cases = await allCases();
    const phases = new Set(cases.map((c) => (c.phase === 'closed' ? `closed:${c.closeOutcome}` : c.phase)));
    expect([...phases].sort()).toEqual([
      'active',
      'closed:completed',
      'closed:declined',
      'closed:terminated_early',
      'lead_in',
      'paused',
      'referred',
      'screening',
    ]);
    expect(new Set(cases.map((c) => c.citizenName)).size).toBe(cases.length);
    for (const c of cases) {
      const started = c.phase !== 'referred' && c.phase !== 'screening' && c.closeOutcome !== 'declined';
      expect([c.citizenName, c.support !== null]).toEqual([c.citizenName, started]);
    }
  });

  it('tell the personas’ stories: months into the period, a pause, a change of support person', async () => {
    const cases = await allCases();
    const byName = (name: string) => {
      const found = cases.find((c) => c.citizenName.startsWith(name));
      if (!found) throw new Error(`no demo case for ${name}`);
      return found;
    };
    // The test clock's today is 2026-03-02; the personas count their days back from it.
    expect(byName('Mads')).toMatchObject({ phase: 'active', startDate: '2025-11-17', nextStep: 'follow_up' });
    expect(byName('Ahmed')).toMatchObject({
      phase: 'lead_in',
      leadInStartedOn: '2025-12-22',
      nextStep: 'form_plan',
    });
    // 2025-09-18 + 12 months, moved by the 18 days paused so far (since 2026-02-12).
    const peter = await t.services.cases.detail(
      coordinators.get(751) as Actor,
      byName('Peter').id,
      'GET /test',
    );
    expect(peter).toMatchObject({ phase: 'paused', startDate: '2025-09-18', endDate: '2026-10-06' });
    expect(peter.pauses).toEqual([
      { from: '2026-02-12', to: null, reason: 'Afsoner en dom på 30 dages fængsel.' },
    ]);
    const sara = await t.services.cases.detail(
      coordinators.get(KOLDING) as Actor,
      byName('Sara').id,
      'GET /test',
    );
    expect(sara.support.history).toHaveLength(2);
    expect(sara.support.current?.reason).toMatch(/bad om en anden støtteperson/);
    expect(sara.timeline.map((e) => e.type)).toContain('support_changed');
    const saraPlan = await t.services.plans.get(coordinators.get(KOLDING) as Actor, sara.id, 'GET /test');
    expect(saraPlan.subGoals.map((s) => s.status)).toEqual(['achieved', 'achieved', 'in_progress']);
    expect(saraPlan.estimatedTotal).toBe(2_310_000);
    const notes = await t.services.notes.list(coordinators.get(KOLDING) as Actor, sara.id, 'GET /test');
    expect(notes.length).toBeGreaterThan(0);
  });

  it('use CPR numbers nobody has: failing modulus 11, never born on 1 January', async () => {
    for (const coordinator of coordinators.values()) {
      const { items } = await t.services.cases.overview(coordinator, { includeClosed: true }, 'GET /test');
      for (const item of items) {
        const detail = await t.services.cases.detail(coordinator, item.id, 'GET /test');
        const cpr = await t.services.citizens.revealCpr(coordinator, detail.citizen.id, 'GET /test');
        expect(passesModulus11(cpr.replace('-', ''))).toBe(false);
        expect(cpr.slice(0, 4)).not.toBe('0101');
      }
    }
  });

  it('load again without changing anything, and keep the audit chain whole', async () => {
    const before = await rowCounts();
    await t.services.demo.load();
    expect(await rowCounts()).toEqual(before);
    expect((await t.services.system.verifyAuditChains()).firstBreak).toBeNull();
  });
});
