import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Config } from '../config.ts';

// Cookies are HttpOnly, SameSite=Lax and Secure with the __Host- prefix (no Domain, Path=/); only plain
// http on localhost in development drops Secure and with it the prefix, since browsers refuse both there.

/** `oidc`: binds a started OpenID Connect sign-in to the browser that started it (services/access/oidc.ts). */
/** `signin`: a log-in waiting for its second step, between the password and the code (second-factor.ts). */
export type CookieName = 'session' | 'csrf' | 'lang' | 'oidc' | 'signin';

function cookieName(config: Config, name: CookieName): string {
  return config.secureCookies ? `__Host-bb_${name}` : `bb_${name}`;
}

function options(config: Config, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    ...(config.secureCookies ? { prefix: 'host' as const } : {}),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function readCookie(c: Context, config: Config, name: CookieName): string | undefined {
  return getCookie(c, cookieName(config, name));
}

export function writeCookie(
  c: Context,
  config: Config,
  name: CookieName,
  value: string,
  maxAgeSeconds?: number,
) {
  // With prefix 'host', hono adds "__Host-" itself, so pass the bare name.
  setCookie(
    c,
    config.secureCookies ? `bb_${name}` : cookieName(config, name),
    value,
    options(config, maxAgeSeconds),
  );
}

export function clearCookie(c: Context, config: Config, name: CookieName) {
  deleteCookie(c, config.secureCookies ? `bb_${name}` : cookieName(config, name), options(config));
}
