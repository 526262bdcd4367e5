import type { Context } from 'hono';
import { NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import type { Actor } from '../../services/context.ts';

/**
 * The portal's pages are the citizen's: not logged in → the log-in page (as requireActor); logged in
 * as staff → NotFound, exactly as a page that does not exist (spec: Own case only).
 */
export function requireCitizen(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'citizen') throw new NotFound();
  return actor;
}
