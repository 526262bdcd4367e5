import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services/index.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  /**
   * Shuts down without losing a request: readiness answers 503 at once, connections the kernel has
   * already taken are still accepted for a moment, every request already sent is served (its response
   * closes the connection), idle connections are closed once they are quiet, and the database is closed
   * last. After `graceMs` whatever is still open is cut.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long a stopping server keeps accepting connections that reached the kernel before the stop. */
const ACCEPT_BACKLOG_MS = 200;
/** An idle connection is closed after this long without a byte, once the server is stopping. */
const QUIET_MS = 300;
const KEY_CLEANUP_MS = 3_600_000;

interface Tracked {
  inFlight: number;
  bytesRead: number;
  quietSince: number;
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
  const connections = trackConnections(server, () => draining);
  const cleanup = startKeyCleanup(services, logger);
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
        clearInterval(cleanup);
        const deadline = Date.now() + graceMs;
        // Let the event loop take the connections already waiting in the kernel's queue: closing the
        // listener would reset them.
        await new Promise((resolve) => setTimeout(resolve, ACCEPT_BACKLOG_MS));
        await new Promise((resolve) => setImmediate(resolve));
        // Stop listening without http.Server's close(), which would also cut connections whose
        // request has arrived but not yet been read.
        const closed = new Promise<void>((resolve) =>
          NetServer.prototype.close.call(server, () => resolve()),
        );
        const cut = await Promise.race([
          closed.then(() => false),
          connections.closeWhenQuiet(deadline).then(() => closed.then(() => false)),
          new Promise<boolean>((resolve) =>
            setTimeout(() => resolve(true), Math.max(0, deadline - Date.now())),
          ),
        ]);
        if (cut) {
          logger.warn('requests still running after the grace period; closing them');
          server.closeAllConnections();
        }
        await services.system.close();
      })();
      return stopping;
    },
  };
}

/**
 * Follows each connection: requests in flight, bytes read, quiet since when. While the server stops,
 * every response closes its connection, and `closeWhenQuiet` closes connections that have no request in
 * flight and have read nothing for QUIET_MS, checked after the event loop has polled for input.
 */
function trackConnections(server: Server, stopping: () => boolean) {
  const tracked = new Map<Socket, Tracked>();
  server.on('connection', (socket: Socket) => {
    tracked.set(socket, { inFlight: 0, bytesRead: 0, quietSince: Date.now() });
    socket.once('close', () => tracked.delete(socket));
  });
  server.on('request', (req, res: ServerResponse) => {
    const t = tracked.get(req.socket);
    if (!t) return;
    t.inFlight++;
    if (stopping()) res.setHeader('Connection', 'close');
    res.once('close', () => {
      t.inFlight--;
      t.quietSince = Date.now();
    });
  });

  function quiet(socket: Socket, t: Tracked, now: number): boolean {
    if (t.inFlight > 0 || socket.bytesRead !== t.bytesRead) {
      t.bytesRead = socket.bytesRead;
      t.quietSince = now;
      return false;
    }
    return now - t.quietSince >= QUIET_MS;
  }

  return {
    closeWhenQuiet(deadline: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          const now = Date.now();
          const candidates = [...tracked].filter(([socket, t]) => quiet(socket, t, now));
          // Decided in the timer phase, done after the poll phase: a request that arrived meanwhile wins.
          setImmediate(() => {
            for (const [socket, t] of candidates) if (quiet(socket, t, Date.now())) socket.destroy();
            if (tracked.size === 0 || Date.now() >= deadline) resolve();
            else setTimeout(check, 50);
          });
        };
        check();
      });
    },
  };
}

/** Removes expired idempotency keys at start and hourly; a failure is logged and tried next time. */
function startKeyCleanup(services: Services, logger: Logger): NodeJS.Timeout {
  const run = () =>
    services.commands.removeExpiredKeys().then(
      (removed) => {
        if (removed > 0) logger.info({ removed }, 'expired idempotency keys removed');
      },
      (err: unknown) => logger.warn({ err }, 'could not remove expired idempotency keys'),
    );
  void run();
  const timer = setInterval(() => void run(), KEY_CLEANUP_MS);
  timer.unref();
  return timer;
}
