import type { Hono } from 'hono';
import { TooManyAttempts, type FieldErrors } from '../domain/errors.ts';
import { writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { readForm, text } from '../http/form.ts';
import { pageContext } from './context.ts';
import { ActivationCodePage, ActivationPage } from './pages/activation.page.tsx';
import { submitForm } from './form-route.ts';
import { clientAddress, requireActor } from './request.ts';

// The citizen's log-in (spec: Citizen log-in): the support person makes an activation code on the case page;
// the citizen uses it at /aktiver to choose a log-in and a password, and lands in the portal.

export const ACTIVATION_PATH = '/aktiver';
/** Where a citizen's log-in leads. */
export const PORTAL_HOME = '/borger';

export function registerCitizenLoginRoutes(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  const mitId = !!config.oidc.citizen;
  app.get(ACTIVATION_PATH, (c) => c.html(<ActivationPage ctx={pageContext(c)} mitId={mitId} />));

  app.post(ACTIVATION_PATH, async (c) => {
    const form = await readForm(c);
    const input = {
      code: text(form, 'code'),
      login: text(form, 'login'),
      password: text(form, 'password'),
      passwordRepeat: text(form, 'passwordRepeat'),
    };
    const values = { code: input.code, login: input.login };
    const again = (errors: FieldErrors) =>
      c.html(<ActivationPage ctx={pageContext(c)} mitId={mitId} values={values} errors={errors} />, 422);
    return submitForm(
      async () => {
        const { token } = await services.citizenLogin.activate(input, clientAddress(c));
        writeCookie(c, config, 'session', token);
        return c.redirect(PORTAL_HOME, 303);
      },
      {
        invalid: (error) => again(error.fields),
        // Too many tries: said at the code, as a wrong code is.
        refused: (error) => again({ code: error.userMessage }),
        isRefusal: (error): error is TooManyAttempts => error instanceof TooManyAttempts,
      },
    );
  });

  app.post('/forloeb/:id/aktiveringskode', async (c) => {
    const caseId = c.req.param('id');
    const issued = await services.citizenLogin.issueActivationCode(requireActor(c), caseId);
    // The code is shown once: a replayed request is sent to the case page, never shown the code again.
    c.header('X-Replay-As', `/forloeb/${caseId}`);
    return c.html(
      <ActivationCodePage ctx={pageContext(c)} caseId={caseId} issued={issued} address={letterAddress()} />,
      201,
    );
  });

  /** The activation page's address as a citizen types it: host and path, no "https://". */
  function letterAddress(): string {
    const url = new URL(ACTIVATION_PATH, config.baseUrl);
    return `${url.host}${url.pathname}`;
  }
}
