import type { ColumnType } from 'kysely';

// Table types of migration 20261203130000_import.sql, kept by hand beside it and joined into `Database`
// in schema.ts.

export interface ImportedCaseTable {
  case_id: string;
  municipality_id: number;
  case_ref: string;
  imported_at: ColumnType<Date, Date | string, Date | string>;
  imported_by: string | null;
}
