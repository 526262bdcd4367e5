import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { checkLedger, deriveBalance } from '../../src/domain/ledger.ts';
import type { PurchaseStatus } from '../../src/domain/purchase-request.ts';
import type { Actor } from '../../src/services/context.ts';
import { toLedgerEntry } from '../../src/services/money/ledger-record.ts';
import { caseIn, programmeOf } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Property tests (conventions: Property tests; spec: Invariants): any sequence of grants, requests,
// approvals, rejections, cancellations, payments, refunds and closes on one or two cases, through the
// services, keeps the books right. Refusals (AppError) are part of the game; anything else — the database's
// guard trigger firing, a constraint violation — means a service let a wrong posting through, and fails the
// property.

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;
let programmeId: string;
let poolOre = 0;

const POOL_KR = 700_000;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  ({ coordinator, support, finance, vendorId } = await moneyTeam(t));
  programmeId = await programmeOf(t, coordinator);
  // A small pool (above what the demo's cases hold), so that later runs meet pool_exceeded too.
  poolOre = (Math.ceil((await heldOfProgramme()) / 100) + POOL_KR) * 100;
  const programme = await t.services.programmes.get(coordinator, programmeId);
  await t.services.programmes.updateSettings(
    coordinator,
    programmeId,
    programmeInput(programme, { poolKr: String(poolOre / 100) }),
  );
}, 60_000);
afterAll(() => t.close());

const KR = fc.constantFrom('500', '1000', '2500', '4000', '6000', '12000', '30000');
const CASE = fc.constantFrom(0, 1);
// Mostly a request in the status the step needs (so that approve → pay → refund chains happen), now and
// then any request (so that the services' refusals are tried too).
const PICK = fc.record({
  n: fc.nat(50),
  any: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
});
type Pick = { n: number; any: boolean };

type Op =
  | { op: 'grant'; c: number; kr: string }
  | { op: 'request'; c: number; kr: string }
  | { op: 'approve'; pick: Pick; by: 'support' | 'coordinator' }
  | { op: 'reject' | 'cancel'; pick: Pick }
  | { op: 'pay'; pick: Pick; kr: string | null }
  | { op: 'refund'; pick: Pick; kr: string }
  | { op: 'close'; c: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('grant' as const), c: CASE, kr: KR }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('request' as const), c: CASE, kr: KR }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('approve' as const),
      pick: PICK,
      by: fc.constantFrom('support' as const, 'coordinator' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constantFrom('reject' as const, 'cancel' as const), pick: PICK }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('pay' as const), pick: PICK, kr: fc.option(KR, { nil: null }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      pick: PICK,
      kr: fc.constantFrom('100', '500', '1000', '30000'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), c: CASE }) },
);

/** What each case starts with ('' = nothing yet). */
const grantsArb = fc.tuple(
  fc.constantFrom('', '5000', '20000', '50000'),
  fc.constantFrom('', '5000', '20000'),
);

const NEEDS: Partial<Record<Op['op'], readonly PurchaseStatus[]>> = {
  approve: ['submitted'],
  reject: ['submitted'],
  cancel: ['draft', 'submitted', 'approved'],
  pay: ['approved'],
  refund: ['paid'],
};
const AFTER: Partial<Record<Op['op'], PurchaseStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  pay: 'paid',
  refund: 'refunded',
};

/** The requests written in this run, with the status each has (as far as the run knows). */
type Requests = Map<string, PurchaseStatus>;

