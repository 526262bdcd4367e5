import type { FieldErrors } from '../../domain/errors.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { MitIdSignIn } from './mitid.page.tsx';

/** What the log-in page says above the form, after a log-out, a timeout or a new password. */
const NOTICES = {
  loggedOut: 'login.loggedOut',
  expired: 'login.expired',
  passwordSet: 'reset.done',
  secondStepExpired: 'login.secondStepExpired',
} as const;

export function LoginPage({
  ctx,
  values = {},
  errors,
  notice,
  staffSso = false,
  mitId = false,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: keyof typeof NOTICES | undefined;
  /** The server knows the municipalities' own log-in (OIDC_STAFF_ISSUER): staff may use it. */
  staffSso?: boolean;
  /** The server knows the citizens' issuer (OIDC_CITIZEN_ISSUER): citizens may log in with MitID. */
  mitId?: boolean;
}) {
  const { t } = ctx;
  // The props every field of the form shares.
  const f = { ctx, values, errors };
  const noticeText = notice ? t(NOTICES[notice]) : null;
  return (
    <Layout ctx={ctx} title={t('login.title')} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <ErrorSummary ctx={ctx} errors={errors} />
          {noticeText ? (
            <Alert kind="info" iconLabel="Information">
              <p>{noticeText}</p>
            </Alert>
          ) : null}
          <h1>{t('login.title')}</h1>
          <p class="font-lead">{t('login.intro')}</p>
          <OtherWays ctx={ctx} staffSso={staffSso} mitId={mitId} />
          <Form ctx={ctx} action="/log-ind">
            {/* Staff log in by e-mail, a citizen by e-mail or mobile number: a text field, not type=email. */}
            <TextField {...f} name="email" label={t('login.email')} autocomplete="username" />
            <TextField
              {...f}
              name="password"
              type="password"
              label={t('login.password')}
              autocomplete="current-password"
            />
            <button type="submit" class="button button-primary">
              {t('login.submit')}
            </button>
          </Form>
          <p class="mt-6">
            {t('login.forgot')} <a href="/adgangskode">{t('login.forgotLink')}</a>
          </p>
          <p>
            {t('citizenLogin.login.code')} <a href="/aktiver">{t('citizenLogin.login.codeLink')}</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

/**
 * The ways in through an issuer, where configured, before the password form: MitID for citizens
 * (spec: Citizen log-in) and the municipality's log-in for staff
 * (spec: Staff log-in with the municipality's log-in).
 */
function OtherWays({ ctx, staffSso, mitId }: { ctx: PageContext; staffSso: boolean; mitId: boolean }) {
  const { t } = ctx;
  if (!staffSso && !mitId) return null;
  return (
    <>
      {mitId ? <MitIdSignIn ctx={ctx} /> : null}
      {staffSso ? (
        <p>
          <a href="/log-ind/kommune" class="button button-secondary">
            {t('sso.login.button')}
          </a>
        </p>
      ) : null}
      <p>{t('sso.login.or')}</p>
    </>
  );
}

export function ResetPasswordPage({
  ctx,
  values = {},
  errors,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  // The props every field of the form shares.
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} title={t('reset.title')} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <ErrorSummary ctx={ctx} errors={errors} />
          <h1>{t('reset.title')}</h1>
          <p>{t('reset.intro')}</p>
          <Form ctx={ctx} action="/adgangskode">
            <TextField {...f} name="email" type="email" label={t('reset.email')} autocomplete="username" />
            <TextField
              {...f}
              name="code"
              label={t('reset.code')}
              hint={t('reset.codeHint')}
              autocomplete="one-time-code"
              width="m"
            />
            <TextField
              {...f}
              name="password"
              type="password"
              label={t('reset.password')}
              hint={t('reset.passwordHint')}
              autocomplete="new-password"
            />
            <TextField
              {...f}
              name="passwordRepeat"
              type="password"
              label={t('reset.passwordRepeat')}
              autocomplete="new-password"
            />
            <button type="submit" class="button button-primary">
              {t('reset.submit')}
            </button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}
