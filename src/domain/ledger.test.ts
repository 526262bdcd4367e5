import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ore, type Ore } from './money.ts';
import {
  canGrant,
  canPay,
  canRefund,
  canRelease,
  canReserve,
  checkInvariants,
  checkLedger,
  deriveBalance,
  openReservation,
  returnToPoolAmount,
  type Balance,
  type Decision,
  type LedgerEntry,
} from './ledger.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

const kr = (n: number) => ore(n * 100);
const NBSP = '\u00a0';

const grant = (k: number): LedgerEntry => ({ kind: 'grant', amount: kr(k) });
const reserve = (k: number, ref?: string): LedgerEntry => ({ kind: 'reservation', amount: kr(k), ref });
const release = (k: number, ref?: string): LedgerEntry => ({
  kind: 'reservation_release',
  amount: kr(k),
  ref,
});
const pay = (k: number, settles: number, ref?: string): LedgerEntry => ({
  kind: 'payment',
  amount: kr(k),
  settles: kr(settles),
  ref,
});
const refund = (k: number): LedgerEntry => ({ kind: 'refund', amount: kr(k) });
const back = (k: number): LedgerEntry => ({ kind: 'return_to_pool', amount: kr(k) });

function inKr(b: Balance): Record<string, number> {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v / 100]));
}

function code(d: Decision | ReturnType<typeof returnToPoolAmount>): string {
  return d.ok ? 'ok' : d.error.code;
}

describe('deriveBalance', () => {
  it('follows a case from grant to close (amounts in kr.)', () => {
    const entries = [
      grant(50_000),
      reserve(3_000, 'p1'), // bicycle approved
      reserve(12_000, 'p2'), // driving licence approved
      pay(2_950, 3_000, 'p1'), // invoice a little under the approved amount
      release(12_000, 'p2'), // licence request cancelled
      reserve(8_000, 'p3'),
      pay(8_000, 8_000, 'p3'),
      refund(500), // returned goods
      pay(1_000, 0), // imported payment without a reservation
    ];
    const b = deriveBalance(entries);
    expect(inKr(b)).toEqual({
      granted: 50_000,
      reserved: 0,
      paid: 11_950,
      refunded: 500,
      returned: 0,
      spent: 11_450,
      available: 38_550,
    });
    const close = returnToPoolAmount(b);
    expect(close).toEqual({ ok: true, amount: kr(38_550) });
    const closed = deriveBalance([...entries, back(38_550)]);
    expect(inKr(closed)).toMatchObject({ granted: 50_000, returned: 38_550, spent: 11_450, available: 0 });
    expect(checkInvariants(closed)).toEqual([]);
  });

  it('tracks what is still reserved per purchase request', () => {
    const entries = [grant(10_000), reserve(3_000, 'a'), reserve(2_000, 'b'), pay(2_500, 3_000, 'a')];
    expect(openReservation(entries, 'a')).toBe(0);
    expect(openReservation(entries, 'b')).toBe(kr(2_000));
    expect(openReservation(entries, 'c')).toBe(0);
  });
});

describe('invariants', () => {
  it('are empty for a sound ledger and name each broken rule', () => {
    expect(checkInvariants(deriveBalance([grant(100), reserve(100)]))).toEqual([]);
    const broken = deriveBalance([grant(100), release(5), pay(10, 0), refund(20), back(150)]);
    expect(checkInvariants(broken).map((v) => v.code)).toEqual([
      'reserved_negative',
      'refunds_exceed_paid',
      'returned_exceeds_granted',
      'overspent',
    ]);
  });

  it('checkLedger points at the posting that first broke the books', () => {
    const found = checkLedger([grant(100), pay(60, 0), pay(60, 0), { kind: 'refund', amount: ore(0) }]);
    expect(found.map((v) => [v.index, v.code])).toEqual([
      [2, 'overspent'],
      [3, 'non_positive_amount'],
      [3, 'overspent'],
    ]);
  });
});

describe('decisions', () => {
  const b = deriveBalance([grant(5_000), reserve(2_000), pay(500, 0)]); // available 2,500

  it('refuses to reserve more than is available, in Danish with the amounts', () => {
    expect(canReserve(b, kr(2_500))).toEqual({ ok: true });
    const d = canReserve(b, kr(3_000));
    expect(d).toMatchObject({ ok: false, error: { code: 'budget_exceeded' } });
    expect(d.ok ? '' : danish(d.error.message)).toBe(
      `Beløbet 3.000${NBSP}kr. er større end det disponible beløb 2.500${NBSP}kr.`,
    );
  });

  it('refuses zero and negative amounts', () => {
    expect(code(canReserve(b, ore(0)))).toBe('invalid_amount');
    expect(code(canRefund(b, ore(-1)))).toBe('invalid_amount');
    expect(code(canPay(b, kr(1), ore(-1)))).toBe('invalid_amount');
  });

  it('lets a payment use the reservation it settles', () => {
    expect(code(canPay(b, kr(4_500), kr(2_000)))).toBe('ok');
    expect(code(canPay(b, kr(4_501), kr(2_000)))).toBe('budget_exceeded');
    expect(code(canPay(b, kr(100), kr(2_001)))).toBe('settles_exceeds_reserved');
  });

  it('releases and refunds at most what is reserved and paid', () => {
    expect(code(canRelease(b, kr(2_000)))).toBe('ok');
    expect(code(canRelease(b, kr(2_001)))).toBe('release_exceeds_reserved');
    expect(code(canRefund(b, kr(500)))).toBe('ok');
    expect(code(canRefund(b, kr(501)))).toBe('refund_exceeds_paid');
  });

  it('grants within the maximum and the pool', () => {
    const limits = { maxGrant: kr(50_000), poolRemaining: kr(100_000) };
    expect(code(canGrant(b, kr(45_000), limits))).toBe('ok');
    expect(code(canGrant(b, kr(45_001), limits))).toBe('grant_exceeds_max');
    expect(code(canGrant(b, kr(1_000), { ...limits, poolRemaining: kr(999) }))).toBe('pool_exceeded');
  });

  it('returns to the pool only when no reservation is open', () => {
    expect(code(returnToPoolAmount(b))).toBe('reservations_open');
    expect(returnToPoolAmount(deriveBalance([grant(10), pay(10, 0)]))).toEqual({ ok: true, amount: 0 });
  });
});

