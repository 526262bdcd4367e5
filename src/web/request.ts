import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { routePath } from 'hono/route';
import { Unauthenticated, type FieldErrors } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Actor } from '../services/context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { pageContext } from './context.ts';

// What the page routes ask of a request: who is logged in, from where, and a prefixed form's parts.

/** Pages that need a log-in: the actor, or a redirect to the log-in page via the error mapper. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Unauthenticated();
  return actor;
}

/** The access log's purpose: the route as registered ("GET /forloeb/:id/budget"), never the ids. */
export function purposeOf(c: Context<AppEnv>): string {
  return `${c.req.method} ${routePath(c)}`;
}

/** The client's address for throttling failed log-ins. Behind a proxy, the proxy's address. */
export function clientAddress(c: Context<AppEnv>): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}

/** A form's errors under the form's prefix ("pause.reason"); an error of the whole form goes to `first`. */
export function prefixed(fields: FieldErrors, prefix: string, first: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k === '_form' ? `${prefix}.${first}` : `${prefix}.${k}`, v]),
  );
}

/** The group of a prefixed form ("pause.…"), as the service's input. */
export function group(form: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const value = form[prefix];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** After a successful POST: 303 See Other, so reloading the next page does not post again. */
export function seeOther(c: Context<AppEnv>, location: string) {
  return c.redirect(location, 303);
}

/**
 * The notice of what was just done, named in the address after a 303 (`?besked=sendt`): its text in the
 * reader's language, or undefined when the address names none of `notices`.
 */
export function doneNotice(
  c: Context<AppEnv>,
  param: string,
  notices: Readonly<Record<string, MessageKey>>,
): string | undefined {
  const done = c.req.query(param);
  const key = done !== undefined && Object.hasOwn(notices, done) ? notices[done] : undefined;
  return key ? pageContext(c).t(key) : undefined;
}

/** A file to save (a CSV, a payment file, a JSON export), never kept in a cache. */
export function download(c: Context<AppEnv>, name: string, type: string, body: string): Response {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body);
}
