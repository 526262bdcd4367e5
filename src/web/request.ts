import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Unauthenticated, type FieldErrors } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Actor } from '../services/context.ts';

// What the page routes ask of a request: who is logged in, from where, and a prefixed form's parts.

/** Pages that need a log-in: the actor, or a redirect to the log-in page via the error mapper. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Unauthenticated();
  return actor;
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
