import type { Context, Hono } from 'hono';
import { NotFound, Unauthenticated, ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import { localRedirectTarget } from '../domain/redirect-target.ts';
import { clearCookie, writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm, text } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import { clientAddress, requireActor } from './request.ts';
import { registerAttachmentRoutes } from './attachments.tsx';
import { registerCaseRoutes } from './case.routes.tsx';
import { ACTIVATION_PATH, PORTAL_HOME, registerCitizenLoginRoutes } from './citizen-login.routes.tsx';
import { registerFinanceRoutes } from './finance.routes.tsx';
import { registerImportRoutes } from './import.routes.tsx';
import { registerPortalRoutes } from './portal/portal.routes.tsx';
import { registerPortalSelfRoutes } from './portal/portal-self.routes.tsx';
import { registerReportRoutes } from './report.routes.tsx';
import { pageContext } from './context.ts';
import { isLang } from '../i18n/index.ts';
import { AccessibilityPage } from './pages/accessibility.page.tsx';
import { ApiTokensPage, NewApiTokenPage } from './pages/api-tokens.page.tsx';
import type { Values } from './components/form.tsx';
import { HomePage, type HomeData } from './pages/home.page.tsx';
import { LoginPage, ResetPasswordPage } from './pages/login.page.tsx';
import { ProgrammePage, ProgrammeRulesForm, programmeFormValues } from './pages/programme.page.tsx';
import { ConfirmDeactivationPage, NewUserPage, OneTimeCodePage, UsersPage } from './pages/users.page.tsx';

// The pages: each route parses the request, calls one service and renders. No rules live here.

/** The public forms that check a password or a one-time code (see middleware/command.ts). */
export const SIGN_IN_FORMS = ['/log-ind', '/adgangskode', ACTIVATION_PATH] as const;

/** After a successful POST: 303 See Other, so reloading the next page does not post again. */
function seeOther(c: Context<AppEnv>, location: string) {
  return c.redirect(location, 303);
}

export function registerWebRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config } = deps;
  const page = (c: Context<AppEnv>) => pageContext(c);

  app.get('/', async (c) => {
    const actor = requireActor(c);
    // The citizen's front page is the portal's (issue 6).
    if (actor.role === 'citizen') return c.redirect(PORTAL_HOME, 303);
    return c.html(<HomePage ctx={page(c)} data={await homeData(actor)} />);
  });

  app.get('/log-ind', (c) => {
    if (c.get('actor')) return c.redirect('/', 303);
    const notice = c.req.query('besked');
    return c.html(
      <LoginPage
        ctx={page(c)}
        notice={
          notice === 'logget-af'
            ? 'loggedOut'
            : notice === 'udlobet'
              ? 'expired'
              : notice === 'adgangskode'
                ? 'passwordSet'
                : undefined
        }
      />,
    );
  });

  app.post('/log-ind', async (c) => {
    const form = await readForm(c);
    const values = { email: text(form, 'email') };
    try {
      const { token, actor } = await services.auth.login(
        { email: text(form, 'email'), password: text(form, 'password') },
        clientAddress(c),
      );
      writeCookie(c, config, 'session', token);
      return seeOther(c, actor.role === 'citizen' ? PORTAL_HOME : '/');
    } catch (error) {
      // One message for every failure, never which part was wrong (ASVS 5.0 §6.3.8).
      if (error instanceof Unauthenticated || error instanceof ValidationFailed || isTooMany(error)) {
        return c.html(<LoginPage ctx={page(c)} values={values} errors={{ email: error.message }} />, 401);
      }
      throw error;
    }
  });

  app.post('/log-ud', async (c) => {
    const actor = c.get('actor');
    const token = c.get('sessionToken');
    if (actor && token) await services.auth.logout(token, actor);
    clearCookie(c, config, 'session');
    return seeOther(c, '/log-ind?besked=logget-af');
  });

  app.post('/session/forny', async (c) => {
    const token = c.get('sessionToken');
    const expiresAt = token ? await services.auth.keepAlive(token) : null;
    if (!expiresAt) return c.json({ error: 'unauthenticated' }, 401);
    return c.json({ expiresAt: expiresAt.toISOString() });
  });

  app.get('/adgangskode', (c) => c.html(<ResetPasswordPage ctx={page(c)} />));

  app.post('/adgangskode', async (c) => {
    const form = await readForm(c);
    const input = {
      email: text(form, 'email'),
      code: text(form, 'code'),
      password: text(form, 'password'),
      passwordRepeat: text(form, 'passwordRepeat'),
    };
    try {
      await services.users.resetPassword(input, clientAddress(c));
      return seeOther(c, '/log-ind?besked=adgangskode');
    } catch (error) {
      if (error instanceof ValidationFailed || isTooMany(error)) {
        const errors = error instanceof ValidationFailed ? error.fields : { code: error.message };
        return c.html(
          <ResetPasswordPage
            ctx={page(c)}
            values={{ email: input.email, code: input.code }}
            errors={errors}
          />,
          422,
        );
      }
      throw error;
    }
  });

  app.get('/sprog/:lang', (c) => {
    const lang = c.req.param('lang');
    if (isLang(lang)) writeCookie(c, config, 'lang', lang, 365 * 24 * 3600);
    return c.redirect(localRedirectTarget(c.req.query('tilbage')), 303);
  });

  app.get('/tilgaengelighedserklaering', (c) => c.html(<AccessibilityPage ctx={page(c)} />));

  registerUserRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerCitizenLoginRoutes(app, deps);
  registerFinanceRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerAttachmentRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPortalSelfRoutes(app, deps);

  async function homeData(actor: Actor): Promise<HomeData> {
    switch (actor.role) {
      case 'coordinator':
        return {
          programmes: await services.programmes.list(actor),
          recentChanges: await services.overview.recentChanges(actor),
        };
      case 'support':
      case 'finance':
        return { programmes: await services.programmes.list(actor) };
      case 'evaluator':
        return { municipalities: await services.overview.municipalities(actor) };
      case 'admin':
      case 'citizen':
        return {};
    }
  }
}

