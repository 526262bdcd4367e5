import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment-file.ts';
import { AppError, NotFound, Unavailable } from '../domain/errors.ts';
import { serveAsset } from '../web/assets.ts';
import { renderNotFound, renderPageError } from '../web/errors.tsx';
import { translator } from '../i18n/index.ts';
import { ISSUER_CALLS, OWN_SIGN_IN_FORMS, registerWebRoutes, SIGN_IN_FORMS } from '../web/routes.tsx';
import { requestLang } from '../http/lang.ts';
import { apiError, createApiApp } from '../http/api/v1.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { csrf, CsrfRejected } from '../http/middleware/csrf.ts';
import { commands } from '../http/middleware/command.ts';
import { inputHygiene } from '../http/middleware/input-hygiene.ts';
import { requestContext } from '../http/middleware/request-context.ts';
import { securityHeaders } from '../http/middleware/security-headers.ts';
import { session } from '../http/middleware/session.ts';

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
  // Logging out of a session from the municipality's log-in continues at its issuer (web/staff-sso.routes.tsx).
  // A log-out ends at the issuer too (RP-initiated logout): the log-out form's redirect goes there.
  const issuerOrigins = [config.oidc.staff, config.oidc.citizen].flatMap((i) => (i ? [i.issuer.origin] : []));
  app.use(securityHeaders(config.secureCookies, issuerOrigins));
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

  // DKFDS's files and the app's own, under fingerprinted URLs (web/assets.ts).
  app.get('/static/*', serveAsset);

  // Health: the process is up. Readiness: it can reach its database (a load balancer stops sending
  // requests to a process that answers 503 here).
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (deps.draining?.()) return c.json({ status: 'shutting down' }, 503);
    if (await services.system.ping()) return c.json({ status: 'ready' });
    c.header('Retry-After', String(new Unavailable().retryAfterSeconds));
    return c.json({ status: 'database unreachable' }, 503);
  });

  app.use(session(deps, SIGN_IN_FORMS));
  app.use(csrf(deps, ISSUER_CALLS));
  app.use(commands(deps, SIGN_IN_FORMS, OWN_SIGN_IN_FORMS));

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

function tooLarge(c: Context<AppEnv>): Response {
  return c.text(translator(c.get('lang'))('error.tooLarge'), 413);
}
