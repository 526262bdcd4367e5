import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/services/context.ts';
import { createServices } from '../../src/services/index.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { freePort, startChildServer, type ChildServer } from '../setup/child-server.ts';
import { adminQuery } from '../setup/global-db.ts';
import {
  freshServerDatabase,
  TEST_CPR_KEY,
  TEST_SECRETS,
  TestClock,
  type ServerDatabase,
  type TestContext,
} from '../setup/test-db.ts';

// Faults are normal (conventions: Fault tests): the real server as a child process, killed with SIGKILL at
// random moments while clients retry every operation with its own idempotency key until it gets an answer;
// stopped with SIGTERM while requests are in flight; cut off from PostgreSQL. Afterwards every operation
// happened exactly once, no key is left without its response, and the books and the audit chains are clean.
// FAULT_KILLS sets the number of kills; FAULT_SEED replays a run's random moments (a failure names it).

const onPostgres = inject('testDb').kind === 'postgres';
// 20 kills on PostgreSQL, 10 on PGlite. A restart on PGlite also boots the embedded database and
// recovers its write-ahead log after the kill, some seconds more per kill than on PostgreSQL, where the
// database stays up; what a kill cuts through, a command's one transaction with its idempotency key and
// its stored answer, is the same code on both. 10 kills still land on every step of a purchase (three
// clients, five commands each), and every run draws new moments (its seed), so runs add up; a longer
// sweep by hand is FAULT_KILLS=200.
const KILLS = Number(process.env.FAULT_KILLS ?? (onPostgres ? 20 : 10));
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CLIENTS = 3;
const STARTUP_MS = 60_000;

/** `borgerbudget serve` on the set-up database, ready. */
function serve(s: Setup): Promise<ChildServer> {
  return startChildServer('serve', s.env, s.port, STARTUP_MS);
}

/** mulberry32: a small seeded generator, so a failing run can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Setup {
  db: ServerDatabase;
  port: number;
  env: NodeJS.ProcessEnv;
  caseId: string;
  vendorId: string;
  tokens: { support: string; finance: string };
}

/** A database with the demo, an active case with a 50,000 kr. grant, and API tokens; then closed. */
async function setUp(parent?: string): Promise<Setup> {
  const db = await freshServerDatabase(parent, 'demo');
  const database = await db.open();
  const services = createServices({ database, clock: systemClock, secrets: TEST_SECRETS, production: false });
  const t = { services, database, clock: new TestClock(new Date()) } as unknown as TestContext;
  const team = await moneyTeam(t);
  const admin = await staff(t, AARHUS, 'admin');
  const { caseId } = await caseIn(t, 'active', team);
  await services.budgets.grant(team.coordinator, caseId, { amountKr: '50000' });
  const issue = async (userId: string) =>
    (await services.apiTokens.issue(admin, { userId, name: 'Fejltest' })).token;
  const tokens = { support: await issue(team.support.userId), finance: await issue(team.finance.userId) };
  await database.close();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TZ: 'UTC',
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
    CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
    ...db.env,
  };
  return { db, port, env, caseId, vendorId: team.vendorId, tokens };
}

interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
}

/** One POST to the API with a bearer token and an idempotency key. */
function post(s: Setup, path: string, token: string, key: string, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${s.port}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(30_000),
  });
}

/** A new purchase request on the set-up case, as the support person (the key given). */
function postDraft(s: Setup, key: string, title: string): Promise<Response> {
  return post(s, `/cases/${s.caseId}/purchase-requests`, s.tokens.support, key, draftOf(s, title));
}

function draftOf(s: Setup, title: string) {
  return {
    title,
    purpose: 'Til jobsamtalen',
    amountKr: '100',
    category: 'transport',
    vendorId: s.vendorId,
    paymentMethod: 'bank_transfer',
  };
}

/** One API call; a lost connection or a 503 is retried with the same key until `deadline`. */
async function untilAnswered(
  s: Setup,
  path: string,
  token: string,
  key: string,
  body: unknown,
  deadline: number,
): Promise<Answer & { tries: number }> {
  for (let tries = 1; ; tries++) {
    try {
      const res = await post(s, path, token, key, body);
      const text = await res.text();
      if (res.status !== 503) {
        return {
          status: res.status,
          json: text ? (JSON.parse(text) as unknown) : null,
          headers: res.headers,
          tries,
        };
      }
    } catch {
      // The server is gone (killed) or not up yet: try again with the same key.
    }
    if (Date.now() > deadline) throw new Error(`No answer for ${path} (key ${key}) in time; seed ${SEED}`);
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 70));
  }
}