// ---- Property: any sequence of operations, each applied only when allowed, keeps the books right.

type Op =
  | { op: 'grant' | 'reserve' | 'release' | 'refund'; amount: number }
  | { op: 'pay'; amount: number; settle: 'all' | 'none' | number }
  | { op: 'close' };

// Mostly everyday purchases (up to 5,000 kr.), sometimes amounts above the whole grant.
const amount = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 500_000 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 6_000_000 }), weight: 1 },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('grant', 'reserve', 'release', 'refund'), amount }),
  fc.record({
    op: fc.constant('pay'),
    amount,
    settle: fc.oneof(fc.constant('all'), fc.constant('none'), fc.integer({ min: 0, max: 6_000_000 })),
  }),
  fc.record({ op: fc.constant('close') }),
);

/** The independent model: plain running sums and the rules written out directly. */
interface Model {
  granted: number;
  reserved: number;
  paid: number;
  refunded: number;
  returned: number;
  pool: number;
}
const available = (m: Model) => m.granted - m.returned - m.reserved - m.paid + m.refunded;
const MAX_GRANT = 5_000_000;

function step(m: Model, entries: LedgerEntry[], op: Op): void {
  const b = deriveBalance(entries);
  if (op.op === 'close') return close(m, entries, b);
  const a = ore(op.amount);
  if (op.op === 'pay') payStep(m, entries, b, a, op.settle);
  else if (op.op === 'grant') {
    const legal = a <= MAX_GRANT - (m.granted - m.returned) && a <= m.pool;
    apply(canGrant(b, a, { maxGrant: ore(MAX_GRANT), poolRemaining: ore(m.pool) }), legal, () => {
      m.granted += a;
      m.pool -= a;
      entries.push({ kind: 'grant', amount: a });
    });
  } else if (op.op === 'reserve') {
    apply(canReserve(b, a), a <= available(m), () => {
      m.reserved += a;
      entries.push({ kind: 'reservation', amount: a });
    });
  } else if (op.op === 'release') {
    apply(canRelease(b, a), a <= m.reserved, () => {
      m.reserved -= a;
      entries.push({ kind: 'reservation_release', amount: a });
    });
  } else {
    apply(canRefund(b, a), a <= m.paid - m.refunded, () => {
      m.refunded += a;
      entries.push({ kind: 'refund', amount: a });
    });
  }
}

function payStep(m: Model, entries: LedgerEntry[], b: Balance, a: Ore, settle: 'all' | 'none' | number) {
  const settles = ore(settle === 'all' ? m.reserved : settle === 'none' ? 0 : settle);
  const legal = settles <= m.reserved && a <= available(m) + settles;
  apply(canPay(b, a, settles), legal, () => {
    m.reserved -= settles;
    m.paid += a;
    entries.push({ kind: 'payment', amount: a, settles });
  });
}

function close(m: Model, entries: LedgerEntry[], b: Balance): void {
  const r = returnToPoolAmount(b);
  expect(r.ok).toBe(m.reserved === 0);
  if (!r.ok) return;
  expect(r.amount).toBe(available(m));
  if (r.amount === 0) return;
  m.returned += r.amount;
  m.pool += r.amount;
  entries.push({ kind: 'return_to_pool', amount: r.amount });
}

function apply(decision: Decision, legal: boolean, effect: () => void): void {
  expect(decision.ok).toBe(legal);
  if (decision.ok) effect();
}

describe('ledger properties', () => {
  it('keeps the invariants and matches a running-sum model under any sequence', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (ops, pool) => {
          const m: Model = { granted: 0, reserved: 0, paid: 0, refunded: 0, returned: 0, pool };
          const entries: LedgerEntry[] = [];
          for (const op of ops) {
            step(m, entries, op);
            const b = deriveBalance(entries);
            expect(checkInvariants(b)).toEqual([]);
            const { pool: _pool, ...sums } = m;
            expect(b).toEqual({ ...sums, spent: m.paid - m.refunded, available: available(m) });
          }
          expect(checkLedger(entries)).toEqual([]);
          expect(m.pool + m.granted - m.returned).toBe(pool); // Σ grants ≤ pool: money is conserved
        },
      ),
      { numRuns: 300 },
    );
  });

  it('derived balance does not depend on how postings are chunked (Ore stays integral)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { maxLength: 40 }), (xs) => {
        const entries: LedgerEntry[] = xs.map((x) => ({ kind: 'grant', amount: ore(x) }));
        expect(deriveBalance(entries).granted).toBe(xs.reduce((s, x) => s + x, 0));
      }),
    );
  });
});
