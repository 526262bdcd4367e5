import type { MiddlewareHandler } from 'hono';
import { readCookie } from '../cookies.ts';
import type { AppDeps, AppEnv } from '../env.ts';

/** Finds the actor behind the API token or session cookie, if any. Routes decide whether they need one. */
export function session({ services, config }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      // An API client: the token alone decides; a bad token leaves the request anonymous (401).
      c.set('actor', await services.apiTokens.authenticate(bearer, c.get('requestId')));
      return next();
    }
    const token = readCookie(c, config, 'session');
    if (token) {
      const found = await services.auth.authenticate(token, c.get('requestId'));
      if (found) {
        c.set('actor', found.actor);
        c.set('sessionToken', token);
        c.set('sessionExpiresAt', found.expiresAt);
      }
    }
    await next();
  };
}
