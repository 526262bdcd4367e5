import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { AARHUS, caseIn, programmeOf, staff } from '../factories/case-factory.ts';
import { createStaffUser } from '../setup/actors.ts';
import { buildApp, newIdempotencyKey } from '../setup/http.ts';
import { programmeInput } from '../setup/programme.ts';
import { createTestContext, TEST_SECRETS, type TestContext } from '../setup/test-db.ts';

// The invariants (spec: Invariants): "reserved + paid − refunds ≤ granted, and Σ grants ≤ programme pool —
// under any concurrency". Races need several connections, so this runs on PostgreSQL only: the services here
// get their own pool of CONNECTIONS connections to the test file's database copy (the default pool of
// src/db/client.ts is 10), so that every racing call really holds a connection of its own.

const CONNECTIONS = 50;

let t: TestContext;
let racing: DatabaseHandle;
let services: Services;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;

/** Settles every promise; the refusals are AppErrors (anything else, e.g. the guard trigger, is a bug). */
async function race<T>(calls: (() => Promise<T>)[]) {
  const started = performance.now();
  const results = await Promise.allSettled(calls.map((call) => call()));
  const ms = performance.now() - started;
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return { ok: results.filter((r) => r.status === 'fulfilled').length, refused, ms };
}

function codesOf(errors: unknown[]): string[] {
  return errors.map((e) => (e instanceof AppError ? e.code : `not an AppError: ${String(e)}`));
}

async function submittedRequest(caseId: string, amountKr: string): Promise<string> {
  const id = await services.purchases.create(support, caseId, {
    title: 'Buskort',
    purpose: 'Kan komme til praktik',
    amountKr,
    category: 'transport',
    vendorId,
    paymentMethod: 'bank_transfer',
  });
  await services.purchases.confirm(support, id, { how: 'in_person' });
  await services.purchases.submit(support, id);
  return id;
}

async function ledgerOfCase(caseId: string) {
  return racing.transaction('all', (tx) =>
    tx.selectFrom('ledger_entry').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
  );
}

