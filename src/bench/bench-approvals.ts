import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
// The approval bench compares the API with the same approval written as raw SQL, so it needs the
// database itself — a throw-away one it makes for the purpose; the configured database is never opened.
import { openDatabase, type DatabaseHandle, type Db } from '../db/client.ts';
import type { CalendarDate } from '../domain/calendar-date.ts';
import { formatCpr } from '../domain/cpr.ts';
import { startServer, type RunningServer } from '../app/server.ts';
import { translate, translator } from '../i18n/index.ts';
import { createLogger } from '../logger.ts';
import { systemClock, type Actor } from '../services/context.ts';
import { syntheticCpr } from '../services/demo/demo-cpr.ts';
import { DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';
import { createServices, type Services } from '../services/index.ts';
import { approveRaw } from './bench-approvals-raw.ts';
import { figure, median, wholeNumber, type Figure } from './bench-figures.ts';
import { createThrowawayDatabase } from './bench-report.ts';

// Approvals per second through the HTTP API and through the service, against the same approval as one
// raw SQL transaction (the floor).
//
// The API: `POST /api/v1/purchase-requests/{id}/approve` with a bearer token and an Idempotency-Key,
// over a real HTTP server (startServer) — the command's one transaction with its key, the locks, the
// reservation, the audit events and the stored response, plus the token's own look-up.
// The raw path (bench-approvals-raw.ts): what the approval must do and nothing else, in ONE transaction
// over the same pool — the tenant scope, the case row locked, the request, the programme's rules, the
// sub-goals and the balance read, the reservation posted (through the ledger's guard trigger), the
// request approved, and the two audit events the service writes (the posting's and the approval's)
// appended to the municipality's hash chain under its locked head, hashed as the service hashes them.
//
// C clients (BENCH_APPROVAL_CLIENTS, default 8) run at once, each approving its own submitted
// requests one after the other; the requests are spread over 8 active cases of one municipality
// (Aarhus), client k on case k mod 8. Rounds alternate API, raw SQL and the service (services.purchases.approve in the bench process), each figure
// the median of 3; a warm-up round of each goes first. Every round has fresh requests (BENCH_APPROVALS each, default
// 400 on PostgreSQL, 200 on PGlite), all made through the services before the first round.
// Afterwards the ledger check and the audit chains must be clean and every request approved: the raw
// path wrote exactly what the service writes, or the bench fails.
//
// Where: in the bench's own data when bench.ts gives it (at `--scale national` Aarhus has 12,026 cases,
// so the programme's pool is summed over their postings). Otherwise PostgreSQL when BENCH_DATABASE_URL
// (or else DATABASE_URL) is set, in a throw-away database next to the one the URL names
// (bench-report.ts), with the demo; or PGlite in the bench's temporary folder — one connection, so
// there the clients queue for it.

const ROUNDS = 3;
const CASES = 8;
const AMOUNT_KR = 10;
const DEFAULT_APPROVALS = { postgres: 400, pglite: 200 } as const;
const DEFAULT_CLIENTS = 8;
/** The API should reach at least this share of what the raw transaction does. */
const TARGET_API_SHARE = 0.7;
const CPR_KEY = Buffer.alloc(32, 8);
const SECRETS = { session: Buffer.alloc(32, 7), cpr: [CPR_KEY] };

export async function approvalsBench(
  tempDir: string,
  report: (f: Figure) => void,
  /** The bench's own data (its `demo [--scale …]`), to approve in; else a database of its own. */
  data?: Parameters<typeof openDatabase>[0],
): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const kind = url ? 'postgres' : 'pglite';
  const approvals = wholeNumber('BENCH_APPROVALS', process.env.BENCH_APPROVALS, DEFAULT_APPROVALS[kind], 8);
  const clients = wholeNumber(
    'BENCH_APPROVAL_CLIENTS',
    process.env.BENCH_APPROVAL_CLIENTS,
    DEFAULT_CLIENTS,
    1,
  );
  const throwaway = url && !data ? await createThrowawayDatabase(url) : undefined;
  try {
    const database = await openDatabase(
      data ??
        (throwaway
          ? { databaseUrl: throwaway.url, dataDir: 'memory://' }
          : { dataDir: join(tempDir, 'approvals') }),
    );
    const services = createServices({ database, clock: systemClock, secrets: SECRETS, production: false });
    let server: RunningServer | undefined;
    try {
      const setup = await prepare(services, approvals, clients, url ? 'PostgreSQL' : 'PGlite', !data);
      const config = loadConfig({
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        DATA_DIR: join(tempDir, 'approvals-server'),
        BASE_URL: 'http://localhost:3000',
        SESSION_SECRET: SECRETS.session.toString('base64'),
        CPR_ENCRYPTION_KEY: CPR_KEY.toString('base64'),
      });
      server = await startServer(services, { ...config, port: 0 }, createLogger('silent'));
      await measure(services, database.db, server, setup, clients, report);
      await assertConsistent(services, database, setup);
    } finally {
      // The server closes the database when it stops.
      if (server) await server.stop();
      else await database.close();
    }
  } finally {
    await throwaway?.drop();
  }
}

