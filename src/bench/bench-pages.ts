import { figure, median, type Figure } from './bench-figures.ts';
import { closedLoop, openLoop, type LoadResult, type Target } from './bench-load.ts';
import { measurePageWeight } from './bench-page-weight.ts';
import { rssMb, rssPeak, startApp, startFloor, type Proc } from './bench-process.ts';
import { DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';

// The pages over real HTTP: the app as a child process (bin/borgerbudget.js start) on the bench's data,
// the load from this process (bench-load.ts), CLIENTS clients each with its own session.
//
// Each of ROUNDS rounds runs the hello-world floor, the one-query floor (bench-floor-server.ts) and then
// the app, one process at a time, each started for its round: every page's throughput and p50/p99 at
// CLIENTS clients, and its p99 at a fixed offered load of RATE requests a second (open loop). Each figure
// is the median of the rounds, beside the median of its floor. The app's three starts give the start
// time; its RSS is read idle after the first start and at its peak under load.

const ROUNDS = 3;
const CLIENTS = 50;
const RATE = 100;
/** Each page at least this share of the one-query page's throughput, and p99 at RATE/s at most this. */
const TARGET_SHARE = 0.1;
const TARGET_P99_MS = 50;
const TARGET_START_MS = 2000;
const TARGET_RSS_MB = 256;
const TARGET_WEIGHT = { firstKb: 100, firstRequests: 15, repeatKb: 15 } as const;

type Role = 'koordinator' | 'stotteperson' | 'okonomi' | 'borger';

interface Page {
  name: string;
  path: string;
  role: Role;
}

export interface PagesOptions {
  /** The app's environment: its database (DATABASE_URL or DATA_DIR) and secrets. */
  env: NodeJS.ProcessEnv;
  where: string;
  seconds: number;
}

export async function pagesBench({ env, where, seconds }: PagesOptions, report: (f: Figure) => void) {
  const { pages, sessions, rssIdle } = await firstStart(env);
  const m = await measureRounds(env, pages, sessions, seconds);
  const how = `${CLIENTS} clients, ${where}, median of ${ROUNDS}`;
  const helloFloor = median(m.hello);
  const oneQueryFloor = median(m.oneQuery);
  report(figure(`floor: Hono hello-world, ${how}`, helloFloor, 'req/s'));
  report(figure(`floor: one-query page, ${how}`, oneQueryFloor, 'req/s', { floor: helloFloor }));
  for (const [i, p] of pages.entries()) {
    const { closed = [], open = [] } = m.byPage[i] ?? {};
    report(
      figure(`${p.name}: throughput, ${how}`, median(closed.map((r) => r.perSecond)), 'req/s', {
        floor: oneQueryFloor,
        minRatio: TARGET_SHARE,
      }),
    );
    report(figure(`${p.name}: p50 at ${CLIENTS} clients`, median(closed.map((r) => r.p50)), 'ms'));
    report(figure(`${p.name}: p99 at ${CLIENTS} clients`, median(closed.map((r) => r.p99)), 'ms'));
    report(
      figure(`${p.name}: p99 at ${RATE} requests/s offered`, median(open.map((r) => r.p99)), 'ms', {
        max: TARGET_P99_MS,
      }),
    );
  }
  const w = m.weight;
  report(figure('first page load over the wire (Chromium)', w.firstKb, 'KB', { max: TARGET_WEIGHT.firstKb }));
  report(
    figure('first page load, requests', w.firstRequests, 'requests', { max: TARGET_WEIGHT.firstRequests }),
  );
  report(figure('repeat page load over the wire', w.repeatKb, 'KB', { max: TARGET_WEIGHT.repeatKb }));
  report(
    figure(`start on an existing database, ${where}, median of ${ROUNDS}`, median(m.starts), 'ms', {
      max: TARGET_START_MS,
    }),
  );
  report(figure(`app RSS idle, ${where}`, rssIdle, 'MB'));
  // The target is PostgreSQL's: on PGlite the database itself lives in the app's process.
  const rssTarget = where === 'PostgreSQL' ? { max: TARGET_RSS_MB } : {};
  report(figure(`app RSS under load, peak, ${where}`, m.rssLoad, 'MB', rssTarget));
}

/** The first start: the sessions, the pages (with the case to show) and the app's memory when idle. */
async function firstStart(
  env: NodeJS.ProcessEnv,
): Promise<{ pages: Page[]; sessions: Record<Role, string[]>; rssIdle: number }> {
  const first = await startApp('start', env);
  try {
    const caseId = await firstCase(first.port, await logInAs(first.port, 'stotteperson@aarhus.example'));
    const sessions = await logIn(first.port, caseId);
    const pages: Page[] = [
      { name: 'coordinator overview /forloeb/oversigt', path: '/forloeb/oversigt', role: 'koordinator' },
      { name: 'case page /forloeb/:id', path: `/forloeb/${caseId}`, role: 'stotteperson' },
      { name: 'caseload /forloeb', path: '/forloeb', role: 'stotteperson' },
      { name: 'finance queue /betalinger', path: '/betalinger', role: 'okonomi' },
      { name: 'portal /borger', path: '/borger', role: 'borger' },
      { name: 'portal /borger/budget', path: '/borger/budget', role: 'borger' },
      { name: 'portal /borger/koeb', path: '/borger/koeb', role: 'borger' },
    ];
    return { pages, sessions, rssIdle: rssMb(first.pid) };
  } finally {
    await first.stop();
  }
}

interface Measured {
  hello: number[];
  oneQuery: number[];
  byPage: { closed: LoadResult[]; open: LoadResult[] }[];
  starts: number[];
  rssLoad: number;
  weight: Awaited<ReturnType<typeof measurePageWeight>>;
}

/** ROUNDS rounds of hello-world, one-query page and the app, one process at a time. */
async function measureRounds(
  env: NodeJS.ProcessEnv,
  pages: Page[],
  sessions: Record<Role, string[]>,
  seconds: number,
): Promise<Measured> {
  const casePath = pages[1]?.path ?? '';
  const m: Omit<Measured, 'weight'> = {
    hello: [],
    oneQuery: [],
    byPage: pages.map(() => ({ closed: [], open: [] })),
    starts: [],
    rssLoad: 0,
  };
  let weight: Measured['weight'] | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    progress(`pages: round ${round + 1} of ${ROUNDS}`);
    m.hello.push(
      await underLoad(await startFloor('hello', env), { path: '/', headers: () => ({}) }, seconds),
    );
    const oneQuery = await startFloor('one-query', env);
    m.oneQuery.push(await underLoad(oneQuery, { path: casePath, headers: () => ({}) }, seconds));
    const app = await startApp('start', env);
    m.starts.push(app.startMs);
    const peak = rssPeak(app.pid);
    try {
      for (const [i, p] of pages.entries()) {
        const headers = (k: number) => ({ cookie: sessions[p.role][k % CLIENTS] ?? '' });
        const target: Target = { port: app.port, path: p.path, headers };
        await closedLoop(target, CLIENTS, Math.min(1, seconds));
        m.byPage[i]?.closed.push(await closedLoop(target, CLIENTS, seconds));
        m.byPage[i]?.open.push(await openLoop(target, { rate: RATE, seconds, clients: CLIENTS }));
      }
      if (round === ROUNDS - 1) weight = await measurePageWeight(`http://127.0.0.1:${app.port}`);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nThe app's output:\n${app.output()}`, { cause: error });
    } finally {
      m.rssLoad = Math.max(m.rssLoad, peak());
      await app.stop();
    }
  }
  if (!weight) throw new Error('The page weight was not measured.');
  return { ...m, weight };
}

