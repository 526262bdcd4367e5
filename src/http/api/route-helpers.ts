import type { Context } from 'hono';
import { NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { Actor } from '../../services/context.ts';
import type { AppEnv } from '../env.ts';
import type { ApiRegistry, ApiRoute } from './registry.ts';

// What every group of /api/v1 routes uses: who calls, a path parameter, and a read that names its purpose.

export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Unauthenticated();
  // The API is for staff and their systems; a citizen uses the portal's pages. Their session
  // gets the answer for something that does not exist (spec: JSON API; spec: Authorisation).
  if (actor.role === 'citizen') throw new NotFound();
  return actor;
}

export function param(c: Context<AppEnv>, name: string): string {
  return c.req.param(name) ?? '';
}

/** A read: the handler gets the purpose for the access log, made from the route itself. */
export type ReadRoute = Omit<ApiRoute, 'method' | 'handler'> & {
  method?: 'get' | 'post';
  read: (c: Context<AppEnv>, purpose: string, body: unknown) => Promise<unknown>;
};

export function addRead(api: ApiRegistry, { read, method = 'get', ...route }: ReadRoute): void {
  const purpose = `${method.toUpperCase()} /api/v1${route.path}`;
  api.add({ ...route, method, handler: (c, body) => read(c, purpose, body) });
}
