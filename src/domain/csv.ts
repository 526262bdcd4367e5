// CSV as in RFC 4180 (formats: CSV import): reading what municipal spreadsheets save, writing what Danish
// Excel opens. Pure string in, string out; files are read and written elsewhere.
//
// Reading: UTF-8 text (a leading BOM is dropped), records end with CRLF, LF or a lone CR, quoted
// fields may hold separators, doubled quotes and line breaks. The separator is `,` or `;`, decided by
// the header line, which must not contain both outside quotes. Each record carries the physical line
// it starts on, so an import can say "cases.csv:14: …" even after a multi-line field. Completely
// empty lines are skipped (spreadsheets leave them at the end). All errors are collected, not just
// the first, because the import reports every bad row. The reasons are messages, in the catalogues
// (i18n/domain-import.*.ts), translated where they are shown.

import { message, type Message } from '../i18n/index.ts';

export type CsvSeparator = ',' | ';';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvErrorCode =
  'no_header' | 'ambiguous_separator' | 'stray_quote' | 'unclosed_quote' | 'field_count';

export interface CsvError {
  readonly line: number;
  readonly code: CsvErrorCode;
  readonly message: Message;
}

export type CsvParseResult =
  | {
      readonly ok: true;
      readonly separator: CsvSeparator;
      readonly header: CsvRecord;
      readonly rows: readonly CsvRecord[];
    }
  | { readonly ok: false; readonly errors: readonly CsvError[] };

/** The reasons that need no detail; a line's field count is told where it is found. */
type PlainErrorCode = Exclude<CsvErrorCode, 'field_count'>;

const MESSAGES: Record<PlainErrorCode, Message> = {
  no_header: message('import.error.noHeader'),
  ambiguous_separator: message('import.error.ambiguousSeparator'),
  stray_quote: message('import.error.strayQuote'),
  unclosed_quote: message('import.error.unclosedQuote'),
};

interface Cursor {
  readonly text: string;
  readonly sep: string;
  pos: number;
  line: number;
  readonly errors: CsvError[];
}

export function parseCsv(input: string, options: { separator?: CsvSeparator } = {}): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const sep = options.separator ?? detectSeparator(text);
  if (sep === null) return fail(headerLine(text), 'ambiguous_separator');
  const c: Cursor = { text, sep, pos: 0, line: 1, errors: [] };
  const records: CsvRecord[] = [];
  for (let r = readRecord(c); r !== null; r = readRecord(c)) records.push(r);
  const [header, ...rows] = records;
  if (header === undefined) return fail(1, 'no_header');
  for (const row of rows) {
    const [got, want] = [row.fields.length, header.fields.length];
    if (got !== want) {
      const said = message('import.error.fieldCount', { got, want });
      c.errors.push({ line: row.line, code: 'field_count', message: said });
    }
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors.sort((a, b) => a.line - b.line) };
  return { ok: true, separator: sep, header, rows };
}

const LEADING_BLANK_LINES = /^(?:\r\n|\r|\n)*/;

function headerLine(text: string): number {
  return 1 + (LEADING_BLANK_LINES.exec(text)?.[0].match(/\r\n|\r|\n/g)?.length ?? 0);
}

function fail(line: number, code: PlainErrorCode): CsvParseResult {
  return { ok: false, errors: [{ line, code, message: MESSAGES[code] }] };
}

/** `,` or `;` from the header line (outside quotes); a header of one column defaults to `,`. */
function detectSeparator(text: string): CsvSeparator | null {
  let quoted = false;
  const seen = new Set<string>();
  for (const ch of text.replace(LEADING_BLANK_LINES, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';')) seen.add(ch);
  }
  if (seen.size === 2) return null;
  return seen.has(';') ? ';' : ',';
}

function readRecord(c: Cursor): CsvRecord | null {
  while (c.pos < c.text.length && atLineBreak(c)) consumeLineBreak(c); // blank lines
  if (c.pos >= c.text.length) return null;
  const line = c.line;
  const fields: string[] = [];
  for (;;) {
    fields.push(readField(c, line));
    if (c.text[c.pos] === c.sep) {
      c.pos += 1;
      continue;
    }
    if (c.pos < c.text.length) consumeLineBreak(c);
    return { line, fields };
  }
}

