import type { Context, Hono } from 'hono';
import type { FieldErrors } from '../domain/errors.ts';
import type { Action } from '../domain/permissions.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import { authorize } from '../services/access/access.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { CaseStepPage, type StepFacts } from './pages/case-confirm.page.tsx';
import { CASE_STEP_PATHS, type CaseStepKind } from './pages/case-steps.ts';
import { group, prefixed, purposeOf, requireActor } from './request.ts';

// Closing, terminating, pausing and resuming a case each have a page of their own
// (spec: Refused steps): GET says what the step will do, POST does it. A refused input or step shows the same page
// again, with what was typed and why (form-route.ts).

interface CaseStepRoute {
  /** Who may take the step; checked before anything is read. */
  action: Action;
  /** The form's prefix is the kind ("pause.reason"); an error of the whole form goes to this field. */
  first: string;
  run: (s: Services, actor: Actor, caseId: string, input: Record<string, unknown>) => Promise<unknown>;
}

const ROUTES: Readonly<Record<CaseStepKind, CaseStepRoute>> = {
  complete: { action: 'case.close', first: 'date', run: (s, a, id, v) => s.cases.complete(a, id, v) },
  terminate: { action: 'case.close', first: 'reason', run: (s, a, id, v) => s.cases.terminate(a, id, v) },
  pause: { action: 'case.pause', first: 'reason', run: (s, a, id, v) => s.cases.pause(a, id, v) },
  resume: { action: 'case.pause', first: 'date', run: (s, a, id, v) => s.cases.resume(a, id, v) },
};

/** What the step will do: the case, its money, its questionnaires and its plan, as the actor sees them. */
async function factsOf(
  services: Services,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<StepFacts> {
  const detail = await services.cases.detail(actor, caseId, purpose);
  const overview = await services.budgets.overview(actor, caseId, purpose);
  const questionnaires = await services.questionnaires.list(actor, caseId, purpose);
  const plan = await services.plans.get(actor, caseId, purpose);
  const programme = await services.programmes.get(actor, detail.programme.id);
  return {
    detail,
    overview,
    questionnaires,
    openSubGoals: plan.subGoals
      .filter((g) => g.status === 'planned' || g.status === 'in_progress')
      .map((g) => g.description),
    unusedFunds: programme.rules.unusedFunds,
  };
}

export function registerCaseStepRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = async (
    c: Context<AppEnv>,
    actor: Actor,
    kind: CaseStepKind,
    problem: { values?: Values; errors?: FieldErrors } = {},
  ) => {
    authorize(actor, ROUTES[kind].action);
    const facts = await factsOf(services, actor, c.req.param('id') ?? '', purposeOf(c));
    return c.html(
      <CaseStepPage ctx={pageContext(c)} kind={kind} facts={facts} {...problem} />,
      problem.errors ? 422 : 200,
    );
  };

  for (const [kind, path] of Object.entries(CASE_STEP_PATHS) as [CaseStepKind, string][]) {
    const { first, run } = ROUTES[kind];
    app.get(`/forloeb/:id/${path}`, (c) => render(c, requireActor(c), kind));

    app.post(`/forloeb/:id/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const form = nestForm(await readForm(c));
      return submitForm(
        async () => {
          await run(services, actor, id, group(form, kind));
          return c.redirect(`/forloeb/${id}`, 303);
        },
        {
          invalid: (error) =>
            render(c, actor, kind, { values: form, errors: prefixed(error.fields, kind, first) }),
        },
      );
    });
  }
}
