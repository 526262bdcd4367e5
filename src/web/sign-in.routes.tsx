import type { Context, Hono } from 'hono';
import { Unauthenticated, type AppError, type FieldErrors } from '../domain/errors.ts';
import { clearCookie, writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { readForm, text } from '../http/form.ts';
import { PORTAL_HOME } from './citizen-login.routes.tsx';
import { pageContext } from './context.ts';
import { LoginPage, ResetPasswordPage } from './pages/login.page.tsx';
import { submitForm } from './form-route.ts';
import { toSecondStep } from './second-factor.routes.tsx';
import { clientAddress, seeOther } from './request.ts';
import { afterLogout } from './staff-sso.routes.tsx';

// Staff log-in and log-out, keeping a session alive, and choosing a password with a one-time code.

const page = (c: Context<AppEnv>) => pageContext(c);

export function registerSignInRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  registerLoginRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerPasswordRoutes(app, deps);
}

/** The log-in page and its form. */
function registerLoginRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config } = deps;
  // The other ways in the log-in page offers: the municipality's log-in and MitID, when configured.
  const ways = { staffSso: !!config.oidc.staff, mitId: !!config.oidc.citizen };
  app.get('/log-ind', (c) => {
    if (c.get('actor')) return c.redirect('/', 303);
    const notice = c.req.query('besked');
    return c.html(
      <LoginPage
        ctx={page(c)}
        {...ways}
        notice={
          notice === 'logget-af'
            ? 'loggedOut'
            : notice === 'udlobet'
              ? 'expired'
              : notice === 'adgangskode'
                ? 'passwordSet'
                : notice === 'for-sent'
                  ? 'secondStepExpired'
                  : undefined
        }
      />,
    );
  });

  app.post('/log-ind', async (c) => {
    const form = await readForm(c);
    const values = { email: text(form, 'email') };
    // One message for every failure, never which part was wrong (ASVS 5.0 §6.3.8).
    const failed = (error: AppError) =>
      c.html(
        <LoginPage ctx={page(c)} {...ways} values={values} errors={{ email: error.userMessage }} />,
        401,
      );
    return submitForm(
      async () => {
        const step = await services.auth.beginLogin(
          { email: text(form, 'email'), password: text(form, 'password') },
          clientAddress(c),
        );
        // A staff user's second factor: the code (or enrolling first) before any session.
        if (step.kind !== 'session') return toSecondStep(c, deps, step.kind, step.pendingToken);
        writeCookie(c, config, 'session', step.token);
        return seeOther(c, step.actor.role === 'citizen' ? PORTAL_HOME : '/');
      },
      {
        invalid: failed,
        refused: failed,
        isRefusal: (error): error is AppError => error instanceof Unauthenticated || isTooMany(error),
      },
    );
  });
}

/** Log-out (at the issuer too, for the municipality's log-in), and keeping the session alive. */
function registerSessionRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config } = deps;
  app.post('/log-ud', async (c) => {
    const actor = c.get('actor');
    const token = c.get('sessionToken');
    if (actor && token) await services.auth.logout(token, actor);
    clearCookie(c, config, 'session');
    return seeOther(c, await afterLogout(deps, actor));
  });

  app.post('/session/forny', async (c) => {
    const token = c.get('sessionToken');
    const expiresAt = token ? await services.auth.keepAlive(token) : null;
    if (!expiresAt) return c.json({ error: 'unauthenticated' }, 401);
    return c.json({ expiresAt: expiresAt.toISOString() });
  });
}

/** Choosing a new password with a one-time code from the administrator. */
function registerPasswordRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/adgangskode', (c) => c.html(<ResetPasswordPage ctx={page(c)} />));

  app.post('/adgangskode', async (c) => {
    const form = await readForm(c);
    const input = {
      email: text(form, 'email'),
      code: text(form, 'code'),
      password: text(form, 'password'),
      passwordRepeat: text(form, 'passwordRepeat'),
    };
    const again = (errors: FieldErrors) =>
      c.html(
        <ResetPasswordPage ctx={page(c)} values={{ email: input.email, code: input.code }} errors={errors} />,
        422,
      );
    return submitForm(
      async () => {
        await services.users.resetPassword(input, clientAddress(c));
        return seeOther(c, '/log-ind?besked=adgangskode');
      },
      {
        invalid: (error) => again(error.fields),
        // Too many tries: said at the code, as a wrong code is.
        refused: (error) => again({ code: error.userMessage }),
        isRefusal: isTooMany,
      },
    );
  });
}

function isTooMany(error: unknown): error is AppError {
  return (error as { code?: unknown } | null)?.code === 'too_many_attempts';
}
