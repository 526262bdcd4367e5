import type { FieldErrors } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';
import type { ProposalForm } from '../../services/portal/portal-money.service.ts';
import {
  ErrorSummary,
  fieldError,
  fieldId,
  Form,
  SelectField,
  TextField,
  type Values,
} from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { PortalLayout } from './portal-layout.tsx';

// "Foreslå et køb": the citizen proposes a purchase, with a picture or PDF of the offer if they have one
// (spec: Proposals). The support person makes it a purchase request; nothing is paid from here.

export function PortalProposePage({
  ctx,
  form,
  values,
  errors,
  hadFile,
}: {
  ctx: PageContext;
  form: ProposalForm;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
  /** A file was chosen when the form came back with errors: the browser cannot keep it. */
  hadFile?: boolean;
}) {
  const { t } = ctx;
  const title = t('portal.nav.propose');
  const v = values ?? {};
  // The browser cannot keep a chosen file: when the form comes back with errors, ask for it again.
  const fileAgain =
    !errors?.file && hadFile && errors ? { ...errors, file: message('portal.propose.fileAgain') } : errors;
  const fileError = fieldError(ctx, fileAgain, 'file');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={fileAgain} />
      <h1>{title}</h1>
      {!form.open ? (
        <p class="font-lead">{t('portal.propose.closed')}</p>
      ) : (
        <>
          <p class="font-lead">{t('portal.propose.lede')}</p>
          <p>{t('portal.propose.noPayment')}</p>
          <ProposeForm ctx={ctx} form={form} values={v} errors={errors} fileError={fileError} />
        </>
      )}
    </PortalLayout>
  );
}

/** The proposal: what and why, the price, the shop, and a picture or PDF of the offer. */
function ProposeForm({
  ctx,
  form,
  values: v,
  errors,
  fileError,
}: {
  ctx: PageContext;
  form: ProposalForm;
  values: Values;
  errors: FieldErrors | undefined;
  fileError: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action="/borger/koeb/nyt" enctype="multipart/form-data">
      <WhatFields ctx={ctx} form={form} values={v} errors={errors} />
      <TextField
        ctx={ctx}
        name="amountKr"
        label={t('portal.propose.amount')}
        hint={t('portal.propose.amountHint')}
        values={v}
        errors={errors}
        inputmode="decimal"
        width="s"
        suffix="kr."
      />
      <TextField
        ctx={ctx}
        name="shop"
        label={t('portal.propose.shop')}
        hint={t('portal.propose.shopHint')}
        values={v}
        errors={errors}
      />
      <FileField ctx={ctx} fileError={fileError} />
      <button type="submit" class="button button-primary">
        {t('portal.propose.send')}
      </button>
    </Form>
  );
}

/** What the citizen wants to buy, why, and for which sub-goal (if they know). */
function WhatFields({
  ctx,
  form,
  values: v,
  errors,
}: {
  ctx: PageContext;
  form: ProposalForm;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="title"
        label={t('portal.propose.title')}
        hint={t('portal.propose.titleHint')}
        values={v}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="purpose"
        label={t('portal.propose.purpose')}
        hint={t('portal.propose.purposeHint')}
        values={v}
        errors={errors}
        multiline
      />
      {form.subGoals.length > 0 ? (
        <SelectField
          ctx={ctx}
          name="subGoalId"
          label={t('portal.propose.subGoal')}
          values={v}
          errors={errors}
          options={[
            { value: '', label: t('portal.propose.subGoalUnknown') },
            ...form.subGoals.map((s) => ({ value: s.id, label: s.description })),
          ]}
        />
      ) : null}
    </>
  );
}

/** The file field, written out: DKFDS's file input, with the form's hint and error. */
function FileField({ ctx, fileError }: { ctx: PageContext; fileError: string | undefined }) {
  const { t } = ctx;
  return (
    <div class={`form-group${fileError ? ' form-error' : ''}`}>
      <label class="form-label" for="file">
        {t('portal.propose.file')}
      </label>
      <span class="form-hint" id="file-hint">
        {t('portal.propose.fileHint')}
      </span>
      {fileError ? (
        <span class="form-error-message" id="file-error">
          <span class="sr-only">{t('error.prefix')}</span>
          {fileError}
        </span>
      ) : null}
      <input
        class="form-file-input"
        type="file"
        id={fieldId('file')}
        name="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
        aria-invalid={fileError ? 'true' : undefined}
      />
    </div>
  );
}
