import type { FieldErrors } from '../../domain/errors.ts';
import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { formatKr } from '../../domain/money.ts';
import { PAYMENT_METHOD_LABELS, PURCHASE_STATUS_LABELS } from '../../domain/purchase-request.ts';
import type { PayableDetail, PostedPaymentView } from '../../services/money/payment.service.ts';
import { AttachmentsSection } from '../attachments.tsx';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { accountText } from './finance-bought.tsx';
import { formatDate } from '../format.ts';

// Finance's pages (spec: Payments): one payment or refund, and the postings table; the queue is in
// finance-queue.page.tsx, the payment files and the bookkeeping in finance-files.page.tsx. Only numbers, amounts,
// vendors and categories: no case content.

/** Payments and refunds; `link`: each to its request's page. */
export function PostingsTable({
  ctx,
  rows,
  link = false,
}: {
  ctx: PageContext;
  rows: PostedPaymentView[];
  link?: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t('finance.paid.title')}
      rows={rows}
      columns={[
        { header: t('finance.paidOn'), cell: (r) => formatDate(r.paidOn, lang) },
        {
          header: t('finance.request'),
          cell: (r) => {
            const ref = t('finance.requestRef', { caseNumber: r.caseNumber, number: r.requestNumber });
            return link ? <a href={`/betalinger/${r.requestId}`}>{ref}</a> : ref;
          },
        },
        { header: t('finance.kind'), cell: (r) => t(`finance.kind.${r.kind}`) },
        {
          header: t('finance.amount'),
          nowrap: true,
          cell: (r) => `${r.kind === 'refund' ? '−' : ''}${formatKr(r.amount)}`,
        },
        { header: t('finance.vendor'), cell: (r) => r.vendorName ?? t('finance.toCitizen') },
        { header: t('finance.reference'), cell: (r) => r.reference },
      ]}
    />
  );
}

/** The request's facts: what, how much, to whom and how. */
function payableRows(ctx: PageContext, p: PayableDetail): [string, string][] {
  const { t } = ctx;
  return [
    [t('finance.status'), t(PURCHASE_STATUS_LABELS[p.status])],
    [t('finance.amount'), formatKr(p.amount)],
    [t('finance.bought'), p.title],
    [t('finance.category'), t(EXPENSE_CATEGORY_LABELS[p.category])],
    [t('finance.subGoal'), p.subGoal ?? t('finance.noSubGoal')],
    [t('finance.vendor'), p.vendor ? p.vendor.name : t('finance.toCitizen')],
    ...(p.vendor?.cvr ? [['CVR', p.vendor.cvr] as [string, string]] : []),
    ...(accountText(p.vendor) ? [[t('finance.account'), accountText(p.vendor)] as [string, string]] : []),
    ...(p.vendor?.ean ? [['EAN', p.vendor.ean] as [string, string]] : []),
    [t('finance.method'), t(PAYMENT_METHOD_LABELS[p.paymentMethod])],
    ...(p.batch ? [[t('finance.file'), p.batch.messageId] as [string, string]] : []),
  ];
}

export function PayablePage({
  ctx,
  payable: p,
  values = {},
  errors,
  notice,
}: {
  ctx: PageContext;
  payable: PayableDetail;
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  const title = t('finance.requestRef', { caseNumber: p.caseNumber, number: p.requestNumber });
  const paid = p.postings.some((x) => x.kind === 'payment');
  const rows = payableRows(ctx, p);
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <p>
        <a href="/betalinger" class="back-link">
          {t('finance.queue.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <SummaryTable caption={title} rows={rows} />
      <div class="mt-7">
        <AttachmentsSection ctx={ctx} requestId={p.id} attachments={p.attachments} canUpload />
      </div>
      {p.postings.length > 0 ? (
        <>
          <h2 class="mt-7">{t('finance.paid.title')}</h2>
          <PostingsTable ctx={ctx} rows={p.postings} />
        </>
      ) : null}
      {p.status === 'approved' && p.batch ? (
        <p class="mt-7">{t('finance.inFile', { file: p.batch.messageId })}</p>
      ) : null}
      {p.status === 'approved' && !p.batch ? (
        <>
          <h2 class="mt-7">{t('finance.pay.title')}</h2>
          <PayForm ctx={ctx} payable={p} values={values} errors={errors} />
        </>
      ) : null}
      {p.status === 'paid' && paid ? (
        <>
          <h2 class="mt-7">{t('finance.refund.title')}</h2>
          <p>{t('finance.refund.intro')}</p>
          <RefundForm ctx={ctx} payable={p} values={values} errors={errors} />
        </>
      ) : null}
    </Layout>
  );
}

/** Registering the payment of an approved request that is in no payment file. */
function PayForm({
  ctx,
  payable: p,
  values,
  errors,
}: {
  ctx: PageContext;
  payable: PayableDetail;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={`/betalinger/${p.id}`}>
      <input type="hidden" name="action" value="pay" />
      <TextField
        ctx={ctx}
        name="paidOn"
        label={t('finance.paidOn')}
        hint={t('finance.dateHint')}
        type="date"
        width="s"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="reference"
        label={t('finance.reference')}
        hint={t('finance.referenceHint')}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="amountKr"
        label={t('finance.pay.amount')}
        hint={t('finance.pay.amountHint', { amount: formatKr(p.amount) })}
        inputmode="decimal"
        width="s"
        suffix="kr."
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('finance.pay.submit')}
      </button>
    </Form>
  );
}

/** Registering money paid back on a paid request. */
function RefundForm({
  ctx,
  payable: p,
  values,
  errors,
}: {
  ctx: PageContext;
  payable: PayableDetail;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={`/betalinger/${p.id}`}>
      <input type="hidden" name="action" value="refund" />
      <TextField
        ctx={ctx}
        name="amountKr"
        label={t('finance.amount')}
        hint={t('field.amount.hint')}
        inputmode="decimal"
        width="s"
        suffix="kr."
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="refundedOn"
        label={t('finance.refund.on')}
        hint={t('finance.dateHint')}
        type="date"
        width="s"
        values={values}
        errors={errors}
      />
      <TextField ctx={ctx} name="reference" label={t('finance.reference')} values={values} errors={errors} />
      <button type="submit" class="button button-secondary">
        {t('finance.refund.submit')}
      </button>
    </Form>
  );
}
