import type { Services } from '../../services/index.ts';
import type { WorkGroup } from '../../services/work/work-item.ts';
import type { ApiRegistry } from './registry.ts';
import { actorOf, addRead } from './route-helpers.ts';

// /api/v1/me/work: what waits for the caller, the front page's "Venter på dig" as JSON (spec: Work lists).

function workJson(groups: readonly WorkGroup[]) {
  return {
    groups: groups.map((g) => ({
      kind: g.kind,
      count: g.count,
      items: g.items.map((i) => ({
        kind: i.kind,
        key: i.key,
        since: i.since.toISOString(),
        href: i.href,
        caseId: i.caseId,
        caseNumber: i.caseNumber,
        ...(i.fourEyes === undefined ? {} : { fourEyes: i.fourEyes }),
        params: i.params,
      })),
    })),
  };
}

export function addWorkRoutes(api: ApiRegistry, services: Services): void {
  addRead(api, {
    path: '/me/work',
    tag: 'session',
    summary: 'What waits for the caller, by kind, oldest first',
    returns:
      'The groups of the caller’s role: each with its complete count and its oldest items (link, since when, ' +
      'the values of its sentence; amounts in øre as `amountOre`, dates as YYYY-MM-DD).',
    read: async (c, purpose) => workJson(await services.work.forActor(actorOf(c), purpose)),
  });
}
