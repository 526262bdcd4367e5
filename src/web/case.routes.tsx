import type { Context, Hono } from 'hono';
import { ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import { authorize } from '../services/access/access.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import { registerCaseStepRoutes } from './case-confirm.routes.tsx';
import { registerCaseMoneyRoutes } from './case-money.routes.tsx';
import { registerPlanRoutes } from './case-plan.routes.tsx';
import { registerReferralRoutes } from './case-referral.routes.tsx';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { IntakePage, intakeValues } from './pages/case-intake.page.tsx';
import { message } from '../i18n/index.ts';
import { CaseloadPage, OverviewPage } from './pages/case-list.page.tsx';
import { AssignSupportPage } from './pages/case-support.page.tsx';
import { CasePage, ConditionsPage } from './pages/case.page.tsx';
import { registerQuestionnaireRoutes } from './questionnaire.routes.tsx';
import { readList } from './list-query.ts';
import { group, prefixed, requireActor } from './request.ts';

// The case pages (spec: Staff pages): each route parses the request, calls one service and renders. The
// purpose written to the access log is the route as registered, so it names the page, never the ids.

/** The case lists' Danish query names and the service's names for them (spec: Lists). */
const CASELOAD_QUERY = { fase: 'phase', lukkede: 'includeClosed' } as const;
const OVERVIEW_QUERY = {
  ...CASELOAD_QUERY,
  stoetteperson: 'supportUserId',
  forsinket: 'overdueOnly',
  spoergeskemaer: 'questionnairesOverdue',
} as const;

type CaseAction = (
  s: Services,
  actor: Actor,
  caseId: string,
  input: Record<string, unknown>,
) => Promise<unknown>;

/**
 * The forms of the case page: path, prefix, the field an error of the whole form belongs to, the call.
 * Closing, terminating, pausing and resuming ask first, on pages of their own (case-confirm.routes.tsx).
 */
const ACTIONS: [string, string, string, CaseAction][] = [
  ['visitation', 'start', 'x', (s, a, id) => s.cases.startScreening(a, id)],
  [
    'visitation/afgoerelse',
    'screening',
    'decision',
    (s, a, id, v) => {
      if (v.decision === 'accept') return s.cases.accept(a, id, v);
      if (v.decision === 'decline') return s.cases.decline(a, id, v);
      // The role is checked first, so "not allowed" still looks like "not found".
      authorize(a, 'case.screen');
      throw new ValidationFailed({ decision: message('case.action.decisionRequired') });
    },
  ],
  ['betingelser', 'ack', 'method', (s, a, id, v) => s.cases.acknowledgeConditions(a, id, v)],
  ['aktiver', 'activate', 'startDate', (s, a, id, v) => s.cases.activate(a, id, v)],
  ['noter', 'note', 'body', (s, a, id, v) => s.notes.add(a, id, v)],
];

export function registerCaseRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // In this order: /forloeb/ny and /forloeb/oversigt are matched before /forloeb/:id.
  registerReferralRoutes(app, deps);
  registerCaseListRoutes(app, deps);
  registerCasePageRoutes(app, deps);
  registerCaseStepRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerAssignRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerCaseMoneyRoutes(app, deps);
  registerQuestionnaireRoutes(app, deps);
}

/** The support person's caseload and the municipality's overview. */
function registerCaseListRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/forloeb', async (c) => {
    const actor = requireActor(c);
    const list = await readList(c, CASELOAD_QUERY, (input) =>
      services.cases.caseload(actor, input, 'GET /forloeb'),
    );
    return c.html(<CaseloadPage ctx={pageContext(c)} list={list} />);
  });

  app.get('/forloeb/oversigt', async (c) => {
    const actor = requireActor(c);
    const list = await readList(c, OVERVIEW_QUERY, (input) =>
      services.cases.overview(actor, input, 'GET /forloeb/oversigt'),
    );
    // The support persons to filter by: those the listed cases name, once each.
    const supportOptions = supportOptionsOf(await services.cases.supportPersons(actor));
    return c.html(<OverviewPage ctx={pageContext(c)} list={list} supportOptions={supportOptions} />);
  });
}

/** The case page, its conditions sheet, and the forms of its steps (ACTIONS). */
function registerCasePageRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderCase = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const detail = await services.cases.detail(actor, id, 'GET /forloeb/:id');
    const notes = await services.notes.list(actor, id, 'GET /forloeb/:id');
    const questionnaires = await services.questionnaires.list(actor, id, 'GET /forloeb/:id');
    return c.html(
      <CasePage
        ctx={pageContext(c)}
        detail={detail}
        notes={notes}
        questionnaires={questionnaires}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id', (c) => renderCase(c, requireActor(c), c.req.param('id')));

  app.get('/forloeb/:id/betingelser', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const sheet = await services.cases.conditions(actor, id, 'GET /forloeb/:id/betingelser');
    return c.html(<ConditionsPage ctx={pageContext(c)} sheet={sheet} caseId={id} />);
  });

  for (const [path, prefix, first, run] of ACTIONS) {
    app.post(`/forloeb/:id/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const form = nestForm(await readForm(c));
      return submitForm(
        async () => {
          await run(services, actor, id, group(form, prefix));
          return c.redirect(`/forloeb/${id}`, 303);
        },
        { invalid: (error) => renderCase(c, actor, id, form, prefixed(error.fields, prefix, first)) },
      );
    });
  }
}

/** The intake baseline, on a page of its own: it is optional and needs the citizen's consent. */
function registerIntakeRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/forloeb/:id/baggrund', async (c) => {
    const detail = await services.cases.detail(
      requireActor(c),
      c.req.param('id'),
      'GET /forloeb/:id/baggrund',
    );
    return c.html(
      <IntakePage
        ctx={pageContext(c)}
        detail={detail}
        values={intakeValues(detail)}
        saved={c.req.query('gemt') === '1'}
      />,
    );
  });

  app.post('/forloeb/:id/baggrund', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.cases.updateIntake(actor, id, form);
        return c.redirect(`/forloeb/${id}/baggrund?gemt=1`, 303);
      },
      {
        invalid: async (error) => {
          const detail = await services.cases.detail(actor, id, 'POST /forloeb/:id/baggrund');
          return c.html(
            <IntakePage ctx={pageContext(c)} detail={detail} values={form} errors={error.fields} />,
            422,
          );
        },
      },
    );
  });
}

/** Assigning a support person is a page of its own: the choice, and the reason for a change. */
function registerAssignRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderAssign = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    // The list of support persons first: it refuses anyone who may not assign before the case is read.
    const options = supportOptionsOf(await services.cases.supportPersons(actor));
    const detail = await services.cases.detail(actor, id, 'GET /forloeb/:id/stoetteperson');
    return c.html(
      <AssignSupportPage
        ctx={pageContext(c)}
        detail={detail}
        options={options}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/stoetteperson', (c) => renderAssign(c, requireActor(c), c.req.param('id')));

  app.post('/forloeb/:id/stoetteperson', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.cases.assignSupport(actor, id, form);
        return c.redirect(`/forloeb/${id}`, 303);
      },
      { invalid: (error) => renderAssign(c, actor, id, form, error.fields) },
    );
  });
}

function supportOptionsOf(people: { userId: string; name: string }[]) {
  return people.map((p) => ({ value: p.userId, label: p.name }));
}
