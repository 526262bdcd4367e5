import type { FieldErrors } from '../../domain/errors.ts';
import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { formatKr } from '../../domain/money.ts';
import { PAYMENT_METHOD_LABELS, PURCHASE_STATUS_LABELS } from '../../domain/purchase-request.ts';
import type {
  BatchView,
  PayableDetail,
  PayableView,
  PaymentVendorView,
  PostedPaymentView,
} from '../../services/money/payment.service.ts';
import { AttachmentsSection } from '../attachments.tsx';
import { Alert } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';

// Finance's pages (spec: Payments): what is waiting to be paid, one payment or refund, payment files for
// the bank, and the bookkeeping file. Only numbers, amounts, vendors and categories: no case content.

function accountText(v: PaymentVendorView | null): string {
  if (!v) return '';
  if (v.bankRegistration && v.bankAccount) return `${v.bankRegistration} ${v.bankAccount}`;
  return v.iban ?? '';
}

export function QueuePage({
  ctx,
  queue,
  paid,
  notice,
}: {
  ctx: PageContext;
  queue: PayableView[];
  paid: PostedPaymentView[];
  notice?: string | undefined;
}) {
  const { t, lang, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('finance.queue.title')} authority={actor?.municipalityName}>
      {notice ? <Alert kind="success" iconLabel={t('finance.done')} heading={notice} /> : null}
      <h1>{t('finance.queue.title')}</h1>
      <p>{t('finance.queue.intro')}</p>
      {queue.length === 0 ? (
        <p>{t('finance.queue.none')}</p>
      ) : (
        <DataTable
          caption={t('finance.queue.title')}
          rows={queue}
          columns={[
            {
              header: t('finance.request'),
              cell: (p) => (
                <a href={`/betalinger/${p.id}`}>
                  {t('finance.requestRef', { caseNumber: p.caseNumber, number: p.requestNumber })}
                </a>
              ),
            },
            { header: t('finance.amount'), nowrap: true, cell: (p) => formatKr(p.amount) },
            { header: t('finance.category'), cell: (p) => EXPENSE_CATEGORY_LABELS[p.category][lang] },
            {
              header: t('finance.vendor'),
              cell: (p) =>
                p.vendor ? (
                  <>
                    {p.vendor.name}
                    {p.vendor.cvr ? <span class="form-hint">CVR {p.vendor.cvr}</span> : null}
                    {accountText(p.vendor) ? (
                      <span class="form-hint">
                        {t('finance.account')} {accountText(p.vendor)}
                      </span>
                    ) : null}
                    {p.vendor.ean ? <span class="form-hint">EAN {p.vendor.ean}</span> : null}
                  </>
                ) : (
                  t('finance.toCitizen')
                ),
            },
            { header: t('finance.method'), cell: (p) => PAYMENT_METHOD_LABELS[p.paymentMethod][lang] },
            {
              header: t('finance.approvedAt'),
              cell: (p) => (p.approvedAt ? formatDateTime(p.approvedAt, lang) : ''),
            },
            { header: t('finance.file'), cell: (p) => (p.batch ? p.batch.messageId : t('finance.noFile')) },
          ]}
        />
      )}
      <h2 class="mt-7">{t('finance.paid.title')}</h2>
      {paid.length === 0 ? <p>{t('finance.paid.none')}</p> : <PostingsTable ctx={ctx} rows={paid} link />}
    </Layout>
  );
}

