import { describe, expect, it } from 'vitest';
import { BOOKKEEPING_HEADER, bookkeepingCsv, type BookkeepingRow } from './bookkeeping.ts';
import { parseCsv } from './csv.ts';
import { ore, type Ore } from './money.ts';

const ACCOUNT = '5.38.50-1-2-3';

function row(overrides: Partial<BookkeepingRow> = {}): BookkeepingRow {
  return {
    postedOn: '2026-03-02',
    caseNumber: '2026-0042',
    requestNumber: '3',
    kind: 'payment',
    amount: ore(295_050),
    category: 'transport',
    vendorName: 'Cykelsmeden ApS',
    vendorCvr: '12345678',
    method: 'bank_transfer',
    reference: 'BB-2026-0042-3',
    ...overrides,
  };
}

/** The CSV as a table of fields (header first), read back by the project's own parser. */
function table(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect(parsed.separator).toBe(';');
  return [parsed.header, ...parsed.rows].map((r) => [...r.fields]);
}

describe('bookkeepingCsv', () => {
  it('writes a BOM, Danish headers, `;` separators, CRLF and a decimal comma', () => {
    const csv = bookkeepingCsv(ACCOUNT, [row()]);
    expect(csv).toBe(
      '\uFEFF' +
        'Bogføringsdato;Konto;Beløb;Tekst;Sagsnummer;Anmodning;Udgiftskategori;Leverandør;CVR;Betalingsmåde;Reference\r\n' +
        '2026-03-02;5.38.50-1-2-3;2950,50;Sag 2026-0042, anmodning 3: Transport;2026-0042;3;transport;Cykelsmeden ApS;12345678;bank_transfer;BB-2026-0042-3\r\n',
    );
    expect(table(csv)[0]).toEqual([...BOOKKEEPING_HEADER]);
  });

  it('books a refund as a negative amount and says so in the text', () => {
    const [, refund] = table(
      bookkeepingCsv(ACCOUNT, [row({ kind: 'refund', amount: ore(1), category: 'electronics' })]),
    );
    expect(refund?.[2]).toBe('-0,01');
    expect(refund?.[3]).toBe('Sag 2026-0042, anmodning 3: Elektronik (tilbagebetaling)');
  });

  it('keeps whole kroner and large amounts exact', () => {
    const rows = table(
      bookkeepingCsv(ACCOUNT, [
        row({ requestNumber: '1', amount: ore(500_000) }),
        row({ requestNumber: '2', amount: ore(123_456_789) }),
      ]),
    );
    expect(rows.slice(1).map((r) => r[2])).toEqual(['5000,00', '1234567,89']);
  });

  it('guards a vendor name or reference that Excel would run as a formula', () => {
    const csv = bookkeepingCsv(ACCOUNT, [
      row({ vendorName: '=HYPERLINK("http://x.example","Klik")', reference: '@SUM(A1)' }),
    ]);
    const [, fields] = table(csv);
    expect(fields?.[7]).toBe('\'=HYPERLINK("http://x.example","Klik")');
    expect(fields?.[10]).toBe("'@SUM(A1)");
    // A negative amount is a number, not a formula: it stays unguarded.
    const [, refund] = table(bookkeepingCsv(ACCOUNT, [row({ kind: 'refund' })]));
    expect(refund?.[2]).toBe('-2950,50');
  });

  it('quotes fields with separators and leaves the CVR empty when there is none', () => {
    const [, fields] = table(
      bookkeepingCsv(ACCOUNT, [row({ vendorName: 'Smør; Brød "og" Co', vendorCvr: null })]),
    );
    expect(fields?.[7]).toBe('Smør; Brød "og" Co');
    expect(fields?.[8]).toBe('');
  });

  it('sorts by date, then case, then request (numerically)', () => {
    const rows = [
      row({ postedOn: '2026-03-05', caseNumber: '2026-0001', requestNumber: '1' }),
      row({ postedOn: '2026-03-02', caseNumber: '2026-0042', requestNumber: '10' }),
      row({ postedOn: '2026-03-02', caseNumber: '2026-0042', requestNumber: '9' }),
      row({ postedOn: '2026-03-02', caseNumber: '2026-0007', requestNumber: '2' }),
      row({ postedOn: '2026-02-28', caseNumber: '2026-0099', requestNumber: '1' }),
    ];
    const order = table(bookkeepingCsv(ACCOUNT, rows))
      .slice(1)
      .map((r) => `${r[0]} ${r[4]}/${r[5]}`);
    expect(order).toEqual([
      '2026-02-28 2026-0099/1',
      '2026-03-02 2026-0007/2',
      '2026-03-02 2026-0042/9',
      '2026-03-02 2026-0042/10',
      '2026-03-05 2026-0001/1',
    ]);
    expect(rows[0]?.postedOn).toBe('2026-03-05'); // the input is not sorted in place
  });

  it('writes only the header for a period without postings', () => {
    expect(table(bookkeepingCsv(ACCOUNT, []))).toEqual([[...BOOKKEEPING_HEADER]]);
  });

  it('carries no field beyond the input: nothing about the citizen can slip in', () => {
    const csv = bookkeepingCsv(ACCOUNT, [row()]);
    const values = new Set(Object.values(row()).map(String));
    for (const field of table(csv)[1] ?? []) {
      const derived =
        field === ACCOUNT || field === '2950,50' || field.startsWith('Sag 2026-0042, anmodning 3');
      expect(derived || values.has(field), field).toBe(true);
    }
  });

  it.each<[string, Partial<BookkeepingRow>]>([
    ['a zero amount', { amount: ore(0) }],
    ['a negative amount', { amount: ore(-100) }],
    ['a fractional amount', { amount: 1.5 as Ore }],
    ['an impossible date', { postedOn: '2026-02-30' }],
    ['a Danish-format date', { postedOn: '02-03-2026' }],
  ])('refuses %s', (_, overrides) => {
    expect(() => bookkeepingCsv(ACCOUNT, [row(overrides)])).toThrow(RangeError);
  });

  it('refuses an empty account string', () => {
    expect(() => bookkeepingCsv('  ', [row()])).toThrow('account string');
  });
});
