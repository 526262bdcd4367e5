import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../env.ts';

// A request id on every request (echoed in X-Request-Id and shown on error pages), and one JSON log
// line per request: method, route, status, time, user id. Never the query string, body or cookies.
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('actor', null);
    c.set('sessionToken', null);
    c.set('sessionExpiresAt', null);
    c.set('csrfToken', '');
    c.set('lang', 'da');
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    if (c.req.path.startsWith('/static/')) return;
    logger.info({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      userId: c.get('actor')?.userId,
    });
  };
}