interface Setup {
  where: string;
  token: string;
  approver: Actor;
  municipalityId: number;
  caseIds: string[];
  /** Submitted requests by round: warm-ups first (API, raw), then API, raw, API, raw … */
  batches: string[][];
}

/**
 * The demo (loaded here, or the bench's own), an API token for the Aarhus coordinator, 8 new active
 * cases with grants (made as staff make them), and every round's requests written, confirmed and
 * submitted by the support person.
 */
async function prepare(
  services: Services,
  approvals: number,
  clients: number,
  where: string,
  loadDemo: boolean,
): Promise<Setup> {
  const t0 = performance.now();
  if (loadDemo) await services.demo.load();
  const login = async (email: string) =>
    (await services.auth.login({ email, password: DEMO_PASSWORD }, '127.0.0.1')).actor;
  const admin = await login('admin@aarhus.example');
  const coordinator = await login('koordinator@aarhus.example');
  const support = await login('stotteperson@aarhus.example');
  if (coordinator.municipalityId === null) throw new Error('The demo coordinator has no municipality.');
  const { token } = await services.apiTokens.issue(admin, { userId: coordinator.userId, name: 'Bench' });

  const programmeId = (await services.programmes.list(coordinator)).at(-1)?.id;
  const vendorId = (await services.budgets.vendors(support))[0]?.id;
  if (!programmeId || !vendorId) throw new Error('The demo data has no programme or vendor in Aarhus.');

  const sizes = [clients, clients, clients, ...Array<number>(ROUNDS * 3).fill(approvals)];
  const batches = sizes.map((n) => Array<string>(n).fill(''));
  // Request i of a round is on case i mod 8, so client k (i mod C = k) works on case k mod 8.
  const perCase = Array.from({ length: CASES }, () => [] as [number, number][]);
  batches.forEach((batch, b) => batch.forEach((_, i) => perCase[i % CASES]?.push([b, i])));

  const caseIds = await Promise.all(
    perCase.map(async (slots, k) => {
      const caseId = await activeCase(services, { coordinator, support }, programmeId, k);
      if (slots.length === 0) return caseId;
      await services.budgets.grant(coordinator, caseId, { amountKr: String(slots.length * AMOUNT_KR) });
      for (const [b, i] of slots) {
        const id = await services.purchases.create(support, caseId, {
          ...{ title: `Buskort ${b + 1}.${i + 1}`, purpose: 'Til praktikken', category: 'transport' },
          ...{ amountKr: String(AMOUNT_KR), vendorId, paymentMethod: 'invoice' },
        });
        await services.purchases.confirm(support, id, { how: 'in_person' });
        await services.purchases.submit(support, id);
        const batch = batches[b];
        if (batch) batch[i] = id;
      }
      return caseId;
    }),
  );
  const made = batches.reduce((sum, b) => sum + b.length, 0);
  console.error(
    `approvals: ${made} requests submitted on ${CASES} cases, ${where}, in ${Math.round(performance.now() - t0)} ms`,
  );
  const { municipalityId } = coordinator;
  return { where, token, approver: coordinator, municipalityId, caseIds, batches };
}

/** A new citizen's case taken from referral to active, as staff do it. */
async function activeCase(
  services: Services,
  { coordinator, support }: { coordinator: Actor; support: Actor },
  programmeId: string,
  k: number,
): Promise<string> {
  // Synthetic CPR numbers (never a real person's), born on days the demo's citizens are not.
  const born = `1961-03-${String(10 + k).padStart(2, '0')}` as CalendarDate;
  const citizen = await services.citizens.register(coordinator, {
    cpr: formatCpr(syntheticCpr(born, 97, k % 2 === 0 ? 'female' : 'male')),
    name: `Bench Borger ${k + 1}`,
    preferredLanguage: 'da',
  });
  const { id } = await services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId,
    source: 'jobcenter',
    reason: 'Henvist til måling.',
  });
  await services.cases.startScreening(coordinator, id);
  await services.cases.accept(coordinator, id, { reason: 'I målgruppen.' });
  await services.cases.assignSupport(coordinator, id, { supportUserId: support.userId });
  await services.cases.acknowledgeConditions(support, id, { method: 'in_person' });
  await services.cases.activate(support, id, {});
  return id;
}