/** A purchase from draft to paid: five commands, each with its own key, each retried until answered. */
async function purchase(s: Setup, deadline: number, outcomes: string[]): Promise<string> {
  const step = async (path: string, token: string, body?: unknown) => {
    const answer = await untilAnswered(s, path, token, `fault-${randomUUID()}`, body, deadline);
    outcomes.push(`${path.replace(/[0-9a-f-]{36}/g, ':id')} ${answer.status}`);
    return answer;
  };
  const created = await step(
    `/cases/${s.caseId}/purchase-requests`,
    s.tokens.support,
    draftOf(s, 'Busbillet'),
  );
  const id = (created.json as { id?: string } | null)?.id;
  if (created.status !== 201 || !id) throw new Error(`create answered ${created.status}; seed ${SEED}`);
  await step(`/purchase-requests/${id}/confirm`, s.tokens.support, { how: 'in_person' });
  await step(`/purchase-requests/${id}/submit`, s.tokens.support);
  await step(`/purchase-requests/${id}/approve`, s.tokens.support);
  await step(`/purchase-requests/${id}/payments`, s.tokens.finance, { reference: `F-${id.slice(0, 8)}` });
  return id;
}

/** What the database holds afterwards, read in-process once the server has stopped. */
async function inspect(s: Setup) {
  const database = await s.db.open();
  try {
    const services = createServices({
      database,
      clock: systemClock,
      secrets: TEST_SECRETS,
      production: false,
    });
    const requests = await database.transaction('all', (tx) =>
      tx.selectFrom('purchase_request').select(['id', 'status']).where('case_id', '=', s.caseId).execute(),
    );
    const postings = await database.transaction('all', (tx) =>
      tx
        .selectFrom('ledger_entry')
        .select(['purchase_request_id', 'kind'])
        .where('case_id', '=', s.caseId)
        .where('purchase_request_id', 'is not', null)
        .execute(),
    );
    const pendingKeys = await database.transaction('all', (tx) =>
      sql<{
        n: number;
      }>`select count(*)::int as n from idempotency_key where response_status is null`.execute(tx),
    );
    return {
      requests,
      postings,
      pendingKeys: pendingKeys.rows[0]?.n,
      ledger: await services.system.checkLedger(),
      audit: await services.system.verifyAuditChains(),
    };
  } finally {
    await database.close();
  }
}

function killServer(server: ChildServer): Promise<unknown> {
  server.child.kill('SIGKILL');
  return server.exited;
}

