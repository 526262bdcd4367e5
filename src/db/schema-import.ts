import type { ColumnType } from 'kysely';

// Table types of migrations 20261203130000_import.sql and 20261210140000_import_history.sql, kept by
// hand beside them and joined into `Database` in schema.ts.

export interface ImportedCaseTable {
  case_id: string;
  municipality_id: number;
  case_ref: string;
  imported_at: ColumnType<Date, Date | string, Date | string>;
  imported_by: string | null;
}

/** One import into one municipality, with how many rows it created (the import history). */
export interface ImportRunTable {
  id: string;
  municipality_id: number;
  imported_at: ColumnType<Date, Date | string, Date | string>;
  imported_by: string | null;
  source: 'web' | 'cli';
  cases: number;
  questionnaires: number;
  payments: number;
}
