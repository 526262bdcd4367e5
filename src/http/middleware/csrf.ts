import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { safeEqual } from '../../services/access/tokens.ts';
import { readCookie, writeCookie } from '../cookies.ts';
import { readForm, text } from '../form.ts';
import type { AppDeps, AppEnv } from '../env.ts';

// CSRF protection on every unsafe request (ASVS 5.0 §3.5): the Origin (or Sec-Fetch-Site) must be our
// own, and a form must carry a token derived from a random cookie with the server's secret, which another
// site can neither read nor compute. SameSite=Lax cookies are a third layer.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_FIELD = '_csrf';
const CSRF_HEADER = 'x-csrf-token';

export class CsrfRejected extends Error {
  constructor(readonly reason: string) {
    super(`CSRF check failed: ${reason}`);
  }
}

/**
 * `issuerCalls`: the paths an identity provider's server posts to (OpenID Connect back-channel logout):
 * no browser, no cookie, no token; what they post is a token signed by the issuer, checked by the route.
 */
export function csrf({ config }: AppDeps, issuerCalls: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const exempt = new Set(issuerCalls);
  const sign = (seed: string) =>
    createHmac('sha256', config.sessionSecret).update(`csrf:${seed}`).digest('base64url');
  return async (c, next) => {
    let seed = readCookie(c, config, 'csrf');
    if (!seed || !/^[A-Za-z0-9_-]{43}$/.test(seed)) {
      seed = randomBytes(32).toString('base64url');
      writeCookie(c, config, 'csrf', seed);
    }
    const expected = sign(seed);
    c.set('csrfToken', expected);
    // API clients with a bearer token send no cookies, so there is nothing to forge. Nor is there in an
    // API call with no session cookie: it is anonymous, and every API route answers it with 401.
    const anonymousApi = c.req.path.startsWith('/api/') && !readCookie(c, config, 'session');
    if (UNSAFE.has(c.req.method) && !isBearer(c) && !anonymousApi && !exempt.has(c.req.path)) {
      const originProblem = checkOrigin(c, config.baseUrl.origin);
      if (originProblem) throw new CsrfRejected(originProblem);
      const given = c.req.header(CSRF_HEADER) ?? (await formToken(c));
      if (!given || !safeEqual(given, expected)) throw new CsrfRejected('missing or wrong token');
    }
    await next();
  };
}

function isBearer(c: Context): boolean {
  return /^Bearer\s/i.test(c.req.header('authorization') ?? '');
}

function checkOrigin(c: Context, ownOrigin: string): string | null {
  const origin = c.req.header('origin');
  if (origin) return origin === ownOrigin ? null : `cross-origin request from ${origin}`;
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? null : `sec-fetch-site ${site}`;
  const referer = c.req.header('referer');
  if (referer) return safeOrigin(referer) === ownOrigin ? null : 'cross-origin referer';
  return null; // no browser signal at all (a script): the token decides
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function formToken(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return undefined;
  }
  return text(await readForm(c), CSRF_FIELD) || undefined;
}
