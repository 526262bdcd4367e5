import type { Context, Hono } from 'hono';
import { NotFound, type Conflict, type FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import { message } from '../i18n/index.ts';
import type { Actor } from '../services/context.ts';
import { pageContext } from './context.ts';
import type { Values } from './components/form.tsx';
import { BatchesPage, BookkeepingPage } from './pages/finance-files.page.tsx';
import { PayablePage } from './pages/finance.page.tsx';
import { QueuePage } from './pages/finance-queue.page.tsx';
import { VendorPinPage, VendorsPage } from './pages/vendors.page.tsx';
import { PROPOSAL_PAGE, RejectVendorPage } from './pages/vendor-proposals.page.tsx';
import { submitForm } from './form-route.ts';
import { readList } from './list-query.ts';
import { doneNotice, download, requireActor, seeOther } from './request.ts';

// Finance's pages (spec: Payments): the payment queue, registering a payment or refund, payment files for
// the bank, the bookkeeping file, and the vendor list (which coordinators keep too) with the shops'
// redemption PINs for vouchers. Each route parses, calls one service and renders; a refused step
// re-renders with the reason and changes nothing.

/** A conflict shown as the page's error summary. */
const conflictErrors = (error: Conflict): FieldErrors => ({ _form: error.userMessage });

/** What a page shows besides its data: what was typed and why it was refused, or what was done. */
interface Shown {
  values?: Values;
  errors?: FieldErrors;
  notice?: string;
}
type Status = 200 | 409 | 422;

export function registerFinanceRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // In this order: /betalinger/filer is matched before /betalinger/:requestId.
  registerBatchRoutes(app, deps);
  registerPayRoutes(app, deps);
  registerBookkeepingRoutes(app, deps);
  registerVendorRoutes(app, deps);
  registerProposalRoutes(app, deps);
}

/** The payment files for the bank (spec: Payments). */
function registerBatchRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderBatches = async (c: Context<AppEnv>, actor: Actor, extra: Shown = {}, status: Status = 200) => {
    const [batches, waiting] = await Promise.all([
      services.payments.batches(actor),
      services.payments.waitingForFile(actor),
    ]);
    return c.html(
      <BatchesPage ctx={pageContext(c)} batches={batches} waiting={waiting} {...extra} />,
      status,
    );
  };

  app.get('/betalinger/filer', async (c) => {
    const actor = requireActor(c);
    const notice = doneNotice(c, 'besked', {
      oprettet: 'finance.files.createdNotice',
      sendt: 'finance.files.sentNotice',
    });
    return renderBatches(c, actor, { notice });
  });

  app.post('/betalinger/filer', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.payments.createBatch(actor, { executionDate: form.executionDate });
        return seeOther(c, '/betalinger/filer?besked=oprettet');
      },
      {
        invalid: (error) => renderBatches(c, actor, { values: form, errors: error.fields }, 422),
        refused: (error) => renderBatches(c, actor, { values: form, errors: conflictErrors(error) }, 409),
      },
    );
  });

  app.get('/betalinger/filer/:batchId/fil', async (c) => {
    const { fileName, xml } = await services.payments.batchFile(requireActor(c), c.req.param('batchId'));
    return download(c, fileName, 'application/xml; charset=utf-8', xml);
  });

  app.post('/betalinger/filer/:batchId/sendt', async (c) => {
    const actor = requireActor(c);
    return submitForm(
      async () => {
        await services.payments.markSent(actor, c.req.param('batchId'));
        return seeOther(c, '/betalinger/filer?besked=sendt');
      },
      {
        refused: (error) => renderBatches(c, actor, { errors: conflictErrors(error) }, 409),
        invalid: (error) =>
          renderBatches(
            c,
            actor,
            { errors: { _form: message('error.sentences', { sentences: Object.values(error.fields) }) } },
            422,
          ),
      },
    );
  });
}

/** The payment queue's own query names (spec: Lists). */
const QUEUE_QUERY = { betalingsmaade: 'method', fil: 'file' } as const;

/** The payment queue, and one request to pay or refund (spec: Payments). */
function registerPayRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/betalinger', async (c) => {
    const actor = requireActor(c);
    const list = await readList(c, QUEUE_QUERY, (input) => services.payments.queue(actor, input));
    return c.html(<QueuePage ctx={pageContext(c)} list={list} />);
  });

  const renderPayable = async (
    c: Context<AppEnv>,
    actor: Actor,
    requestId: string,
    extra: Shown = {},
    status: Status = 200,
  ) => {
    const payable = await services.payments.payable(actor, requestId);
    return c.html(<PayablePage ctx={pageContext(c)} payable={payable} {...extra} />, status);
  };

  app.get('/betalinger/:requestId', async (c) => {
    const notice = doneNotice(c, 'besked', {
      betalt: 'finance.pay.notice',
      tilbagebetalt: 'finance.refund.notice',
      bilag: 'money.done.bilag',
    });
    return renderPayable(c, requireActor(c), c.req.param('requestId'), { notice });
  });

  app.post('/betalinger/:requestId', async (c) => {
    const actor = requireActor(c);
    const requestId = c.req.param('requestId');
    const form = nestForm(await readForm(c));
    const refund = form.action === 'refund';
    return submitForm(
      async () => {
        if (refund) await services.purchases.refund(actor, requestId, form);
        else await services.purchases.pay(actor, requestId, form);
        return seeOther(c, `/betalinger/${requestId}?besked=${refund ? 'tilbagebetalt' : 'betalt'}`);
      },
      {
        invalid: (error) => renderPayable(c, actor, requestId, { values: form, errors: error.fields }, 422),
        refused: (error) =>
          renderPayable(c, actor, requestId, { values: form, errors: conflictErrors(error) }, 409),
      },
    );
  });
}

