import type { Context, Hono } from 'hono';
import { Unauthenticated, type AppError, type FieldErrors } from '../domain/errors.ts';
import { clearCookie, readCookie, writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { readForm, text } from '../http/form.ts';
import { PENDING_SIGN_IN_MS, type SecondStep } from '../services/access/second-factor.ts';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import {
  EnrolPage,
  RecoveryCodesPage,
  SecondFactorSettingsPage,
  SecondStepPage,
  SECOND_FACTOR_PATHS as P,
} from './pages/second-factor.page.tsx';
import { clientAddress, requireActor, seeOther } from './request.ts';
import { markSecret } from './users.routes.tsx';

// The second factor of local staff accounts (spec: Staff log-in): the log-in's second step and enrolling
// before the first session (production), and the user's own settings. The forms that check a code the
// user already has run outside a command (SIGN_IN_FORMS), so their throttle counts a wrong code.

/** The forms that check a code against the throttle (routes.tsx SIGN_IN_FORMS). */
export const SECOND_FACTOR_SIGN_IN_FORMS = [P.login, P.loginEnrol, P.newCodes, P.turnOff] as const;

/** The user's own enrolment, open at any sign-in level (routes.tsx OWN_SIGN_IN_FORMS). */
export const SECOND_FACTOR_OWN_FORMS = [P.start, P.enrol] as const;

const page = (c: Context<AppEnv>) => pageContext(c);

/** Where the log-in form sends a browser whose password was right but whose log-in has a second step. */
export function toSecondStep(c: Context<AppEnv>, deps: AppDeps, step: SecondStep, pendingToken: string) {
  writeCookie(c, deps.config, 'signin', pendingToken, PENDING_SIGN_IN_MS / 1000);
  return seeOther(c, step === 'code' ? P.login : P.loginEnrol);
}

export function registerSecondFactorRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const login = loginSteps(deps);
  registerCodeStep(app, deps, login);
  registerLoginEnrolment(app, deps, login);
  const settings = settingsPage(deps);
  registerOwnEnrolment(app, deps, settings);
  registerCodeForms(app, deps, settings);
}

type LoginSteps = ReturnType<typeof loginSteps>;

/** What the log-in's steps share: the waiting log-in's cookie, and where its end leads. */
function loginSteps({ config }: AppDeps) {
  const pendingOf = (c: Context<AppEnv>) => readCookie(c, config, 'signin') ?? '';
  /** The session is made: the waiting log-in's cookie goes, the session's comes. */
  const signedIn = (c: Context<AppEnv>, token: string) => {
    clearCookie(c, config, 'signin');
    writeCookie(c, config, 'session', token);
  };
  /** A waiting log-in that is gone or too old: log in again from the start. */
  const again = (c: Context<AppEnv>) => {
    clearCookie(c, config, 'signin');
    return seeOther(c, '/log-ind?besked=for-sent');
  };
  /** A gone waiting log-in starts again; too many tries are said at the field, as a wrong code is. */
  const refusedHere = (error: unknown): error is AppError =>
    error instanceof Unauthenticated || tooMany(error);
  return { pendingOf, signedIn, again, refusedHere };
}

function registerCodeStep(
  app: Hono<AppEnv>,
  { services }: AppDeps,
  { pendingOf, signedIn, again, refusedHere }: LoginSteps,
): void {
  app.get(P.login, async (c) => {
    if (c.get('actor')) return c.redirect('/', 303);
    if ((await services.secondFactor.pendingStep(pendingOf(c))) !== 'code') return again(c);
    return c.html(<SecondStepPage ctx={page(c)} />);
  });

  app.post(P.login, async (c) => {
    const form = await readForm(c);
    const failed = (errors: FieldErrors) => c.html(<SecondStepPage ctx={page(c)} errors={errors} />, 401);
    return submitForm(
      async () => {
        const done = await services.secondFactor.completeLogin(
          pendingOf(c),
          { code: text(form, 'code') },
          clientAddress(c),
        );
        signedIn(c, done.token);
        return seeOther(c, done.recoveryCodesLeft === null ? '/' : `${P.settings}?besked=gendannelseskode`);
      },
      {
        invalid: (error) => failed(error.fields),
        refused: (error) =>
          error instanceof Unauthenticated ? again(c) : failed({ code: error.userMessage }),
        isRefusal: refusedHere,
      },
    );
  });
}

