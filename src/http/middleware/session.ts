import type { MiddlewareHandler } from 'hono';
import type { Actor } from '../../services/context.ts';
import { readCookie } from '../cookies.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { commandInput, UNSAFE } from './command.ts';

/**
 * Finds the actor behind the API token or session cookie, if any; routes decide whether they need one.
 * A request with a credential runs in one transaction from here on (ADR 0011): the look-up, the session's
 * touch, the page's reads and their access-log rows, or the one command of a form post or API call. The
 * body of a post is read before it begins, so a slow upload never holds the database. `signIn`: the public
 * forms whose throttle must commit whatever happens (command.ts); their credential is looked up alone.
 */
export function session({ services, config }: AppDeps, signIn: readonly string[]): MiddlewareHandler<AppEnv> {
  const alone = new Set(signIn);
  return async (c, next) => {
    const requestId = c.get('requestId');
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = bearer === undefined ? readCookie(c, config, 'session') : undefined;
    const found = (actor: Actor | null, expiresAt: Date | null = null) => {
      c.set('actor', actor);
      if (actor && cookie) {
        c.set('sessionToken', cookie);
        c.set('sessionExpiresAt', expiresAt);
      }
    };
    if (alone.has(c.req.path)) {
      // An API client: the token alone decides; a bad token leaves the request anonymous (401).
      if (bearer) found(await services.apiTokens.authenticate(bearer, requestId));
      else if (cookie) {
        const s = await services.auth.authenticate(cookie, requestId);
        found(s?.actor ?? null, s?.expiresAt);
      }
      return next();
    }
    if (bearer === undefined && !cookie) return next();
    if (UNSAFE.has(c.req.method)) await commandInput(c);
    if (bearer) {
      return services.apiTokens.inRequest(bearer, requestId, async (s) => {
        found(s?.actor ?? null);
        await next();
      });
    }
    return services.auth.inSession(cookie ?? '', requestId, async (s) => {
      found(s?.actor ?? null, s?.expiresAt);
      await next();
    });
  };
}