/** A floor server's throughput at CLIENTS clients (after a short warm-up); then it is stopped. */
async function underLoad(proc: Proc, target: Omit<Target, 'port'>, seconds: number): Promise<number> {
  try {
    await closedLoop({ ...target, port: proc.port }, CLIENTS, Math.min(1, seconds));
    return (await closedLoop({ ...target, port: proc.port }, CLIENTS, seconds)).perSecond;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nIts output:\n${proc.output()}`, { cause: error });
  } finally {
    await proc.stop();
  }
}

/** One session through the log-in form, as a browser logs in (CSRF cookie and token); its cookies. */
async function logInAs(port: number, email: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const form = await fetch(`${base}/log-ind`);
  const csrfCookie = cookiesOf(form.headers);
  const res = await fetch(`${base}/log-ind`, {
    method: 'POST',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: field(await form.text(), '_csrf'), email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  if (res.status !== 303) throw new Error(`Logging in as ${email} answered ${res.status}.`);
  return `${csrfCookie}; ${cookiesOf(res.headers)}`;
}

/**
 * CLIENTS sessions for each role. The citizen is the demo's Mads where he is (the demo data); else (the
 * generated data has no citizen log-ins) the support person makes an activation code for the case's
 * citizen, who chooses a log-in with it, as a real one does.
 */
async function logIn(port: number, caseId: string): Promise<Record<Role, string[]>> {
  const support = await logInAs(port, 'stotteperson@aarhus.example');
  const citizen = await logInAs(port, 'borger@aarhus.example').then(
    () => 'borger@aarhus.example',
    () => activateCitizen(port, support, caseId),
  );
  const emails: Record<Role, string> = {
    koordinator: 'koordinator@aarhus.example',
    stotteperson: 'stotteperson@aarhus.example',
    okonomi: 'okonomi@aarhus.example',
    borger: citizen,
  };
  const sessions = {} as Record<Role, string[]>;
  for (const [role, email] of Object.entries(emails) as [Role, string][]) {
    progress(`pages: ${CLIENTS} sessions for ${email}`);
    const list: string[] = [];
    // One after the other: log-ins to one account at once are slowed down as guesses are.
    while (list.length < CLIENTS) list.push(await logInAs(port, email));
    sessions[role] = list;
  }
  return sessions;
}

/** The case's citizen activated with a code from the support person; the citizen's new log-in. */
async function activateCitizen(port: number, support: string, caseId: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const casePage = await (await fetch(`${base}/forloeb/${caseId}`, { headers: { cookie: support } })).text();
  const form = new RegExp(
    `<form[^>]*action="/forloeb/${caseId}/aktiveringskode"[^>]*>([\\s\\S]*?)</form>`,
  ).exec(casePage)?.[1];
  if (!form) throw new Error(`The case page of ${caseId} has no activation-code button.`);
  const issued = await fetch(`${base}/forloeb/${caseId}/aktiveringskode`, {
    method: 'POST',
    headers: { cookie: support, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: field(form, '_csrf'), _idem: field(form, '_idem') }),
    redirect: 'manual',
  });
  const code = /id="activation-code">\s*([^<\s]+)/.exec(await issued.text())?.[1];
  if (issued.status !== 201 || !code) throw new Error(`No activation code (${issued.status}).`);
  const login = `borger-maaling-${Date.now()}@aarhus.example`;
  const page = await fetch(`${base}/aktiver`);
  const cookie = cookiesOf(page.headers);
  const activated = await fetch(`${base}/aktiver`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: field(await page.text(), '_csrf'),
      code,
      login,
      password: DEMO_PASSWORD,
      passwordRepeat: DEMO_PASSWORD,
    }),
    redirect: 'manual',
  });
  if (activated.status !== 303) throw new Error(`The citizen's activation answered ${activated.status}.`);
  return login;
}

function field(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`No field ${name} in the page.`);
  return value.replace(/&amp;/g, '&');
}

/** The first case on the support person's caseload. */
async function firstCase(port: number, cookie: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/forloeb`, { headers: { cookie } });
  const id = /href="\/forloeb\/([0-9a-f-]{36})"/.exec(await res.text())?.[1];
  if (res.status !== 200 || !id) throw new Error(`The caseload (${res.status}) shows no case.`);
  return id;
}

function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export function progress(line: string): void {
  console.error(line);
}
