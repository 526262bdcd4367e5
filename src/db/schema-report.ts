import type { ColumnType } from 'kysely';
import type { ExpenseCategory } from '../domain/expense-category.ts';
import type { PaymentMethod } from '../domain/purchase-request.ts';

// The evaluation report's per-case facts (migrations 20261209120000_report_facts.sql and
// 20261211100000_report_spending_in_facts.sql, ADR 0014). Written
// only by the database's triggers; read by report.repository.ts.

type CalendarDateColumn = ColumnType<string, string, string>;

/** Per expense category and payment method: the case's purchases paid and their net amount in øre. */
type SpendingColumns = {
  [
    K in `category_${ExpenseCategory}` | `method_${PaymentMethod}` as `${K}_purchases` | `${K}_net_ore`
  ]: number;
};

export type CaseReportFactTable = SpendingColumns & {
  case_id: string;
  municipality_id: number;
  programme_id: string;
  start_date: CalendarDateColumn;
  gender: string;
  age_at_start: number;
  completion: string | null;
  termination_reason: string | null;
  education: string | null;
  income_source: string | null;
  followed_up: boolean;
  start_distance: string | null;
  end_distance: string | null;
  support_belief: string | null;
  support_assessment: string | null;
  goal_categories: string[];
  goals_answered: boolean;
  who5_start: number | null;
  who5_end: number | null;
  granted_ore: number;
  spent_ore: number;
  returned_ore: number;
};
