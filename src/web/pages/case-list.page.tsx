import { CASE_PHASE_LABELS, CASE_PHASES, type CasePhase } from '../../domain/case-lifecycle.ts';
import { NEXT_STEP_LABELS } from '../../domain/case-next-step.ts';
import { currentInstrument } from '../../domain/questionnaire/instrument.ts';
import { CASE_SORTS } from '../../domain/list-orders.ts';
import type { CaseListItem, CaseOverview } from '../../services/cases/case-list.service.ts';
import type { Paged } from '../../services/paging.ts';
import { DataTable } from '../components/data-table.tsx';
import { Checkbox, SelectField } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import { RestrictedTag } from '../components/restricted-tag.tsx';
import type { PageContext } from '../context.ts';
import { pageHref, type ListRead } from '../list-query.ts';

// The support person's caseload and the coordinator's overview of the municipality (spec: Staff pages),
// 50 cases a page (spec: Lists). Both filter with a GET form, so a filtered list can be bookmarked and
// works without JS.

type CaseList = ListRead<Paged<CaseListItem>>;

export function CaseloadPage({ ctx, list }: { ctx: PageContext; list: CaseList }) {
  const { t, actor } = ctx;
  const empty = list.result.total === 0 && Object.keys(list.values).length === 0;
  return (
    <Layout ctx={ctx} title={t('cases.caseload.title')} authority={actor?.municipalityName}>
      <h1>{t('cases.caseload.title')}</h1>
      <p class="font-lead">{t('cases.caseload.intro')}</p>
      {empty ? (
        <p>{t('cases.caseload.none')}</p>
      ) : (
        <>
          <CaseFilter ctx={ctx} list={list} action="/forloeb" />
          <CasePage
            ctx={ctx}
            list={list}
            path="/forloeb"
            caption={t('cases.caseload.title')}
            showSupport={false}
          />
        </>
      )}
    </Layout>
  );
}

export function OverviewPage({
  ctx,
  list,
  supportOptions,
}: {
  ctx: PageContext;
  list: ListRead<CaseOverview>;
  supportOptions: { value: string; label: string }[];
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.overview.title')} authority={actor?.municipalityName}>
      <h1>{t('cases.overview.title')}</h1>
      <p class="font-lead">{t('cases.overview.intro', { municipality: actor?.municipalityName ?? '' })}</p>
      <p>
        <a href="/forloeb/ny" class="button button-primary">
          {t('nav.refer')}
        </a>
      </p>
      <h2 class="h3">{t('cases.overview.counts')}</h2>
      <ul class="inline-list unstyled-list">
        {CASE_PHASES.map((p) => (
          <li class="mr-5">
            {t(CASE_PHASE_LABELS[p])}: <strong>{list.result.countsByPhase[p]}</strong>
          </li>
        ))}
      </ul>
      <CaseFilter ctx={ctx} list={list} action="/forloeb/oversigt" supportOptions={supportOptions} />
      <CasePage
        ctx={ctx}
        list={list}
        path="/forloeb/oversigt"
        caption={t('cases.overview.title')}
        showSupport
      />
    </Layout>
  );
}

/** The page of cases: how many in all, the table, the other pages. */
function CasePage({
  ctx,
  list,
  path,
  caption,
  showSupport,
}: {
  ctx: PageContext;
  list: CaseList;
  path: string;
  caption: string;
  showSupport: boolean;
}) {
  const { result, values } = list;
  if (result.items.length === 0) return <p>{ctx.t('cases.overview.none')}</p>;
  return (
    <>
      <PageCount ctx={ctx} info={result} shown={result.items.length} />
      <CaseTable ctx={ctx} items={result.items} caption={caption} showSupport={showSupport} />
      <Pagination ctx={ctx} info={result} href={(n) => pageHref(path, values, n)} />
    </>
  );
}

