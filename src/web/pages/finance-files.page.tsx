import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { BatchView } from '../../services/money/payment.service.ts';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateOf } from '../format.ts';

// Finance's files (spec: Payments): the payment files for the bank, made of the approved bank transfers
// and marked as sent once the bank has them, and the bookkeeping file for a period.

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
  const { t, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('finance.files.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <h1>{t('finance.files.title')}</h1>
      <p>{t('finance.files.intro')}</p>
      <h2>{t('finance.files.new')}</h2>
      <p>{t('finance.files.waiting', { count: waiting })}</p>
      {waiting > 0 ? <NewBatchForm ctx={ctx} values={values} errors={errors} /> : null}
      <h2 class="mt-7">{t('finance.files.list')}</h2>
      {batches.length === 0 ? <p>{t('finance.files.none')}</p> : <BatchTable ctx={ctx} batches={batches} />}
    </Layout>
  );
}

/** A new payment file of the approved bank transfers, to be paid on the execution date. */
function NewBatchForm({
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
    <Form ctx={ctx} action="/betalinger/filer">
      <TextField
        ctx={ctx}
        name="executionDate"
        label={t('finance.files.executionDate')}
        hint={t('finance.dateHint')}
        type="date"
        width="s"
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('finance.files.create')}
      </button>
    </Form>
  );
}

/** The payment files made, each to download and then to mark as sent to the bank. */
function BatchTable({ ctx, batches }: { ctx: PageContext; batches: BatchView[] }) {
  const { t, lang } = ctx;
  return (
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
              ? t('finance.files.sentAt', { at: formatDateOf(b.sentAt, lang) })
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
          type="date"
          width="s"
          values={values}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="til"
          label={t('finance.books.to')}
          hint={t('finance.dateHint')}
          type="date"
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