describe.skipIf(!process.env.DATABASE_URL)(
  'money under concurrency (PostgreSQL only: PGlite has one connection and cannot show races)',
  () => {
    beforeAll(async () => {
      t = await createTestContext({ demo: true });
      racing = await openDatabase({
        databaseUrl: t.url,
        dataDir: 'memory://',
        migrate: false,
        poolSize: CONNECTIONS,
      });
      services = createServices({
        database: racing,
        clock: t.clock,
        secrets: TEST_SECRETS,
        production: false,
      });
      const ctx = { ...t, services };
      coordinator = await staff(ctx, AARHUS, 'koordinator');
      support = await staff(ctx, AARHUS, 'stotteperson');
      finance = await staff(ctx, AARHUS, 'okonomi');
      vendorId = await services.budgets.addVendor(finance, {
        name: 'Midttrafik',
        cvr: '29943176',
        bankRegistration: '1234',
        bankAccount: '0012345678',
      });
    }, 120_000);
    afterAll(async () => {
      await racing.close();
      await t.close();
    });

    it('approves exactly 20 of 50 concurrent 1.000 kr. requests on a 20.000 kr. grant', async () => {
      const ctx = { ...t, services };
      const { caseId } = await caseIn(ctx, 'active', { coordinator, support });
      await services.budgets.grant(coordinator, caseId, { amountKr: '20000' });
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) ids.push(await submittedRequest(caseId, '1000'));

      const result = await race(ids.map((id) => () => services.purchases.approve(support, id)));
      const perSecond = (50 / result.ms) * 1000;
      console.log(
        `money-concurrency: 50 concurrent approvals (${CONNECTIONS} connections) in ${result.ms.toFixed(0)} ms = ${perSecond.toFixed(1)} approvals/s`,
      );

      expect(result.ok).toBe(20);
      expect(codesOf(result.refused)).toEqual(Array<string>(30).fill('budget_exceeded'));
      const overview = await services.budgets.overview(support, caseId, '/test');
      expect(overview.balance).toMatchObject({ granted: 20_000_00, reserved: 20_000_00, available: 0 });
      expect(overview.requests.filter((r) => r.status === 'approved')).toHaveLength(20);
      expect(overview.requests.filter((r) => r.status === 'submitted')).toHaveLength(30);
      const rows = await ledgerOfCase(caseId);
      expect(rows.filter((r) => r.kind === 'reservation')).toHaveLength(20);
    });

    it('pays once when two finance officers pay the same request at the same time', async () => {
      const ctx = { ...t, services };
      const admin = await staff(ctx, AARHUS, 'admin');
      const second = await createStaffUser(ctx, admin, { role: 'finance' });
      const financeTwo = (
        await services.auth.login({ email: second.email, password: second.password }, '192.0.2.9')
      ).actor;
      const { caseId } = await caseIn(ctx, 'active', { coordinator, support });
      await services.budgets.grant(coordinator, caseId, { amountKr: '5000' });
      const id = await submittedRequest(caseId, '2500');
      await services.purchases.approve(support, id);

      const result = await race(
        [finance, financeTwo].map((who, i) => () => services.purchases.pay(who, id, { reference: `F-${i}` })),
      );
      expect(result.ok).toBe(1);
      expect(codesOf(result.refused)).toEqual(['purchase_pay_refused']);
      const rows = await ledgerOfCase(caseId);
      expect(rows.filter((r) => r.kind === 'payment')).toHaveLength(1);
      const b = (await services.budgets.overview(support, caseId, '/test')).balance;
      expect(b).toMatchObject({ reserved: 0, paid: 2_500_00, available: 2_500_00 });
    });

    it('pays a request by hand or in a payment file, never both, when the two race', async () => {
      const ctx = { ...t, services };
      const { caseId } = await caseIn(ctx, 'active', { coordinator, support });
      await services.budgets.grant(coordinator, caseId, { amountKr: '10000' });
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await submittedRequest(caseId, '500'));
      for (const id of ids) await services.purchases.approve(support, id);

      // One officer makes a file of everything waiting while another pays the same ten by hand.
      const result = await race<unknown>([
        () => services.payments.createBatch(finance, {}),
        ...ids.map((id) => () => services.purchases.pay(finance, id, { reference: 'Kontant faktura' })),
      ]);
      expect(
        codesOf(result.refused).every((c) => c === 'in_payment_file' || c === 'purchase_pay_refused'),
      ).toBe(true);
      const inFile = await racing.transaction('all', (tx) =>
        tx
          .selectFrom('payment_batch_item')
          .select(['purchase_request_id', 'batch_id'])
          .where('purchase_request_id', 'in', ids)
          .execute(),
      );
      const paidByHand = (await ledgerOfCase(caseId)).filter((r) => r.kind === 'payment');
      const filed = new Set(inFile.map((r) => r.purchase_request_id));
      for (const p of paidByHand) expect(filed.has(p.purchase_request_id ?? '')).toBe(false);
      expect(filed.size + paidByHand.length).toBe(10);

      // The file sent: every request paid exactly once.
      const batchId = inFile[0]?.batch_id;
      if (batchId) await services.payments.markSent(finance, batchId);
      const payments = (await ledgerOfCase(caseId)).filter((r) => r.kind === 'payment');
      expect(payments.map((p) => p.purchase_request_id).sort()).toEqual([...ids].sort());
    });

    it('never grants past the pool when 20 cases are granted at once', async () => {
      const ctx = { ...t, services };
      const programmeId = await programmeOf(ctx, coordinator);
      const cases: string[] = [];
      for (let i = 0; i < 20; i++) cases.push((await caseIn(ctx, 'active', { coordinator, support })).caseId);
      const held = await racing.transaction('all', async (tx) =>
        (
          await tx
            .selectFrom('ledger_entry')
            .select(['kind', 'amount_ore'])
            .where('programme_id', '=', programmeId)
            .where('kind', 'in', ['grant', 'return_to_pool'])
            .execute()
        ).reduce((s, r) => s + (r.kind === 'grant' ? r.amount_ore : -r.amount_ore), 0),
      );
      // Room for 7 grants of 5.000 kr. and a bit.
      const pool = held + 7 * 5_000_00 + 1_234_00;
      const programme = await services.programmes.get(coordinator, programmeId);
      await services.programmes.updateSettings(
        coordinator,
        programmeId,
        programmeInput(programme, { poolKr: `${pool / 100}` }),
      );

      const result = await race(
        cases.map((caseId) => () => services.budgets.grant(coordinator, caseId, { amountKr: '5000' })),
      );
      expect(result.ok).toBe(7);
      expect(codesOf(result.refused)).toEqual(Array<string>(13).fill('pool_exceeded'));
      const after = await racing.transaction('all', async (tx) =>
        (
          await tx
            .selectFrom('ledger_entry')
            .select(['kind', 'amount_ore'])
            .where('programme_id', '=', programmeId)
            .where('kind', 'in', ['grant', 'return_to_pool'])
            .execute()
        ).reduce((s, r) => s + (r.kind === 'grant' ? r.amount_ore : -r.amount_ore), 0),
      );
      expect(after).toBe(held + 7 * 5_000_00);
      expect(after).toBeLessThanOrEqual(pool);
    });

    it('has one effect when the same idempotency key is posted twice at once over HTTP', async () => {
      const ctx = { ...t, services };
      const admin = await staff(ctx, AARHUS, 'admin');
      const { token } = await services.apiTokens.issue(admin, { userId: coordinator.userId, name: 'Race' });
      const { app } = buildApp(services);
      const { caseId } = await caseIn(ctx, 'active', { coordinator, support });
      const key = newIdempotencyKey();
      const post = () =>
        app.request(`http://localhost:3000/api/v1/cases/${caseId}/grants`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify({ amountKr: '1000' }),
        });
      const [a, b] = await Promise.all([post(), post()]);
      expect([a.status, b.status]).toEqual([204, 204]);
      expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort()).toEqual([
        null,
        'true',
      ]);
      const rows = await ledgerOfCase(caseId);
      expect(rows.filter((r) => r.kind === 'grant').map((r) => r.amount_ore)).toEqual([1_000_00]);
    });
  },
);
