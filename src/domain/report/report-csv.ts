// One CSV file per report figure (formats: Report CSV), for Danish Excel: UTF-8 with BOM, `;` between
// fields, decimal comma, CRLF (domain/csv.ts `writeCsv`). The CSV follows the report JSON closely:
// one row per municipality (first `all`, then each code ascending) and, for a figure
// with a scale, per code in the scale's order; column names are the JSON's, in snake_case like the
// import files; the Danish label of each code sits beside it. Base columns (`n`, `missing`) repeat on
// every row so a filtered sheet still says what it is computed on. An anonymised report writes "<5"
// where the JSON has it; a mean with nothing to average is an empty cell.

import { writeCsv } from '../csv.ts';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '../expense-category.ts';
import { formatKrCsv, krNumberToOre } from '../money.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../purchase-request.ts';
import { translator, type MessageKey } from '../../i18n/index.ts';
import { SMALL, type AnonymisedReport, type Small } from './anonymise.ts';
import {
  ASSESSMENT,
  BELIEF,
  CHANGE,
  COMPLETION,
  DISTANCE_END,
  DISTANCE_START,
  EDUCATION,
  GENDER,
  GOAL_CATEGORY,
  INCOME_SOURCE,
  type Scale,
} from './scales.ts';

export const REPORT_FIGURE_KEYS = [
  'participants',
  'gender',
  'age',
  'goalCategories',
  'startDistance',
  'endDistance',
  'change',
  'supportBelief',
  'supportAssessment',
  'spending',
  'completion',
  'education',
  'incomeSource',
  'wellbeing',
  'purchasesByPaymentMethod',
] as const;
export type ReportFigureKey = (typeof REPORT_FIGURE_KEYS)[number];

export const REPORT_FIGURE_TITLES: Readonly<Record<ReportFigureKey, MessageKey>> = {
  participants: 'label.reportFigure.participants',
  gender: 'label.reportFigure.gender',
  age: 'label.reportFigure.age',
  goalCategories: 'label.reportFigure.goalCategories',
  startDistance: 'label.reportFigure.startDistance',
  endDistance: 'label.reportFigure.endDistance',
  change: 'label.reportFigure.change',
  supportBelief: 'label.reportFigure.supportBelief',
  supportAssessment: 'label.reportFigure.supportAssessment',
  spending: 'label.reportFigure.spending',
  completion: 'label.reportFigure.completion',
  education: 'label.reportFigure.education',
  incomeSource: 'label.reportFigure.incomeSource',
  wellbeing: 'label.reportFigure.wellbeing',
  purchasesByPaymentMethod: 'label.reportFigure.purchasesByPaymentMethod',
};

/** The base each figure is computed on (spec: Bases). */
export const REPORT_FIGURE_BASE: Readonly<Record<ReportFigureKey, 'started' | 'followedUp'>> = {
  participants: 'started',
  gender: 'started',
  age: 'started',
  goalCategories: 'followedUp',
  startDistance: 'followedUp',
  endDistance: 'followedUp',
  change: 'followedUp',
  supportBelief: 'followedUp',
  supportAssessment: 'followedUp',
  spending: 'started',
  completion: 'started',
  education: 'started',
  incomeSource: 'started',
  wellbeing: 'followedUp',
  purchasesByPaymentMethod: 'started',
};

type Cell = number | Small | null | undefined;
type ScaleFigureKey = Exclude<
  ReportFigureKey,
  'participants' | 'age' | 'spending' | 'wellbeing' | 'purchasesByPaymentMethod'
>;

const SCALES: Readonly<Record<ScaleFigureKey, Scale<string>>> = {
  gender: GENDER,
  goalCategories: GOAL_CATEGORY,
  startDistance: DISTANCE_START,
  endDistance: DISTANCE_END,
  change: CHANGE,
  supportBelief: BELIEF,
  supportAssessment: ASSESSMENT,
  completion: COMPLETION,
  education: EDUCATION,
  incomeSource: INCOME_SOURCE,
};

/** The CSV's labels are Danish (formats: Report CSV), whatever the reader's language. */
const DANISH = translator('da');

function danishLabel(key: MessageKey | undefined): string | undefined {
  return key === undefined ? undefined : DANISH(key);
}

/** The CSV text of one figure of a report (anonymised or not). */
export function reportFigureCsv(report: AnonymisedReport, key: ReportFigureKey): string {
  return writeCsv(figureTable(report, key));
}

