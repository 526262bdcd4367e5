import type { Context, Hono } from 'hono';
import { Conflict, ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import { pageContext } from './context.ts';
import type { Values } from './components/form.tsx';
import { BatchesPage, BookkeepingPage, PayablePage, QueuePage } from './pages/finance.page.tsx';
import { VendorsPage } from './pages/vendors.page.tsx';
import { requireActor } from './request.ts';

// Finance's pages (spec: Payments): the payment queue, registering a payment or refund, payment files for
// the bank, the bookkeeping file, and the vendor list (which coordinators keep too). Each route parses,
// calls one service and renders; a refused step re-renders with the reason and changes nothing.

const seeOther = (c: Context<AppEnv>, location: string) => c.redirect(location, 303);

/** A conflict shown as the page's error summary. */
const conflictErrors = (error: Conflict): FieldErrors => ({ _form: error.message });

export function registerFinanceRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/betalinger', async (c) => {
    const actor = requireActor(c);
    const [queue, paid] = await Promise.all([
      services.payments.queue(actor),
      services.payments.paid(actor, {}),
    ]);
    return c.html(<QueuePage ctx={pageContext(c)} queue={queue} paid={paid} />);
  });

  const renderBatches = async (
    c: Context<AppEnv>,
    actor: Actor,
    extra: { values?: Values; errors?: FieldErrors; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const [batches, queue] = await Promise.all([
      services.payments.batches(actor),
      services.payments.queue(actor),
    ]);
    const waiting = queue.filter((p) => p.paymentMethod === 'bank_transfer' && p.batch === null).length;
    return c.html(
      <BatchesPage ctx={pageContext(c)} batches={batches} waiting={waiting} {...extra} />,
      status,
    );
  };

  app.get('/betalinger/filer', async (c) => {
    const actor = requireActor(c);
    const t = pageContext(c).t;
    const done = c.req.query('besked');
    const notice =
      done === 'oprettet'
        ? t('finance.files.createdNotice')
        : done === 'sendt'
          ? t('finance.files.sentNotice')
          : undefined;
    return renderBatches(c, actor, notice ? { notice } : {});
  });

  app.post('/betalinger/filer', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    try {
      await services.payments.createBatch(actor, { executionDate: form.executionDate });
      return seeOther(c, '/betalinger/filer?besked=oprettet');
    } catch (error) {
      if (error instanceof ValidationFailed)
        return renderBatches(c, actor, { values: form, errors: error.fields }, 422);
      if (error instanceof Conflict)
        return renderBatches(c, actor, { values: form, errors: conflictErrors(error) }, 409);
      throw error;
    }
  });

  app.get('/betalinger/filer/:batchId/fil', async (c) => {
    const { fileName, xml } = await services.payments.batchFile(requireActor(c), c.req.param('batchId'));
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(xml);
  });

  app.post('/betalinger/filer/:batchId/sendt', async (c) => {
    const actor = requireActor(c);
    try {
      await services.payments.markSent(actor, c.req.param('batchId'));
      return seeOther(c, '/betalinger/filer?besked=sendt');
    } catch (error) {
      if (error instanceof Conflict) return renderBatches(c, actor, { errors: conflictErrors(error) }, 409);
      if (error instanceof ValidationFailed)
        return renderBatches(c, actor, { errors: { _form: Object.values(error.fields).join(' ') } }, 422);
      throw error;
    }
  });

  const renderPayable = async (
    c: Context<AppEnv>,
    actor: Actor,
    requestId: string,
    extra: { values?: Values; errors?: FieldErrors; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const payable = await services.payments.payable(actor, requestId);
    return c.html(<PayablePage ctx={pageContext(c)} payable={payable} {...extra} />, status);
  };

  app.get('/betalinger/:requestId', async (c) => {
    const t = pageContext(c).t;
    const done = c.req.query('besked');
    const notice =
      done === 'betalt'
        ? t('finance.pay.notice')
        : done === 'tilbagebetalt'
          ? t('finance.refund.notice')
          : done === 'bilag'
            ? t('money.done.bilag')
            : undefined;
    return renderPayable(c, requireActor(c), c.req.param('requestId'), notice ? { notice } : {});
  });

  app.post('/betalinger/:requestId', async (c) => {
    const actor = requireActor(c);
    const requestId = c.req.param('requestId');
    const form = nestForm(await readForm(c));
    const refund = form.action === 'refund';
    try {
      if (refund) await services.purchases.refund(actor, requestId, form);
      else await services.purchases.pay(actor, requestId, form);
      return seeOther(c, `/betalinger/${requestId}?besked=${refund ? 'tilbagebetalt' : 'betalt'}`);
    } catch (error) {
      if (error instanceof ValidationFailed)
        return renderPayable(c, actor, requestId, { values: form, errors: error.fields }, 422);
      if (error instanceof Conflict)
        return renderPayable(c, actor, requestId, { values: form, errors: conflictErrors(error) }, 409);
      throw error;
    }
  });

  app.get('/bogfoering', (c) => {
    const actor = requireActor(c);
    const { from, to } = services.payments.bookkeepingPeriod(actor);
    return c.html(<BookkeepingPage ctx={pageContext(c)} values={{ fra: from, til: to }} />);
  });

  app.get('/bogfoering/csv', async (c) => {
    const actor = requireActor(c);
    const values = { fra: c.req.query('fra') ?? '', til: c.req.query('til') ?? '' };
    try {
      const { fileName, csv } = await services.payments.bookkeeping(actor, {
        from: values.fra,
        to: values.til,
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${fileName}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(csv);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        const errors: FieldErrors = {};
        for (const [k, v] of Object.entries(error.fields))
          errors[k === 'from' ? 'fra' : k === 'to' ? 'til' : k] = v;
        return c.html(<BookkeepingPage ctx={pageContext(c)} values={values} errors={errors} />, 422);
      }
      throw error;
    }
  });

  const renderVendors = async (
    c: Context<AppEnv>,
    actor: Actor,
    extra: { values?: Values; errors?: FieldErrors; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    services.payments.assertMayManageVendors(actor);
    const vendors = await services.budgets.vendors(actor);
    return c.html(<VendorsPage ctx={pageContext(c)} vendors={vendors} {...extra} />, status);
  };

  app.get('/leverandoerer', (c) => {
    const notice = c.req.query('besked') === 'tilfoejet' ? pageContext(c).t('vendors.added') : undefined;
    return renderVendors(c, requireActor(c), notice ? { notice } : {});
  });

  app.post('/leverandoerer', async (c) => {
    const actor = requireActor(c);
    services.payments.assertMayManageVendors(actor);
    const form = nestForm(await readForm(c));
    try {
      await services.budgets.addVendor(actor, form);
      return seeOther(c, '/leverandoerer?besked=tilfoejet');
    } catch (error) {
      if (error instanceof ValidationFailed)
        return renderVendors(c, actor, { values: form, errors: error.fields }, 422);
      if (error instanceof Conflict)
        return renderVendors(c, actor, { values: form, errors: { cvr: error.message } }, 409);
      throw error;
    }
  });
}
