import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { startServer, type RunningServer } from '../app/server.ts';
import { createLogger } from '../logger.ts';
import { systemClock, type Actor } from '../services/context.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';
import { createServices, type Services } from '../services/index.ts';
import { figure, median, type Figure } from './bench-figures.ts';
import { percentile } from './bench-load.ts';
import { createThrowawayDatabase } from './bench-report.ts';

// A shop redeeming vouchers through its pages over HTTP (spec: Vouchers), on the demo's Kolding, which
// offers them: for each voucher, what a shop's phone does from scanning the QR code to the
// confirmation — GET /indloes/<code> (the form, with its CSRF cookie), POST /indloes (PIN and code),
// POST /indloes/kvittering (amount, receipt number and a receipt file) — timed end to end, one shop after
// the other and then BENCH_VOUCHER_CLIENTS shops at once (each from the same address, as shops behind
// one network are). BENCH_VOUCHERS vouchers per round (default 100), all issued through the services
// first. Afterwards the ledger check must be clean and every voucher redeemed once.
//
// Where: as the approvals bench, a throw-away PostgreSQL database next to BENCH_DATABASE_URL or
// DATABASE_URL when one is set, else PGlite in the bench's temporary folder.

const CPR_KEY = Buffer.alloc(32, 8);
const SECRETS = { session: Buffer.alloc(32, 7), cpr: [CPR_KEY] };
const RECEIPT = new TextEncoder().encode('%PDF-1.4\n% bench receipt\n%%EOF\n');
/** From the scan to the confirmation page, one shop at a time: the target for the median. */
const TARGET_FLOW_MS = 300;

export async function vouchersBench(tempDir: string, report: (f: Figure) => void): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const perRound = Number(process.env.BENCH_VOUCHERS ?? 100);
  const clients = Number(process.env.BENCH_VOUCHER_CLIENTS ?? 4);
  const throwaway = url ? await createThrowawayDatabase(url) : undefined;
  try {
    const database = await openDatabase(
      throwaway
        ? { databaseUrl: throwaway.url, dataDir: 'memory://' }
        : { dataDir: join(tempDir, 'vouchers') },
    );
    const services = createServices({ database, clock: systemClock, secrets: SECRETS, production: false });
    let server: RunningServer | undefined;
    try {
      const where = url ? 'PostgreSQL' : 'PGlite';
      const { codes, pin } = await prepare(services, database, perRound * 2);
      const config = loadConfig({
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        DATA_DIR: join(tempDir, 'vouchers-server'),
        BASE_URL: 'http://localhost:3000',
        SESSION_SECRET: SECRETS.session.toString('base64'),
        CPR_ENCRYPTION_KEY: CPR_KEY.toString('base64'),
      });
      server = await startServer(services, { ...config, port: 0 }, createLogger('silent'));
      await measure(server.url.replace(/\/$/, ''), codes, pin, { perRound, clients, where }, report);
      const check = await services.system.checkLedger();
      if (check.problems.length > 0)
        throw new Error(`check-ledger found ${check.problems.length} problems after the voucher bench.`);
      const redeemed = await database.transaction('all', (tx) =>
        tx.selectFrom('voucher').select('status').where('status', '=', 'redeemed').execute(),
      );
      if (redeemed.length !== codes.length)
        throw new Error(`${redeemed.length} of ${codes.length} vouchers were redeemed.`);
    } finally {
      if (server) await server.stop();
      else await database.close();
    }
  } finally {
    await throwaway?.drop();
  }
}

