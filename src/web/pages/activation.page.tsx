import { addDays, danishDateOf } from '../../domain/calendar-date.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { isAllowed } from '../../domain/permissions.ts';
import { offersCode, type CitizenSignInWays } from '../../domain/sign-in.ts';
import type { ActivationCode } from '../../services/access/citizen-login.service.ts';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { MitIdSignIn } from './mitid.page.tsx';
import { formatDate } from '../format.ts';

// The citizen's activation (spec: Citizen log-in): the code from the letter, a mobile number or an e-mail to
// log in with, and a password. One short form, plain words; what was typed stays when something is wrong.

export function ActivationPage({
  ctx,
  values = {},
  errors,
  mitId = false,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
  mitId?: boolean;
}) {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} title={t('citizenLogin.activate.title')} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <ErrorSummary ctx={ctx} errors={errors} />
          <h1>{t('citizenLogin.activate.title')}</h1>
          <p class="font-lead">{t('citizenLogin.activate.intro')}</p>
          <Form ctx={ctx} action="/aktiver">
            <ActivationFields {...f} />
            <button type="submit" class="button button-primary">
              {t('citizenLogin.activate.submit')}
            </button>
          </Form>
          <p class="mt-6">{t('citizenLogin.activate.help')}</p>
          {/* Where the server knows the citizens' issuer: MitID instead of the code. */}
          {mitId ? <MitIdSignIn ctx={ctx} /> : null}
        </div>
      </div>
    </Layout>
  );
}

/** The activation form's fields: the code, the log-in name and the password twice. */
function ActivationFields(f: { ctx: PageContext; values: Values; errors?: FieldErrors | undefined }) {
  const { t } = f.ctx;
  return (
    <>
      <TextField
        {...f}
        name="code"
        label={t('citizenLogin.activate.code')}
        hint={t('citizenLogin.activate.codeHint')}
        autocomplete="one-time-code"
        width="m"
      />
      <TextField
        {...f}
        name="login"
        label={t('citizenLogin.activate.login')}
        hint={t('citizenLogin.activate.loginHint')}
        autocomplete="username"
      />
      <TextField
        {...f}
        name="password"
        type="password"
        label={t('citizenLogin.activate.password')}
        hint={t('citizenLogin.activate.passwordHint')}
        autocomplete="new-password"
      />
      <TextField
        {...f}
        name="passwordRepeat"
        type="password"
        label={t('citizenLogin.activate.passwordRepeat')}
        autocomplete="new-password"
      />
    </>
  );
}

/** The last whole day the code works (it ends at the time of day it was made, the day after). */
function lastValidDay(expiresAt: Date): string {
  return addDays(danishDateOf(expiresAt), -1);
}

/**
 * Shown once, right after the code is made (it is stored only as a hash): the code for the support
 * person on screen, and under it the letter for the citizen, which is all that prints.
 */
export function ActivationCodePage({
  ctx,
  caseId,
  issued,
  address,
}: {
  ctx: PageContext;
  caseId: string;
  issued: ActivationCode;
  /** Where the citizen activates, as the letter writes it. */
  address: string;
}) {
  const { t, lang, actor } = ctx;
  const title = t('citizenLogin.code.title', { name: issued.citizenName });
  const until = formatDate(lastValidDay(issued.expiresAt), lang);
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <div class="d-print-none">
        <p>
          <a href={`/forloeb/${caseId}`}>{t('citizenLogin.code.back')}</a>
        </p>
        <h1>{title}</h1>
        <p class="font-lead">{t('citizenLogin.code.once')}</p>
        <p class="one-time-code" id="activation-code">
          {issued.code}
        </p>
        <p>{t('citizenLogin.code.expires', { date: until })}</p>
        <p>{t('citizenLogin.code.print')}</p>
      </div>
      <article class="citizen-letter mt-8" aria-label={t('citizenLogin.letter.label')}>
        <Letter ctx={ctx} issued={issued} until={until} address={address} />
      </article>
    </Layout>
  );
}

function Letter({
  ctx,
  issued,
  until,
  address,
}: {
  ctx: PageContext;
  issued: ActivationCode;
  until: string;
  address: string;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="font-lead">
        <strong>{ctx.actor?.municipalityName}</strong>
      </p>
      <p class="font-lead">{t('citizenLogin.letter.greeting', { name: issued.citizenName })}</p>
      <p>{t('citizenLogin.letter.intro')}</p>
      <p>
        {t('citizenLogin.letter.code')}{' '}
        <strong class="one-time-code one-time-code--letter">{issued.code}</strong>
      </p>
      <p>{t('citizenLogin.letter.expires', { date: until })}</p>
      <h2>{t('citizenLogin.letter.steps')}</h2>
      <ol>
        <li>{t('citizenLogin.letter.step1', { address })}</li>
        <li>{t('citizenLogin.letter.step2')}</li>
        <li>{t('citizenLogin.letter.step3')}</li>
      </ol>
      <p>{t('citizenLogin.letter.help')}</p>
      <p>
        {t('citizenLogin.letter.regards')}
        <br />
        {issued.supportName}
      </p>
    </>
  );
}

/**
 * On the case page: the button that makes a new code (for those who may), or, where the programme asks
 * for MitID only, why there is none.
 */
export function ActivationCodeSection({
  ctx,
  caseId,
  ways,
}: {
  ctx: PageContext;
  caseId: string;
  ways: CitizenSignInWays;
}) {
  const { t, actor } = ctx;
  if (!actor || !isAllowed(actor.role, 'citizen.issueActivationCode')) return null;
  if (!offersCode(ways)) {
    return (
      <section class="mt-6">
        <h2>{t('citizenLogin.case.heading')}</h2>
        <p>{t('mitid.case.mitIdOnly')}</p>
      </section>
    );
  }
  return (
    <section class="mt-6">
      <h2>{t('citizenLogin.case.heading')}</h2>
      <p>{t('citizenLogin.case.text')}</p>
      <Form ctx={ctx} action={`/forloeb/${caseId}/aktiveringskode`}>
        <button type="submit" class="button button-secondary">
          {t('citizenLogin.case.submit')}
        </button>
      </Form>
    </section>
  );
}
