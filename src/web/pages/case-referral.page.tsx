import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';
import {
  PREFERRED_LANGUAGE_LABELS,
  PREFERRED_LANGUAGES,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
} from '../../domain/case-intake.ts';
import { CASE_PHASE_LABELS } from '../../domain/case-lifecycle.ts';
import type { CitizenWithCases } from '../../services/cases/citizen.service.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';

// The referral (spec: Staff pages), one thing per page: find the citizen by CPR number (posted, never in
// a URL), register them if they are new, then the referral itself. The CPR number is shown masked.

interface FormPage {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
}

function Shell({
  ctx,
  title,
  step,
  errors,
  children,
}: FormPage & { title: string; step: number; children: Child }) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-lg-8">
          <ErrorSummary ctx={ctx} errors={errors} />
          <p class="step-subheading">{t('referral.step', { step, of: 3 })}</p>
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}

export function FindCitizenPage({ ctx, values = {}, errors }: FormPage) {
  const { t } = ctx;
  return (
    <Shell ctx={ctx} title={t('referral.find.title')} step={1} errors={errors}>
      <p class="font-lead">{t('referral.find.intro')}</p>
      <Form ctx={ctx} action="/forloeb/ny/soeg">
        <CprField ctx={ctx} values={values} errors={errors} />
        <button type="submit" class="button button-primary">
          {t('referral.find.submit')}
        </button>
      </Form>
    </Shell>
  );
}

export function RegisterCitizenPage({
  ctx,
  values = {},
  errors,
  notFound,
}: FormPage & { notFound?: boolean }) {
  const { t } = ctx;
  return (
    <Shell ctx={ctx} title={t('referral.register.title')} step={2} errors={errors}>
      {notFound ? (
        <Alert kind="info" iconLabel={t('referral.info')}>
          <p>{t('referral.register.notFound')}</p>
        </Alert>
      ) : null}
      <Form ctx={ctx} action="/forloeb/ny/borger">
        <CprField ctx={ctx} values={values} errors={errors} />
        <ContactFields ctx={ctx} values={values} errors={errors} />
        <button type="submit" class="button button-primary">
          {t('referral.register.submit')}
        </button>
      </Form>
    </Shell>
  );
}

export function ReferralPage({
  ctx,
  found,
  programmes,
  values = {},
  errors,
}: FormPage & { found: CitizenWithCases; programmes: Programme[] }) {
  const { t } = ctx;
  const { citizen, cases } = found;
  return (
    <Shell ctx={ctx} title={t('referral.refer.title')} step={3} errors={errors}>
      <SummaryTable
        caption={t('case.citizen')}
        rows={[
          [t('case.citizen'), citizen.name],
          [t('case.cpr'), citizen.maskedCpr],
        ]}
      />
      <ExistingCases ctx={ctx} cases={cases} />
      <ReferralForm
        ctx={ctx}
        citizenId={citizen.id}
        programmes={programmes}
        values={values}
        errors={errors}
      />
    </Shell>
  );
}

/** The CPR number: found by it, registered with it; never in an address. */
function CprField({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <TextField
      ctx={ctx}
      name="cpr"
      label={t('referral.cpr')}
      hint={t('referral.cprHint')}
      inputmode="numeric"
      autocomplete="off"
      width="s"
      values={values}
      errors={errors}
    />
  );
}

/** A new citizen's name, how to reach them, and the language they prefer. */
function ContactFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="name"
        label={t('referral.name')}
        autocomplete="off"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="phone"
        label={t('referral.phone')}
        inputmode="tel"
        autocomplete="off"
        width="m"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="email"
        type="email"
        label={t('referral.email')}
        autocomplete="off"
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="preferredLanguage"
        label={t('referral.language')}
        options={PREFERRED_LANGUAGES.map((l) => ({ value: l, label: t(PREFERRED_LANGUAGE_LABELS[l]) }))}
        values={values}
        errors={errors}
      />
    </>
  );
}

/** The citizen's cases so far, so a second referral is made knowingly. */
function ExistingCases({ ctx, cases }: { ctx: PageContext; cases: CitizenWithCases['cases'] }) {
  const { t } = ctx;
  if (cases.length === 0) return null;
  return (
    <>
      <h2 class="h3">{t('referral.existingCases')}</h2>
      <ul>
        {cases.map((c) => (
          <li>
            <a href={`/forloeb/${c.id}`}>{t('cases.caseNumber', { number: c.caseNumber })}</a>:{' '}
            {c.programmeName}, {t(CASE_PHASE_LABELS[c.phase])}
          </li>
        ))}
      </ul>
    </>
  );
}

interface ReferralFormProps {
  ctx: PageContext;
  citizenId: string;
  programmes: Programme[];
  values: Values;
  errors: FieldErrors | undefined;
}

/** The referral: to which programme, from whom, why and when. */
function ReferralForm({ ctx, citizenId, programmes, values, errors }: ReferralFormProps) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action="/forloeb">
      <input type="hidden" name="citizenId" value={citizenId} />
      <SelectField
        ctx={ctx}
        name="programmeId"
        label={t('case.programme')}
        options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="source"
        label={t('case.referralSource')}
        options={[
          { value: '', label: '' },
          ...REFERRAL_SOURCES.map((s) => ({ value: s, label: t(REFERRAL_SOURCE_LABELS[s]) })),
        ]}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="reason"
        label={t('case.referralReason')}
        hint={t('referral.reasonHint')}
        multiline
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="referredOn"
        label={t('case.referredOn')}
        hint={t('case.action.dateHint')}
        type="date"
        width="s"
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('referral.refer.submit')}
      </button>
    </Form>
  );
}
