// The whole evaluation report of the hand-computed pilot (report.fixture.ts) as plain-text tables, kept
// in __snapshots__/*.txt so a reviewer can read every figure at once, and so any change to any figure —
// a count, a percentage, a base, a rounding, a municipality — fails here and shows as a diff.
// report.test.ts asserts each figure's maths; this file pins down the report as a whole.
//
// Checked by hand against the fixture (twelve started cases: ten in Aarhus 751, two in Halsnæs 250):
// - gender, base started: men are Aarhus c1, c2, c4, c5, c7 and the two active cases (7 of 10) plus
//   Halsnæs' first case (1 of 2): 8 of 12 = 66.7 → 67 %, women 4 of 12 = 33 %; n 12, missing 0.
// - endDistance, base followed up (8 + 2 = 10): some_way (c1), close (c2, c4, c6, Halsnæs 1), achieved
//   (c3, c7, Halsnæs 2), far (c5); c8 saved its end questionnaire without answering: n 9, missing 1;
//   close 4 of 9 = 44.4 → 44 %, achieved 3 of 9 = 33 %, far and some_way 1 of 9 = 11 % each.
// - age, base started: 20 + 21 + … + 27 + 28 + 30 + 40 + 41 = 327; 327 / 12 = 27.25 → 27.3 (half away
//   from zero); Halsnæs (40 + 41) / 2 = 40.5.
// - wellbeing, Halsnæs: start 60 and 80 → mean 70; end 72 and 100 → 86; change +16.
import { describe, expect, it } from 'vitest';
import { anonymiseReport } from './anonymise.ts';
import { REPORT_FIGURE_BASE, REPORT_FIGURE_KEYS, REPORT_FIGURE_TITLES } from './report-csv.ts';
import { aggregateCases } from '../../../tests/support/report-cases.ts';
import { buildReport } from './report.ts';
import { GENERATED_AT, PILOT, PILOT_SELECTION } from '../../../tests/support/report.fixture.ts';
import { en } from '../../i18n/en.ts';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type Row = readonly string[];

/** Columns padded to their widest cell, `|` between them; numbers right-aligned. */
function table(header: Row, rows: readonly Row[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: Row) =>
    r
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return i > 0 && /^[-–\d.<]/.test(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const cell = (v: Json | undefined): string =>
  v === undefined || v === null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function isObject(v: Json | undefined): v is { readonly [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One scope's figure (all, or one municipality) as labelled rows: a figure with a scale gives
 * `code | count | pct` rows, then n and missing; any other figure its fields; the termination
 * reasons a row each. An object of objects (spending by category) is left for `subTable`.
 */
function rowsOf(figure: Json | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!isObject(figure)) return out;
  const { counts, pct } = figure;
  if (isObject(counts) && isObject(pct)) {
    for (const code of Object.keys(counts)) out.set(code, [cell(counts[code]), `${cell(pct[code])} %`]);
  }
  for (const [key, value] of Object.entries(figure)) {
    if (key === 'counts' || key === 'pct' || isObject(value)) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly Json[])
        if (isObject(item)) out.set(`${key}: ${cell(item.reason)}`, [cell(item.count)]);
    } else {
      out.set(key, [cell(value)]);
    }
  }
  return out;
}

/** A table with a row per label and, per scope, one column (two with percentages). */
function scopeTable(scopes: readonly string[], byScope: readonly Map<string, string[]>[]): string {
  const labels = [...new Set(byScope.flatMap((m) => [...m.keys()]))];
  const hasPct = byScope.some((m) => [...m.values()].some((v) => v.length > 1));
  const header = ['code', ...scopes.flatMap((s) => (hasPct ? [s, 'pct'] : [s]))];
  const rows = labels.map((label) => [
    label,
    ...byScope.flatMap((m) => {
      const [value = '–', pct = ''] = m.get(label) ?? [];
      return hasPct ? [value, pct] : [value];
    }),
  ]);
  return table(header, rows);
}

/** `byCategory`-like fields: a row per code, `field` columns per scope (`kr 250`, `count 250`, …). */
function subTables(scopes: readonly string[], figures: readonly (Json | undefined)[]): string[] {
  const first = figures[0];
  if (!isObject(first)) return [];
  return Object.entries(first)
    .filter(([, value]) => isObject(value) && Object.values(value).every(isObject))
    .map(([key, value]) => {
      const codes = Object.keys(value as object);
      const fields = Object.keys(Object.values(value as object)[0] as object);
      const header = ['code', ...scopes.flatMap((s) => fields.map((f) => `${s} ${f}`))];
      const rows = codes.map((code) => [
        code,
        ...figures.flatMap((figure) => {
          const sub = isObject(figure) ? figure[key] : undefined;
          const entry = isObject(sub) ? sub[code] : undefined;
          return fields.map((f) => cell(isObject(entry) ? entry[f] : undefined));
        }),
      ]);
      return `${key}\n${table(header, rows)}`;
    });
}

/** Every figure as a table: a row per code or field, a column (and pct) per scope, `all` first. */
function reportAsTables(report: { readonly [key: string]: Json }): string {
  const selection = report.selection;
  const municipalities =
    isObject(selection) && Array.isArray(selection.municipalities)
      ? (selection.municipalities as readonly string[])
      : [];
  const scopes = ['all', ...municipalities];
  const parts = [`generatedAt: ${cell(report.generatedAt)}`, `selection: ${cell(selection)}`];
  for (const key of REPORT_FIGURE_KEYS) {
    const figure = report[key];
    if (!isObject(figure) || !isObject(figure.byMunicipality)) throw new Error(`No figure ${key}`);
    const { all, byMunicipality } = figure;
    const figures = scopes.map((s) => (s === 'all' ? all : byMunicipality[s]));
    const title = `${key} — ${en[REPORT_FIGURE_TITLES[key]]} (base: ${REPORT_FIGURE_BASE[key]})`;
    const tables = [scopeTable(scopes, figures.map(rowsOf)), ...subTables(scopes, figures)];
    parts.push(`${title}\n${tables.join('\n\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

const report = buildReport({
  generatedAt: GENERATED_AT,
  selection: PILOT_SELECTION,
  rows: aggregateCases(PILOT),
});
const asJson = (r: unknown) => JSON.parse(JSON.stringify(r)) as { readonly [key: string]: Json };

describe('the pilot report as readable tables', () => {
  it('the coordinator’s report: every figure, all and per municipality', async () => {
    await expect(reportAsTables(asJson(report))).toMatchFileSnapshot('__snapshots__/report.pilot.txt');
  });

  it('the evaluator’s anonymised report: counts 1–4 read <5, no termination reasons', async () => {
    await expect(reportAsTables(asJson(anonymiseReport(report)))).toMatchFileSnapshot(
      '__snapshots__/report.pilot.anonymised.txt',
    );
  });

  it('gender as a table (checked by hand above)', () => {
    expect(reportAsTables(asJson(report)).split('\n\n')[3]).toMatchInlineSnapshot(`
      "gender — Gender (base: started)
      code    | all | pct  | 250 | pct  | 751 | pct
      --------|-----|------|-----|------|-----|-----
      male    |   8 | 67 % |   1 | 50 % |   7 | 70 %
      female  |   4 | 33 % |   1 | 50 % |   3 | 30 %
      n       |  12 |      |   2 |      |  10 |
      missing |   0 |      |   0 |      |   0 |"
    `);
  });
});
