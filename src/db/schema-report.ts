import type { ColumnType } from 'kysely';

// The evaluation report's per-case facts (migration 20261209120000_report_facts.sql, ADR 0014). Written
// only by the database's triggers; read by report.repository.ts.

type CalendarDateColumn = ColumnType<string, string, string>;

export interface CaseReportFactTable {
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
}

export interface CaseReportSpendingTable {
  case_id: string;
  municipality_id: number;
  programme_id: string;
  start_date: CalendarDateColumn;
  dimension: 'category' | 'method';
  code: string;
  purchases: number;
  net_ore: number;
}
