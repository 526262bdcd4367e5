import type { FieldErrors } from '../../domain/errors.ts';
import type { SecondFactorStatus } from '../../services/access/second-factor.service.ts';
import type { TotpSetup } from '../../services/access/second-factor.ts';
import { Alert, DoneNotice } from '../components/alert.tsx';
import { ErrorSummary, Form, TextField } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { QrCode } from '../components/qr.tsx';
import type { PageContext } from '../context.ts';

// The second factor's pages (spec: Staff log-in): the log-in's second step, enrolling (from the log-in in
// production, or from the user's settings), the recovery codes shown once, and the user's settings.

/** The paths of the second factor's pages and forms. */
export const SECOND_FACTOR_PATHS = {
  login: '/log-ind/to-trin',
  loginEnrol: '/log-ind/to-trin/tilmeld',
  settings: '/mine-indstillinger/to-trin',
  start: '/mine-indstillinger/to-trin/start',
  enrol: '/mine-indstillinger/to-trin/tilmeld',
  newCodes: '/mine-indstillinger/to-trin/gendannelseskoder',
  turnOff: '/mine-indstillinger/to-trin/slaa-fra',
} as const;

/** The one field of every form here: a code from the app (or, at log-in, a recovery code). */
function CodeField({
  ctx,
  errors,
  hint,
}: {
  ctx: PageContext;
  errors?: FieldErrors | undefined;
  hint: string;
}) {
  return (
    <TextField
      ctx={ctx}
      values={{}}
      errors={errors}
      name="code"
      label={ctx.t('secondFactor.code')}
      hint={hint}
      autocomplete="one-time-code"
      width="m"
    />
  );
}

/** A narrow column, as the log-in page has. */
function Column({ children }: { children: unknown }) {
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">{children}</div>
    </div>
  );
}

export function SecondStepPage({ ctx, errors }: { ctx: PageContext; errors?: FieldErrors | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.login.title')} hasErrors={!!errors}>
      <Column>
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('secondFactor.login.title')}</h1>
        <p class="font-lead">{t('secondFactor.login.intro')}</p>
        <Form ctx={ctx} action={SECOND_FACTOR_PATHS.login}>
          <CodeField ctx={ctx} errors={errors} hint={t('secondFactor.login.codeHint')} />
          <button type="submit" class="button button-primary">
            {t('secondFactor.login.submit')}
          </button>
        </Form>
        <p class="mt-6">
          <a href="/log-ind">{t('secondFactor.login.back')}</a>
        </p>
      </Column>
    </Layout>
  );
}

/** Enrolling: scan the QR code (or type the key), then type a code to confirm. */
export function EnrolPage({
  ctx,
  setup,
  action,
  required,
  errors,
}: {
  ctx: PageContext;
  setup: TotpSetup;
  action: string;
  /** From the log-in in production: the municipality requires it before the session. */
  required: boolean;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('secondFactor.enrol.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <Column>
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('secondFactor.enrol.title')}</h1>
        {required ? <p class="font-lead">{t('secondFactor.enrol.required')}</p> : null}
        <ol>
          <li>{t('secondFactor.enrol.app')}</li>
          <li>
            {t('secondFactor.enrol.scan')}
            <QrCode text={setup.uri} label={t('secondFactor.enrol.qrLabel')} class="qr--phone" />
            <p>{t('secondFactor.enrol.typeKey')}</p>
            <p
              class="one-time-code one-time-code--long one-time-code--grouped"
              id="totp-key"
              aria-label={t('secondFactor.enrol.key')}
            >
              {setup.secret}
            </p>
          </li>
          <li>{t('secondFactor.enrol.confirm')}</li>
        </ol>
        <Form ctx={ctx} action={action}>
          <CodeField ctx={ctx} errors={errors} hint={t('secondFactor.codeHint')} />
          <button type="submit" class="button button-primary">
            {t('secondFactor.enrol.submit')}
          </button>
        </Form>
      </Column>
    </Layout>
  );
}

/** Shown once, right after enrolling or making new ones: the codes are stored only as hashes. */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.recovery.title')} authority={actor?.municipalityName}>
      <Column>
        <h1>{t('secondFactor.recovery.title')}</h1>
        <p class="font-lead">{t('secondFactor.recovery.intro')}</p>
        <ol id="recovery-codes" class="recovery-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>
          <a href={next} class="button button-primary">
            {t('secondFactor.recovery.continue')}
          </a>
        </p>
      </Column>
    </Layout>
  );
}

export function SecondFactorSettingsPage({
  ctx,
  status,
  notice,
  errors,
}: {
  ctx: PageContext;
  status: SecondFactorStatus;
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('secondFactor.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <Column>
        <ErrorSummary ctx={ctx} errors={errors} />
        <DoneNotice notice={notice} iconLabel={t('secondFactor.icon')} />
        <h1>{t('secondFactor.title')}</h1>
        <p>{t('secondFactor.intro')}</p>
        {!status.local ? (
          <Alert kind="info" iconLabel={t('secondFactor.icon')}>
            <p>{t('secondFactor.notLocal')}</p>
          </Alert>
        ) : status.enrolled ? (
          <Enrolled ctx={ctx} status={status} errors={errors} />
        ) : (
          <>
            <p>{t('secondFactor.off')}</p>
            <Form ctx={ctx} action={SECOND_FACTOR_PATHS.start}>
              <button type="submit" class="button button-primary">
                {t('secondFactor.start')}
              </button>
            </Form>
          </>
        )}
      </Column>
    </Layout>
  );
}

/** The enrolled user's choices; both ask for a current code, in one field (a button each). */
function Enrolled({
  ctx,
  status,
  errors,
}: {
  ctx: PageContext;
  status: SecondFactorStatus;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <p>
        <strong>{t('secondFactor.on')}</strong>{' '}
        {t('secondFactor.recoveryLeft', { count: status.recoveryCodesLeft })}
      </p>
      {status.required ? <p>{t('secondFactor.required')}</p> : null}
      <h2>{t('secondFactor.manage')}</h2>
      <p>{t('secondFactor.manageIntro')}</p>
      <Form ctx={ctx} action={SECOND_FACTOR_PATHS.newCodes}>
        <CodeField ctx={ctx} errors={errors} hint={t('secondFactor.codeHint')} />
        <div class="button-group">
          <button type="submit" class="button button-primary">
            {t('secondFactor.newCodes')}
          </button>
          {status.required ? null : (
            <button type="submit" class="button button-secondary" formaction={SECOND_FACTOR_PATHS.turnOff}>
              {t('secondFactor.turnOff')}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}
