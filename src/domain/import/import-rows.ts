// The fields of each row of an import (formats: CSV import), parsed one by one: every field in
// error is reported, and a row with any error is kept (its other fields still count, e.g. a case_ref
// that answers.csv refers to), but marked so that nothing is planned from it.

import { message, type Message } from '../../i18n/index.ts';
import { parseCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { parseCpr, type Cpr } from '../cpr.ts';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../expense-category.ts';
import { parseKrPlain, type Ore } from '../money.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../purchase-request.ts';
import { parseAnswerText, validateAnswers, type AnswerValue } from '../questionnaire/answers.ts';
import {
  currentInstrument,
  findItem,
  INSTRUMENT_CODES,
  type InstrumentCode,
  type ItemId,
} from '../questionnaire/instrument.ts';
import { EDUCATION, INCOME_SOURCE, type Education, type IncomeSource } from '../report/scales.ts';
import type { ImportError, ImportFileName, RawRow } from './import-files.ts';

export const CASE_STATUSES = ['active', 'completed', 'terminated_early'] as const;
export type ImportCaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseLine {
  readonly line: number;
  /** Null when missing; still the key other files refer to when present. */
  readonly caseRef: string | null;
  readonly municipalityCode: string | null;
  readonly cpr: Cpr | null;
  readonly referredOn: CalendarDate | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  readonly status: ImportCaseStatus | null;
  readonly terminationReason: string | null;
  readonly granted: Ore | null;
  readonly education: Education | null;
  readonly incomeSource: IncomeSource | null;
  /** No field in error. */
  readonly valid: boolean;
}

export interface AnswerLine {
  readonly line: number;
  readonly caseRef: string | null;
  readonly instrument: InstrumentCode | null;
  readonly answeredOn: CalendarDate | null;
  readonly item: ItemId | null;
  readonly value: AnswerValue | null;
  readonly valid: boolean;
}

export interface PaymentLine {
  readonly line: number;
  readonly caseRef: string | null;
  readonly paidOn: CalendarDate | null;
  readonly amount: Ore | null;
  readonly category: ExpenseCategory | null;
  readonly description: string | null;
  readonly method: PaymentMethod | null;
  readonly valid: boolean;
}

const MAX_REF = 100;
const MAX_REASON = 4000;
const MAX_DESCRIPTION = 200;

/** Collects one row's field errors; each reader returns the value or null. */
class RowReader {
  private failed = false;
  constructor(
    private readonly file: ImportFileName,
    private readonly row: RawRow,
    private readonly errors: ImportError[],
  ) {}

  get valid(): boolean {
    return !this.failed;
  }

  error(column: string, said: Message): null {
    this.failed = true;
    this.errors.push({ file: this.file, line: this.row.line, column, message: said });
    return null;
  }

  raw(column: string): string {
    return this.row.values[column] ?? '';
  }

  required(column: string): string | null {
    const v = this.raw(column);
    return v === '' ? this.error(column, message('import.error.required')) : v;
  }

  text(column: string, max: number, required: boolean): string | null {
    const v = required ? this.required(column) : this.raw(column) || null;
    if (v !== null && v.length > max) return this.error(column, message('import.error.tooLong', { max }));
    return v;
  }

  date(column: string, required: boolean): CalendarDate | null {
    const v = required ? this.required(column) : this.raw(column) || null;
    if (v === null) return null;
    return parseCalendarDate(v) ?? this.error(column, message('import.error.date', { value: v }));
  }

  code<C extends string>(column: string, codes: readonly C[], required: boolean): C | null {
    const v = required ? this.required(column) : this.raw(column) || null;
    if (v === null) return null;
    if ((codes as readonly string[]).includes(v)) return v as C;
    return this.error(column, message('import.error.code', { value: v, codes: codes.join(', ') }));
  }

  amount(column: string): Ore | null {
    const v = this.required(column);
    if (v === null) return null;
    const parsed = parseKrPlain(v);
    if (!parsed.ok) return this.error(column, parsed.error.message);
    if (parsed.value <= 0) return this.error(column, message('import.error.amountNotPositive'));
    return parsed.value;
  }
}

export function readCaseLines(rows: readonly RawRow[], errors: ImportError[]): CaseLine[] {
  return rows.map((row) => {
    const r = new RowReader('cases.csv', row, errors);
    const caseRef = r.text('case_ref', MAX_REF, true);
    const code = r.required('municipality_code');
    const municipalityCode =
      code === null || /^\d{3}$/.test(code)
        ? code
        : r.error('municipality_code', message('import.error.municipalityCodeFormat', { value: code }));
    const cprText = r.required('cpr');
    let cpr: Cpr | null = null;
    if (cprText !== null) {
      // The number itself never goes into a message: it would end up on a screen or in a log.
      const parsed = parseCpr(cprText);
      if (parsed.ok) cpr = parsed.cpr;
      else
        r.error(
          'cpr',
          message(parsed.error === 'format' ? 'import.error.cprFormat' : 'import.error.cprBirthDate'),
        );
    }
    const referredOn = r.date('referred_on', false);
    const startDate = r.date('start_date', true);
    const endDate = r.date('end_date', false);
    const status = r.code('status', CASE_STATUSES, true);
    const terminationReason = r.text('termination_reason', MAX_REASON, false);
    if (status === 'terminated_early' && terminationReason === null && r.raw('termination_reason') === '')
      r.error('termination_reason', message('import.error.terminationReasonMissing'));
    if (status !== null && status !== 'terminated_early' && terminationReason !== null)
      r.error('termination_reason', message('import.error.terminationReasonNotAllowed'));
    if (status === 'active' && r.raw('end_date') !== '')
      r.error('end_date', message('import.error.endDateActive'));
    if ((status === 'completed' || status === 'terminated_early') && r.raw('end_date') === '')
      r.error('end_date', message('import.error.endDateMissing'));
    const granted = r.amount('granted_kr');
    const education = r.code('highest_education', EDUCATION.codes, false);
    const incomeSource = r.code('income_source', INCOME_SOURCE.codes, false);
    return {
      line: row.line,
      caseRef: r.raw('case_ref') || null,
      municipalityCode,
      cpr,
      referredOn,
      startDate,
      endDate,
      status,
      terminationReason,
      granted,
      education,
      incomeSource,
      valid: r.valid && caseRef !== null,
    };
  });
}

export function readAnswerLines(rows: readonly RawRow[], errors: ImportError[]): AnswerLine[] {
  return rows.map((row) => {
    const r = new RowReader('answers.csv', row, errors);
    const caseRef = r.text('case_ref', MAX_REF, true);
    const instrument = r.code('instrument', INSTRUMENT_CODES, true);
    const answeredOn = r.date('answered_on', true);
    const itemText = r.required('item');
    const valueText = r.required('value');
    let item: ItemId | null = null;
    let value: AnswerValue | null = null;
    if (instrument !== null && itemText !== null) {
      const def = currentInstrument(instrument);
      const found = findItem(def, itemText);
      if (found === null) {
        const ids = def.items.map((i) => i.id).join(', ');
        r.error('item', message('import.error.unknownItem', { value: itemText, instrument, items: ids }));
      } else {
        item = found.id;
        if (valueText !== null) {
          const checked = validateAnswers(def, { [found.id]: parseAnswerText(found, valueText) });
          const problem = checked.errors[0];
          if (problem) r.error('value', problem.message);
          else value = (checked.answers as Record<string, AnswerValue | undefined>)[found.id] ?? null;
        }
      }
    }
    return {
      line: row.line,
      caseRef,
      instrument,
      answeredOn,
      item,
      value,
      valid: r.valid && value !== null,
    };
  });
}

export function readPaymentLines(rows: readonly RawRow[], errors: ImportError[]): PaymentLine[] {
  return rows.map((row) => {
    const r = new RowReader('payments.csv', row, errors);
    const caseRef = r.text('case_ref', MAX_REF, true);
    const paidOn = r.date('paid_on', true);
    const amount = r.amount('amount_kr');
    const category = r.code('category', EXPENSE_CATEGORIES, true);
    const description = r.text('description', MAX_DESCRIPTION, true);
    const method = r.raw('method') === '' ? 'invoice' : r.code('method', PAYMENT_METHODS, false);
    return { line: row.line, caseRef, paidOn, amount, category, description, method, valid: r.valid };
  });
}