/** The same figure as a table of strings (header first), e.g. for the page's data table. */
export function figureTable(report: AnonymisedReport, key: ReportFigureKey): string[][] {
  switch (key) {
    case 'participants':
      return table(['started', 'followed_up'], places(report.participants), (p) => [
        [int(p.started), int(p.followedUp)],
      ]);
    case 'age':
      return table(['n', 'missing', 'mean'], places(report.age), (a) => [
        [int(a.n), int(a.missing), dec1(a.mean)],
      ]);
    case 'wellbeing':
      return table(
        ['n', 'missing', 'start_mean', 'end_mean', 'mean_change'],
        places(report.wellbeing),
        (w) => [[int(w.n), int(w.missing), dec1(w.startMean), dec1(w.endMean), dec1(w.meanChange)]],
      );
    case 'spending':
      return spendingTable(report);
    case 'purchasesByPaymentMethod':
      return paymentMethodTable(report);
    default:
      return scaleTable(report, key);
  }
}

interface FigureView {
  readonly n: Cell;
  readonly missing: Cell;
  readonly counts: Readonly<Record<string, Cell>>;
  readonly pct: Readonly<Record<string, Cell>>;
}

interface PlacesView<T> {
  readonly all: T;
  readonly byMunicipality: Readonly<Record<string, T>>;
}

function scaleTable(report: AnonymisedReport, key: ScaleFigureKey): string[][] {
  const scale = SCALES[key];
  const figure: PlacesView<FigureView> = report[key];
  return table(['code', 'label', 'count', 'pct', 'n', 'missing'], places(figure), (f) =>
    scale.codes.map((c) => [
      c,
      danishLabel(scale.labels[c]) ?? c,
      int(f.counts[c]),
      int(f.pct[c]),
      int(f.n),
      int(f.missing),
    ]),
  );
}

function spendingTable(report: AnonymisedReport): string[][] {
  const header = [
    'category',
    'label',
    'kr',
    'count',
    'citizens',
    'n',
    'granted_kr',
    'spent_kr',
    'returned_kr',
  ];
  return table(header, places(report.spending), (s) =>
    EXPENSE_CATEGORIES.map((c) => {
      const cat = s.byCategory[c];
      const base = [int(s.n), kr(s.grantedKr), kr(s.spentKr), kr(s.returnedKr)];
      return [c, DANISH(EXPENSE_CATEGORY_LABELS[c]), kr(cat.kr), int(cat.count), int(cat.citizens), ...base];
    }),
  );
}

function paymentMethodTable(report: AnonymisedReport): string[][] {
  const header = ['payment_method', 'label', 'kr', 'count', 'citizens', 'n'];
  return table(header, places(report.purchasesByPaymentMethod), (p) =>
    PAYMENT_METHODS.map((m) => {
      const own = p.byMethod[m];
      return [m, DANISH(PAYMENT_METHOD_LABELS[m]), kr(own.kr), int(own.count), int(own.citizens), int(p.n)];
    }),
  );
}

/** `all` first, then each municipality by code. */
function places<T>(figure: PlacesView<T>) {
  const codes = Object.keys(figure.byMunicipality).sort();
  return [['all', figure.all] as const, ...codes.map((m) => [m, figure.byMunicipality[m] as T] as const)];
}

function table<T>(
  header: readonly string[],
  rows: readonly (readonly [string, T])[],
  cells: (value: T) => string[][],
): string[][] {
  return [['municipality_code', ...header], ...rows.flatMap(([m, v]) => cells(v).map((r) => [m, ...r]))];
}

function int(c: Cell): string {
  return c === null || c === undefined ? '' : String(c);
}

/** A mean, already rounded to one decimal: printed with exactly one, and a decimal comma. */
function dec1(c: Cell): string {
  if (c === null || c === undefined || c === SMALL) return int(c);
  return c.toFixed(1).replace('.', ',');
}

/** Kroner (a JSON number with at most two decimals) as "1234,50", through money.ts. */
function kr(c: Cell): string {
  if (c === null || c === undefined || c === SMALL) return int(c);
  const parsed = krNumberToOre(c, { allowNegative: true });
  if (!parsed.ok) throw new RangeError(`Not a kroner amount: ${c}`);
  return formatKrCsv(parsed.value);
}