function atLineBreak(c: Cursor): boolean {
  const ch = c.text[c.pos];
  return ch === '\n' || ch === '\r';
}

function consumeLineBreak(c: Cursor): void {
  c.pos += c.text.startsWith('\r\n', c.pos) ? 2 : 1;
  c.line += 1;
}

function readField(c: Cursor, recordLine: number): string {
  if (c.text[c.pos] !== '"') return readUnquoted(c, recordLine);
  const value = readQuoted(c, recordLine);
  // Anything between the closing quote and the next separator is malformed; keep it, report it.
  return c.pos < c.text.length && c.text[c.pos] !== c.sep && !atLineBreak(c)
    ? value + readUnquoted(c, recordLine, true)
    : value;
}

function readUnquoted(c: Cursor, recordLine: number, afterQuote = false): string {
  const start = c.pos;
  while (c.pos < c.text.length && c.text[c.pos] !== c.sep && !atLineBreak(c)) c.pos += 1;
  const value = c.text.slice(start, c.pos);
  if (afterQuote || value.includes('"')) addError(c, recordLine, 'stray_quote');
  return value;
}

function readQuoted(c: Cursor, recordLine: number): string {
  let value = '';
  let from = c.pos + 1;
  for (;;) {
    const close = c.text.indexOf('"', from);
    if (close === -1) {
      addError(c, recordLine, 'unclosed_quote');
      value += countLines(c, c.text.slice(from));
      c.pos = c.text.length;
      return value;
    }
    value += countLines(c, c.text.slice(from, close));
    if (c.text[close + 1] !== '"') {
      c.pos = close + 1;
      return value;
    }
    value += '"';
    from = close + 2;
  }
}

/** Advances the line counter over line breaks inside a quoted field; returns the text unchanged. */
function countLines(c: Cursor, chunk: string): string {
  c.line += chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
  return chunk;
}

function addError(c: Cursor, line: number, code: PlainErrorCode): void {
  if (!c.errors.some((e) => e.line === line && e.code === code))
    c.errors.push({ line, code, message: MESSAGES[code] });
}

// ---- Writing, for Danish Excel: BOM (else Excel guesses the code page), `;` (a comma is the
// decimal mark), CRLF after every record.

export interface CsvWriteOptions {
  readonly separator?: CsvSeparator;
  /**
   * Prefix text cells that start with = + - @ (or a tab or CR) with an apostrophe, so that Excel
   * shows them instead of running them as formulas (CSV injection, OWASP). Plain numbers such as
   * "-1234,50" are left alone. On by default: exports carry text typed by citizens.
   */
  readonly formulaGuard?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const sep = options.separator ?? ';';
  const guard = options.formulaGuard ?? true;
  const lines = rows.map((row, index) => {
    // A reader detects the separator from the header, and a one-column header shows none, so there
    // the other separator must be quoted too; elsewhere "1234,50" stays unquoted.
    const strict = index === 0 || row.length === 1;
    return row.map((f) => quote(guard ? guardFormula(f) : f, sep, strict, row.length)).join(sep);
  });
  return '\uFEFF' + lines.map((l) => l + '\r\n').join('');
}

function guardFormula(field: string): string {
  return FORMULA_START.test(field) && !PLAIN_NUMBER.test(field) ? `'${field}` : field;
}

/**
 * Quotes only when needed: the separator, a quote, a line break (in a header or one-column file
 * also the other separator), or a lone empty field, which would otherwise read as a blank line.
 */
function quote(field: string, sep: CsvSeparator, strict: boolean, width: number): string {
  const special = strict ? /[",;\r\n]/ : sep === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const needed = special.test(field) || (width === 1 && field === '');
  return needed ? `"${field.replaceAll('"', '""')}"` : field;
}
