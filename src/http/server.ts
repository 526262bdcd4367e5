import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services/index.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), closes the database. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServer(
  services: Services,
  config: Config,
  logger: Logger,
): Promise<RunningServer> {
  const app = createApp({ services, config, logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
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
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            logger.warn('requests still running after the grace period; closing them');
            if ('closeAllConnections' in server) server.closeAllConnections();
            resolve();
          }, graceMs);
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await services.system.close();
      })();
      return stopping;
    },
  };
}
