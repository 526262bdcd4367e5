import type { Actor } from '../../src/services/context.ts';
import type { TestContext } from '../setup/test-db.ts';
import { caseIn, programmeOf, registerCitizen, testCpr } from './case-factory.ts';

// The API authorisation matrix of issues 3 and 4: one row per API route of cases, citizens, money and
// finance, with the case (and purchase request) it needs, a body that is valid for those who may call
// it, and who they are. Everyone else gets 404 (exactly like a case that does not exist), a caller
// without a token 401.

export const WHO = [
  'support assigned',
  'support not assigned',
  'coordinator',
  'finance',
  'admin',
  'evaluator',
  "other municipality's coordinator",
  'no token',
] as const;
export type Who = (typeof WHO)[number];

/** The case a row needs: a phase of case-factory, 'unassigned' (a lead-in without support) or none. */
export type Fixture =
  'none' | 'referred' | 'screening' | 'unassigned' | 'lead_in' | 'ready' | 'active' | 'paused';

export interface Prepared {
  caseId: string;
  citizenId: string;
  cpr: string;
  goalId: string;
  subGoalId: string;
  activityId: string;
  ideaId: string;
  programmeId: string;
  supportUserId: string;
  /** A vendor of the municipality (rows with `vendor`, and every purchase request). */
  vendorId: string;
  /** A purchase request of 500 kr. by bank transfer on the case (rows with `request`). */
  requestId: string;
  /** A quote attached to the request (`request: 'attachment'`). */
  attachmentId: string;
  /** A payment file holding the request (`request: 'batch'`). */
  batchId: string;
}

/** How far the row's purchase request has come; 'attachment' and 'batch' are approved ones. */
export type RequestFixture =
  'draft' | 'confirmed' | 'submitted' | 'approved' | 'paid' | 'attachment' | 'batch';

export interface RouteRow {
  fixture: Fixture;
  /** Also a goal (without sub-goals), a sub-goal with an activity, and an idea. */
  plan?: boolean;
  /** Also a vendor on the municipality's list. */
  vendor?: boolean;
  /** Also a purchase request on the case (a granted active case), this far along. */
  request?: RequestFixture;
  /** A JSON body, or a multipart form (an upload). */
  body?: (p: Prepared) => unknown;
  /** The status of success. */
  ok: 200 | 201 | 204;
  allowed: readonly Who[];
  /** Other exact answers: another municipality's coordinator works in their own municipality. */
  other?: number;
}

const WORK = ['support assigned', 'coordinator'] as const;
const MANAGE = ['coordinator'] as const;
const FINANCE = ['finance'] as const;
/** Not tied to a case: every support person of the municipality. */
const STAFF_OF_CASES = ['support assigned', 'support not assigned', 'coordinator'] as const;
const reason = { reason: 'Begrundelse til test.' };
const active = (ok: RouteRow['ok'], body?: RouteRow['body'], plan = false): RouteRow => ({
  fixture: 'active',
  ok,
  allowed: WORK,
  body,
  plan,
});

