// The CSV of each figure, as readable tables: what Danish Excel gets (BOM, `;`, decimal comma, CRLF).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.ts';
import { anonymiseReport } from './anonymise.ts';
import { aggregateCases } from '../../../tests/support/report-cases.ts';
import { REPORT_FIGURE_KEYS, REPORT_FIGURE_TITLES, figureTable, reportFigureCsv } from './report-csv.ts';
import { buildReport } from './report.ts';
import { GENERATED_AT, PILOT, PILOT_SELECTION } from '../../../tests/support/report.fixture.ts';
import { da } from '../../i18n/da.ts';

const report = buildReport({
  generatedAt: GENERATED_AT,
  selection: PILOT_SELECTION,
  rows: aggregateCases(PILOT),
});
const anonymised = anonymiseReport(report);

/** The CSV without BOM, one line per row, for readable expectations. */
function lines(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1, -2).split('\r\n');
}

describe('reportFigureCsv', () => {
  it('writes a figure per municipality and code, all first, with label, n and missing', () => {
    expect(lines(reportFigureCsv(report, 'gender'))).toEqual([
      'municipality_code;code;label;count;pct;n;missing',
      'all;male;Mænd;8;67;12;0',
      'all;female;Kvinder;4;33;12;0',
      '250;male;Mænd;1;50;2;0',
      '250;female;Kvinder;1;50;2;0',
      '751;male;Mænd;7;70;10;0',
      '751;female;Kvinder;3;30;10;0',
    ]);
  });

  it('writes "<5" where the anonymised report hides a count or its share', () => {
    expect(lines(reportFigureCsv(anonymised, 'gender')).slice(1)).toEqual([
      'all;male;Mænd;8;67;12;0',
      'all;female;Kvinder;<5;<5;12;0',
      '250;male;Mænd;<5;<5;<5;0',
      '250;female;Kvinder;<5;<5;<5;0',
      '751;male;Mænd;7;70;10;0',
      '751;female;Kvinder;<5;<5;10;0',
    ]);
  });

  it('writes means with one decimal and a decimal comma; an empty mean is an empty cell', () => {
    expect(lines(reportFigureCsv(report, 'age'))).toEqual([
      'municipality_code;n;missing;mean',
      'all;12;0;27,3',
      '250;2;0;40,5',
      '751;10;0;24,6',
    ]);
    expect(lines(reportFigureCsv(report, 'wellbeing'))).toEqual([
      'municipality_code;n;missing;start_mean;end_mean;mean_change',
      'all;5;5;50,4;62,4;12,0',
      '250;2;0;70,0;86,0;16,0',
      '751;3;5;37,3;46,7;9,3',
    ]);
    const empty = buildReport({
      generatedAt: GENERATED_AT,
      selection: { municipalities: ['621'] },
      rows: aggregateCases([]),
    });
    expect(lines(reportFigureCsv(empty, 'age'))[1]).toBe('all;0;0;');
  });

  it('writes kroner with two decimals and a decimal comma, every category for each municipality', () => {
    const rows = lines(reportFigureCsv(report, 'spending'));
    expect(rows[0]).toBe(
      'municipality_code;category;label;kr;count;citizens;n;granted_kr;spent_kr;returned_kr',
    );
    expect(rows[1]).toBe('all;transport;Transport;8234,50;3;2;12;580000,00;28234,75;43765,50');
    expect(rows.filter((r) => r.startsWith('751;housing'))).toEqual([
      '751;housing;Bolig og indretning;12000,25;1;1;10;500000,00;26234,75;43765,50',
    ]);
    expect(rows).toHaveLength(1 + 3 * 11);
    expect(lines(reportFigureCsv(anonymised, 'spending'))[1]).toBe(
      'all;transport;Transport;<5;<5;<5;12;580000,00;28234,75;43765,50',
    );
  });

  it('writes the purchases by payment method, every method for each municipality', () => {
    const rows = lines(reportFigureCsv(report, 'purchasesByPaymentMethod'));
    expect(rows[0]).toBe('municipality_code;payment_method;label;kr;count;citizens;n');
    expect(rows.filter((r) => r.startsWith('all;'))).toEqual([
      'all;invoice;Faktura til kommunens EAN;0,00;0;0;12',
      'all;requisition;Rekvisition;0,00;0;0;12',
      'all;payment_card;Betalingskort;0,00;0;0;12',
      'all;bank_transfer;Bankoverførsel til leverandøren;19000,25;3;3;12',
      'all;direct_to_citizen;Direkte til borgeren;0,00;0;0;12',
      'all;voucher;Værdibevis;9234,50;2;2;12',
    ]);
    expect(rows).toHaveLength(1 + 3 * 6);
    expect(lines(reportFigureCsv(anonymised, 'purchasesByPaymentMethod'))[6]).toBe(
      'all;voucher;Værdibevis;<5;<5;<5;12',
    );
  });

  it('writes participants and the scale figures in the scale order', () => {
    expect(lines(reportFigureCsv(anonymised, 'participants'))).toEqual([
      'municipality_code;started;followed_up',
      'all;12;10',
      '250;<5;<5',
      '751;10;8',
    ]);
    expect(lines(reportFigureCsv(report, 'change')).slice(0, 5)).toEqual([
      'municipality_code;code;label;count;pct;n;missing',
      'all;achieved;Opnået;3;33;9;1',
      'all;closer;Tættere på;4;44;9;1',
      'all;unchanged;Hverken tættere på eller længere fra;1;11;9;1',
      'all;further;Længere fra;1;11;9;1',
    ]);
  });

  it('gives every figure a title and a table that reads back as CSV with one column count', () => {
    for (const key of REPORT_FIGURE_KEYS) {
      expect(da[REPORT_FIGURE_TITLES[key]]).toBeTruthy();
      const parsed = parseCsv(reportFigureCsv(anonymised, key));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.separator).toBe(';');
        expect(parsed.rows.map((r) => r.fields)).toEqual(figureTable(anonymised, key).slice(1));
      }
    }
  });
});
