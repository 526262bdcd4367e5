import { IMPORT_RUN_SORTS } from '../../domain/list-orders.ts';
import type { Paged } from '../../services/paging.ts';
import type { ImportRunView } from '../../services/import/import-history.service.ts';
import { DataTable } from '../components/data-table.tsx';
import { SelectField } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { pageHref, type ListRead } from '../list-query.ts';

// The municipality's earlier imports (spec: Import; spec: Lists), 50 a page, newest first: when, who, from
// the page or the command line, and how many cases, questionnaires and payments each created. Counts
// only, nothing of the imported citizens.

export const IMPORT_HISTORY = '/import/historik';

/** The address's query names (Danish) and the service's input names. */
export const IMPORT_HISTORY_QUERY = { kilde: 'source' } as const;

export function ImportHistoryPage({ ctx, list }: { ctx: PageContext; list: ListRead<Paged<ImportRunView>> }) {
  const { t, actor } = ctx;
  const { result: runs, values, errors } = list;
  const filtered = Object.keys(values).some((name) => name !== 'side');
  return (
    <Layout
      ctx={ctx}
      title={t('import.history.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <h1>{t('import.history.title')}</h1>
      <p class="font-lead">{t('import.history.intro')}</p>
      {runs.total === 0 && !filtered && !errors ? (
        <p>{t('import.history.none')}</p>
      ) : (
        <>
          <HistoryFilter ctx={ctx} list={list} />
          {runs.items.length === 0 ? (
            <p>{t('import.history.noMatch')}</p>
          ) : (
            <>
              <PageCount ctx={ctx} info={runs} shown={runs.items.length} />
              <HistoryTable ctx={ctx} runs={runs.items} />
              <Pagination ctx={ctx} info={runs} href={(n) => pageHref(IMPORT_HISTORY, values, n)} />
            </>
          )}
        </>
      )}
      <p class="mt-6">
        <a href="/import">{t('import.history.back')}</a>
      </p>
    </Layout>
  );
}

/** From the page or the command line, and the order. */
function HistoryFilter({ ctx, list }: { ctx: PageContext; list: ListRead<Paged<ImportRunView>> }) {
  const { t } = ctx;
  const { values, errors } = list;
  return (
    <ListFilter
      ctx={ctx}
      action={IMPORT_HISTORY}
      values={values}
      errors={errors}
      sorts={IMPORT_RUN_SORTS.map((s) => ({ value: s, label: t(`import.history.sort.${s}`) }))}
      submit={t('list.submit')}
    >
      <SelectField
        ctx={ctx}
        name="kilde"
        label={t('import.history.source')}
        options={[
          { value: '', label: t('list.all') },
          { value: 'web', label: t('import.history.source.web') },
          { value: 'cli', label: t('import.history.source.cli') },
        ]}
        values={values}
        errors={errors}
      />
    </ListFilter>
  );
}

function HistoryTable({ ctx, runs }: { ctx: PageContext; runs: ImportRunView[] }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t('import.history.caption')}
      rows={runs}
      columns={[
        { header: t('import.history.at'), nowrap: true, cell: (r) => formatDateTime(r.at, lang) },
        { header: t('import.history.by'), cell: (r) => r.by ?? '' },
        { header: t('import.history.source'), cell: (r) => t(`import.history.source.${r.source}`) },
        { header: t('import.history.cases'), cell: (r) => String(r.cases) },
        { header: t('import.history.questionnaires'), cell: (r) => String(r.questionnaires) },
        { header: t('import.history.payments'), cell: (r) => String(r.payments) },
      ]}
    />
  );
}
