import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { contextStorage } from 'hono/context-storage';
import { serveStatic } from '@hono/node-server/serve-static';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment-file.ts';
import { AppError, NotFound, Unavailable } from '../domain/errors.ts';
import { APP_PREFIX, DKFDS_DIST_DIR, DKFDS_PREFIX } from '../web/assets.ts';
import { renderNotFound, renderPageError } from '../web/errors.tsx';
import { translator } from '../i18n/index.ts';
import { registerWebRoutes, SIGN_IN_FORMS } from '../web/routes.tsx';
import { requestLang } from '../http/lang.ts';
import { apiError, createApiApp } from '../http/api/v1.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { csrf, CsrfRejected } from '../http/middleware/csrf.ts';
import { commands } from '../http/middleware/command.ts';
import { inputHygiene } from '../http/middleware/input-hygiene.ts';
import { requestContext } from '../http/middleware/request-context.ts';
import { securityHeaders } from '../http/middleware/security-headers.ts';
import { session } from '../http/middleware/session.ts';

// serveStatic takes paths relative to the working directory.
const DKFDS_DIST = relative(process.cwd(), DKFDS_DIST_DIR);
const APP_STATIC = relative(process.cwd(), fileURLToPath(new URL('../web/static/', import.meta.url)));

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { services, config, logger } = deps;
  const app = new Hono<AppEnv>();

  app.use(requestContext(logger));
  // A form refused in place reaches its request's context through this (web/form-route.ts).
  app.use(contextStorage());
  // The language first, so that even a refused upload is answered in the reader's language.
  app.use(async (c, next) => {
    c.set('lang', requestLang(c, config));
    await next();
  });
  app.use(securityHeaders(config.secureCookies));
  app.use(inputHygiene());
  // Request bodies are read before anything else looks at them: a form or an API call is small; only a
  // multipart upload carries a file (an attachment, up to 10 MB).
  const formLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: tooLarge });
  app.use((c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
      ? uploadLimit(c, next)
      : formLimit(c, next),
  );

  serveAssets(app);

  // Health: the process is up. Readiness: it can reach its database (a load balancer stops sending
  // requests to a process that answers 503 here).
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (deps.draining?.()) return c.json({ status: 'shutting down' }, 503);
    if (await services.system.ping()) return c.json({ status: 'ready' });
    c.header('Retry-After', String(new Unavailable().retryAfterSeconds));
    return c.json({ status: 'database unreachable' }, 503);
  });

  app.use(session(deps));
  app.use(csrf(deps));
  app.use(commands(deps, SIGN_IN_FORMS));

  app.route('/api/v1', createApiApp(deps));
  registerWebRoutes(app, deps);

  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiError(c, new NotFound()) : renderNotFound(c)));
  app.onError((error, c) => {
    if (!(error instanceof AppError) && !(error instanceof CsrfRejected)) {
      logger.error({ requestId: c.get('requestId'), err: error }, 'request failed');
    } else if (error instanceof Unavailable) {
      logger.warn({ requestId: c.get('requestId') }, 'database unavailable; answered 503');
    } else if (error instanceof CsrfRejected) {
      logger.warn({ requestId: c.get('requestId'), reason: error.reason }, 'csrf rejected');
    }
    return c.req.path.startsWith('/api/') ? apiError(c, error) : renderPageError(c, error);
  });
  return app;
}

/** DKFDS's files and the app's own, compressed and cached. */
function serveAssets(app: Hono<AppEnv>): void {
  // Style sheets and scripts go compressed (DKFDS's 290 KB become about 50 KB on a phone's connection).
  // Pages are not: they carry the CSRF token beside what the user typed (BREACH).
  app.use(`${DKFDS_PREFIX}/*`, compress());
  app.use(`${APP_PREFIX}/*`, compress());
  app.use(
    `${DKFDS_PREFIX}/*`,
    serveStatic({
      root: DKFDS_DIST,
      rewriteRequestPath: (path) => path.slice(DKFDS_PREFIX.length),
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use(
    `${APP_PREFIX}/*`,
    serveStatic({
      root: APP_STATIC,
      rewriteRequestPath: (path) => path.slice(APP_PREFIX.length),
      onFound: (_path, c) => c.header('Cache-Control', 'no-cache'),
    }),
  );
}

function tooLarge(c: Context<AppEnv>): Response {
  return c.text(translator(c.get('lang'))('error.tooLarge'), 413);
}