/** One shop after the other, then several at once; every flow timed from the scan to the confirmation. */
async function measure(
  base: string,
  codes: readonly string[],
  pin: string,
  { perRound, clients, where }: { perRound: number; clients: number; where: string },
  report: (f: Figure) => void,
): Promise<void> {
  const one = codes.slice(0, perRound);
  const flows: number[] = [];
  const t0 = performance.now();
  for (const code of one) flows.push(await redeemOverHttp(base, code, pin));
  const sequential = (one.length / (performance.now() - t0)) * 1000;
  flows.sort((a, b) => a - b);
  report(
    figure(
      `voucher: QR scan to confirmation, median (${where}, 3 requests)`,
      Math.round(median(flows)),
      'ms',
      {
        max: TARGET_FLOW_MS,
      },
    ),
  );
  report(figure('voucher: QR scan to confirmation, p95', Math.round(percentile(flows, 95)), 'ms'));
  report(
    figure('voucher: redemptions per second, one shop at a time', Math.round(sequential * 10) / 10, '/s'),
  );

  const rest = codes.slice(perRound);
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      for (let i = k; i < rest.length; i += clients) await redeemOverHttp(base, rest[i] ?? '', pin);
    }),
  );
  const parallel = (rest.length / (performance.now() - t1)) * 1000;
  report(
    figure(`voucher: redemptions per second, ${clients} shops at once`, Math.round(parallel * 10) / 10, '/s'),
  );
}

/** The demo, and `n` approved 10 kr. vouchers at the demo shop on Kolding's first running case. */
async function prepare(
  services: Services,
  db: DatabaseHandle,
  n: number,
): Promise<{ codes: string[]; pin: string }> {
  await services.demo.load();
  const kolding = DEMO_MUNICIPALITIES.find((m) => m.shopPin !== undefined);
  if (!kolding?.shopPin) throw new Error('No demo municipality offers vouchers.');
  const login = async (local: string): Promise<Actor> =>
    (
      await services.auth.login(
        { email: `${local}@${kolding.slug}.example`, password: DEMO_PASSWORD },
        '127.0.0.1',
      )
    ).actor;
  const support = await login('stotteperson');
  const coordinator = await login('koordinator');
  // The case of the demo's own voucher: its citizen buys here.
  const caseId = (
    await db.transaction('all', (tx) => tx.selectFrom('voucher').select('case_id').executeTakeFirst())
  )?.case_id;
  if (!caseId) throw new Error('The demo has no voucher in Kolding.');
  const vendorId = (await services.budgets.vendors(support)).find(
    (v) => v.redemption_pin_set_at !== null,
  )?.id;
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await services.purchases.create(support, caseId, {
      title: `Buskort ${i + 1}`,
      purpose: 'Til praktikken',
      amountKr: '10',
      category: 'transport',
      vendorId,
      paymentMethod: 'voucher',
    });
    await services.purchases.confirm(support, id, { how: 'in_person' });
    await services.purchases.submit(support, id);
    await services.purchases.approve(coordinator, id);
    const voucher = await services.vouchers.ofRequest(support, id);
    if (!voucher) throw new Error('No voucher was issued.');
    codes.push(voucher.code);
  }
  return { codes, pin: kolding.shopPin };
}

/** One shop's scan, PIN and receipt; the milliseconds from the first request to the confirmation. */
async function redeemOverHttp(base: string, code: string, pin: string): Promise<number> {
  const started = performance.now();
  const form = await fetch(`${base}/indloes/${code}`);
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = field(await form.text(), '_csrf');
  const checked = await fetch(`${base}/indloes`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, pin, code }),
    redirect: 'manual',
  });
  const step2 = await checked.text();
  if (checked.status !== 200) throw new Error(`POST /indloes answered ${checked.status}.`);
  const body = new FormData();
  body.set('_csrf', field(step2, '_csrf'));
  body.set('_idem', field(step2, '_idem'));
  body.set('ticket', field(step2, 'ticket'));
  body.set('amountKr', '8,00');
  body.set('receiptNumber', 'K-1');
  body.set('file', new Blob([RECEIPT], { type: 'application/pdf' }), 'kvittering.pdf');
  const done = await fetch(`${base}/indloes/kvittering`, {
    method: 'POST',
    headers: { cookie },
    body,
    redirect: 'manual',
  });
  const confirmation = await done.text();
  if (done.status !== 200 || !/VB-[2-9A-HJKMNP-Z]{8}/.test(confirmation))
    throw new Error(`POST /indloes/kvittering answered ${done.status} without a reference.`);
  return performance.now() - started;
}

function field(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`No field ${name} in the shop's page.`);
  return match[1].replace(/&amp;/g, '&');
}
