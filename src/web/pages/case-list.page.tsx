import { CASE_PHASE_LABELS, CASE_PHASES, type CasePhase } from '../../domain/case-lifecycle.ts';
import { NEXT_STEP_LABELS } from '../../domain/case-next-step.ts';
import { currentInstrument } from '../../domain/questionnaire/instrument.ts';
import type { CaseListItem, CaseOverview } from '../../services/cases/case-list.service.ts';
import { DataTable } from '../components/data-table.tsx';
import { Checkbox, SelectField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { RestrictedTag } from '../components/restricted-tag.tsx';
import type { PageContext } from '../context.ts';

// The support person's caseload and the coordinator's overview of the municipality (spec: Staff pages).
// The overview filters with a GET form, so a filtered list can be bookmarked and works without JS.

export function CaseloadPage({ ctx, items }: { ctx: PageContext; items: CaseListItem[] }) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.caseload.title')} authority={actor?.municipalityName}>
      <h1>{t('cases.caseload.title')}</h1>
      <p class="font-lead">{t('cases.caseload.intro')}</p>
      {items.length === 0 ? (
        <p>{t('cases.caseload.none')}</p>
      ) : (
        <CaseTable ctx={ctx} items={items} caption={t('cases.caseload.title')} showSupport={false} />
      )}
    </Layout>
  );
}

export function OverviewPage({
  ctx,
  overview,
  supportOptions,
  filter,
}: {
  ctx: PageContext;
  overview: CaseOverview;
  supportOptions: { value: string; label: string }[];
  filter: Values;
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
            {t(CASE_PHASE_LABELS[p])}: <strong>{overview.countsByPhase[p]}</strong>
          </li>
        ))}
      </ul>
      <OverviewFilter ctx={ctx} supportOptions={supportOptions} filter={filter} />
      {overview.items.length === 0 ? (
        <p>{t('cases.overview.none')}</p>
      ) : (
        <CaseTable ctx={ctx} items={overview.items} caption={t('cases.overview.title')} showSupport />
      )}
    </Layout>
  );
}

/** The overview's filter: a GET form, so a filtered list can be bookmarked. */
function OverviewFilter({
  ctx,
  supportOptions,
  filter,
}: {
  ctx: PageContext;
  supportOptions: { value: string; label: string }[];
  filter: Values;
}) {
  const { t } = ctx;
  const phases = CASE_PHASES.map((p) => ({ value: p, label: t(CASE_PHASE_LABELS[p]) }));
  return (
    <form method="get" action="/forloeb/oversigt" class="mt-5 mb-6">
      <fieldset>
        <legend class="h3">{t('cases.filter.title')}</legend>
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              ctx={ctx}
              name="phase"
              label={t('cases.filter.phase')}
              options={[{ value: '', label: t('cases.filter.all') }, ...phases]}
              values={filter}
            />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              ctx={ctx}
              name="supportUserId"
              label={t('cases.filter.support')}
              options={[
                { value: '', label: t('cases.filter.all') },
                { value: 'none', label: t('cases.filter.none') },
                ...supportOptions,
              ]}
              values={filter}
            />
          </div>
        </div>
        <Checkbox name="overdueOnly" label={t('cases.filter.overdueOnly')} values={filter} />
        <Checkbox
          name="questionnairesOverdue"
          label={t('cases.filter.questionnairesOverdue')}
          values={filter}
        />
        <Checkbox name="includeClosed" label={t('cases.filter.includeClosed')} values={filter} />
        <button type="submit" class="button button-secondary">
          {t('cases.filter.submit')}
        </button>
      </fieldset>
    </form>
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
