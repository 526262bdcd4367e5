import type { Context } from 'hono';
import {
  AcknowledgeConditionsInput,
  ActivateInput,
  AssignSupportInput,
  DatedInput,
  DatedReasonInput,
  IntakeInput,
  PauseInput,
  ReferInput,
  UpdateReferralInput,
} from '../../services/cases/case.schemas.ts';
import {
  FindCitizenInput,
  RegisterCitizenInput,
  UpdateCitizenInput,
} from '../../services/cases/citizen.schemas.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Services } from '../../services/index.ts';
import type { AppEnv } from '../env.ts';
import {
  caseDetailJson,
  caseListItemJson,
  caseOverviewJson,
  caseStepJson,
  citizenJson,
  citizenWithCasesJson,
  conditionsJson,
} from './case-serializers.ts';
import type { ApiRegistry, ApiRoute } from './registry.ts';

/** The case lists' orders (db: CASE_SORTS). */
const CASE_SORT_DOC =
  'nummer (case number, the default), navn (name), fase (phase), henvist (latest referral first).';
import { PAGE_QUERY, actorOf, addRead, pageHeaders, param } from './route-helpers.ts';

// /api/v1 for citizens and cases (spec: JSON API): the same services and authorisation as the pages, one
// service call per handler. The CPR number is never in a URL: search sends it in the body, and every
// answer shows it masked. Reads pass the route (e.g. 'GET /api/v1/cases/{id}') as the access log's purpose.

/** Registers the routes of citizens and cases. */
export function addCaseRoutes(api: ApiRegistry, services: Services): void {
  addCitizenRoutes(api, services);
  addCaseReadRoutes(api, services);
  addCaseChangeRoutes(api, services);
  addCaseStepRoutes(api, services);
}

function addCitizenRoutes(api: ApiRegistry, { citizens }: Services): void {
  api.add({
    method: 'post',
    path: '/citizens',
    tag: 'citizens',
    summary: 'Register a citizen with CPR number (coordinator); answers with the CPR number masked',
    body: RegisterCitizenInput,
    returns: 'The citizen.',
    status: 201,
    handler: async (c, body) => citizenJson(await citizens.register(actorOf(c), body)),
  });
  addRead(api, {
    method: 'post',
    path: '/citizens/search',
    tag: 'citizens',
    summary: 'Find a citizen of the municipality by CPR number, sent in the body (never in a URL)',
    body: FindCitizenInput,
    returns: 'The citizen and the cases the caller may open; 404 when there is none.',
    read: async (c, purpose, body) => {
      const found = await citizens.findByCpr(actorOf(c), body, purpose);
      if (!found) throw new NotFound();
      return citizenWithCasesJson(found);
    },
  });
  addRead(api, {
    path: '/citizens/{id}',
    tag: 'citizens',
    summary: 'One citizen (CPR number masked) with the cases the caller may open',
    returns: 'The citizen and cases.',
    read: async (c, purpose) => citizenWithCasesJson(await citizens.get(actorOf(c), param(c, 'id'), purpose)),
  });
  api.add({
    method: 'put',
    path: '/citizens/{id}',
    tag: 'citizens',
    summary: "Change a citizen's name and contact details (not the CPR number)",
    body: UpdateCitizenInput,
    returns: 'The citizen as saved.',
    handler: async (c, body) => citizenJson(await citizens.update(actorOf(c), param(c, 'id'), body)),
  });
}