function isTooMany(error: unknown): error is Error {
  return (error as { code?: unknown } | null)?.code === 'too_many_attempts';
}

function registerUserRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/brugere', async (c) => {
    const actor = requireActor(c);
    const users = await services.users.list(actor);
    const deactivated = c.req.query('deaktiveret');
    const name = users.find((u) => u.id === deactivated)?.name;
    const notice = name ? pageContext(c).t('users.deactivated', { name }) : undefined;
    return c.html(<UsersPage ctx={pageContext(c)} users={users} notice={notice} />);
  });

  app.get('/brugere/ny', (c) => {
    services.users.assertMayCreate(requireActor(c));
    return c.html(<NewUserPage ctx={pageContext(c)} />);
  });

  app.post('/brugere', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    try {
      const { user, code } = await services.users.create(actor, form);
      markSecret(c, '/brugere');
      return await c.html(<OneTimeCodePage ctx={pageContext(c)} user={user} code={code} />, 201);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        return c.html(<NewUserPage ctx={pageContext(c)} values={form} errors={error.fields} />, 422);
      }
      throw error;
    }
  });

  app.get('/brugere/:id/deaktiver', async (c) => {
    const user = await services.users.getForDeactivation(requireActor(c), c.req.param('id'));
    return c.html(<ConfirmDeactivationPage ctx={pageContext(c)} user={user} />);
  });

  app.post('/brugere/:id/deaktiver', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    await services.users.deactivate(actor, id);
    return seeOther(c, `/brugere?deaktiveret=${encodeURIComponent(id)}`);
  });

  app.post('/brugere/:id/engangskode', async (c) => {
    const actor = requireActor(c);
    const { user, code } = await services.users.issueResetCode(actor, c.req.param('id'));
    markSecret(c, '/brugere');
    return c.html(<OneTimeCodePage ctx={pageContext(c)} user={user} code={code} />, 201);
  });
}

function registerApiTokenRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = async (c: Context<AppEnv>, actor: Actor, values?: Values, errors?: FieldErrors) => {
    const [tokens, users] = await Promise.all([services.apiTokens.list(actor), services.users.list(actor)]);
    return c.html(
      <ApiTokensPage ctx={pageContext(c)} tokens={tokens} users={users} values={values} errors={errors} />,
      errors ? 422 : 200,
    );
  };

  app.get('/api-noegler', (c) => render(c, requireActor(c)));

  app.post('/api-noegler', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    try {
      const { token } = await services.apiTokens.issue(actor, form);
      markSecret(c, '/api-noegler');
      return await c.html(<NewApiTokenPage ctx={pageContext(c)} token={token} />, 201);
    } catch (error) {
      if (error instanceof ValidationFailed) return render(c, actor, form, error.fields);
      throw error;
    }
  });

  app.post('/api-noegler/:id/tilbagekald', async (c) => {
    await services.apiTokens.revoke(requireActor(c), c.req.param('id'));
    return seeOther(c, '/api-noegler');
  });
}

function registerProgrammeRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/ordning', async (c) => {
    const actor = requireActor(c);
    const [programme] = await services.programmes.list(actor);
    if (!programme) throw new NotFound();
    return c.html(
      <ProgrammePage ctx={pageContext(c)} programme={programme} saved={c.req.query('gemt') === '1'} />,
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
      />,
    );
  });

  app.post('/ordning/:id/regler', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    try {
      await services.programmes.updateSettings(actor, id, form);
      return seeOther(c, '/ordning?gemt=1');
    } catch (error) {
      if (error instanceof ValidationFailed) {
        const programme = await services.programmes.get(actor, id);
        return c.html(
          <ProgrammeRulesForm
            ctx={pageContext(c)}
            programme={programme}
            values={form}
            errors={error.fields}
          />,
          422,
        );
      }
      throw error;
    }
  });
}

/**
 * A response that shows a secret (a one-time code) is not kept for idempotent replay; a repeated
 * request is sent to `replayAs` instead.
 */
function markSecret(c: Context<AppEnv>, replayAs: string): void {
  c.header('X-Replay-As', replayAs);
}
