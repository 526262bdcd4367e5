import type { Context, Hono } from 'hono';
import type { FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import { submitForm } from './form-route.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { PlanPage } from './pages/case-plan.page.tsx';
import { group, prefixed, requireActor } from './request.ts';

// The plan editor's routes (spec: Goal plan): one form, one change, one revision. A refused change (a
// sixth sub-goal, a goal without a category) shows the plan again with the domain's message.

type PlanChange = (
  s: Services,
  actor: Actor,
  caseId: string,
  itemId: string,
  input: Record<string, unknown>,
) => Promise<unknown>;

/** Path under /forloeb/:id/plan, the form's prefix (':item' = the sub-goal's id), its first field, the call. */
const CHANGES: [string, string, string, PlanChange][] = [
  ['droem', 'dream', 'dream', (s, a, id, _, v) => s.plans.setDream(a, id, v)],
  ['maal', 'goal', 'description', (s, a, id, _, v) => s.plans.addGoal(a, id, v)],
  ['delmaal', 'subGoal', 'description', (s, a, id, _, v) => s.plans.addSubGoal(a, id, v)],
  ['delmaal/:subGoalId', 'sub_:item', 'status', (s, a, id, sub, v) => s.plans.updateSubGoal(a, id, sub, v)],
  [
    'delmaal/:subGoalId/aktiviteter',
    'act_:item',
    'description',
    (s, a, id, sub, v) => s.plans.addActivity(a, id, sub, v),
  ],
  ['ideer', 'idea', 'text', (s, a, id, _, v) => s.plans.addIdea(a, id, v)],
];

export function registerPlanRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const plan = await services.plans.get(actor, id, 'GET /forloeb/:id/plan');
    const history = await services.plans.history(actor, id, 'GET /forloeb/:id/plan');
    return c.html(
      <PlanPage ctx={pageContext(c)} plan={plan} history={history} values={values} errors={errors} />,
      errors ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/plan', (c) => render(c, requireActor(c), c.req.param('id')));

  for (const [path, prefixPattern, first, run] of CHANGES) {
    app.post(`/forloeb/:id/plan/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const item = c.req.param('subGoalId') ?? '';
      const prefix = prefixPattern.replace(':item', item);
      const form = nestForm(await readForm(c));
      return submitForm(
        async () => {
          await run(services, actor, id, item, group(form, prefix));
          return c.redirect(`/forloeb/${id}/plan`, 303);
        },
        { invalid: (error) => render(c, actor, id, form, prefixed(error.fields, prefix, first)) },
      );
    });
  }
}
