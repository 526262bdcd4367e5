import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import { POSTING_SORTS } from '../../domain/list-orders.ts';
import type { BatchView, PostedPage } from '../../services/money/payment.service.ts';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import type { PageContext } from '../context.ts';
import { pageHref, type ListRead } from '../list-query.ts';
import { PostingsTable } from './finance.page.tsx';
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
  list,
}: {
  ctx: PageContext;
  /** What was typed, when the file's period was refused (then there is no list). */
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
  /** The period's postings; none when the file's period was refused. */
  list?: ListRead<PostedPage>;
}) {
  const { t, actor } = ctx;
  const refused = list ? list.errors : errors;
  // The period shown is the one the list was read for (this month so far, unless the address says).
  const shown = list ? { ...list.values, fra: list.result.from, til: list.result.to } : (values ?? {});
  return (
    <Layout
      ctx={ctx}
      title={t('finance.books.title')}
      authority={actor?.municipalityName}
      hasErrors={!!refused}
    >
      <h1>{t('finance.books.title')}</h1>
      <p>{t('finance.books.intro')}</p>
      <BookkeepingFilter ctx={ctx} values={shown} errors={refused} />
      {list ? <PostingsList ctx={ctx} list={list} /> : null}
    </Layout>
  );
}

/** The period, the kind and the order of the list; the same period downloads the bookkeeping file. */
function BookkeepingFilter({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <ListFilter
      ctx={ctx}
      action="/bogfoering"
      values={values}
      errors={errors}
      sorts={POSTING_SORTS.map((s) => ({ value: s, label: t(`list.postings.sort.${s}`) }))}
      submit={t('list.postings.submit')}
      actions={
        <button type="submit" formaction="/bogfoering/csv" class="button button-primary ml-4">
          {t('finance.books.download')}
        </button>
      }
    >
      {(['fra', 'til'] as const).map((name) => (
        <TextField
          ctx={ctx}
          name={name}
          label={t(name === 'fra' ? 'finance.books.from' : 'finance.books.to')}
          hint={t('finance.dateHint')}
          type="date"
          width="s"
          values={values}
          errors={errors}
        />
      ))}
      <SelectField
        ctx={ctx}
        name="art"
        label={t('list.postings.kind')}
        options={[
          { value: '', label: t('cases.filter.all') },
          ...(['payment', 'refund'] as const).map((k) => ({ value: k, label: t(`finance.kind.${k}`) })),
        ]}
        values={values}
        errors={errors}
      />
    </ListFilter>
  );
}

/** The period's payments and refunds, 50 a page. */
function PostingsList({ ctx, list }: { ctx: PageContext; list: ListRead<PostedPage> }) {
  const { t } = ctx;
  const { result, values } = list;
  return (
    <>
      <h2 class="mt-7">{t('list.postings.title')}</h2>
      {result.items.length === 0 ? (
        <p>{t('list.postings.none')}</p>
      ) : (
        <>
          <PageCount ctx={ctx} info={result} shown={result.items.length} />
          <PostingsTable ctx={ctx} rows={result.items} link />
          <Pagination ctx={ctx} info={result} href={(n) => pageHref('/bogfoering', values, n)} />
        </>
      )}
    </>
  );
}
