import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services/index.ts';
import { createApp } from './app.ts';
import { startMailJobs } from './mail-jobs.ts';
import { repeat, type RepeatedJob } from './repeat.ts';

export interface RunningServer {
  url: string;
  /**
   * Shuts down without losing a request: readiness answers 503 at once (the load balancer stops sending),
   * every request that reaches the server is served, connections and at last the listener are closed
   * once quiet, and the database is closed last. After `graceMs` whatever is still open is cut.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A stopping server closes a connection, and at last stops listening, once it has been without work for
 * this long and for QUIET_ROUNDS turns of the event loop. Wall time alone is not enough: a process that
 * was stopped or starved of CPU has read nothing for a long time without anything being quiet.
 */
const QUIET_MS = 300;
const QUIET_ROUNDS = 3;
const HOURLY_MS = 3_600_000;

interface Tracked {
  inFlight: number;
  bytesRead: number;
  quietSince: number;
  quietRounds: number;
}

export async function startServer(
  services: Services,
  config: Config,
  logger: Logger,
): Promise<RunningServer> {
  let draining = false;
  const app = createApp({ services, config, logger, draining: () => draining });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    );
  });
  const connections = trackConnections(server);
  const jobs = [startHourlyJobs(services, logger, config), startMailJobs(services, logger, config)];
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url =
    config.baseUrl.port === String(port) || config.port !== 0
      ? config.baseUrl.origin
      : `http://localhost:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        draining = true;
        const jobsStopped = Promise.all(jobs.map((job) => job.stop()));
        const cut = !(await connections.drain(Date.now() + graceMs));
        if (cut) {
          logger.warn('requests still running after the grace period; closing them');
          server.closeAllConnections();
        }
        await jobsStopped;
        await services.system.close();
      })();
      return stopping;
    },
  };
}

/**
 * Follows each connection (requests in flight, bytes read, when it was last busy), so that a stopping
 * server loses nothing. `drain` keeps accepting while anything is going on — a client may still open a
 * connection for a request it queued before the stop, and connections the kernel took while the process
 * was busy must not be reset — and stops listening once all has been quiet (QUIET_MS, QUIET_ROUNDS). Meanwhile
 * open connections go on being served and each is closed once it is quiet. Quiet is judged after the
 * event loop has polled for input, so a request that has just arrived wins.
 */
function trackConnections(server: Server) {
  const tracked = new Map<Socket, Tracked>();
  let lastBusy = Date.now();
  server.on('connection', (socket: Socket) => {
    lastBusy = Date.now();
    tracked.set(socket, { inFlight: 0, bytesRead: 0, quietSince: lastBusy, quietRounds: 0 });
    socket.once('close', () => tracked.delete(socket));
  });
  server.on('request', (req, res: ServerResponse) => {
    const t = tracked.get(req.socket);
    if (!t) return;
    t.inFlight++;
    res.once('close', () => {
      t.inFlight--;
      t.quietSince = lastBusy = Date.now();
    });
  });

  /** One round of the drain, after the event loop has polled for input: is the socket still quiet? */
  function quiet(socket: Socket, t: Tracked, now: number): boolean {
    if (t.inFlight > 0 || socket.bytesRead !== t.bytesRead) {
      t.bytesRead = socket.bytesRead;
      t.quietSince = lastBusy = now;
      t.quietRounds = 0;
      return false;
    }
    t.quietRounds++;
    return t.quietRounds >= QUIET_ROUNDS && now - t.quietSince >= QUIET_MS;
  }

  return {
    /** Resolves true once every connection is closed and the server no longer listens; false at `deadline`. */
    drain(deadline: number): Promise<boolean> {
      let listening = true;
      let quietRounds = 0;
      let busyAt = lastBusy;
      return new Promise((resolve) => {
        // Each round runs after the event loop has polled for input (setImmediate after a timer), so
        // a request that has just arrived is read first and wins.
        const round = () => {
          const now = Date.now();
          for (const [socket, t] of tracked) if (quiet(socket, t, now)) socket.destroy();
          quietRounds = lastBusy === busyAt ? quietRounds + 1 : 0;
          busyAt = lastBusy;
          if (listening && quietRounds >= QUIET_ROUNDS && now - lastBusy >= QUIET_MS) {
            listening = false;
            // Not http.Server's close(): it would also cut connections whose request is not yet read.
            NetServer.prototype.close.call(server);
          }
          if (!listening && tracked.size === 0) resolve(true);
          else if (now >= deadline) {
            if (listening) NetServer.prototype.close.call(server);
            resolve(false);
          } else setTimeout(() => setImmediate(round), 50);
        };
        setImmediate(round);
      });
    },
  };
}

/**
 * The hourly jobs, also run at start: expired idempotency keys removed, vouchers past their last day
 * ended (their reservation released), the closed cases past their retention period anonymised, and,
 * with BACKUP_DIR, the day's backup. Each is safe to run in several processes at once: a key is deleted
 * once, a voucher is ended under its case's lock after a fresh look, the retention's and the backup's
 * day are each claimed by one process. A failure is logged and tried next time.
 */
function startHourlyJobs(services: Services, logger: Logger, config: Config): RepeatedJob {
  const run = async () => {
    await services.commands.removeExpiredKeys().then(
      (removed) => {
        if (removed > 0) logger.info({ removed }, 'expired idempotency keys removed');
      },
      (err: unknown) => logger.warn({ err }, 'could not remove expired idempotency keys'),
    );
    await services.vouchers.expireOverdue().then(
      (ended) => {
        if (ended > 0) logger.info({ ended }, 'expired vouchers ended, their reservations released');
      },
      (err: unknown) => logger.warn({ err }, 'could not end expired vouchers'),
    );
    // Closed cases past their retention period anonymised, once a day across processes (the service
    // keeps the day); counts only, never a case's data.
    await services.retention.runDue().then(
      ({ ran, anonymised, failed }) => {
        if (ran) logger.info({ anonymised, failed }, 'retention run: closed cases anonymised');
      },
      (err: unknown) => logger.warn({ err }, 'could not run the retention; trying again in an hour'),
    );
    // The daily backup (operations: Backup and restore), by whichever process comes first that day.
    const { backupDir, backupPassphrase } = config;
    if (backupDir && backupPassphrase) {
      await services.backups.runDaily({ dir: backupDir, passphrase: backupPassphrase }).then(
        (written) => {
          if (written) logger.info({ file: written.file, bytes: written.bytes }, 'daily backup written');
        },
        (err: unknown) => logger.warn({ err }, 'could not write the daily backup; trying again in an hour'),
      );
    }
  };
  return repeat(run, {
    everyMs: HOURLY_MS,
    firstAfterMs: 0,
    onError: (err) => logger.warn({ err }, 'the hourly jobs failed'),
  });
}
