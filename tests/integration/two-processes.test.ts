import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/services/context.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { enableVouchers, issuedVoucher, receiptPdf } from '../factories/voucher-factory.ts';
import { freePort, startChildServer, type ChildServer } from '../setup/child-server.ts';
import {
  freshServerDatabase,
  TEST_CPR_KEY,
  TEST_SECRETS,
  TestClock,
  type ServerDatabase,
  type TestContext,
} from '../setup/test-db.ts';

// The app is stateless (docs/scaling.md): two `borgerbudget serve` processes on one PostgreSQL database,
// and the money races of money-concurrency.test.ts fired at both at once — approvals past the grant, the
// same payment twice, the same voucher redeemed at two tills. Every guarantee lives in the database (the
// case row's lock, the ledger's guard trigger, the idempotency records), so no process can overspend or
// pay twice whichever process each request reaches; afterwards the ledger sums and check-ledger agree.

const onPostgres = inject('testDb').kind === 'postgres';
const STARTUP_MS = 60_000;

let db: ServerDatabase;
let servers: ChildServer[] = [];
let ports: number[] = [];
let tokens: { coordinator: string; finance: string };
let team: MoneyTeam;
let t: TestContext;

/** One API POST with a bearer token and its own idempotency key, to the server of `port`. */
async function post(port: number, path: string, token: string, body: unknown = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const code = res.status === 204 ? 'ok' : (JSON.parse(text) as { error: { code: string } }).error.code;
  return { status: res.status, code };
}

async function submitted(services: Services, caseId: string, amountKr: string): Promise<string> {
  const id = await services.purchases.create(team.support, caseId, {
    ...{ title: 'Buskort', purpose: 'Kan komme til praktik', amountKr, category: 'transport' },
    ...{ vendorId: team.vendorId, paymentMethod: 'bank_transfer' },
  });
  await services.purchases.confirm(team.support, id, { how: 'in_person' });
  await services.purchases.submit(team.support, id);
  return id;
}

/** What the books say of one case: granted, reserved + paid − refunded, and the count of each kind. */
async function books(database: DatabaseHandle, caseId: string) {
  const rows = await database.transaction('all', (tx) =>
    tx.selectFrom('ledger_entry').select(['kind', 'amount_ore']).where('case_id', '=', caseId).execute(),
  );
  const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.amount_ore, 0);
  const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
  return {
    granted: sum('grant'),
    reservations: count('reservation'),
    releases: count('reservation_release'),
    payments: count('payment'),
  };
}

/** Opens the database for a look (the servers keep running on it). */
async function withDatabase<T>(fn: (database: DatabaseHandle, services: Services) => Promise<T>): Promise<T> {
  const database = await db.open();
  try {
    return await fn(
      database,
      createServices({ database, clock: systemClock, secrets: TEST_SECRETS, production: false }),
    );
  } finally {
    await database.close();
  }
}

