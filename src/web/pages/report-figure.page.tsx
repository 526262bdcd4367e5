import { SMALL } from '../../domain/report/anonymise.ts';
import {
  figureTable,
  REPORT_FIGURE_BASE,
  REPORT_FIGURE_TITLES,
  type ReportFigureKey,
} from '../../domain/report/report-csv.ts';
import type { ReportView } from '../../services/evaluation/report.service.ts';
import { BarChart, type Bar } from '../components/bar-chart.tsx';
import type { PageContext } from '../context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { reportCell } from './report-cells.ts';

// One figure of the evaluation report (spec: Evaluation report): its base and n, an SVG chart with the
// data table beside it, and its CSV download. The numbers are the domain's figureTable, as in the CSV.

type Row = Record<string, string>;

/** The figure's table as records keyed by its (snake_case) column names. */
function records(view: ReportView, key: ReportFigureKey): Row[] {
  const [header = [], ...rows] = figureTable(view.report, key);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Figures with a row per municipality; the others show the selection as a whole ("all"). */
const PER_PLACE: readonly ReportFigureKey[] = ['participants', 'age', 'wellbeing'];

/** Columns each kind of figure shows in its table (the rest is in the text above it). */
function columnsOf(key: ReportFigureKey): string[] {
  switch (key) {
    case 'participants':
      return ['municipality_code', 'started', 'followed_up'];
    case 'age':
      return ['municipality_code', 'n', 'missing', 'mean'];
    case 'wellbeing':
      return ['municipality_code', 'n', 'missing', 'start_mean', 'end_mean', 'mean_change'];
    case 'spending':
    case 'purchasesByPaymentMethod':
      return ['label', 'kr', 'count', 'citizens'];
    default:
      return ['label', 'count', 'pct'];
  }
}

/**
 * A column's heading; the label column names the expense category in the spending table and the payment
 * method in the table of purchases by method.
 */
function headerOf(figure: ReportFigureKey, column: string): MessageKey {
  if (column === 'label' && figure === 'purchasesByPaymentMethod') return 'voucherStaff.report.method';
  return (
    figure === 'spending' && column === 'label' ? 'report.col.category' : `report.col.${column}`
  ) as MessageKey;
}

/** "1234,50" or "30,2" (or "<5", or empty) as a number for a bar's length. */
function numberOf(cell: string | undefined): number | null {
  if (cell === undefined || cell === '' || cell === SMALL) return null;
  const n = Number(cell.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function FigureSection({
  ctx,
  view,
  figure,
  query,
  names,
}: {
  ctx: PageContext;
  view: ReportView;
  figure: ReportFigureKey;
  query: string;
  names: Map<string, string>;
}) {
  const { t } = ctx;
  const title = t(REPORT_FIGURE_TITLES[figure]);
  const all = records(view, figure);
  const rows = PER_PLACE.includes(figure) ? all : all.filter((r) => r.municipality_code === 'all');
  const place = (code: string | undefined) =>
    code === 'all' ? t('report.all') : (names.get(code ?? '') ?? code ?? '');
  const first = rows[0] ?? {};
  return (
    <section class="report-figure mt-8" aria-labelledby={`figur-${figure}`}>
      <h2 id={`figur-${figure}`}>{title}</h2>
      <p class="mb-4">
        {t(`report.base.${REPORT_FIGURE_BASE[figure]}` as MessageKey)}{' '}
        <BaseLine ctx={ctx} view={view} figure={figure} first={first} />
      </p>
      <div class="row">
        <div class="col-12 col-lg-6 mb-5">
          <BarChart
            id={`chart-${figure}`}
            title={t('report.chartOf', { figure: title })}
            {...chartOf(ctx, figure, rows, place)}
          />
        </div>
        <div class="col-12 col-lg-6">
          <FigureTable ctx={ctx} figure={figure} title={title} rows={rows} place={place} />
        </div>
      </div>
      {figure === 'completion' ? <Reasons ctx={ctx} view={view} /> : null}
      <p>
        <a href={`/rapport/csv/${figure}${query}`} download>
          {t('report.csv', { figure: title })}
        </a>
      </p>
    </section>
  );
}

/** The figure's numbers as a table beside its chart, scrolling in a region of its own when too wide. */
function FigureTable({
  ctx,
  figure,
  title,
  rows,
  place,
}: {
  ctx: PageContext;
  figure: ReportFigureKey;
  title: string;
  rows: Row[];
  place: (code: string | undefined) => string;
}) {
  const { t } = ctx;
  const columns = columnsOf(figure);
  const cell = (r: Row, c: string) =>
    c === 'municipality_code' ? place(r[c]) : reportCell(ctx, c, r[c] ?? '');
  return (
    <div
      class="table--responsive-scroll"
      tabindex={0}
      role="region"
      aria-label={t('report.tableOf', { figure: title })}
    >
      <table class="table table--compact">
        <caption>{t('report.tableOf', { figure: title })}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{t(headerOf(figure, c))}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {columns.map((c, i) =>
                i === 0 ? <th scope="row">{cell(r, c)}</th> : <td class="text-nowrap">{cell(r, c)}</td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BaseLine({
  ctx,
  view,
  figure,
  first,
}: {
  ctx: PageContext;
  view: ReportView;
  figure: ReportFigureKey;
  first: Row;
}) {
  const { t } = ctx;
  if (figure === 'participants') return null;
  if (figure === 'purchasesByPaymentMethod') {
    const n = String(view.report.purchasesByPaymentMethod.all.n);
    return <>{t('voucherStaff.report.methodLine', { n })}</>;
  }
  if (figure === 'spending') {
    const s = view.report.spending.all;
    return (
      <>
        {t('report.spendingLine', {
          n: String(s.n),
          granted: reportCell(ctx, 'granted_kr', first.granted_kr ?? ''),
          spent: reportCell(ctx, 'spent_kr', first.spent_kr ?? ''),
          returned: reportCell(ctx, 'returned_kr', first.returned_kr ?? ''),
        })}
      </>
    );
  }
  const own = figure === 'age' || figure === 'wellbeing' ? view.report[figure].all : view.report[figure].all;
  return (
    <>
      {t('report.nLine', { n: String(own.n), missing: String(own.missing) })}
      {figure === 'goalCategories' ? ` ${t('report.multi')}` : ''}
    </>
  );
}

function Reasons({ ctx, view }: { ctx: PageContext; view: ReportView }) {
  const reasons = (
    view.report.completion.all as { reasons?: readonly { reason: string; count: number | string }[] }
  ).reasons;
  if (!reasons || reasons.length === 0) return null;
  return (
    <>
      <h3>{ctx.t('report.reasons')}</h3>
      <ul>
        {reasons.map((r) => (
          <li>
            {r.reason}: {String(r.count)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A mean as the chart writes it: "<5" is "based on fewer than 5", never a value below 5. */
function meanText(ctx: PageContext, mean: string | undefined, show: (mean: string) => string): string {
  if (mean === undefined || mean === '') return ctx.t('report.chart.none');
  return mean === SMALL ? ctx.t('report.chart.fewer') : show(mean);
}

function chartOf(
  ctx: PageContext,
  figure: ReportFigureKey,
  rows: Row[],
  place: (code: string | undefined) => string,
): { bars: Bar[]; max?: number } {
  const { t } = ctx;
  const pctText = (r: Row) => (r.pct === SMALL ? SMALL : `${r.count ?? ''} (${r.pct ?? ''} %)`);
  switch (figure) {
    case 'participants':
      return {
        bars: rows.map((r) => ({
          label: place(r.municipality_code),
          value: numberOf(r.started),
          text: t('report.chart.started', { n: r.started ?? '' }),
        })),
      };
    case 'age':
      return {
        bars: rows.map((r) => ({
          label: place(r.municipality_code),
          value: numberOf(r.mean),
          text: meanText(ctx, r.mean, (mean) => t('report.chart.years', { mean })),
        })),
      };
    case 'wellbeing':
      return {
        max: 100,
        bars: rows.flatMap((r) =>
          (['start_mean', 'end_mean'] as const).map((c) => ({
            label: `${place(r.municipality_code)}, ${t(`report.col.${c}`).toLowerCase()}`,
            value: numberOf(r[c]),
            text: meanText(ctx, r[c], (mean) => mean),
          })),
        ),
      };
    case 'purchasesByPaymentMethod':
      return { bars: methodBars(ctx, rows) };
    case 'spending':
      return {
        bars: rows.map((r) => ({
          label: r.label ?? '',
          value: numberOf(r.kr),
          text: reportCell(ctx, 'kr', r.kr ?? ''),
        })),
      };
    default:
      return {
        max: 100,
        bars: rows.map((r) => ({ label: r.label ?? '', value: numberOf(r.pct), text: pctText(r) })),
      };
  }
}

/** Purchases by payment method: a bar per method, as long as its count of purchases. */
function methodBars(ctx: PageContext, rows: Row[]): Bar[] {
  return rows.map((r) => ({
    label: r.label ?? '',
    value: numberOf(r.count),
    text:
      r.count === SMALL
        ? SMALL
        : ctx.t('voucherStaff.report.chartLine', {
            count: r.count ?? '',
            kr: reportCell(ctx, 'kr', r.kr ?? ''),
          }),
  }));
}
