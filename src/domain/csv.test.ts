import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { translate, translator } from '../i18n/index.ts';
import { parseCsv, writeCsv, type CsvParseResult } from './csv.ts';

function ok(result: CsvParseResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function errors(result: CsvParseResult): [number, string][] {
  return result.ok ? [] : result.errors.map((e) => [e.line, e.code]);
}

describe('parseCsv', () => {
  it('detects a semicolon header and reads Danish decimals untouched', () => {
    const r = ok(parseCsv('\uFEFFcase_ref;amount_kr\r\nA-1;1234,50\r\nA-2;12\r\n'));
    expect(r.separator).toBe(';');
    expect(r.header).toEqual({ line: 1, fields: ['case_ref', 'amount_kr'] });
    expect(r.rows).toEqual([
      { line: 2, fields: ['A-1', '1234,50'] },
      { line: 3, fields: ['A-2', '12'] },
    ]);
  });

  it('detects a comma header with LF endings and no final newline', () => {
    const r = ok(parseCsv('a,b\n1,2'));
    expect(r.separator).toBe(',');
    expect(r.rows).toEqual([{ line: 2, fields: ['1', '2'] }]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks; lines count from the record start', () => {
    const text =
      'ref;description;kr\n1;"Cykel; ""Kildemoes""";2500\n2;"linje 1\r\nlinje 2\nlinje 3";10\n3;"";0\n';
    const r = ok(parseCsv(text));
    expect(r.rows).toEqual([
      { line: 2, fields: ['1', 'Cykel; "Kildemoes"', '2500'] },
      { line: 3, fields: ['2', 'linje 1\r\nlinje 2\nlinje 3', '10'] },
      { line: 6, fields: ['3', '', '0'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const r = ok(parseCsv('\na;b\n\n1;2\r\n\r\n3;4\n\n'));
    expect(r.header.line).toBe(2);
    expect(r.rows.map((x) => x.line)).toEqual([4, 6]);
  });

  it('keeps empty fields and spaces', () => {
    expect(ok(parseCsv('a;b;c\n; x ;\n')).rows[0]?.fields).toEqual(['', ' x ', '']);
  });

  it('ignores separators inside quoted header names and allows a one-column file', () => {
    expect(ok(parseCsv('"a,b";c\n1;2')).separator).toBe(';');
    const single = ok(parseCsv('name\nAnne\n'));
    expect(single.rows).toEqual([{ line: 2, fields: ['Anne'] }]);
  });

  it('refuses a header with both separators', () => {
    expect(errors(parseCsv('a,b;c\n1,2;3'))).toEqual([[1, 'ambiguous_separator']]);
  });

  it('accepts a given separator without detection', () => {
    expect(ok(parseCsv('a,b;c\n1,2;3', { separator: ';' })).header.fields).toEqual(['a,b', 'c']);
  });

  it('reports every bad record with its starting line', () => {
    const text = 'a;b\n1;2;3\nx"y;2\n"q"z;1\n"multi\nline";ok\n5\n';
    expect(errors(parseCsv(text))).toEqual([
      [2, 'field_count'],
      [3, 'stray_quote'],
      [4, 'stray_quote'],
      [7, 'field_count'],
    ]);
    const r = parseCsv(text);
    const first = r.ok ? undefined : r.errors[0]?.message;
    expect(first && translate(translator('da'), first)).toBe(
      'Linjen har 3 felter, men overskriftslinjen har 2.',
    );
  });

  it('reports an unclosed quote at the line where the record starts', () => {
    expect(errors(parseCsv('a;b\n1;2\n3;"never\nclosed\n'))).toEqual([[3, 'unclosed_quote']]);
  });

  it('refuses an empty file', () => {
    expect(errors(parseCsv(''))).toEqual([[1, 'no_header']]);
    expect(errors(parseCsv('\uFEFF\r\n'))).toEqual([[1, 'no_header']]);
  });
});

describe('writeCsv', () => {
  it('writes BOM, semicolons and CRLF, quoting only when needed', () => {
    const out = writeCsv([
      ['kategori', 'beløb', 'tekst'],
      ['transport', '1234,50', 'Cykel; "god"'],
      ['bolig', '-12,00', 'to\nlinjer'],
    ]);
    expect(out).toBe(
      '\uFEFFkategori;beløb;tekst\r\ntransport;1234,50;"Cykel; ""god"""\r\nbolig;-12,00;"to\nlinjer"\r\n',
    );
  });

  it('neutralises formulas in text cells but not plain numbers', () => {
    const out = writeCsv([
      ['a', 'b', 'c', 'd'],
      ['=HYPERLINK("x")', '@SUM(A1)', '-5', '+45 12 34 56'],
    ]);
    expect(out.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";'@SUM(A1);-5;'+45 12 34 56`);
    expect(writeCsv([['=1+1']], { formulaGuard: false })).toBe('\uFEFF=1+1\r\n');
  });

  it('quotes a lone empty field so that it is not a blank line', () => {
    expect(writeCsv([['x'], ['']])).toBe('\uFEFFx\r\n""\r\n');
  });

  it('quotes either separator in the header, where a reader detects it', () => {
    expect(
      writeCsv([
        ['a,b', 'c'],
        ['1,5', '2'],
      ]),
    ).toBe('\uFEFF"a,b";c\r\n1,5;2\r\n');
    expect(
      writeCsv(
        [
          ['a', 'b'],
          ['1;5', '2,5'],
        ],
        { separator: ',' },
      ),
    ).toBe('\uFEFFa,b\r\n1;5,"2,5"\r\n');
    expect(writeCsv([['x'], ['1,5']])).toBe('\uFEFFx\r\n"1,5"\r\n');
  });
});

describe('round trip', () => {
  const chars = fc.constantFrom('a', 'Æ', 'ø', ' ', ',', ';', '"', '\r', '\n', '=', '-', '1', '\uFEFF');
  const field = fc.oneof(fc.string({ unit: chars, maxLength: 8 }), fc.string({ maxLength: 8 }));
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }));

  it('parse(write(table)) gives the table back, for either separator', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(';' as const, ',' as const), (rows, separator) => {
        const r = ok(parseCsv(writeCsv(rows, { separator, formulaGuard: false })));
        expect([r.header, ...r.rows].map((x) => x.fields)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('write(parse(text)) is stable once written', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const once = writeCsv(rows, { formulaGuard: false });
        const r = ok(parseCsv(once));
        expect(writeCsv([r.header.fields, ...r.rows.map((x) => x.fields)], { formulaGuard: false })).toBe(
          once,
        );
      }),
    );
  });
});
