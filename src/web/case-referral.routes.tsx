import type { Context, Hono } from 'hono';
import { NotFound, type FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm, text } from '../http/form.ts';
import { authorize } from '../services/access/access.ts';
import type { Actor } from '../services/context.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { FindCitizenPage, ReferralPage, RegisterCitizenPage } from './pages/case-referral.page.tsx';
import { submitForm } from './form-route.ts';
import { requireActor } from './request.ts';

// The referral, in three steps (spec: Staff pages): find the citizen by CPR number, register them if
// they are new, refer. The CPR number is only ever posted; the next step is reached by the citizen's id.

const henvisning = (citizenId: string) => `/forloeb/ny/henvisning?borger=${encodeURIComponent(citizenId)}`;

export function registerReferralRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  registerFindCitizenRoutes(app, deps);
  registerReferRoutes(app, deps);
}

/** Finding the citizen by CPR number, and registering one who is new. */
function registerFindCitizenRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/forloeb/ny', (c) => {
    authorize(requireActor(c), 'case.refer');
    return c.html(<FindCitizenPage ctx={pageContext(c)} />);
  });

  app.post('/forloeb/ny/soeg', async (c) => {
    const actor = requireActor(c);
    const cpr = text(await readForm(c), 'cpr');
    return submitForm(
      async () => {
        const found = await services.citizens.findByCpr(actor, { cpr }, 'POST /forloeb/ny/soeg');
        if (found) return c.redirect(henvisning(found.citizen.id), 303);
        // The page repeats the CPR number in its field: it is not kept for an idempotent replay, which
        // would store it in plain text; a repeat is sent back to the search instead.
        c.header('X-Replay-As', '/forloeb/ny');
        return c.html(<RegisterCitizenPage ctx={pageContext(c)} values={{ cpr }} notFound />);
      },
      {
        invalid: (error) =>
          c.html(<FindCitizenPage ctx={pageContext(c)} values={{ cpr }} errors={error.fields} />, 422),
      },
    );
  });

  app.post('/forloeb/ny/borger', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const citizen = await services.citizens.register(actor, form);
        return c.redirect(henvisning(citizen.id), 303);
      },
      {
        invalid: (error) =>
          c.html(<RegisterCitizenPage ctx={pageContext(c)} values={form} errors={error.fields} />, 422),
      },
    );
  });
}

/** The referral itself, of a citizen found or registered. */
function registerReferRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const renderReferral = async (
    c: Context<AppEnv>,
    actor: Actor,
    citizenId: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    // Only those who may refer see the form; anyone else is told the page does not exist.
    authorize(actor, 'case.refer');
    if (!citizenId) throw new NotFound();
    const found = await services.citizens.get(actor, citizenId, 'GET /forloeb/ny/henvisning');
    const programmes = await services.programmes.list(actor);
    return c.html(
      <ReferralPage
        ctx={pageContext(c)}
        found={found}
        programmes={programmes}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get('/forloeb/ny/henvisning', (c) => renderReferral(c, requireActor(c), c.req.query('borger') ?? ''));

  app.post('/forloeb', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const { id } = await services.cases.refer(actor, form);
        return c.redirect(`/forloeb/${id}`, 303);
      },
      {
        invalid: (error) => {
          const citizenId = typeof form.citizenId === 'string' ? form.citizenId : '';
          return renderReferral(c, actor, citizenId, form, error.fields);
        },
      },
    );
  });
}
