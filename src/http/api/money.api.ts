import type { Context } from 'hono';
import {
  ConfirmInput,
  GrantInput,
  PaymentInput,
  PurchaseRequestInput,
  ReasonInput,
  RefundInput,
  VendorInput,
} from '../../services/money/money.schemas.ts';
import type { Services } from '../../services/index.ts';
import type { AppEnv } from '../env.ts';
import { budgetJson, vendorJson } from './money-serializers.ts';
import type { ApiRegistry, ApiRoute } from './registry.ts';
import { PAGE_QUERY, actorOf, addRead, pageHeaders, param } from './route-helpers.ts';

// /api/v1 for money: a case's budget, grants, purchase requests through their lifecycle,
// payments and refunds, and the vendor list. One service call per handler; the services lock the case
// row and the database's guard re-checks every posting. Amounts go in as kroner (…Kr, the forms'
// schemas) and come out as integer øre (…Ore). Every mutating call must carry an Idempotency-Key
// (middleware/command.ts): a replay gets the first answer; a call without one is refused (422).

/** Registers the routes of money: the budget, grants, purchase requests and their steps, vendors. */
export function addMoneyRoutes(api: ApiRegistry, services: Services): void {
  addBudgetRoutes(api, services);
  addPurchaseStepRoutes(api, services);
  addVendorRoutes(api, services);
}

/** The case's budget, a grant, and a new purchase request. */
function addBudgetRoutes(api: ApiRegistry, { budgets, purchases }: Services): void {
  addRead(api, {
    path: '/cases/{id}/budget',
    tag: 'budget',
    summary: "The case's budget: balance, spending by sub-goal and category, postings and requests",
    returns: 'The budget; amounts in øre (…Ore).',
    read: async (c, purpose) => budgetJson(await budgets.overview(actorOf(c), param(c, 'id'), purpose)),
  });
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/cases/{id}/grants',
    tag: 'budget',
    summary: "Grant money from the programme's pool to the case (coordinator)",
    body: GrantInput,
    returns: 'Nothing; 409 past the maximum grant or the pool.',
    status: 204,
    handler: (c, body) => budgets.grant(actorOf(c), param(c, 'id'), body),
  });
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/cases/{id}/purchase-requests',
    tag: 'purchase-requests',
    summary: 'Write a purchase request as a draft',
    body: PurchaseRequestInput,
    returns: 'The new id.',
    status: 201,
    handler: async (c, body) => ({ id: await purchases.create(actorOf(c), param(c, 'id'), body) }),
  });
}

/** A purchase request's steps (spec: Request lifecycle); 409 when a step is not possible now. */
function addPurchaseStepRoutes(api: ApiRegistry, { purchases }: Services): void {
  type Step = 'confirm' | 'reject' | 'cancel' | 'pay' | 'refund';
  const step = (
    path: string,
    summary: string,
    body: ApiRoute['body'],
    call: (c: Context<AppEnv>, body: unknown) => Promise<void>,
  ) =>
    api.add({
      method: 'post',
      requireIdempotencyKey: true,
      path: `/purchase-requests/{id}/${path}`,
      tag: 'purchase-requests',
      summary,
      body,
      returns: 'Nothing; 409 when the step is not possible now (e.g. budget_exceeded).',
      status: 204,
      handler: call,
    });
  const withBody = (name: Step) => (c: Context<AppEnv>, b: unknown) =>
    purchases[name](actorOf(c), param(c, 'id'), b);
  step('confirm', "Record the citizen's confirmation", ConfirmInput, withBody('confirm'));
  step('submit', "Submit for approval on the citizen's behalf", undefined, (c) =>
    purchases.submit(actorOf(c), param(c, 'id')),
  );
  step('approve', 'Approve: reserves the amount (four eyes above the limit)', undefined, (c) =>
    purchases.approve(actorOf(c), param(c, 'id')),
  );
  step('reject', 'Reject, with a reason', ReasonInput, withBody('reject'));
  step(
    'cancel',
    "Cancel before payment; an approval's reservation is released",
    ReasonInput,
    withBody('cancel'),
  );
  step(
    'payments',
    'Register the payment (finance): the reservation becomes payment',
    PaymentInput,
    withBody('pay'),
  );
  step('refunds', 'Register a refund of a paid purchase (finance)', RefundInput, withBody('refund'));
}

/** The municipality's vendor list (spec: Vendors). */
function addVendorRoutes(api: ApiRegistry, { budgets, vendorProposals }: Services): void {
  api.add({
    method: 'get',
    path: '/vendors',
    tag: 'vendors',
    summary: "The municipality's active vendors",
    returns: 'One page of vendors; the whole count in X-Total-Count, the next and previous pages in Link.',
    query: {
      ...PAGE_QUERY,
      sort: 'navn (name, the default), cvr (CVR number).',
      q: 'Name or CVR number contains it.',
      status: 'active (the default), or proposed (coordinator, finance).',
    },
    handler: async (c) => {
      const page = await vendorProposals.page(actorOf(c), c.req.query());
      pageHeaders(c, page);
      return page.items.map(vendorJson);
    },
  });
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/vendors',
    tag: 'vendors',
    summary: 'Add a vendor to the list (coordinator, finance)',
    body: VendorInput,
    returns: 'The new id; 409 when the CVR number is already on the list.',
    status: 201,
    handler: async (c, body) => ({ id: await budgets.addVendor(actorOf(c), body) }),
  });
}
