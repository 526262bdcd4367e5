import type { ColumnType, Generated } from 'kysely';

// Table types of migration 20261203100000_questionnaires.sql, kept by hand beside it and joined into
// `Database` in schema.ts. Same conventions as schema-cases.ts: a date as its ISO string, timestamptz
// as Date, a jsonb column read as its value and written as JSON text.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type CalendarDateColumn = ColumnType<string, string, string>;

/** Item id → value as saved: a string code, a number, or a list of codes; absent = not answered. */
export type StoredAnswers = Record<string, string | number | string[]>;

export interface QuestionnaireResponseTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  instrument: 'citizen_start' | 'support_start' | 'citizen_end' | 'support_end';
  version: number;
  answers: ColumnType<StoredAnswers, string, string>;
  answered_on: CalendarDateColumn;
  on_behalf: ColumnType<boolean, boolean | undefined, boolean>;
  saved_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: NullableTimestamp;
}
