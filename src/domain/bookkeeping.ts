// The bookkeeping file for the municipal ERP (spec: Bookkeeping export): one CSV row per payment or
// refund posting in a period, booked on the programme's account string (spec: Account string). Pure:
// rows in, CSV text out, written for Danish Excel by csv.ts (BOM, `;`, formula guard).
//
// Refunds are negative, so the column sums to what the period cost. Only case and request numbers,
// vendor and payment details go in: never a citizen's CPR number or name (spec: CPR numbers), which is why
// the row type has no field that could carry them.
import { parseCalendarDate } from './calendar-date.ts';
import { writeCsv } from './csv.ts';
import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from './expense-category.ts';
import { formatKrCsv, isOre, subtractOre, ZERO_ORE, type Ore } from './money.ts';
import { translator } from '../i18n/index.ts';

/** One ledger posting of kind payment or refund, as the ERP needs it. */
export interface BookkeepingRow {
  /** The posting date, `YYYY-MM-DD`. */
  readonly postedOn: string;
  readonly caseNumber: string;
  readonly requestNumber: string;
  readonly kind: 'payment' | 'refund';
  /** The posting's amount as in the ledger: positive; refunds are turned negative in the file. */
  readonly amount: Ore;
  readonly category: ExpenseCategory;
  /** Null: paid to the citizen (a direct transfer); the file says so in words. */
  readonly vendorName: string | null;
  readonly vendorCvr: string | null;
  /** Payment method code, e.g. `bank_transfer`. */
  readonly method: string;
  /** The payment's reference (bank reference, invoice number …). */
  readonly reference: string;
}

/** The vendor column of a direct transfer to the citizen; the file is Danish (spec: Bookkeeping export). */
const PAID_TO_CITIZEN = 'Udbetalt til borgeren';

export const BOOKKEEPING_HEADER = [
  'Bogføringsdato',
  'Konto',
  'Beløb',
  'Tekst',
  'Sagsnummer',
  'Anmodning',
  'Udgiftskategori',
  'Leverandør',
  'CVR',
  'Betalingsmåde',
  'Reference',
] as const;

// Numeric-aware so that request 10 follows request 9; a fixed locale keeps the order the same on
// every machine ("en", not "da", whose collation treats "aa" as "å").
const ORDER = new Intl.Collator('en', { numeric: true });

/**
 * The bookkeeping CSV: a header and one row per posting, sorted by date, then case, then request.
 * Throws a RangeError for a non-positive amount, a malformed date or an empty account string: a
 * wrong sign or date in the books is worse than no file.
 */
export function bookkeepingCsv(accountString: string, rows: readonly BookkeepingRow[]): string {
  const account = accountString.trim();
  if (account === '') throw new RangeError('The ERP account string is empty.');
  for (const row of rows) check(row);
  const sorted = [...rows].sort(
    (a, b) =>
      ORDER.compare(a.postedOn, b.postedOn) ||
      ORDER.compare(a.caseNumber, b.caseNumber) ||
      ORDER.compare(a.requestNumber, b.requestNumber),
  );
  return writeCsv([BOOKKEEPING_HEADER, ...sorted.map((row) => line(account, row))]);
}

function check(row: BookkeepingRow): void {
  const where = `case ${row.caseNumber}, request ${row.requestNumber}`;
  if (parseCalendarDate(row.postedOn) === null)
    throw new RangeError(`Not a posting date (${where}): ${row.postedOn}`);
  if (!isOre(row.amount) || row.amount <= 0)
    throw new RangeError(
      `A ${row.kind} must have a positive amount in øre (${where}): ${String(row.amount)}`,
    );
}

/** The bookkeeping file is Danish (spec: Bookkeeping export), whoever exports it. */
const DANISH = translator('da');

function line(account: string, row: BookkeepingRow): string[] {
  const signed = row.kind === 'refund' ? subtractOre(ZERO_ORE, row.amount) : row.amount;
  const label = DANISH(EXPENSE_CATEGORY_LABELS[row.category]);
  const refund = row.kind === 'refund' ? ' (tilbagebetaling)' : '';
  return [
    row.postedOn,
    account,
    formatKrCsv(signed),
    `Sag ${row.caseNumber}, anmodning ${row.requestNumber}: ${label}${refund}`,
    row.caseNumber,
    row.requestNumber,
    row.category,
    row.vendorName ?? PAID_TO_CITIZEN,
    row.vendorCvr ?? '',
    row.method,
    row.reference,
  ];
}