export const ROUTES: Record<string, RouteRow> = {
  'POST /citizens': {
    fixture: 'none',
    ok: 201,
    allowed: MANAGE,
    other: 201,
    body: () => ({ cpr: testCpr(), name: 'Ny Borger' }),
  },
  'POST /citizens/search': { fixture: 'none', ok: 200, allowed: MANAGE, body: (p) => ({ cpr: p.cpr }) },
  'GET /citizens/{id}': active(200),
  'PUT /citizens/{id}': active(200, () => ({ name: 'Nyt Navn' })),
  'POST /cases': {
    fixture: 'none',
    ok: 201,
    allowed: MANAGE,
    other: 422,
    body: (p) => ({
      citizenId: p.citizenId,
      programmeId: p.programmeId,
      source: 'jobcenter',
      reason: 'Test.',
    }),
  },
  'GET /cases': {
    fixture: 'none',
    ok: 200,
    allowed: ['support assigned', 'support not assigned', 'coordinator'],
    other: 200,
  },
  'GET /cases/overview': { fixture: 'none', ok: 200, allowed: MANAGE, other: 200 },
  'GET /cases/{id}': active(200),
  'GET /cases/{id}/conditions': active(200),
  'PUT /cases/{id}/referral': active(204, () => ({ source: 'self', reason: 'Rettet begrundelse.' })),
  'PUT /cases/{id}/intake': active(204, () => ({ baselineConsent: true, targetGroups: [] })),
  'PUT /cases/{id}/support': {
    fixture: 'unassigned',
    ok: 204,
    allowed: MANAGE,
    body: (p) => ({ supportUserId: p.supportUserId }),
  },
  'PUT /cases/{id}/conditions/acknowledgement': {
    fixture: 'lead_in',
    ok: 204,
    allowed: WORK,
    body: () => ({ method: 'in_person' }),
  },
  'POST /cases/{id}/screening/start': { fixture: 'referred', ok: 200, allowed: MANAGE },
  'POST /cases/{id}/screening/accept': { fixture: 'screening', ok: 200, allowed: MANAGE, body: () => reason },
  'POST /cases/{id}/screening/decline': {
    fixture: 'screening',
    ok: 200,
    allowed: MANAGE,
    body: () => reason,
  },
  'POST /cases/{id}/activate': { fixture: 'ready', ok: 200, allowed: WORK, body: () => ({}) },
  'POST /cases/{id}/pause': active(200, () => reason),
  'POST /cases/{id}/resume': { fixture: 'paused', ok: 200, allowed: WORK, body: () => ({}) },
  'POST /cases/{id}/complete': active(200, () => ({})),
  'POST /cases/{id}/terminate': active(200, () => reason),
  'GET /cases/{id}/plan': active(200, undefined, true),
  'GET /cases/{id}/plan/history': active(200, undefined, true),
  'PUT /cases/{id}/plan/dream': active(204, () => ({ dream: 'At få et arbejde.' })),
  'POST /cases/{id}/plan/goals': active(201, () => ({ description: 'Mål', categories: ['health'] })),
  'PUT /cases/{id}/plan/goals/{goalId}': active(
    204,
    () => ({ description: 'Mål 2', categories: ['housing'] }),
    true,
  ),
  'DELETE /cases/{id}/plan/goals/{goalId}': active(204, undefined, true),
  'POST /cases/{id}/plan/sub-goals': active(201, () => ({ description: 'Delmål' })),
  'PUT /cases/{id}/plan/sub-goals/{subGoalId}': active(
    204,
    () => ({ description: 'Delmål', status: 'in_progress' }),
    true,
  ),
  'POST /cases/{id}/plan/sub-goals/{subGoalId}/activities': active(
    201,
    () => ({ description: 'Cykel', estimatedCostKr: 1500.5 }),
    true,
  ),
  'PUT /cases/{id}/plan/activities/{activityId}': active(204, () => ({ description: 'Brugt cykel' }), true),
  'DELETE /cases/{id}/plan/activities/{activityId}': active(204, undefined, true),
  'POST /cases/{id}/plan/ideas': active(201, () => ({ text: 'Idé' })),
  'PUT /cases/{id}/plan/ideas/{ideaId}': active(204, () => ({ text: 'Idé', status: 'chosen' }), true),
  'DELETE /cases/{id}/plan/ideas/{ideaId}': active(204, undefined, true),
  'GET /cases/{id}/budget': active(200),
  'POST /cases/{id}/grants': {
    fixture: 'active',
    ok: 204,
    allowed: MANAGE,
    body: () => ({ amountKr: '1000' }),
  },
  'POST /cases/{id}/purchase-requests': {
    ...active(201, (p) => ({
      title: 'Cykel',
      purpose: 'Til praktikken',
      amountKr: '1500',
      category: 'transport',
      vendorId: p.vendorId,
      paymentMethod: 'invoice',
    })),
    vendor: true,
  },
  'GET /cases/{id}/notes': active(200),
  'GET /cases/{id}/questionnaires': active(200),
  // The support person answers; the coordinator only reads (spec: Who answers).
  'PUT /cases/{id}/questionnaires/{instrument}': {
    fixture: 'active',
    ok: 200,
    allowed: ['support assigned'],
    body: () => ({ answers: { distance: 'far', who5_1: 3 }, complete: false }),
  },
  'POST /cases/{id}/notes': active(201, () => ({ body: 'Opfølgning.', internal: true })),
  'POST /purchase-requests/{id}/confirm': request('draft', 204, WORK, () => ({ how: 'in_person' })),
  'POST /purchase-requests/{id}/submit': request('confirmed', 204, WORK),
  'POST /purchase-requests/{id}/approve': request('submitted', 204, WORK),
  'POST /purchase-requests/{id}/reject': request('submitted', 204, WORK, () => reason),
  'POST /purchase-requests/{id}/cancel': request('submitted', 204, WORK, () => reason),
  'POST /purchase-requests/{id}/payments': request('approved', 204, FINANCE, () => ({ reference: 'M-1' })),
  'POST /purchase-requests/{id}/refunds': request('paid', 204, FINANCE, () => ({
    amountKr: '100',
    reference: 'K-1',
  })),
  'POST /purchase-requests/{id}/attachments': request('approved', 201, [...WORK, 'finance'], () =>
    quoteUpload(),
  ),
  'GET /attachments/{id}': request('attachment', 200, [...WORK, 'finance']),
  'GET /vendors': { fixture: 'none', ok: 200, allowed: [...STAFF_OF_CASES, 'finance'], other: 200 },
  'POST /vendors': {
    fixture: 'none',
    ok: 201,
    allowed: ['coordinator', 'finance'],
    other: 201,
    body: () => ({ name: 'Matrix Møbler' }),
  },
  'GET /payments': { fixture: 'none', ok: 200, allowed: FINANCE },
  'GET /payments/{id}': request('approved', 200, FINANCE),
  'GET /postings': { fixture: 'none', ok: 200, allowed: FINANCE },
  'GET /bookkeeping': { fixture: 'none', ok: 200, allowed: FINANCE },
  'GET /payment-files': { fixture: 'none', ok: 200, allowed: FINANCE },
  'POST /payment-files': request('approved', 201, FINANCE, (p) => ({ requestIds: [p.requestId] })),
  'GET /payment-files/{id}/file': request('batch', 200, FINANCE),
  'POST /payment-files/{id}/sent': request('batch', 204, FINANCE, () => ({})),
  // The evaluation report: the coordinator's own municipality, the evaluator's anonymised national one.
  'GET /report': { fixture: 'none', ok: 200, allowed: ['coordinator', 'evaluator'], other: 200 },
  'GET /report/{figure}': { fixture: 'none', ok: 200, allowed: ['coordinator', 'evaluator'], other: 200 },
};

