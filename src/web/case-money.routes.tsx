import type { Context, Hono } from 'hono';
import { NotFound, type FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import { submitForm } from './form-route.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { BudgetPage, DONE, type Done } from './pages/case-budget.page.tsx';
import { NewRequestPage } from './pages/purchase-request-new.page.tsx';
import { RequestPage } from './pages/purchase-request.page.tsx';
import { VoucherSheetPage } from './pages/voucher.page.tsx';
import { group, prefixed, purposeOf, requireActor } from './request.ts';

// The staff pages for a case's money (spec: Budget ledger; spec: Purchase requests): the budget with
// its grant form, the new purchase request, and one request with the steps allowed now. Each route
// calls the services and renders; a refused step (a Conflict: past the available amount, four eyes)
// shows the page again with the service's message in its error summary and nothing changed
// (form-route.ts).

function doneOf(c: Context<AppEnv>): Done | undefined {
  const ok = c.req.query('ok');
  return (DONE as readonly string[]).includes(ok ?? '') ? (ok as Done) : undefined;
}

/** A step's path under the request, the form's prefix, its first field, the call and what it did. */
type Step = (
  s: Services,
  actor: Actor,
  requestId: string,
  input: Record<string, unknown>,
) => Promise<unknown>;
const STEPS: [string, string, string, Step, Done][] = [
  ['bekraeft', 'confirm', 'how', (s, a, id, v) => s.purchases.confirm(a, id, v), 'bekraeftet'],
  ['indsend', 'submit', 'x', (s, a, id) => s.purchases.submit(a, id), 'indsendt'],
  ['godkend', 'approve', 'x', (s, a, id) => s.purchases.approve(a, id), 'godkendt'],
  ['afvis', 'reject', 'reason', (s, a, id, v) => s.purchases.reject(a, id, v), 'afvist'],
  ['annuller', 'cancel', 'reason', (s, a, id, v) => s.purchases.cancel(a, id, v), 'annulleret'],
];

interface Problem {
  values?: Values;
  errors?: FieldErrors;
}

export function registerCaseMoneyRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // In this order: /forloeb/:id/anmodninger/ny is matched before /forloeb/:id/anmodninger/:requestId.
  registerBudgetRoutes(app, deps);
  registerNewRequestRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerVoucherSheetRoute(app, deps);
}

/** The budget, with its grant form. */
function registerBudgetRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderBudget = async (c: Context<AppEnv>, actor: Actor, id: string, problem: Problem = {}) => {
    const overview = await services.budgets.overview(actor, id, purposeOf(c));
    return c.html(
      <BudgetPage ctx={pageContext(c)} overview={overview} done={doneOf(c)} {...problem} />,
      problem.errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/budget', (c) => renderBudget(c, requireActor(c), c.req.param('id')));

  app.post('/forloeb/:id/budget/bevilling', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.budgets.grant(actor, id, group(form, 'grant'));
        return c.redirect(`/forloeb/${id}/budget?ok=bevilget`, 303);
      },
      {
        invalid: (error) =>
          renderBudget(c, actor, id, {
            values: form,
            errors: prefixed(error.fields, 'grant', 'amountKr'),
          }),
      },
    );
  });
}

/** The form for a new purchase request. */
function registerNewRequestRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderNew = async (c: Context<AppEnv>, actor: Actor, id: string, problem: Problem = {}) => {
    const purpose = purposeOf(c);
    const detail = await services.cases.detail(actor, id, purpose);
    const plan = await services.plans.get(actor, id, purpose);
    const programme = await services.programmes.get(actor, detail.programme.id);
    const vendors = await services.budgets.vendors(actor);
    return c.html(
      <NewRequestPage
        ctx={pageContext(c)}
        caseId={id}
        caseNumber={detail.caseNumber}
        subGoals={plan.subGoals.filter((s) => s.status !== 'dropped')}
        vendors={vendors.map((v) => ({ id: v.id, name: v.name, cvr: v.cvr }))}
        rules={programme.rules}
        values={problem.values ?? { paymentMethod: 'invoice' }}
        errors={problem.errors}
      />,
      problem.errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/anmodninger/ny', (c) => renderNew(c, requireActor(c), c.req.param('id')));

  app.post('/forloeb/:id/anmodninger/ny', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const requestId = await services.purchases.create(actor, id, form);
        return c.redirect(`/forloeb/${id}/anmodninger/${requestId}?ok=oprettet`, 303);
      },
      {
        invalid: (error) => renderNew(c, actor, id, { values: form, errors: error.fields }),
      },
    );
  });
}

/** One purchase request, and the steps allowed on it now (STEPS). */
function registerRequestRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderRequest = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    requestId: string,
    problem: Problem = {},
  ) => {
    const overview = await services.budgets.overview(actor, id, purposeOf(c));
    const request = overview.requests.find((r) => r.id === requestId);
    if (!request) throw new NotFound();
    const voucher =
      request.paymentMethod === 'voucher' ? await services.vouchers.ofRequest(actor, requestId) : null;
    return c.html(
      <RequestPage
        ctx={pageContext(c)}
        overview={overview}
        request={request}
        voucher={voucher}
        done={doneOf(c)}
        values={problem.values ?? {}}
        errors={problem.errors}
      />,
      problem.errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/anmodninger/:requestId', (c) =>
    renderRequest(c, requireActor(c), c.req.param('id'), c.req.param('requestId')),
  );

  for (const [path, prefix, first, run, done] of STEPS) {
    app.post(`/forloeb/:id/anmodninger/:requestId/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const requestId = c.req.param('requestId');
      const form = nestForm(await readForm(c));
      // The request must belong to this case (the address says so); otherwise it is not found.
      const overview = await services.budgets.overview(actor, id, purposeOf(c));
      if (!overview.requests.some((r) => r.id === requestId)) throw new NotFound();
      return submitForm(
        async () => {
          await run(services, actor, requestId, group(form, prefix));
          return c.redirect(`/forloeb/${id}/anmodninger/${requestId}?ok=${done}`, 303);
        },
        {
          invalid: (error) =>
            renderRequest(c, actor, id, requestId, {
              values: form,
              errors: prefixed(error.fields, prefix, first),
            }),
        },
      );
    });
  }
}

/** The printable voucher of a request (none: not found), to hand to the citizen. */
function registerVoucherSheetRoute(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  app.get('/forloeb/:id/anmodninger/:requestId/vaerdibevis', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    // The request must belong to this case (the address says so); otherwise it is not found.
    const requestId = c.req.param('requestId');
    const voucher = (await services.vouchers.ofCase(actor, id)).find((v) => v.requestId === requestId);
    if (!voucher) throw new NotFound();
    return c.html(
      <VoucherSheetPage ctx={pageContext(c)} caseId={id} base={config.baseUrl} voucher={voucher} />,
    );
  });
}
