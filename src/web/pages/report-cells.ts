import { formatKr, parseKr } from '../../domain/money.ts';
import { SMALL } from '../../domain/report/anonymise.ts';
import type { PageContext } from '../context.ts';

// How the report page writes a cell of the domain's figure table (spec: Small-count suppression): the
// table holds the CSV's strings ("240000,00", "<5"), which suit Excel, not a reader. Amounts get
// thousands separators and "kr."; "<5" stays only where the column is a count, because in a column of
// kroner, percentages or means it would read as a value below 5. There the cell says in words that it
// is hidden and why.

/** Columns of the figure tables that hold a number of people, cases, answers or purchases. */
const COUNT_COLUMNS: ReadonlySet<string> = new Set([
  'count',
  'citizens',
  'n',
  'missing',
  'started',
  'followed_up',
]);

/** Columns of the figure tables that hold kroner. */
const KR_COLUMNS: ReadonlySet<string> = new Set(['kr', 'granted_kr', 'spent_kr', 'returned_kr']);

/** A kroner cell ("240000,00") as people read it: "240.000 kr."; "" stays "". */
function krText(cell: string): string {
  if (cell === '') return '';
  const amount = parseKr(cell, { allowNegative: true });
  if (!amount.ok) throw new Error(`The report table has a bad amount: ${cell}`);
  return formatKr(amount.value);
}

/** One cell of a figure table as the page shows it. */
export function reportCell(ctx: PageContext, column: string, cell: string): string {
  if (cell === SMALL) return COUNT_COLUMNS.has(column) ? SMALL : ctx.t('report.hidden');
  return KR_COLUMNS.has(column) ? krText(cell) : cell;
}