function PostingsTable({
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
  const { t, lang, actor } = ctx;
  const title = t('finance.requestRef', { caseNumber: p.caseNumber, number: p.requestNumber });
  const paid = p.postings.some((x) => x.kind === 'payment');
  const rows: [string, string][] = [
    [t('finance.status'), PURCHASE_STATUS_LABELS[p.status][lang]],
    [t('finance.amount'), formatKr(p.amount)],
    [t('finance.category'), EXPENSE_CATEGORY_LABELS[p.category][lang]],
    [t('finance.vendor'), p.vendor ? p.vendor.name : t('finance.toCitizen')],
    ...(p.vendor?.cvr ? [['CVR', p.vendor.cvr] as [string, string]] : []),
    ...(accountText(p.vendor) ? [[t('finance.account'), accountText(p.vendor)] as [string, string]] : []),
    ...(p.vendor?.ean ? [['EAN', p.vendor.ean] as [string, string]] : []),
    [t('finance.method'), PAYMENT_METHOD_LABELS[p.paymentMethod][lang]],
    ...(p.batch ? [[t('finance.file'), p.batch.messageId] as [string, string]] : []),
  ];
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" iconLabel={t('finance.done')} heading={notice} /> : null}
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
          <Form ctx={ctx} action={`/betalinger/${p.id}`}>
            <input type="hidden" name="action" value="pay" />
            <TextField
              ctx={ctx}
              name="paidOn"
              label={t('finance.paidOn')}
              hint={t('finance.dateHint')}
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
        </>
      ) : null}
      {p.status === 'paid' && paid ? (
        <>
          <h2 class="mt-7">{t('finance.refund.title')}</h2>
          <p>{t('finance.refund.intro')}</p>
          <Form ctx={ctx} action={`/betalinger/${p.id}`}>
            <input type="hidden" name="action" value="refund" />
            <TextField
              ctx={ctx}
              name="amountKr"
              label={t('finance.amount')}
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
              width="s"
              values={values}
              errors={errors}
            />
            <TextField
              ctx={ctx}
              name="reference"
              label={t('finance.reference')}
              values={values}
              errors={errors}
            />
            <button type="submit" class="button button-secondary">
              {t('finance.refund.submit')}
            </button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

export function BatchesPage({
  ctx,
  batches,
  waiting,
  values = {},
  errors,
  notice,
}: {
  ctx: PageContext;
  batches: BatchView[];
  /** Approved bank transfers in no file yet. */
  waiting: number;
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, lang, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('finance.files.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" iconLabel={t('finance.done')} heading={notice} /> : null}
      <h1>{t('finance.files.title')}</h1>
      <p>{t('finance.files.intro')}</p>
      <h2>{t('finance.files.new')}</h2>
      <p>{t('finance.files.waiting', { count: waiting })}</p>
      {waiting > 0 ? (
        <Form ctx={ctx} action="/betalinger/filer">
          <TextField
            ctx={ctx}
            name="executionDate"
            label={t('finance.files.executionDate')}
            hint={t('finance.dateHint')}
            width="s"
            values={values}
            errors={errors}
          />
          <button type="submit" class="button button-primary">
            {t('finance.files.create')}
          </button>
        </Form>
      ) : null}
      <h2 class="mt-7">{t('finance.files.list')}</h2>
      {batches.length === 0 ? (
        <p>{t('finance.files.none')}</p>
      ) : (
        <DataTable
          caption={t('finance.files.list')}
          rows={batches}
          columns={[
            { header: t('finance.files.id'), cell: (b) => b.messageId },
            { header: t('finance.files.executionDate'), cell: (b) => formatDate(b.executionDate, lang) },
            { header: t('finance.files.count'), cell: (b) => b.count },
            { header: t('finance.amount'), nowrap: true, cell: (b) => formatKr(b.total) },
            {
              header: t('finance.status'),
              cell: (b) =>
                b.sentAt
                  ? t('finance.files.sentAt', { at: formatDateTime(b.sentAt, lang) })
                  : t('finance.files.created'),
            },
            {
              header: t('users.actions'),
              cell: (b) => (
                <>
                  <a href={`/betalinger/filer/${b.id}/fil`} download={`${b.messageId}.xml`}>
                    {t('finance.files.download', { id: b.messageId })}
                  </a>
                  {b.status === 'created' ? (
                    <Form ctx={ctx} action={`/betalinger/filer/${b.id}/sendt`} class="mt-3">
                      <button
                        type="submit"
                        class="button button-secondary"
                        aria-label={t('finance.files.markSentLabel', { id: b.messageId })}
                      >
                        {t('finance.files.markSent')}
                      </button>
                    </Form>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}

export function BookkeepingPage({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('finance.books.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('finance.books.title')}</h1>
      <p>{t('finance.books.intro')}</p>
      <form method="get" action="/bogfoering/csv" novalidate>
        <TextField
          ctx={ctx}
          name="fra"
          label={t('finance.books.from')}
          hint={t('finance.dateHint')}
          width="s"
          values={values}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="til"
          label={t('finance.books.to')}
          hint={t('finance.dateHint')}
          width="s"
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('finance.books.download')}
        </button>
      </form>
    </Layout>
  );
}
