import type { FieldErrors } from '../../domain/errors.ts';
import type { PortalRequest } from '../../services/portal/portal-money.service.ts';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { RequestCard } from './portal-money.page.tsx';
import { PortalLayout } from './portal-layout.tsx';

// "Sig nej til et køb" (spec: Citizen confirmation): the citizen says no to a purchase written for them,
// with why if they want to. The request goes back to the support person; nothing else changes.

export function PortalDeclinePage({
  ctx,
  request,
  values = {},
  errors,
}: {
  ctx: PageContext;
  request: PortalRequest;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const title = t('portal.decline.title');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p class="font-lead">{t('portal.decline.lede')}</p>
      <ul class="unstyled-list portal-cards">
        <RequestCard ctx={ctx} request={request} details />
      </ul>
      <Form ctx={ctx} action={`/borger/bekraeft/${request.id}/nej`}>
        <TextField
          ctx={ctx}
          name="reason"
          label={t('portal.decline.reason')}
          hint={t('portal.decline.reasonHint')}
          multiline
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary mr-4">
          {t('portal.decline.submit')}
        </button>
        <a href="/borger/bekraeft" class="button button-secondary">
          {t('portal.decline.back')}
        </a>
      </Form>
    </PortalLayout>
  );
}