/** The case lists' filter; the overview's also by support person and by what is overdue. */
function CaseFilter({
  ctx,
  list,
  action,
  supportOptions,
}: {
  ctx: PageContext;
  list: CaseList;
  action: string;
  supportOptions?: { value: string; label: string }[];
}) {
  const { t } = ctx;
  const { values, errors } = list;
  const phases = CASE_PHASES.map((p) => ({ value: p, label: t(CASE_PHASE_LABELS[p]) }));
  const sorts = CASE_SORTS.map((s) => ({ value: s, label: t(`list.cases.sort.${s}`) }));
  return (
    <ListFilter
      ctx={ctx}
      action={action}
      values={values}
      errors={errors}
      sorts={sorts}
      searchHint={t('list.searchHint')}
      submit={t('cases.filter.submit')}
    >
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            ctx={ctx}
            name="fase"
            label={t('cases.filter.phase')}
            options={[{ value: '', label: t('cases.filter.all') }, ...phases]}
            values={values}
            errors={errors}
          />
        </div>
        {supportOptions ? (
          <div class="col-12 col-md-6">
            <SelectField
              ctx={ctx}
              name="stoetteperson"
              label={t('cases.filter.support')}
              options={[
                { value: '', label: t('cases.filter.all') },
                { value: 'none', label: t('cases.filter.none') },
                ...supportOptions,
              ]}
              values={values}
              errors={errors}
            />
          </div>
        ) : null}
      </div>
      <CaseCheckboxes ctx={ctx} values={values} overdue={supportOptions !== undefined} />
    </ListFilter>
  );
}

/** What else narrows the list; only the overview looks for what is overdue. */
function CaseCheckboxes({
  ctx,
  values,
  overdue,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  overdue: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      {overdue ? (
        <>
          <Checkbox name="forsinket" label={t('cases.filter.overdueOnly')} values={values} />
          <Checkbox name="spoergeskemaer" label={t('cases.filter.questionnairesOverdue')} values={values} />
        </>
      ) : null}
      <Checkbox name="lukkede" label={t('cases.filter.includeClosed')} values={values} />
    </>
  );
}

export function PhaseBadge({ ctx, phase }: { ctx: PageContext; phase: CasePhase }) {
  const kind: Record<CasePhase, string> = {
    referred: 'badge-info',
    screening: 'badge-info',
    lead_in: 'badge-info',
    active: 'badge-success',
    paused: 'badge-warning',
    closed: '',
  };
  return <span class={`badge ${kind[phase]}`.trim()}>{ctx.t(CASE_PHASE_LABELS[phase])}</span>;
}

function CaseTable({
  ctx,
  items,
  caption,
  showSupport,
}: {
  ctx: PageContext;
  items: CaseListItem[];
  caption: string;
  showSupport: boolean;
}) {
  const { t } = ctx;
  return (
    <DataTable
      caption={caption}
      scroll
      rows={items}
      columns={[
        {
          header: t('cases.col.citizen'),
          cell: (c) => (
            <>
              <a href={`/forloeb/${c.id}`}>{c.citizenName}</a>
              <br />
              <span class="form-hint">{t('cases.caseNumber', { number: c.caseNumber })}</span>
            </>
          ),
        },
        {
          header: t('cases.col.phase'),
          cell: (c) => <PhaseCell ctx={ctx} item={c} />,
        },
        { header: t('cases.col.daysLeft'), cell: (c) => (c.daysLeft === null ? '–' : String(c.daysLeft)) },
        ...(showSupport
          ? [
              {
                header: t('cases.col.support'),
                cell: (c: CaseListItem) => c.support?.name ?? t('cases.noSupport'),
              },
            ]
          : []),
        { header: t('cases.col.nextStep'), cell: (c) => t(NEXT_STEP_LABELS[c.nextStep]) },
        { header: t('cases.col.questionnaires'), cell: (c) => <OverdueQuestionnaires ctx={ctx} item={c} /> },
      ]}
    />
  );
}

/** The phase, and the tags of a lead-in too long and of a restricted case (spec: Restriction). */
function PhaseCell({ ctx, item }: { ctx: PageContext; item: CaseListItem }) {
  return (
    <>
      <PhaseBadge ctx={ctx} phase={item.phase} />
      {item.leadInOverdue ? (
        <>
          {' '}
          <span class="badge badge-warning">{ctx.t('cases.overdue')}</span>
        </>
      ) : null}
      {item.restricted ? (
        <>
          {' '}
          <RestrictedTag ctx={ctx} />
        </>
      ) : null}
    </>
  );
}

/** The questionnaires past their time (domain/questionnaire/due.ts), each linked to its page. */
function OverdueQuestionnaires({ ctx, item }: { ctx: PageContext; item: CaseListItem }) {
  if (item.overdueQuestionnaires.length === 0) return <>{'–'}</>;
  return (
    <>
      <span class="badge badge-warning">{ctx.t('cases.questionnairesOverdue')}</span>
      <ul class="unstyled-list mt-2">
        {item.overdueQuestionnaires.map((code) => (
          <li>
            <a href={`/forloeb/${item.id}/spoergeskemaer/${code}`}>{ctx.t(currentInstrument(code).title)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
