import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import { PAYMENT_METHOD_LABELS } from '../../domain/purchase-request.ts';
import type { BudgetOverview, PurchaseRequestView } from '../../services/money/budget.service.ts';
import { AttachmentsSection } from '../attachments.tsx';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, RadioGroup, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { DoneAlert, flagsOf, StatusTag, type Done } from './case-budget.page.tsx';

// A purchase request's own page (spec: Request lifecycle): its details, its attachments and the steps allowed
// now.

import { Refused } from './purchase-request-new.page.tsx';
export function RequestPage({
  ctx,
  overview,
  request: r,
  done,
  values,
  errors,
  refused,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  done?: Done | undefined;
  values: Values;
  errors?: FieldErrors | undefined;
  refused?: string | undefined;
}) {
  const { t, lang, actor } = ctx;
  const title = t('money.request.title', { number: r.number, title: r.title });
  const base = `/forloeb/${overview.caseId}/anmodninger/${r.id}`;
  const rows: [string, string][] = [
    [t('money.amount'), formatKr(r.amount)],
    [t('money.field.purpose'), r.purpose],
    [t('money.category'), EXPENSE_CATEGORY_LABELS[r.category][lang]],
  ];
  if (r.justification) rows.push([t('money.field.justification'), r.justification]);
  rows.push(
    [t('money.subGoal'), r.subGoal?.description ?? t('money.noSubGoal')],
    [
      t('money.field.vendor'),
      r.vendor ? `${r.vendor.name}${r.vendor.cvr ? ` (CVR ${r.vendor.cvr})` : ''}` : '–',
    ],
    [t('money.field.paymentMethod'), PAYMENT_METHOD_LABELS[r.paymentMethod][lang]],
  );
  if (r.links) rows.push([t('money.field.links'), r.links]);
  rows.push(
    [
      t('money.confirmed'),
      r.citizenConfirmed
        ? t('money.confirmed.yes', {
            date: formatDate(r.citizenConfirmed.on, lang),
            how: t(`money.how.${r.citizenConfirmed.how}`),
          })
        : t('money.confirmed.no'),
    ],
    [
      t('money.createdBy'),
      `${r.createdByCitizen ? t('portal.staff.proposedBy', { name: r.createdBy }) : r.createdBy}, ${formatDateTime(r.createdAt, lang)}`,
    ],
  );
  if (r.decidedBy && r.decidedAt)
    rows.push([t('money.decidedBy'), `${r.decidedBy}, ${formatDateTime(r.decidedAt, lang)}`]);
  if (r.rejectionReason) rows.push([t('money.rejectionReason'), r.rejectionReason]);
  if (r.cancellationReason) rows.push([t('money.cancellationReason'), r.cancellationReason]);
  if (r.reserved > 0) rows.push([t('money.reserved'), formatKr(r.reserved)]);
  if (r.paid > 0) rows.push([t('money.paid'), formatKr(r.paid)]);
  if (r.refunded > 0) rows.push([t('money.refunded'), formatKr(r.refunded)]);
  const flags = flagsOf(ctx, r);
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${overview.caseId}/budget`}>{t('money.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        <StatusTag ctx={ctx} status={r.status} />
      </p>
      {done ? <DoneAlert ctx={ctx} done={done} /> : null}
      <Refused ctx={ctx} message={refused} />
      {flags.length > 0 ? (
        <Alert kind="warning" heading={t('money.flags')} iconLabel={t('money.flags')}>
          <ul class="nobullet-list">
            {flags.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <section class="mt-6">
        <h2>{t('money.request.details')}</h2>
        <SummaryTable caption={t('money.request.details')} rows={rows} />
      </section>
      {/* The attachments' slot (id "bilag"): list, download and upload are attachments.tsx's. */}
      <div class="mt-7">
        <AttachmentsSection
          ctx={ctx}
          requestId={r.id}
          attachments={r.attachments}
          canUpload={r.status !== 'rejected' && r.status !== 'cancelled'}
        />
      </div>
      <Steps ctx={ctx} overview={overview} request={r} base={base} values={values} errors={errors} />
    </Layout>
  );
}

function Steps({
  ctx,
  overview,
  request: r,
  base,
  values,
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  base: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const draft = r.status === 'draft';
  const submitted = r.status === 'submitted';
  const cancellable = draft || submitted || r.status === 'approved';
  if (!cancellable) return null;
  const confirmValues = { confirm: { how: 'in_person' }, ...values };
  return (
    <section class="mt-7">
      <h2>{t('money.steps')}</h2>
      {draft ? (
        <div class="mt-5">
          <h3>{t('money.confirm')}</h3>
          <Form ctx={ctx} action={`${base}/bekraeft`}>
            <RadioGroup
              ctx={ctx}
              name="confirm.how"
              label={t('money.confirm.how')}
              options={[
                { value: 'in_person', label: t('money.how.in_person') },
                { value: 'portal', label: t('money.how.portal') },
              ]}
              values={confirmValues}
              errors={errors}
            />
            <TextField
              ctx={ctx}
              name="confirm.date"
              label={t('money.confirm.date')}
              hint={t('money.confirm.date.hint')}
              type="date"
              width="m"
              values={values}
              errors={errors}
            />
            <button type="submit" class="button button-secondary">
              {t('money.confirm.submit')}
            </button>
          </Form>
        </div>
      ) : null}
      {draft ? (
        <div class="mt-6">
          <h3>{t('money.submit')}</h3>
          <p>{r.citizenConfirmed ? t('money.submit.ready') : t('money.submit.needsConfirm')}</p>
          <Form ctx={ctx} action={`${base}/indsend`}>
            <button type="submit" class="button button-primary">
              {t('money.submit.submit')}
            </button>
          </Form>
        </div>
      ) : null}
      {submitted ? (
        <div class="mt-5">
          <h3>{t('money.approve')}</h3>
          {r.approval.ok ? (
            <>
              <p>
                {t('money.approve.fourEyes', { limit: formatKr(overview.singleApprovalLimit) })}{' '}
                {t('money.approve.available', { available: formatKr(overview.balance.available) })}
              </p>
              {r.possibleDuplicates.length > 0 ? (
                <p>
                  <strong>
                    {t('money.approve.duplicates', {
                      numbers: r.possibleDuplicates.map((n) => `#${n}`).join(', '),
                    })}
                  </strong>
                </p>
              ) : null}
              <Form ctx={ctx} action={`${base}/godkend`}>
                <button type="submit" class="button button-primary">
                  {t('money.approve.submit')}
                </button>
              </Form>
            </>
          ) : (
            <p>{r.approval.message}</p>
          )}
          <h3 class="mt-6">{t('money.reject')}</h3>
          <Form ctx={ctx} action={`${base}/afvis`}>
            <TextField
              ctx={ctx}
              name="reject.reason"
              label={t('money.reason')}
              multiline
              values={values}
              errors={errors}
            />
            <button type="submit" class="button button-secondary">
              {t('money.reject.submit')}
            </button>
          </Form>
        </div>
      ) : null}
      <div class="mt-6">
        <h3>{t('money.cancel')}</h3>
        {r.status === 'approved' ? <p>{t('money.cancel.releases')}</p> : null}
        <Form ctx={ctx} action={`${base}/annuller`}>
          <TextField
            ctx={ctx}
            name="cancel.reason"
            label={t('money.reason')}
            multiline
            values={values}
            errors={errors}
          />
          <button type="submit" class="button button-secondary">
            {t('money.cancel.submit')}
          </button>
        </Form>
      </div>
    </section>
  );
}