function request(
  fixture: RequestFixture,
  ok: RouteRow['ok'],
  allowed: readonly Who[],
  body?: RouteRow['body'],
): RouteRow {
  return { fixture: 'active', request: fixture, ok, allowed, body };
}

/** A multipart form with a small PDF quote. */
function quoteUpload(): FormData {
  const form = new FormData();
  form.set('kind', 'quote');
  form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n% matrix\n')], 'tilbud.pdf'));
  return form;
}

export function expectedStatus(row: RouteRow, who: Who): number {
  if (who === 'no token') return 401;
  if (row.allowed.includes(who)) return row.ok;
  if (who === "other municipality's coordinator" && row.other !== undefined) return row.other;
  return 404;
}

/** A fresh case (and plan) for a row, made through the services. */
export async function prepare(
  t: TestContext,
  row: RouteRow,
  who: { coordinator: Actor; support: Actor; finance: Actor },
): Promise<Prepared> {
  const { coordinator, support } = who;
  const programmeId = await programmeOf(t, coordinator);
  const cpr = testCpr();
  const none = {
    ...{ caseId: '', goalId: '', subGoalId: '', activityId: '', ideaId: '' },
    ...{ programmeId, cpr, supportUserId: support.userId },
    vendorId:
      row.vendor || row.request
        ? await t.services.budgets.addVendor(coordinator, {
            name: 'Cykelsmeden',
            bankRegistration: '1234',
            bankAccount: '0012345678',
          })
        : '',
    ...{ requestId: '', attachmentId: '', batchId: '' },
  };
  if (row.fixture === 'none') {
    const citizen = await registerCitizen(t, coordinator, { cpr });
    return { ...none, citizenId: citizen.id };
  }
  const unassigned = row.fixture === 'unassigned';
  const phase = row.fixture === 'unassigned' ? 'screening' : row.fixture;
  const { caseId, citizenId } = await caseIn(t, phase, who);
  if (unassigned) await t.services.cases.accept(coordinator, caseId, reason);
  const prepared = { ...none, caseId, citizenId };
  if (row.request)
    return { ...prepared, ...(await purchase(t, row.request, caseId, prepared.vendorId, who)) };
  if (!row.plan) return prepared;
  const plans = t.services.plans;
  const goalId = await plans.addGoal(support, caseId, { description: 'Mål', categories: ['health'] });
  const subGoalId = await plans.addSubGoal(support, caseId, { description: 'Delmål' });
  const activityId = await plans.addActivity(support, caseId, subGoalId, { description: 'Aktivitet' });
  const ideaId = await plans.addIdea(support, caseId, { text: 'Idé' });
  return { ...prepared, goalId, subGoalId, activityId, ideaId };
}