/** The referral, and reading cases: the caseload, the overview, one case and its conditions. */
function addCaseReadRoutes(api: ApiRegistry, { cases }: Services): void {
  api.add({
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'Refer a citizen to a programme: a new case in phase referred (coordinator)',
    body: ReferInput,
    returns: 'The case id and state.',
    status: 201,
    handler: async (c, body) => caseStepJson(await cases.refer(actorOf(c), body)),
  });
  addRead(api, {
    path: '/cases',
    tag: 'cases',
    summary: "The caller's caseload: cases where they are the support person or coordinator",
    returns:
      'One page of cases with phase, days left and next step; the whole count in X-Total-Count, the next and previous pages in Link.',
    query: {
      ...PAGE_QUERY,
      sort: CASE_SORT_DOC,
      phase: 'Only this phase.',
      includeClosed: 'true: closed cases too.',
    },
    read: async (c, purpose) => {
      const page = await cases.caseload(actorOf(c), c.req.query(), purpose);
      pageHeaders(c, page);
      return page.items.map(caseListItemJson);
    },
  });
  addRead(api, {
    path: '/cases/overview',
    tag: 'cases',
    summary: "The municipality's cases (coordinator); overdue lead-ins flagged",
    returns: 'One page of cases (paging: page, limit, total, pages) and the counts per phase.',
    query: {
      ...PAGE_QUERY,
      sort: CASE_SORT_DOC,
      phase: 'Only this phase.',
      supportUserId: "A support person's id, or none.",
      overdueOnly: 'true: only lead-ins longer than the programme allows.',
      questionnairesOverdue: 'true: only cases with a questionnaire past its time.',
      includeClosed: 'true: closed cases too.',
    },
    read: async (c, purpose) => caseOverviewJson(await cases.overview(actorOf(c), c.req.query(), purpose)),
  });
  addRead(api, {
    path: '/cases/{id}',
    tag: 'cases',
    summary: 'One case with its support history, conditions acknowledgement, next step and timeline',
    returns: 'The case.',
    read: async (c, purpose) => caseDetailJson(await cases.detail(actorOf(c), param(c, 'id'), purpose)),
  });
  addRead(api, {
    path: '/cases/{id}/conditions',
    tag: 'cases',
    summary: "The conditions for the citizen, from the programme's rules, and the acknowledgement",
    returns: 'The conditions sheet.',
    read: async (c, purpose) => conditionsJson(await cases.conditions(actorOf(c), param(c, 'id'), purpose)),
  });
}

/** Changes of a case's records and team, each answered with 204. */
function addCaseChangeRoutes(api: ApiRegistry, { cases }: Services): void {
  const change = (
    path: string,
    summary: string,
    body: ApiRoute['body'],
    call: (c: Context<AppEnv>, body: unknown) => Promise<void>,
  ) =>
    api.add({
      method: 'put',
      path,
      tag: 'cases',
      summary,
      body,
      returns: 'Nothing.',
      status: 204,
      handler: call,
    });
  change('/cases/{id}/referral', 'Correct who referred the citizen and why', UpdateReferralInput, (c, b) =>
    cases.updateReferral(actorOf(c), param(c, 'id'), b),
  );
  change('/cases/{id}/intake', 'Record the intake baseline (with consent)', IntakeInput, (c, b) =>
    cases.updateIntake(actorOf(c), param(c, 'id'), b),
  );
  change(
    '/cases/{id}/support',
    'Assign or change the support person (coordinator)',
    AssignSupportInput,
    (c, b) => cases.assignSupport(actorOf(c), param(c, 'id'), b),
  );
  change(
    '/cases/{id}/conditions/acknowledgement',
    'Record that the citizen has acknowledged the conditions',
    AcknowledgeConditionsInput,
    (c, b) => cases.acknowledgeConditions(actorOf(c), param(c, 'id'), b),
  );
}

/** The steps of a case through its phases (spec: Phases); 409 when a step is not possible now. */
function addCaseStepRoutes(api: ApiRegistry, { cases }: Services): void {
  type Step = 'accept' | 'decline' | 'activate' | 'pause' | 'resume' | 'complete' | 'terminate';
  const step = (path: string, summary: string, body: NonNullable<ApiRoute['body']>, name: Step) =>
    api.add({
      method: 'post',
      path,
      tag: 'cases',
      summary,
      body,
      returns: 'The case id and its state after the step; 409 when the step is not possible now.',
      handler: async (c, b) => caseStepJson(await cases[name](actorOf(c), param(c, 'id'), b)),
    });
  api.add({
    method: 'post',
    path: '/cases/{id}/screening/start',
    tag: 'cases',
    summary: 'Start the screening (coordinator)',
    returns: 'The case id and its state after the step.',
    handler: async (c) => caseStepJson(await cases.startScreening(actorOf(c), param(c, 'id'))),
  });
  step('/cases/{id}/screening/accept', 'Accept at screening: the lead-in starts', DatedReasonInput, 'accept');
  step('/cases/{id}/screening/decline', 'Decline at screening: the case closes', DatedReasonInput, 'decline');
  step(
    '/cases/{id}/activate',
    'Start the period (support person and acknowledgement needed)',
    ActivateInput,
    'activate',
  );
  step('/cases/{id}/pause', 'Pause the case (prison, hospital stay …)', PauseInput, 'pause');
  step(
    '/cases/{id}/resume',
    'Resume a paused case; the end date moves by the paused days',
    DatedInput,
    'resume',
  );
  step('/cases/{id}/complete', 'Complete the case', DatedInput, 'complete');
  step('/cases/{id}/terminate', 'Terminate the case early, with a reason', DatedReasonInput, 'terminate');
}
