import { createCaseAssignmentService } from './case-assignment.service.ts';
import { createCaseDetailService } from './case-detail.service.ts';
import { createCaseLifecycleService } from './case-lifecycle.service.ts';
import { createCaseListService } from './case-list.service.ts';
import type { ServiceDeps } from '../context.ts';

// The case (forløb) use cases as one service for the adapters, written in four parts so each stays
// small: the lifecycle (referral to close), the team and agreements (support person, conditions,
// intake), the lists (caseload, overview) and the case page (detail, conditions sheet).
//
// Every method takes the actor first; a refusal for role, municipality or case assignment is NotFound.
// Reads take a `purpose` (the page or API route, e.g. 'GET /forloeb/:id') for the access log.

export function createCaseService(deps: ServiceDeps) {
  return {
    ...createCaseLifecycleService(deps),
    ...createCaseAssignmentService(deps),
    ...createCaseListService(deps),
    ...createCaseDetailService(deps),
  };
}
