import { PAYMENT_QUEUE_SORTS, QUEUE_FILE_STATES } from '../../domain/list-orders.ts';
import { formatKr } from '../../domain/money.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import type { PayableView } from '../../services/money/payment.service.ts';
import type { Paged } from '../../services/paging.ts';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { SelectField } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import { RestrictedTag } from '../components/restricted-tag.tsx';
import type { PageContext } from '../context.ts';
import { formatDateOf } from '../format.ts';
import { pageHref, type ListRead } from '../list-query.ts';
import { accountText, WhatIsBought } from './finance-bought.tsx';

// Finance's payment queue (spec: Payments; spec: Lists): the approved requests waiting to be paid, 50 a
// page, by payment method, payment file and text. Only numbers, amounts, vendors and categories: no case
// content.

export function QueuePage({
  ctx,
  list,
  notice,
}: {
  ctx: PageContext;
  list: ListRead<Paged<PayableView>>;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  const { result, values } = list;
  const filtered = Object.keys(values).some((name) => name !== 'side' && name !== 'sorter');
  return (
    <Layout ctx={ctx} title={t('finance.queue.title')} authority={actor?.municipalityName}>
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <h1>{t('finance.queue.title')}</h1>
      <p>{t('finance.queue.intro')}</p>
      {result.total === 0 && !filtered && list.errors === undefined ? (
        <p>{t('finance.queue.none')}</p>
      ) : (
        <>
          <QueueFilter ctx={ctx} list={list} />
          {result.items.length === 0 ? (
            <p>{t('list.payments.noMatch')}</p>
          ) : (
            <>
              <PageCount ctx={ctx} info={result} shown={result.items.length} />
              <QueueTable ctx={ctx} queue={result.items} />
              <Pagination ctx={ctx} info={result} href={(n) => pageHref('/betalinger', values, n)} />
            </>
          )}
        </>
      )}
      <p class="mt-7">
        {t('list.postings.elsewhere')} <a href="/bogfoering">{t('finance.books.title')}</a>.
      </p>
    </Layout>
  );
}

/** The queue's filter: the search, the payment method, the payment file, the order. */
function QueueFilter({ ctx, list }: { ctx: PageContext; list: ListRead<Paged<PayableView>> }) {
  const { t } = ctx;
  const { values, errors } = list;
  const all = { value: '', label: t('cases.filter.all') };
  return (
    <ListFilter
      ctx={ctx}
      action="/betalinger"
      values={values}
      errors={errors}
      sorts={PAYMENT_QUEUE_SORTS.map((s) => ({ value: s, label: t(`list.payments.sort.${s}`) }))}
      searchHint={t('list.payments.searchHint')}
      submit={t('list.payments.submit')}
    >
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            ctx={ctx}
            name="betalingsmaade"
            label={t('finance.method')}
            options={[all, ...PAYMENT_METHODS.map((m) => ({ value: m, label: t(PAYMENT_METHOD_LABELS[m]) }))]}
            values={values}
            errors={errors}
          />
        </div>
        <div class="col-12 col-md-6">
          <SelectField
            ctx={ctx}
            name="fil"
            label={t('list.payments.file')}
            options={[
              all,
              ...QUEUE_FILE_STATES.map((f) => ({ value: f, label: t(`list.payments.file.${f}`) })),
            ]}
            values={values}
            errors={errors}
          />
        </div>
      </div>
    </ListFilter>
  );
}

/** What is waiting to be paid, with how and to whom. */
function QueueTable({ ctx, queue }: { ctx: PageContext; queue: PayableView[] }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t('finance.queue.title')}
      rows={queue}
      columns={[
        {
          header: t('finance.request'),
          cell: (p) => (
            <>
              <a href={`/betalinger/${p.id}`}>
                {t('finance.requestRef', { caseNumber: p.caseNumber, number: p.requestNumber })}
              </a>
              {p.restricted ? (
                <>
                  {' '}
                  <RestrictedTag ctx={ctx} />
                </>
              ) : null}
            </>
          ),
        },
        { header: t('finance.amount'), nowrap: true, cell: (p) => formatKr(p.amount) },
        { header: t('finance.bought'), cell: (p) => <WhatIsBought ctx={ctx} payable={p} /> },
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
        { header: t('finance.method'), cell: (p) => t(PAYMENT_METHOD_LABELS[p.paymentMethod]) },
        {
          header: t('finance.approvedAt'),
          cell: (p) => (p.approvedAt ? formatDateOf(p.approvedAt, lang) : ''),
        },
        { header: t('finance.file'), cell: (p) => (p.batch ? p.batch.messageId : t('finance.noFile')) },
      ]}
    />
  );
}
