import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { createApp } from '../app/app.ts';
import { isSpendingPeriod } from '../domain/case-lifecycle.ts';
import { createLogger } from '../logger.ts';
import type { Actor } from '../services/context.ts';
import { DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';
import { openServices, type Services } from '../services/index.ts';
import { approvalsBench } from './bench-approvals.ts';
import { median, type Figure } from './bench-figures.ts';
import { reportBench } from './bench-report.ts';
import { vouchersBench } from './bench-vouchers.ts';

// `borgerbudget bench`: speed and memory figures, each against its target, on throw-away embedded
// databases in a temporary folder — never the configured database. Figures vary with the machine; the
// targets are the project's, the ratio is figure ÷ target (below 1 is within it).
//
// The approval figures (bench-approvals.ts: the HTTP API against the same approval as raw SQL) and the
// report figures (bench-report.ts) run on a throw-away PostgreSQL database created next to
// BENCH_DATABASE_URL or DATABASE_URL when one is set (and dropped afterwards), else on PGlite.
// BENCH_ONLY=approvals, report or vouchers runs only that one (bench-vouchers.ts: a shop redeeming over HTTP); BENCH_REPORT_CASES sets how many cases
// the report bench generates.

const BIN = resolve(import.meta.dirname, '../../bin/borgerbudget.js');
const STARTS = 3;
const REQUESTS = 200;
const APPROVALS = 100;

const ONLY = ['approvals', 'report', 'vouchers'] as const;

export async function bench(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'borgerbudget-bench-'));
  const figures: Figure[] = [];
  const report = (f: Figure) => {
    figures.push(f);
    const ratio = f.target
      ? `  target < ${f.target} ${f.unit}, ratio ${(f.value / f.target).toFixed(2)}`
      : f.floor
        ? `  target ≥ ${f.floor} ${f.unit}, ratio ${(f.value / f.floor).toFixed(2)}`
        : '';
    console.log(`${f.what.padEnd(64)} ${String(f.value).padStart(8)} ${f.unit}${ratio}`);
  };
  const only = process.env.BENCH_ONLY || undefined;
  if (only !== undefined && !(ONLY as readonly string[]).includes(only))
    throw new Error(`BENCH_ONLY must be one of ${ONLY.join(', ')}, got "${only}".`);
  try {
    if (only === undefined) {
      await startUp(join(dir, 'start'), report);
      await inProcess(join(dir, 'work'), report);
    }
    if (only === undefined || only === 'approvals') await approvalsBench(dir, report);
    if (only === undefined || only === 'report') await reportBench(dir, report);
    if (only === undefined || only === 'vouchers') await vouchersBench(dir, report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const outside = figures.filter(
    (f) => (f.target !== undefined && f.value > f.target) || (f.floor !== undefined && f.value < f.floor),
  );
  console.log(
    outside.length
      ? `\n${outside.length} figure(s) outside the target.`
      : '\nEvery figure within its target.',
  );
  return outside.length ? 1 : 0;
}

/** `npm start` on an existing data folder: from the command to the first page (target: under 3 s). */
async function startUp(dataDir: string, report: (f: Figure) => void): Promise<void> {
  const first = await timedStart(dataDir);
  report({ what: 'first start: migrations, demo data, first page', value: first.ms, unit: 'ms' });
  const runs = [];
  for (let i = 0; i < STARTS; i++) runs.push(await timedStart(dataDir));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  report({
    what: `start on an existing data folder, median of ${STARTS}`,
    value: median(ms),
    unit: 'ms',
    target: 3000,
  });
  report({
    what: `start on an existing data folder, slowest of ${STARTS}`,
    value: ms.at(-1) ?? 0,
    unit: 'ms',
  });
  report({
    what: 'server memory (RSS) after the first page',
    value: Math.max(...runs.map((r) => r.rssMb)),
    unit: 'MB',
    target: 512,
  });
}

async function timedStart(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  // The embedded database always: the configured one is never touched.
  const { DATABASE_URL: _configured, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  try {
    await firstPage(`http://localhost:${port}/log-ind`, child);
    const ms = Math.round(performance.now() - started);
    return { ms, rssMb: rssMb(child.pid) };
  } finally {
    await stop(child);
  }
}

async function firstPage(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped with exit code ${child.exitCode}.`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`No page from ${url} within two minutes.`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in MB (Linux), 0 where /proc is not there. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Secrets {
  session: Buffer;
  cpr: Buffer;
}

/** Money and pages inside one process on the demo data: approvals per second, page latency. */
async function inProcess(dataDir: string, report: (f: Figure) => void): Promise<void> {
  const secrets: Secrets = { session: Buffer.alloc(32, 7), cpr: Buffer.alloc(32, 8) };
  const services = await openServices({
    databaseUrl: undefined,
    dataDir,
    secrets: { session: secrets.session, cpr: [secrets.cpr] },
    production: false,
  });
  try {
    await services.demo.load();
    const login = (email: string) => services.auth.login({ email, password: DEMO_PASSWORD }, '127.0.0.1');
    const support = await login('stotteperson@aarhus.example');
    const coordinator = await login('koordinator@aarhus.example');
    const caseId = await activeCase(services, support.actor, coordinator.actor);

    const ids: string[] = [];
    const vendorId = (await services.budgets.vendors(support.actor))[0]?.id;
    for (let i = 0; i < APPROVALS; i++) {
      const id = await services.purchases.create(support.actor, caseId, {
        ...{ title: `Buskort ${i + 1}`, purpose: 'Til praktikken', amountKr: '10', category: 'transport' },
        ...{ vendorId, paymentMethod: 'invoice' },
      });
      await services.purchases.confirm(support.actor, id, { how: 'in_person' });
      await services.purchases.submit(support.actor, id);
      ids.push(id);
    }
    const t0 = performance.now();
    for (const id of ids) await services.purchases.approve(support.actor, id);
    const perSecond = Math.round((APPROVALS / (performance.now() - t0)) * 1000);
    report({
      what: `approvals, one after another (PGlite, ${APPROVALS} on one case)`,
      value: perSecond,
      unit: '/s',
    });

    const t1 = performance.now();
    const check = await services.system.checkLedger();
    report({
      what: `check-ledger over ${check.cases} cases, ${check.postings} postings`,
      value: Math.round(performance.now() - t1),
      unit: 'ms',
      target: 5000,
    });

    await pageLatencies(services, { dataDir, secrets, token: support.token, caseId }, report);
    report({
      what: 'bench process memory (RSS) at the end',
      value: Math.round(process.memoryUsage().rss / 2 ** 20),
      unit: 'MB',
    });
  } finally {
    await services.system.close();
  }
}

/** The case page, its budget page and the caseload, each requested in turn through the app. */
async function pageLatencies(
  services: Services,
  { dataDir, secrets, token, caseId }: { dataDir: string; secrets: Secrets; token: string; caseId: string },
  report: (f: Figure) => void,
): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    BASE_URL: 'http://localhost:3000',
    SESSION_SECRET: secrets.session.toString('base64'),
    CPR_ENCRYPTION_KEY: secrets.cpr.toString('base64'),
  });
  const app = createApp({ services, config, logger: createLogger('silent') });
  const cookie = `${config.secureCookies ? '__Host-' : ''}bb_session=${token}`;
  for (const [name, path] of [
    ['case page', `/forloeb/${caseId}`],
    [`budget page (${APPROVALS} requests)`, `/forloeb/${caseId}/budget`],
    ['caseload', '/forloeb'],
  ] as const) {
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      const res = await app.request(`http://localhost:3000${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}.`);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    report({ what: `${name}: p50 of ${REQUESTS}`, value: round1(median(ms)), unit: 'ms' });
    report({
      what: `${name}: p95 of ${REQUESTS}`,
      value: round1(ms[Math.floor(ms.length * 0.95)] ?? 0),
      unit: 'ms',
      target: 200,
    });
  }
}

/** The support person's first active demo case, granted enough for the approvals. */
async function activeCase(services: Services, support: Actor, coordinator: Actor): Promise<string> {
  const active = (await services.cases.caseload(support, {}, 'bench')).find((c) => isSpendingPeriod(c.phase));
  if (!active) throw new Error('The demo data has no active case for the support person.');
  const { balance } = await services.budgets.overview(support, active.id, 'bench');
  const needed = APPROVALS * 10_00;
  if (balance.available < needed) {
    await services.budgets.grant(coordinator, active.id, {
      amountKr: String((needed - balance.available) / 100),
    });
  }
  return active.id;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
