import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

// A strict CSP with a fresh nonce per response and no 'unsafe-inline' (conventions: Web pages),
// and the usual headers (OWASP Secure Headers). Pages are never cached: they hold personal data.
// `formTargets`: the origins outside our own a form may lead to, by a redirect after it is posted: the
// OpenID Connect issuers', where logging out continues (RP-initiated logout), which Chrome checks
// against form-action all along the redirects.
export function securityHeaders(
  secure: boolean,
  formTargets: readonly string[] = [],
): MiddlewareHandler<AppEnv> {
  const formAction = ["form-action 'self'", ...formTargets].join(' ');
  return async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (secure) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A style sheet, script, font or icon file (web/assets.ts) is no page: the headers that guard a
    // document would only weigh down each of a first visit's requests. Opened on its own, an SVG gets a
    // policy that runs nothing.
    if (c.req.path.startsWith('/static/') && c.res.ok) {
      h.set('Content-Security-Policy', "default-src 'none'");
      return;
    }
    h.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        formAction,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        ...(secure ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
    );
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