describe.skipIf(!onPostgres)(
  'two app processes on one database (PostgreSQL only: PGlite is one process with its data folder)',
  () => {
    let overspend: { caseId: string; ids: string[] };
    let payable: { caseId: string; ids: string[] };
    let voucher: { caseId: string; code: string; pin: string };

    beforeAll(async () => {
      db = await freshServerDatabase(undefined, 'demo');
      await withDatabase(async (database, services) => {
        t = { services, database, clock: new TestClock(new Date()) } as unknown as TestContext;
        team = await moneyTeam(t);
        const admin = await staff(t, AARHUS, 'admin');
        const issue = async (userId: string) =>
          (await services.apiTokens.issue(admin, { userId, name: 'To processer' })).token;
        tokens = {
          coordinator: await issue(team.coordinator.userId),
          finance: await issue(team.finance.userId),
        };
        // 30 requests of 1.000 kr. on a 12.000 kr. grant: room for 12.
        const a = await caseIn(t, 'active', team);
        await services.budgets.grant(team.coordinator, a.caseId, { amountKr: '12000' });
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push(await submitted(services, a.caseId, '1000'));
        overspend = { caseId: a.caseId, ids };
        // 8 approved requests of 500 kr., each to be paid at both processes at once.
        const b = await caseIn(t, 'active', team);
        await services.budgets.grant(team.coordinator, b.caseId, { amountKr: '5000' });
        const approved: string[] = [];
        for (let i = 0; i < 8; i++) {
          const id = await submitted(services, b.caseId, '500');
          await services.purchases.approve(team.coordinator, id);
          approved.push(id);
        }
        payable = { caseId: b.caseId, ids: approved };
        await enableVouchers(t, team);
        const v = await issuedVoucher(t, team, { maxKr: '400', grantKr: '1000' });
        voucher = { caseId: v.caseId, code: v.code, pin: v.pin };
      });
      ports = [await freePort(), await freePort()];
      const env = (port: number): NodeJS.ProcessEnv => ({
        PATH: process.env.PATH,
        TZ: 'UTC',
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        BASE_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
        CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
        ...db.env,
      });
      servers = await Promise.all(
        ports.map((port) => startChildServer('serve', env(port), port, STARTUP_MS)),
      );
    }, 120_000);

    afterAll(async () => {
      for (const s of servers) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
      await db.remove();
    });

    it('approves exactly what the grant holds when the approvals are spread over both processes', async () => {
      const answers = await Promise.all(
        overspend.ids.map((id, i) =>
          post(ports[i % 2] ?? 0, `/purchase-requests/${id}/approve`, tokens.coordinator),
        ),
      );
      expect(answers.filter((a) => a.status === 204)).toHaveLength(12);
      expect(answers.filter((a) => a.status !== 204).map((a) => a.code)).toEqual(
        Array<string>(18).fill('budget_exceeded'),
      );
      // Both processes approved some: the race really crossed them.
      for (const port of ports)
        expect(answers.some((a, i) => a.status === 204 && ports[i % 2] === port)).toBe(true);
    });

    it('pays each request once when both processes are asked to pay it at the same time', async () => {
      const answers = await Promise.all(
        payable.ids.flatMap((id) =>
          ports.map((port) =>
            post(port, `/purchase-requests/${id}/payments`, tokens.finance, { reference: `F-${port}` }),
          ),
        ),
      );
      expect(answers.filter((a) => a.status === 204)).toHaveLength(payable.ids.length);
      expect(new Set(answers.filter((a) => a.status !== 204).map((a) => a.code))).toEqual(
        new Set(['purchase_pay_refused']),
      );
    });

    it('redeems a voucher once when two tills on the two processes redeem it at once', async () => {
      const tills = await Promise.all(ports.map((port) => scanned(port, voucher.code, voucher.pin)));
      const done = await Promise.all(tills.map((till) => till.redeem()));
      expect(done.filter((ok) => ok)).toHaveLength(1);
    });

    it('leaves books that add up and pass check-ledger', async () => {
      await withDatabase(async (database, services) => {
        const a = await books(database, overspend.caseId);
        expect(a).toMatchObject({ granted: 12_000_00, reservations: 12, payments: 0 });
        const b = await books(database, payable.caseId);
        expect(b).toMatchObject({ granted: 5_000_00, reservations: 8, payments: 8 });
        // The voucher: redeemed once, for 300 of its 400 kr., the rest released once.
        expect(await books(database, voucher.caseId)).toMatchObject({ reservations: 1, releases: 1 });
        const redeemed = await database.transaction('all', (tx) =>
          tx
            .selectFrom('voucher')
            .select(['status', 'redeemed_amount_ore'])
            .where('case_id', '=', voucher.caseId)
            .execute(),
        );
        expect(redeemed).toEqual([{ status: 'redeemed', redeemed_amount_ore: 300_00 }]);
        const check = await services.system.checkLedger();
        expect(check.problems).toEqual([]);
      });
    });
  },
);

/** A shop's phone on one process: the voucher scanned and the PIN given; `redeem` sends the receipt. */
async function scanned(port: number, code: string, pin: string): Promise<{ redeem: () => Promise<boolean> }> {
  const base = `http://127.0.0.1:${port}`;
  const form = await fetch(`${base}/indloes/${code}`);
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const checked = await fetch(`${base}/indloes`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: field(await form.text(), '_csrf'), pin, code }),
    redirect: 'manual',
  });
  const step2 = await checked.text();
  expect(checked.status).toBe(200);
  return {
    redeem: async () => {
      const body = new FormData();
      for (const name of ['_csrf', '_idem', 'ticket']) body.set(name, field(step2, name));
      body.set('amountKr', '300,00');
      body.set('receiptNumber', `K-${port}`);
      const receipt = receiptPdf();
      body.set('file', new Blob([new Uint8Array(receipt.bytes)], { type: 'application/pdf' }), receipt.name);
      const done = await fetch(`${base}/indloes/kvittering`, {
        method: 'POST',
        headers: { cookie },
        body,
        redirect: 'manual',
      });
      const page = await done.text();
      return done.status === 200 && /VB-[2-9A-HJKMNP-Z]{8}/.test(page);
    },
  };
}

function field(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`No field ${name} in the shop's page.`);
  return value.replace(/&amp;/g, '&');
}
