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

/** The query of every list (spec: Lists), for the OpenAPI document; a list adds its own filters. */
export const PAGE_QUERY: Record<string, string> = {
  page: 'The page, from 1 (default 1; past the last page, the last page).',
  limit: 'Rows on a page, 1 to 100 (default 50).',
  sort: "The order: one of the list's sort codes (default the first).",
  q: 'Search text: a name or a number; a CPR number is refused.',
};

/**
 * A list answered as a bare array (kept so for older clients): its paging in headers instead,
 * X-Total-Count and a Link to the next and previous pages (RFC 8288).
 */
export function pageHeaders(
  c: Context<AppEnv>,
  p: { page: number; size: number; total: number; pages: number },
): void {
  c.header('X-Total-Count', String(p.total));
  const link = (page: number, rel: string) => {
    const url = new URL(c.req.url);
    url.searchParams.set('page', String(page));
    url.searchParams.set('limit', String(p.size));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [
    ...(p.page > 1 ? [link(p.page - 1, 'prev')] : []),
    ...(p.page < p.pages ? [link(p.page + 1, 'next')] : []),
  ];
  if (links.length > 0) c.header('Link', links.join(', '));
}