async function measure(
  services: Services,
  db: Db,
  server: RunningServer,
  setup: Setup,
  clients: number,
  report: (f: Figure) => void,
): Promise<void> {
  const port = Number(new URL(server.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const viaApi = (id: string) => approveViaApi(agent, port, setup.token, id);
  const viaSql = (id: string) => approveRaw(db, setup, id);
  const viaService = (id: string) => services.purchases.approve(setup.approver, id).then(() => undefined);
  const ways = [viaApi, viaSql, viaService];
  try {
    const warmUps = setup.batches.slice(0, ways.length);
    const rounds = setup.batches.slice(ways.length);
    for (const [w, batch] of warmUps.entries()) await run(batch, clients, ways[w] ?? viaApi);
    // API, raw SQL, service, API, raw SQL, service …: each way's median of its ROUNDS rounds.
    const perSecond: number[][] = ways.map(() => []);
    for (const [r, batch] of rounds.entries())
      perSecond[r % ways.length]?.push(await run(batch, clients, ways[r % ways.length] ?? viaApi));
    const [api = 0, raw = 0, service = 0] = perSecond.map(median);
    const how = `${clients} clients, ${setup.where}, median of ${ROUNDS}`;
    report(figure(`approvals as one raw SQL transaction (floor), ${how}`, raw, '/s'));
    report(
      figure(`approvals through the API, ${how}`, api, '/s', { floor: raw, minRatio: TARGET_API_SHARE }),
    );
    report(figure(`approvals through the service, ${how}`, service, '/s', { floor: raw }));
  } finally {
    agent.destroy();
  }
}

/** `clients` workers at once, worker k approving requests k, k + C, k + 2C …; returns approvals/s. */
async function run(ids: string[], clients: number, approve: (id: string) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      for (let i = k; i < ids.length; i += clients) await approve(ids[i] ?? '');
    }),
  );
  return Math.round((ids.length / (performance.now() - t0)) * 1000);
}

function approveViaApi(agent: Agent, port: number, token: string, id: string): Promise<void> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: 'POST',
        path: `/api/v1/purchase-requests/${id}/approve`,
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
          'content-length': '0',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          if (res.statusCode === 204) done();
          else
            fail(
              new Error(
                `The API answered ${res.statusCode} to an approval: ${Buffer.concat(chunks).toString()}`,
              ),
            );
        });
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** After the rounds: the books and the audit chains clean, and every request approved exactly once. */
async function assertConsistent(services: Services, database: DatabaseHandle, setup: Setup): Promise<void> {
  const english = translator('en');
  const ledger = await services.system.checkLedger();
  if (ledger.problems.length > 0)
    throw new Error(
      `check-ledger found ${ledger.problems.length} problem(s) after the approval bench: ` +
        ledger.problems
          .slice(0, 5)
          .map((p) => `${translate(english, p.where)}: ${translate(english, p.what)}`)
          .join('; '),
    );
  const chains = await services.system.verifyAuditChains();
  if (chains.firstBreak)
    throw new Error(
      `The audit chain ${chains.firstBreak.chain} is broken at event ${chains.firstBreak.seq} after the ` +
        `approval bench: ${translate(english, chains.firstBreak.reason)}.`,
    );
  // The bench's cases hold only the bench's requests.
  const made = setup.batches.reduce((sum, b) => sum + b.length, 0);
  const cases = sql.join(setup.caseIds);
  const counted = await database.transaction({ municipalityId: setup.municipalityId }, async (tx) => {
    const { rows } = await sql<{ approved: number; reservations: number }>`
      select
        (select count(*) from purchase_request where case_id in (${cases}) and status = 'approved') as approved,
        (select count(*) from ledger_entry where case_id in (${cases}) and kind = 'reservation') as reservations
      `.execute(tx);
    return rows[0];
  });
  if (counted?.approved !== made || counted.reservations !== made)
    throw new Error(
      `After the approval bench ${String(counted?.approved)} of ${made} requests are approved, ` +
        `with ${String(counted?.reservations)} reservations.`,
    );
}