function registerLoginEnrolment(
  app: Hono<AppEnv>,
  { services }: AppDeps,
  { pendingOf, signedIn, again, refusedHere }: LoginSteps,
): void {
  app.get(P.loginEnrol, async (c) => {
    if (c.get('actor')) return c.redirect('/', 303);
    const setup = await services.secondFactor.pendingSetup(pendingOf(c));
    if (!setup) return again(c);
    return c.html(<EnrolPage ctx={page(c)} setup={setup} action={P.loginEnrol} required />);
  });

  app.post(P.loginEnrol, async (c) => {
    const form = await readForm(c);
    const failed = async (errors: FieldErrors) => {
      const setup = await services.secondFactor.pendingSetup(pendingOf(c));
      if (!setup) return again(c);
      return c.html(
        <EnrolPage ctx={page(c)} setup={setup} action={P.loginEnrol} required errors={errors} />,
        401,
      );
    };
    return submitForm(
      async () => {
        const done = await services.secondFactor.completeEnrolment(
          pendingOf(c),
          { code: text(form, 'code') },
          clientAddress(c),
        );
        signedIn(c, done.token);
        return c.html(<RecoveryCodesPage ctx={page(c)} codes={done.recoveryCodes} next="/" />);
      },
      {
        invalid: (error) => failed(error.fields),
        refused: (error) =>
          error instanceof Unauthenticated ? again(c) : failed({ code: error.userMessage }),
        isRefusal: refusedHere,
      },
    );
  });
}

type SettingsPage = ReturnType<typeof settingsPage>;

/** The user's settings page, with a notice of what was just done or the errors of a refused form. */
function settingsPage({ services }: AppDeps) {
  return async (c: Context<AppEnv>, errors?: FieldErrors) => {
    const status = await services.secondFactor.status(requireActor(c));
    const done = c.req.query('besked');
    const { t } = page(c);
    const notice =
      done === 'slaaet-fra'
        ? t('secondFactor.turnedOff')
        : done === 'gendannelseskode'
          ? t('secondFactor.usedRecovery', { count: status.recoveryCodesLeft })
          : undefined;
    return c.html(
      <SecondFactorSettingsPage ctx={page(c)} status={status} notice={notice} errors={errors} />,
      errors ? 422 : 200,
    );
  };
}

function registerOwnEnrolment(app: Hono<AppEnv>, { services }: AppDeps, settings: SettingsPage): void {
  app.get(P.settings, (c) => settings(c));

  app.post(P.start, (c) =>
    submitForm(
      async () => {
        await services.secondFactor.start(requireActor(c));
        return seeOther(c, P.enrol);
      },
      { invalid: (error) => settings(c, error.fields) },
    ),
  );

  app.get(P.enrol, async (c) => {
    const setup = await services.secondFactor.setup(requireActor(c));
    if (!setup) return seeOther(c, P.settings);
    return c.html(<EnrolPage ctx={page(c)} setup={setup} action={P.enrol} required={false} />);
  });

  app.post(P.enrol, async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    return submitForm(
      async () => {
        const codes = await services.secondFactor.confirm(actor, { code: text(form, 'code') });
        markSecret(c, P.settings);
        return c.html(<RecoveryCodesPage ctx={page(c)} codes={codes} next={P.settings} />, 201);
      },
      {
        invalid: async (error) => {
          const setup = await services.secondFactor.setup(actor);
          if (!setup) return seeOther(c, P.settings);
          return c.html(
            <EnrolPage ctx={page(c)} setup={setup} action={P.enrol} required={false} errors={error.fields} />,
            422,
          );
        },
      },
    );
  });
}

/** The forms that check a code the user already has: throttled, outside a command. */
function registerCodeForms(app: Hono<AppEnv>, { services }: AppDeps, settings: SettingsPage): void {
  app.post(P.newCodes, async (c) => {
    const form = await readForm(c);
    return submitForm(
      async () => {
        const codes = await services.secondFactor.newRecoveryCodes(
          requireActor(c),
          { code: text(form, 'code') },
          clientAddress(c),
        );
        return c.html(<RecoveryCodesPage ctx={page(c)} codes={codes} next={P.settings} />, 201);
      },
      {
        invalid: (error) => settings(c, error.fields),
        refused: (error) => settings(c, { code: error.userMessage }),
        isRefusal: tooMany,
      },
    );
  });

  app.post(P.turnOff, async (c) => {
    const form = await readForm(c);
    return submitForm(
      async () => {
        await services.secondFactor.turnOff(requireActor(c), { code: text(form, 'code') }, clientAddress(c));
        return seeOther(c, `${P.settings}?besked=slaaet-fra`);
      },
      {
        invalid: (error) => settings(c, error.fields),
        refused: (error) => settings(c, { code: error.userMessage }),
        isRefusal: tooMany,
      },
    );
  });
}

function tooMany(error: unknown): error is AppError {
  return (error as { code?: unknown } | null)?.code === 'too_many_attempts';
}
