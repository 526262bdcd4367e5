import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { clearCookie, readCookie, writeCookie } from '../http/cookies.ts';
import type { AppEnv } from '../http/env.ts';
import { OIDC_SIGN_IN_VALID_MS, type RelyingParty, type VerifiedIdentity } from '../services/access/oidc.ts';

// The browser's side of an OpenID Connect sign-in (services/access/oidc.ts), for every issuer's routes:
// the start sends the browser to the issuer with a random cookie that binds the attempt to it; the
// callback reads and clears that cookie and finishes the sign-in. The callback is a GET from the issuer
// (no CSRF token: state, the cookie, PKCE and the nonce protect it); SameSite=Lax sends the cookie on that
// top-level navigation.

/** Starts a sign-in at the issuer: 303 to its authorization endpoint. */
export async function redirectToIssuer(
  c: Context<AppEnv>,
  config: Config,
  rp: RelyingParty,
): Promise<Response> {
  const { url, browserToken } = await rp.start();
  writeCookie(c, config, 'oidc', browserToken, OIDC_SIGN_IN_VALID_MS / 1000);
  return c.redirect(url.href, 303);
}

/** Finishes a sign-in at the callback; OidcSignInFailed when anything is wrong. The cookie is cleared. */
export async function identityAtCallback(
  c: Context<AppEnv>,
  config: Config,
  rp: RelyingParty,
): Promise<VerifiedIdentity> {
  const browserToken = readCookie(c, config, 'oidc');
  clearCookie(c, config, 'oidc');
  return rp.finish(new URL(c.req.url), browserToken);
}
