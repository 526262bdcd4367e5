import type { Hono } from 'hono';
import { NotFound } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { ProgrammeRulesForm, programmeFormValues } from './pages/programme-rules.page.tsx';
import { ProgrammePage } from './pages/programme.page.tsx';
import { requireActor, seeOther } from './request.ts';

// The municipality's programme (spec: Programme): the page, and the coordinator's form for its rules.

export function registerProgrammeRoutes(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  const mitId = !!config.oidc.citizen;
  app.get('/ordning', async (c) => {
    const actor = requireActor(c);
    const [programme] = await services.programmes.list(actor);
    if (!programme) throw new NotFound();
    return c.html(
      <ProgrammePage
        ctx={pageContext(c)}
        programme={programme}
        saved={c.req.query('gemt') === '1'}
        mitId={mitId}
      />,
    );
  });

  app.get('/ordning/:id/regler', async (c) => {
    const actor = requireActor(c);
    const programme = await services.programmes.getForEdit(actor, c.req.param('id'));
    return c.html(
      <ProgrammeRulesForm
        ctx={pageContext(c)}
        programme={programme}
        values={programmeFormValues(programme)}
        mitId={mitId}
      />,
    );
  });

  app.post('/ordning/:id/regler', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.programmes.updateSettings(actor, id, form);
        return seeOther(c, '/ordning?gemt=1');
      },
      {
        invalid: async (error) => {
          const programme = await services.programmes.get(actor, id);
          return c.html(
            <ProgrammeRulesForm
              ctx={pageContext(c)}
              programme={programme}
              values={form}
              errors={error.fields}
              mitId={mitId}
            />,
            422,
          );
        },
      },
    );
  });
}
