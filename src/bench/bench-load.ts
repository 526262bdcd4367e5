import { Agent, request, type OutgoingHttpHeaders } from 'node:http';

// The bench's own HTTP load generator: node's http client over keep-alive connections, run in the bench
// process against a server in another process.
//
// Closed loop: C clients, each sending its next request when the previous answer has been read, for a
// fixed time — throughput and latency at C clients. Open loop: requests sent at fixed times (a given rate)
// whether or not earlier ones have been answered, each latency measured from its SCHEDULED time, so a
// server that falls behind shows it in the figure (no coordinated omission).

export interface Target {
  port: number;
  path: string;
  /** The headers of client k (its own session cookie). */
  headers: (k: number) => OutgoingHttpHeaders;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** The nearest-rank percentile (0 < p ≤ 100) of values sorted ascending; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** When each request of an open loop is due, in ms from its start: `rate` a second for `seconds`. */
export function openLoopSchedule(rate: number, seconds: number): number[] {
  const n = Math.floor(rate * seconds);
  return Array.from({ length: n }, (_, i) => (i * 1000) / rate);
}

/** `clients` clients one request after the other each, for `seconds`. */
export async function closedLoop(target: Target, clients: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  try {
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        while (performance.now() < end) {
          const sent = performance.now();
          await get(agent, target, k);
          latencies.push(performance.now() - sent);
        }
      }),
    );
    return summary(latencies, performance.now() - t0);
  } finally {
    agent.destroy();
  }
}

/** `rate` requests a second for `seconds`, spread over the clients' sessions in turn. */
export async function openLoop(
  target: Target,
  { rate, seconds, clients }: { rate: number; seconds: number; clients: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  try {
    const schedule = openLoopSchedule(rate, seconds);
    const t0 = performance.now();
    for (const [i, due] of schedule.entries()) {
      const wait = t0 + due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(
        get(agent, target, i % clients).then(() => void latencies.push(performance.now() - t0 - due)),
      );
    }
    await Promise.all(inFlight);
    return summary(latencies, performance.now() - t0);
  } finally {
    agent.destroy();
  }
}

function summary(latencies: number[], ms: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: Math.round((sorted.length / ms) * 1000),
    p50: round1(percentile(sorted, 50)),
    p99: round1(percentile(sorted, 99)),
  };
}

/** One GET, read to the end; anything but 200 stops the bench with the answer in the message. */
function get(agent: Agent, { port, path, headers }: Target, k: number): Promise<void> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: headers(k) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (res.statusCode !== 200) chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        if (res.statusCode === 200) done();
        else
          fail(
            new Error(
              `GET ${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 500)}`,
            ),
          );
      });
    });
    // A kept-alive connection the server closed as it was reused: sent again (as node's docs advise).
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && error.code === 'ECONNRESET')
        get(agent, { port, path, headers }, k).then(done, fail);
      else fail(error);
    });
    req.end();
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