describe(`faults (FAULT_SEED=${SEED})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  }, 180_000);
  afterAll(() => s.db.remove());

  it(
    `keeps every operation exactly once through ${KILLS} kills at random moments`,
    async () => {
      const rand = random(SEED);
      const deadline = Date.now() + 15 * 60_000;
      let server = await serve(s);
      let killing = true;
      const outcomes: string[] = [];
      const clients = Array.from({ length: CLIENTS }, async () => {
        const ids: string[] = [];
        while (killing) ids.push(await purchase(s, deadline, outcomes));
        return ids;
      });
      for (let kill = 0; kill < KILLS; kill++) {
        await new Promise((r) => setTimeout(r, 100 + rand() * 900));
        await killServer(server);
        server = await serve(s);
      }
      killing = false;
      const ids = (await Promise.all(clients)).flat();
      server.child.kill('SIGTERM');
      expect(await server.exited, server.output()).toBe(0);

      // Every command got its first, real answer: a retry after a crash never saw "already done".
      const refused = outcomes.filter((o) => !/ (201|204)$/.test(o));
      expect(refused, `seed ${SEED}`).toEqual([]);
      const found = await inspect(s);
      expect(found.requests.map((r) => r.id).sort(), `seed ${SEED}`).toEqual([...ids].sort());
      expect(
        found.requests.every((r) => r.status === 'paid'),
        `seed ${SEED}`,
      ).toBe(true);
      for (const id of ids) {
        const kinds = found.postings
          .filter((p) => p.purchase_request_id === id)
          .map((p) => p.kind)
          .sort();
        expect(kinds, `postings of ${id}; seed ${SEED}`).toEqual(['payment', 'reservation']);
      }
      expect(found.pendingKeys, 'keys without a stored response').toBe(0);
      expect(found.ledger.problems).toEqual([]);
      expect(found.audit.firstBreak).toBeNull();
      console.info(
        `faults: ${KILLS} kills, ${ids.length} purchases, ${outcomes.length} commands, seed ${SEED}`,
      );
    },
    20 * 60_000,
  );

  /**
   * Sixteen new purchase requests at once, each on a connection of its own. `sent` resolves once every
   * request's bytes have left this process (connected, nothing left in the socket's buffer), so it is
   * with the server's kernel whether or not the server has read it (waiting a fixed time instead would depend on how busy this process is);
   * `answers` with each status or the client's error.
   */
  const sixteen = () => {
    const requests = Array.from({ length: 16 }, () => {
      let written = () => {};
      const sent = new Promise<void>((done) => (written = done));
      const answer = new Promise<number | string>((done) => {
        const body = JSON.stringify(draftOf(s, 'Vinterjakke'));
        const req = request(
          {
            host: '127.0.0.1',
            port: s.port,
            method: 'POST',
            path: `/api/v1/cases/${s.caseId}/purchase-requests`,
            agent: false,
            headers: {
              authorization: `Bearer ${s.tokens.support}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'idempotency-key': `term-${randomUUID()}`,
            },
          },
          (res) => {
            res.resume();
            res.once('end', () => done(res.statusCode ?? 0));
          },
        );
        // 'finish' means handed to the socket, which may still be connecting with the bytes in its own
        // buffer: the request is sent once the socket is connected and has given every byte to the kernel.
        req.once('finish', () => {
          const flushed = () => {
            const socket = req.socket;
            if (socket && !socket.connecting && socket.writableLength === 0) written();
            else setTimeout(flushed, 5);
          };
          flushed();
        });
        req.once('error', (error) => {
          written();
          done(String(error));
        });
        req.end(body);
      });
      return { sent, answer };
    });
    return {
      sent: Promise.all(requests.map((r) => r.sent)),
      answers: Promise.all(requests.map((r) => r.answer)),
    };
  };

  it('serves every request already sent when it is stopped with SIGTERM', async () => {
    const server = await serve(s);
    const { sent, answers } = sixteen();
    await sent;
    server.child.kill('SIGTERM');
    expect(await answers, server.output()).toEqual(Array(16).fill(201));
    expect(await server.exited, server.output()).toBe(0);
  }, 120_000);

  it('serves the requests that reached it while it was too busy to read them, then stops', async () => {
    // A stopped process stands for one busy with the database: the kernel takes the connections and
    // their requests, and SIGTERM arrives before the process has read any of them.
    const server = await serve(s);
    server.child.kill('SIGSTOP');
    const { sent, answers } = sixteen();
    await sent;
    server.child.kill('SIGTERM');
    server.child.kill('SIGCONT');
    expect(await answers, server.output()).toEqual(Array(16).fill(201));
    expect(await server.exited, server.output()).toBe(0);
  }, 120_000);
});

