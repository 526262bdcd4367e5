import type { FieldErrors } from '../../domain/errors.ts';
import { REPORT_FIGURE_KEYS, REPORT_FIGURE_TITLES } from '../../domain/report/report-csv.ts';
import type { ReportView } from '../../services/evaluation/report.service.ts';
import { ErrorSummary, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { FigureSection } from './report-figure.page.tsx';

// The evaluation report page (spec: Evaluation report): filters (period; the evaluator also chooses a
// municipality), then every figure as an SVG chart with its data table beside it, n and missing, and
// a CSV download; the whole report as JSON. All figures come from the domain's figureTable, so the
// page, the CSV and the JSON can never disagree. Works without JavaScript: the filter is a GET form.

export function ReportPage({
  ctx,
  view,
  values,
  errors,
  query,
}: {
  ctx: PageContext;
  view: ReportView | null;
  values: Values;
  errors?: FieldErrors | undefined;
  /** The filter as a query string ("?fra=…"), for the downloads. */
  query: string;
}) {
  const { t, actor } = ctx;
  const national = actor?.role === 'evaluator';
  return (
    <Layout ctx={ctx} title={t('report.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('report.title')}</h1>
      <p>{national ? t('report.intro.national') : t('report.intro.municipality')}</p>
      <Filters ctx={ctx} view={view} values={values} errors={errors} national={national} />
      {view ? <Figures ctx={ctx} view={view} query={query} /> : null}
    </Layout>
  );
}

function Filters({
  ctx,
  view,
  values,
  errors,
  national,
}: {
  ctx: PageContext;
  view: ReportView | null;
  values: Values;
  errors?: FieldErrors | undefined;
  national: boolean;
}) {
  const { t } = ctx;
  const municipalities = view?.municipalities ?? [];
  return (
    <form method="get" action="/rapport" novalidate class="report-filters mb-7">
      <fieldset>
        <legend class="h3">{t('report.filters')}</legend>
        {national ? (
          <SelectField
            ctx={ctx}
            name="kommune"
            label={t('report.municipality')}
            values={values}
            errors={errors}
            options={[
              { value: '', label: t('report.allMunicipalities') },
              ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
            ]}
          />
        ) : null}
        <TextField
          ctx={ctx}
          name="fra"
          label={t('report.from')}
          hint={t('report.dateHint')}
          type="date"
          width="s"
          values={values}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="til"
          label={t('report.to')}
          hint={t('report.dateHint')}
          type="date"
          width="s"
          values={values}
          errors={errors}
        />
      </fieldset>
      <button type="submit" class="button button-primary">
        {t('report.show')}
      </button>
    </form>
  );
}

function Figures({ ctx, view, query }: { ctx: PageContext; view: ReportView; query: string }) {
  const { t } = ctx;
  const names = new Map(view.municipalities.map((m) => [m.code, m.name]));
  const selection = view.report.selection.municipalities.map((m) => names.get(m) ?? m).join(', ');
  const period = view.report.selection.period;
  const from = period ? String(period.from) : '…';
  const to = period ? String(period.to) : '…';
  return (
    <>
      <h2>{t('report.selection')}</h2>
      <p>
        {selection}
        {period ? `. ${t('report.period', { from, to })}` : ''}
        {view.anonymised ? (
          <>
            <br />
            {t('report.anonymised')}
          </>
        ) : null}
      </p>
      <p>
        <a href={`/rapport/json${query}`} download>
          {t('report.json')}
        </a>
      </p>
      <nav aria-labelledby="report-toc">
        <h2 id="report-toc" class="h3">
          {t('report.contents')}
        </h2>
        <ul class="nobullet-list">
          {REPORT_FIGURE_KEYS.map((key) => (
            <li>
              <a href={`#figur-${key}`}>{ctx.t(REPORT_FIGURE_TITLES[key])}</a>
            </li>
          ))}
        </ul>
      </nav>
      {REPORT_FIGURE_KEYS.map((key) => (
        <FigureSection ctx={ctx} view={view} figure={key} query={query} names={names} />
      ))}
    </>
  );
}
