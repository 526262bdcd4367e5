// The three files of an import (formats: CSV import), read into rows of named text fields: the file
// names, the encoding, the CSV structure and the header are checked here; the fields in
// import-rows.ts; what the rows mean together in import-plan.ts. Every problem becomes an
// ImportError, `file:line: column: reason`; problems that concern a whole line or file name `-`.

import { parseCsv } from '../csv.ts';
import { message, translate, type Message, type Translate } from '../../i18n/index.ts';

export const IMPORT_FILE_NAMES = ['cases.csv', 'answers.csv', 'payments.csv'] as const;
export type ImportFileName = (typeof IMPORT_FILE_NAMES)[number];

export interface FileSpec {
  readonly columns: readonly string[];
  readonly required: readonly string[];
}

/** Each file's columns in order, and which must be there: the contract (formats: CSV import). */
export const FILE_SPECS: { readonly [F in ImportFileName]: FileSpec } = {
  'cases.csv': {
    columns: [
      'case_ref',
      'municipality_code',
      'cpr',
      'referred_on',
      'start_date',
      'end_date',
      'status',
      'termination_reason',
      'granted_kr',
      'highest_education',
      'income_source',
    ],
    required: ['case_ref', 'municipality_code', 'cpr', 'start_date', 'status', 'granted_kr'],
  },
  'answers.csv': {
    columns: ['case_ref', 'instrument', 'answered_on', 'item', 'value'],
    required: ['case_ref', 'instrument', 'answered_on', 'item', 'value'],
  },
  'payments.csv': {
    columns: ['case_ref', 'paid_on', 'amount_kr', 'category', 'description', 'method'],
    required: ['case_ref', 'paid_on', 'amount_kr', 'category', 'description'],
  },
};

export interface ImportError {
  readonly file: string;
  /** 1-based; 1 is the header line. */
  readonly line: number;
  /** The column the problem is in; `-` for the whole line or file. */
  readonly column: string;
  /**
   * The reason, translated where it is shown: in the reader's language on the page, in the operator's
   * language on the command line. Never a CPR number, not even as a parameter.
   */
  readonly message: Message;
}

/** `cases.csv:14: cpr: …`, the form the command line prints and the page lists, in `t`'s language. */
export function formatImportError(e: ImportError, t: Translate): string {
  return `${e.file}:${e.line}: ${e.column}: ${translate(t, e.message)}`;
}

/** In file order (cases, answers, payments, then others), then by line and column order. */
export function sortImportErrors(errors: readonly ImportError[]): ImportError[] {
  const fileRank = (f: string) => {
    const i = (IMPORT_FILE_NAMES as readonly string[]).indexOf(f);
    return i === -1 ? IMPORT_FILE_NAMES.length : i;
  };
  const columnRank = (e: ImportError) => {
    const spec = FILE_SPECS[e.file as ImportFileName] as FileSpec | undefined;
    const i = spec ? spec.columns.indexOf(e.column) : -1;
    return i === -1 ? -1 : i;
  };
  return [...errors].sort(
    (a, b) =>
      fileRank(a.file) - fileRank(b.file) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      columnRank(a) - columnRank(b),
  );
}

export interface ImportFileInput {
  /** The file's name as given (a path or an upload's name); only the last part counts. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One data line: the line it starts on and its fields by column (a column not in the file is ''). */
export interface RawRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface ReadResult {
  readonly rows: { readonly [F in ImportFileName]?: readonly RawRow[] };
  /** Files that were given but could not be read as rows (encoding, CSV structure, header). */
  readonly broken: ReadonlySet<ImportFileName>;
  readonly errors: readonly ImportError[];
}

const SEPARATOR_NAME = {
  ',': message('import.error.separator.comma'),
  ';': message('import.error.separator.semicolon'),
} as const;

/** Reads the given files; a missing file is simply not imported (all three are optional). */
export function readImportFiles(files: readonly ImportFileInput[]): ReadResult {
  const rows: { [F in ImportFileName]?: readonly RawRow[] } = {};
  const broken = new Set<ImportFileName>();
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const shown = baseName(f.name);
    const name = shown.toLowerCase();
    if (!isImportFileName(name)) {
      errors.push({
        file: shown,
        line: 1,
        column: '-',
        message: message('import.error.unknownFile'),
      });
      continue;
    }
    if (seen.has(name)) {
      errors.push({ file: name, line: 1, column: '-', message: message('import.error.fileTwice') });
      broken.add(name);
      continue;
    }
    seen.add(name);
    const read = readOne(name, f.bytes);
    errors.push(...read.errors);
    if ('rows' in read) rows[name] = read.rows;
    else broken.add(name);
  }
  if (files.length === 0) {
    errors.push({
      file: '-',
      line: 0,
      column: '-',
      message: message('import.error.noFiles'),
    });
  }
  return { rows, broken, errors };
}

function isImportFileName(name: string): name is ImportFileName {
  return (IMPORT_FILE_NAMES as readonly string[]).includes(name);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function readOne(
  file: ImportFileName,
  bytes: Uint8Array,
): { rows: RawRow[]; errors: ImportError[] } | { errors: ImportError[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { errors: [{ file, line: 1, column: '-', message: message('import.error.notUtf8') }] };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const headerSep = headerSeparator(lines);
    return {
      errors: parsed.errors.map((e) => {
        const other = headerSep === ',' ? ';' : ',';
        const mixed =
          e.code === 'field_count' && headerSep !== null && (lines[e.line - 1] ?? '').includes(other);
        const said = mixed
          ? message('import.error.mixedSeparators', {
              used: SEPARATOR_NAME[other],
              header: SEPARATOR_NAME[headerSep],
            })
          : e.message;
        return { file, line: e.line, column: '-', message: said };
      }),
    };
  }
  const spec = FILE_SPECS[file];
  const header = parsed.header.fields.map((h) => h.trim().toLowerCase());
  const errors: ImportError[] = [];
  const at = (column: string, said: Message) =>
    errors.push({ file, line: parsed.header.line, column, message: said });
  header.forEach((column, i) => {
    if (column === '') at('-', message('import.error.unnamedColumn', { number: i + 1 }));
    else if (!spec.columns.includes(column))
      at(column, message('import.error.unknownColumn', { file, columns: spec.columns.join(', ') }));
    else if (header.indexOf(column) !== i) at(column, message('import.error.columnTwice'));
  });
  const missing = spec.required.filter((column) => !header.includes(column));
  for (const column of missing) at(column, message('import.error.columnMissing'));
  // Without a required column no row can be right: say so once, not on every line. An unknown or
  // repeated column is reported, and the rows are still checked, so every wrong row is found at once.
  if (missing.length > 0) return { errors };
  return {
    errors,
    rows: parsed.rows.map((r) => ({
      line: r.line,
      // The first of a repeated column counts; a column the file does not have reads as empty.
      values: Object.fromEntries(spec.columns.map((c) => [c, (r.fields[header.indexOf(c)] ?? '').trim()])),
    })),
  };
}

/** The header's separator, as the CSV reader decided it (null if the header has both). */
function headerSeparator(lines: readonly string[]): ',' | ';' | null {
  const header = lines.find((l) => l !== '') ?? '';
  const outside = header.replace(/"[^"]*"/g, '');
  const comma = outside.includes(',');
  const semicolon = outside.includes(';');
  if (comma && semicolon) return null;
  return semicolon ? ';' : ',';
}