// PGlite runs inside the process: there is no connection to lose and no server to restart.
describe.skipIf(!onPostgres)('PostgreSQL faults', () => {
  let s: Setup;
  let server: ChildServer;
  beforeAll(async () => {
    s = await setUp();
    server = await serve(s);
  }, 180_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await s.db.remove();
  });

  const admin = () => {
    const testDb = inject('testDb');
    if (testDb.kind !== 'postgres') throw new Error('PostgreSQL only');
    return testDb.url;
  };
  /** Ends every connection of the server's, as a restart or a DBA would, and waits until they are gone. */
  const dropConnections = async () => {
    const others = `from pg_stat_activity where datname = '${s.db.name}' and pid <> pg_backend_pid()`;
    await adminQuery(admin(), `select pg_terminate_backend(pid) ${others}`);
    const left = async () => (await adminQuery(admin(), `select 1 ${others}`)).rowCount ?? 0;
    while ((await left()) > 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const ready = () =>
    fetch(`http://127.0.0.1:${s.port}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
  const draft = (key: string) =>
    untilAnswered(
      s,
      `/cases/${s.caseId}/purchase-requests`,
      s.tokens.support,
      key,
      draftOf(s, 'Sko'),
      Date.now() + 30_000,
    );

  // Each round waits for the server to reconnect, however busy the machine is: the test's time is the
  // rounds' own deadlines (30 s each), not the suite's default.
  it(
    'survives pg_terminate_backend on all its connections, twelve times over',
    async () => {
      for (let i = 0; i < 12; i++) {
        await dropConnections();
        const answer = await draft(`term-${randomUUID()}`).catch((error: unknown) => {
          throw new Error(`${String(error)}\nThe server's output:\n${server.output()}`);
        });
        expect(answer.status).toBe(201);
      }
      expect(server.child.exitCode, server.output()).toBeNull();
    },
    12 * 30_000,
  );

  it('survives its connection being ended between two statements of a transaction', async () => {
    const database = await s.db.open();
    try {
      const ended = database.transaction('all', async (tx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
        await adminQuery(admin(), `select pg_terminate_backend(${rows[0]?.pid ?? 0})`);
        // The end reaches the client while the transaction is in the app, not in a statement.
        await new Promise((r) => setTimeout(r, 300));
        await sql`select 1`.execute(tx);
      });
      await expect(ended).rejects.toThrow();
      const { rows } = await database.transaction('all', (tx) =>
        sql<{ one: number }>`select 1 as one`.execute(tx),
      );
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });

  it('answers 503 with Retry-After while the database refuses connections, and recovers within 5 s', async () => {
    await adminQuery(admin(), `alter database ${s.db.name} connection limit 0`);
    await dropConnections();
    try {
      expect(await ready()).toBe(503);
      const res = await postDraft(s, `down-${randomUUID()}`, 'Sko');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const page = await fetch(`http://127.0.0.1:${s.port}/forloeb`, {
        headers: { authorization: `Bearer ${s.tokens.support}` },
      });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('midlertidigt utilgængelig');
      await new Promise((r) => setTimeout(r, 5_000));
      expect(await ready()).toBe(503);
    } finally {
      await adminQuery(admin(), `alter database ${s.db.name} connection limit -1`);
    }
    const back = Date.now();
    while ((await ready()) !== 200) await new Promise((r) => setTimeout(r, 50));
    const recovered = Date.now() - back;
    console.info(`faults: ready again ${recovered} ms after the database took connections again`);
    expect(recovered).toBeLessThan(5_000);
    expect((await draft(`back-${randomUUID()}`)).status).toBe(201);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});

/** A small tmpfs of our own to fill up; only root may mount one (as in CI), so elsewhere the test says so. */
function mountSmallDisk(megabytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'bb-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status === 0;
  if (mounted) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}

/** Writes zeros into `file` until the disk is full. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(1024 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const disk = inject('testDb').kind === 'pglite' ? mountSmallDisk(120) : null;

// PGlite's data folder is on the app's own disk: when that is full, writes fail inside PGlite. On
// PostgreSQL the disk is the database server's, whose disk-full error is covered by the same mapping.
// Mounting a small disk needs root (CI runs as root); without it there is no way to fill a disk safely.
describe.skipIf(disk === null)('a full disk under the embedded database', () => {
  let s: Setup;
  let server: ChildServer;
  beforeAll(async () => {
    s = await setUp(disk ?? undefined);
    server = await serve(s);
  }, 180_000);
  afterAll(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
    await s.db.remove();
    if (disk) {
      spawnSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });

  it('answers 503 while the disk is full, loses nothing and works again once there is room', async () => {
    if (!disk) return;
    const filler = join(disk, 'filler');
    fillDisk(filler);
    // Writes fill the pages PGlite already has; sooner or later one needs a new page on the full disk.
    const created: string[] = [];
    let refused: { key: string; res: Response } | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const key = `disk-${randomUUID()}`;
      const res = await postDraft(s, key, 'Cykellygte');
      if (res.status === 201) created.push(((await res.json()) as { id: string }).id);
      else refused = { key, res };
    }
    expect(refused?.res.status, 'a write on the full disk').toBe(503);
    expect(refused?.res.headers.get('retry-after')).toBe('5');
    expect(server.child.exitCode).toBeNull();

    rmSync(filler);
    const again = await postDraft(s, refused?.key ?? '', 'Cykellygte');
    expect(again.status).toBe(201);
    created.push(((await again.json()) as { id: string }).id);
    server.child.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(0);

    const found = await inspect(s);
    expect(found.requests.map((r) => r.id).sort()).toEqual(created.sort());
    expect(found.pendingKeys).toBe(0);
    expect(found.ledger.problems).toEqual([]);
    expect(found.audit.firstBreak).toBeNull();
  }, 300_000);
});
