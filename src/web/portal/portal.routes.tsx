import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/env.ts';
import { fileField, nestForm, readForm } from '../../http/form.ts';
import { pageContext } from '../context.ts';
import { submitForm } from '../form-route.ts';
import { doneNotice, seeOther } from '../request.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { requireCitizen } from './guard.ts';
import { PortalGoalsPage, PortalIdeasPage } from './portal-goals.page.tsx';
import { PortalHomePage } from './portal-home.page.tsx';
import { PortalBudgetPage, PortalConfirmPage, PortalPurchasesPage } from './portal-money.page.tsx';
import { PortalProposePage } from './portal-propose.page.tsx';
import { PortalDeclinePage } from './portal-decline.page.tsx';
import { PORTAL_VOUCHERS, PortalVouchersPage } from './portal-vouchers.page.tsx';

// The citizen's portal (spec: Own case only): each route finds the citizen from the log-in, calls one portal
// service and renders. No case id is ever taken from the request; an id of a thing (a request, an
// idea) is looked up within the citizen's own case, so another person's is "not found". After a
// change: 303 to the page with a short notice (?ok=…), so a reload does not post again.

const NOTICES: Record<string, MessageKey> = {
  droem: 'portal.goals.dreamSaved',
  ide: 'portal.ideas.added',
  fjernet: 'portal.ideas.removed',
  sendt: 'portal.purchases.sent',
  bekraeftet: 'portal.confirm.done',
  nej: 'portal.decline.done',
};

const notice = (c: Context<AppEnv>) => doneNotice(c, 'ok', NOTICES);

export function registerPortalRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/borger', async (c) => {
    const actor = requireCitizen(c);
    const home = await deps.services.portal.home(actor);
    const vouchers = await deps.services.vouchers.mine(actor);
    const vouchersReady = vouchers.filter((v) => v.status === 'issued').length;
    return c.html(<PortalHomePage ctx={pageContext(c)} home={home} vouchersReady={vouchersReady} />);
  });
  registerPortalPlanRoutes(app, deps);
  registerPortalMoneyRoutes(app, deps);
  registerPortalDeclineRoutes(app, deps);
  registerPortalVoucherRoutes(app, deps);
}

/** The citizen's vouchers, to show in the shop. */
function registerPortalVoucherRoutes(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  app.get(PORTAL_VOUCHERS, async (c) => {
    const actor = requireCitizen(c);
    const vouchers = await services.vouchers.mine(actor);
    // Kroner only where the programme shows the citizen amounts (spec: Hidden amounts).
    const seesAmount = vouchers.length > 0 && (await services.portal.budget(actor)).seesAmount;
    return c.html(
      <PortalVouchersPage
        ctx={pageContext(c)}
        base={config.baseUrl}
        vouchers={vouchers}
        seesAmount={seesAmount}
      />,
    );
  });
}

/** The citizen's goals and dream, and their ideas. */
function registerPortalPlanRoutes(app: Hono<AppEnv>, { services: { portal } }: AppDeps): void {
  app.get('/borger/maal', async (c) => {
    const plan = await portal.plan(requireCitizen(c));
    return c.html(<PortalGoalsPage ctx={pageContext(c)} plan={plan} notice={notice(c)} />);
  });

  app.post('/borger/maal/droem', async (c) => {
    const actor = requireCitizen(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await portal.setDream(actor, form);
        return seeOther(c, '/borger/maal?ok=droem');
      },
      {
        invalid: async (error) => {
          const plan = await portal.plan(actor);
          return c.html(
            <PortalGoalsPage ctx={pageContext(c)} plan={plan} values={form} errors={error.fields} />,
            422,
          );
        },
      },
    );
  });

  app.get('/borger/ideer', async (c) => {
    const { ideas, editable } = await portal.ideas(requireCitizen(c));
    return c.html(
      <PortalIdeasPage ctx={pageContext(c)} ideas={ideas} editable={editable} notice={notice(c)} />,
    );
  });

  app.post('/borger/ideer', async (c) => {
    const actor = requireCitizen(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await portal.addIdea(actor, form);
        return seeOther(c, '/borger/ideer?ok=ide');
      },
      {
        invalid: async (error) => {
          const { ideas, editable } = await portal.ideas(actor);
          return c.html(
            <PortalIdeasPage
              ctx={pageContext(c)}
              ideas={ideas}
              editable={editable}
              values={form}
              errors={error.fields}
            />,
            422,
          );
        },
      },
    );
  });

  app.post('/borger/ideer/:id/fjern', async (c) => {
    await portal.removeIdea(requireCitizen(c), c.req.param('id'));
    return seeOther(c, '/borger/ideer?ok=fjernet');
  });
}

/** The citizen's budget, their purchases, a new proposal, and purchases to confirm. */
function registerPortalMoneyRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const { portal } = services;

  app.get('/borger/budget', async (c) => {
    const budget = await portal.budget(requireCitizen(c));
    return c.html(<PortalBudgetPage ctx={pageContext(c)} budget={budget} />);
  });

  app.get('/borger/koeb', async (c) => {
    const requests = await portal.purchases(requireCitizen(c));
    return c.html(<PortalPurchasesPage ctx={pageContext(c)} requests={requests} notice={notice(c)} />);
  });

  app.get('/borger/koeb/nyt', async (c) => {
    const form = await portal.proposalForm(requireCitizen(c));
    return c.html(<PortalProposePage ctx={pageContext(c)} form={form} />);
  });

  app.post('/borger/koeb/nyt', async (c) => {
    const actor = requireCitizen(c);
    const raw = await readForm(c);
    const file = await fileField(raw, 'file');
    const values = nestForm(raw);
    delete values.file;
    return submitForm(
      async () => {
        await portal.propose(actor, values, file);
        return seeOther(c, '/borger/koeb?ok=sendt');
      },
      {
        invalid: async (error) => {
          const form = await portal.proposalForm(actor);
          return c.html(
            <PortalProposePage
              ctx={pageContext(c)}
              form={form}
              values={values}
              errors={error.fields}
              hadFile={file !== null}
            />,
            422,
          );
        },
      },
    );
  });

  app.get('/borger/bekraeft', async (c) => {
    const requests = await portal.toConfirm(requireCitizen(c));
    return c.html(<PortalConfirmPage ctx={pageContext(c)} requests={requests} notice={notice(c)} />);
  });

  app.post('/borger/bekraeft/:id', async (c) => {
    await services.purchases.confirmInPortal(requireCitizen(c), c.req.param('id'));
    return seeOther(c, '/borger/bekraeft?ok=bekraeftet');
  });
}

/** The citizen's "no" to a purchase written for them, with why if they want to (spec: Citizen confirmation). */
function registerPortalDeclineRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const { portal } = services;
  app.get('/borger/bekraeft/:id/nej', async (c) => {
    const request = await portal.toDecline(requireCitizen(c), c.req.param('id'));
    return c.html(<PortalDeclinePage ctx={pageContext(c)} request={request} />);
  });

  app.post('/borger/bekraeft/:id/nej', async (c) => {
    const actor = requireCitizen(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.purchases.declineInPortal(actor, id, form);
        return seeOther(c, '/borger/bekraeft?ok=nej');
      },
      {
        invalid: async (error) => {
          const request = await portal.toDecline(actor, id);
          return c.html(
            <PortalDeclinePage ctx={pageContext(c)} request={request} values={form} errors={error.fields} />,
            422,
          );
        },
      },
    );
  });
}