async function apply(op: Op, cases: string[], requests: Requests): Promise<void> {
  const { budgets, purchases, cases: lifecycle } = t.services;
  let picked = 'none';
  const pick = ({ n, any }: Pick) => {
    const fits = [...requests].filter(([, s]) => any || (NEEDS[op.op] ?? []).includes(s)).map(([id]) => id);
    picked = fits[n % Math.max(fits.length, 1)] ?? 'none';
    return picked;
  };
  await step();
  const next = AFTER[op.op];
  if (next && requests.has(picked)) requests.set(picked, next);

  async function step(): Promise<void> {
    switch (op.op) {
      case 'grant':
        return budgets.grant(coordinator, cases[op.c] ?? '', { amountKr: op.kr });
      case 'request': {
        const id = await purchases.create(support, cases[op.c] ?? '', {
          title: 'Køb',
          purpose: 'Mod delmålet',
          amountKr: op.kr,
          category: 'transport',
          vendorId,
          paymentMethod: 'bank_transfer',
        });
        requests.set(id, 'draft');
        await purchases.confirm(support, id, { how: 'in_person' });
        await purchases.submit(support, id);
        requests.set(id, 'submitted');
        return;
      }
      case 'approve':
        return purchases.approve(op.by === 'support' ? support : coordinator, pick(op.pick));
      case 'reject':
        return purchases.reject(coordinator, pick(op.pick), { reason: 'Ikke nu.' });
      case 'cancel':
        return purchases.cancel(support, pick(op.pick), { reason: 'Fortrudt.' });
      case 'pay':
        return purchases.pay(finance, pick(op.pick), { reference: 'F-1', amountKr: op.kr ?? '' });
      case 'refund':
        return purchases.refund(finance, pick(op.pick), { amountKr: op.kr, reference: 'K-1' });
      case 'close':
        await lifecycle.complete(support, cases[op.c] ?? '', {});
    }
  }
}

async function heldOfProgramme(): Promise<number> {
  return t.database.transaction('all', async (tx) =>
    (
      await tx
        .selectFrom('ledger_entry')
        .select(['kind', 'amount_ore'])
        .where('programme_id', '=', programmeId)
        .where('kind', 'in', ['grant', 'return_to_pool'])
        .execute()
    ).reduce((s, r) => s + (r.kind === 'grant' ? r.amount_ore : -r.amount_ore), 0),
  );
}

async function checkBooks(cases: string[]): Promise<void> {
  const rows = await t.database.transaction('all', (tx) =>
    tx.selectFrom('ledger_entry').selectAll().where('case_id', 'in', cases).orderBy('id').execute(),
  );
  for (const caseId of cases) {
    const entries = rows.filter((r) => r.case_id === caseId).map(toLedgerEntry);
    const overview = await t.services.budgets.overview(coordinator, caseId, '/test');
    const b = deriveBalance(entries);
    expect(overview.balance).toEqual(b);
    expect(checkLedger(entries)).toEqual([]);
    expect(b.reserved + b.paid - b.refunded).toBeLessThanOrEqual(b.granted - b.returned);
    // Each request's money matches its status.
    for (const r of overview.requests) {
      expect(r.reserved > 0, `request ${r.number} (${r.status}) reserved ${r.reserved}`).toBe(
        r.status === 'approved',
      );
      expect(r.paid > 0, `request ${r.number} (${r.status}) paid ${r.paid}`).toBe(
        r.status === 'paid' || r.status === 'refunded',
      );
    }
  }
  const held = await heldOfProgramme();
  expect(held).toBeLessThanOrEqual(poolOre);
}

describe('the money services under any sequence of steps', () => {
  it('keep overview = derived ledger, the invariants, and Σ grants ≤ pool', async () => {
    let refusals = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(grantsArb, fc.array(opArb, { minLength: 5, maxLength: 30 }), async (grants, ops) => {
        const cases = [
          (await caseIn(t, 'active', { coordinator, support })).caseId,
          (await caseIn(t, 'active', { coordinator, support })).caseId,
        ];
        const requests: Requests = new Map();
        const first: Op[] = grants.flatMap((kr, c) => (kr ? [{ op: 'grant' as const, c, kr }] : []));
        for (const op of [...first, ...ops]) {
          steps += 1;
          try {
            await apply(op, cases, requests);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refusals += 1;
          }
        }
        await checkBooks(cases);
      }),
      { numRuns: 15 },
    );
    // The property is only worth something if both paths were taken.
    expect(refusals).toBeGreaterThan(0);
    expect(steps - refusals).toBeGreaterThan(0);
  }, 120_000);
});