/** The postings list's own query names (spec: Lists). */
const POSTINGS_QUERY = { fra: 'from', til: 'to', art: 'kind' } as const;

/** The payments and refunds posted in a period, and the bookkeeping file for it. */
function registerBookkeepingRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/bogfoering', async (c) => {
    const actor = requireActor(c);
    services.payments.bookkeepingPeriod(actor);
    const list = await readList(c, POSTINGS_QUERY, (input) => services.payments.paid(actor, input));
    return c.html(<BookkeepingPage ctx={pageContext(c)} list={list} />);
  });

  app.get('/bogfoering/csv', async (c) => {
    const actor = requireActor(c);
    const values = { fra: c.req.query('fra') ?? '', til: c.req.query('til') ?? '' };
    return submitForm(
      async () => {
        const { fileName, csv } = await services.payments.bookkeeping(actor, {
          from: values.fra,
          to: values.til,
        });
        return download(c, fileName, 'text/csv; charset=utf-8', csv);
      },
      {
        invalid: (error) => {
          const errors: FieldErrors = {};
          for (const [k, v] of Object.entries(error.fields))
            errors[k === 'from' ? 'fra' : k === 'to' ? 'til' : k] = v;
          return c.html(<BookkeepingPage ctx={pageContext(c)} values={values} errors={errors} />, 422);
        },
      },
    );
  });
}

/** The vendor page: the list, and the proposals the actor decides on or has made. */
function vendorsRenderer({ services }: AppDeps) {
  return async (c: Context<AppEnv>, actor: Actor, extra: Shown = {}, status: Status = 200) => {
    const list = await readList(c, { status: 'status', [PROPOSAL_PAGE]: 'proposalPage' }, (input) =>
      services.vendorProposals.listing(actor, input),
    );
    return c.html(<VendorsPage ctx={pageContext(c)} list={list} {...extra} />, status);
  };
}

/** The vendor list, which coordinators keep too. */
function registerVendorRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services } = deps;
  const renderVendors = vendorsRenderer(deps);

  app.get('/leverandoerer', (c) => {
    const notice = doneNotice(c, 'besked', {
      tilfoejet: 'vendors.added',
      foreslaaet: 'vendors.propose.done',
      godkendt: 'vendors.proposals.approved',
      afvist: 'vendors.proposals.rejected',
    });
    return renderVendors(c, requireActor(c), { notice });
  });

  app.post('/leverandoerer', async (c) => {
    const actor = requireActor(c);
    services.payments.assertMayManageVendors(actor);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.budgets.addVendor(actor, form);
        return seeOther(c, '/leverandoerer?besked=tilfoejet');
      },
      {
        invalid: (error) => renderVendors(c, actor, { values: form, errors: error.fields }, 422),
        refused: (error) =>
          renderVendors(c, actor, { values: form, errors: { cvr: error.userMessage } }, 409),
      },
    );
  });

  // A shop's redemption PIN (spec: Vouchers), shown once: a repeat of the form is sent to the list and
  // never shown the PIN again (middleware/command.ts, X-Replay-As).
  app.post('/leverandoerer/:vendorId/pin', async (c) => {
    const actor = requireActor(c);
    const vendorId = c.req.param('vendorId');
    const pin = await services.vouchers.issuePin(actor, vendorId);
    const vendor = (await services.budgets.vendors(actor)).find((v) => v.id === vendorId);
    if (!vendor) throw new NotFound();
    c.header('X-Replay-As', '/leverandoerer');
    return c.html(<VendorPinPage ctx={pageContext(c)} vendor={vendor} pin={pin} />, 201);
  });
}

/** The vendors support persons propose, and finance's approval or rejection with a reason (spec: Vendors). */
function registerProposalRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services } = deps;
  const renderVendors = vendorsRenderer(deps);
  app.post('/leverandoerer/forslag', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.vendorProposals.propose(actor, form);
        return seeOther(c, '/leverandoerer?besked=foreslaaet');
      },
      {
        invalid: (error) => renderVendors(c, actor, { values: form, errors: error.fields }, 422),
        refused: (error) =>
          renderVendors(c, actor, { values: form, errors: { cvr: error.userMessage } }, 409),
      },
    );
  });

  app.post('/leverandoerer/:vendorId/godkend', async (c) => {
    const actor = requireActor(c);
    return submitForm(
      async () => {
        await services.vendorProposals.approve(actor, c.req.param('vendorId'));
        return seeOther(c, '/leverandoerer?besked=godkendt');
      },
      { invalid: (error) => renderVendors(c, actor, { errors: error.fields }, 422) },
    );
  });

  const renderReject = async (c: Context<AppEnv>, actor: Actor, extra: Shown = {}, status: Status = 200) => {
    const proposal = await services.vendorProposals.proposal(actor, c.req.param('vendorId') ?? '');
    return c.html(<RejectVendorPage ctx={pageContext(c)} proposal={proposal} {...extra} />, status);
  };

  app.get('/leverandoerer/:vendorId/afvis', (c) => renderReject(c, requireActor(c)));

  app.post('/leverandoerer/:vendorId/afvis', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.vendorProposals.reject(actor, c.req.param('vendorId'), form);
        return seeOther(c, '/leverandoerer?besked=afvist');
      },
      {
        invalid: (error) => renderReject(c, actor, { values: form, errors: error.fields }, 422),
      },
    );
  });
}