const STEPS: RequestFixture[] = ['draft', 'confirmed', 'submitted', 'approved', 'paid'];

/** A purchase request of 500 kr. on a case granted 5.000 kr., taken as far as the fixture says. */
async function purchase(
  t: TestContext,
  fixture: RequestFixture,
  caseId: string,
  vendorId: string,
  { coordinator, support, finance }: { coordinator: Actor; support: Actor; finance: Actor },
): Promise<Pick<Prepared, 'requestId' | 'attachmentId' | 'batchId'>> {
  const { budgets, purchases, payments, attachments } = t.services;
  await budgets.grant(coordinator, caseId, { amountKr: '5000' });
  const requestId = await purchases.create(support, caseId, {
    ...{ title: 'Cykel', purpose: 'Til praktikken', amountKr: '500', category: 'transport' },
    ...{ vendorId, paymentMethod: 'bank_transfer' },
  });
  const reach = STEPS.indexOf(fixture === 'attachment' || fixture === 'batch' ? 'approved' : fixture);
  if (reach >= 1) await purchases.confirm(support, requestId, { how: 'in_person' });
  if (reach >= 2) await purchases.submit(support, requestId);
  if (reach >= 3) await purchases.approve(support, requestId);
  if (reach >= 4) await purchases.pay(finance, requestId, { reference: 'M-0' });
  const attachmentId =
    fixture === 'attachment'
      ? (
          await attachments.attach(
            support,
            requestId,
            { kind: 'quote' },
            { name: 'tilbud.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% matrix\n') },
          )
        ).attachmentId
      : '';
  const batchId = fixture === 'batch' ? await payments.createBatch(finance, { requestIds: [requestId] }) : '';
  return { requestId, attachmentId, batchId };
}

export function pathOf(route: string, p: Prepared): string {
  const path = route.slice(route.indexOf(' ') + 1);
  const id = path.startsWith('/citizens')
    ? p.citizenId
    : path.startsWith('/purchase-requests') || path.startsWith('/payments/')
      ? p.requestId
      : path.startsWith('/attachments')
        ? p.attachmentId
        : path.startsWith('/payment-files/')
          ? p.batchId
          : p.caseId;
  return path
    .replace('{id}', id)
    .replace('{goalId}', p.goalId)
    .replace('{subGoalId}', p.subGoalId)
    .replace('{activityId}', p.activityId)
    .replace('{ideaId}', p.ideaId)
    .replace('{instrument}', 'citizen_start')
    .replace('{figure}', 'gender');
}
