import type { AnonymisedReport } from '../domain/report/anonymise.ts';
import { figureTable, REPORT_FIGURE_KEYS, type ReportFigureKey } from '../domain/report/report-csv.ts';
import { writeCsv } from '../domain/csv.ts';
import { message, translate, type Message, type Translate } from '../i18n/index.ts';
import type { Services } from '../services/index.ts';

// `borgerbudget report` (formats: Report JSON): the evaluation report of the whole database, or of
// one municipality, on standard output.
//
//   --format json   one JSON object, exactly the shape of docs/formats.md (formats: Report JSON).
//   --format csv    one CSV per figure (formats: Report CSV). With --figure KEY the
//                   output is that figure's file, byte for byte what the report page downloads. Without
//                   it, every figure in the JSON's key order, one block each: its own header row, each
//                   row led by a `figure` column with the key, blocks separated by an empty line, one BOM
//                   at the start (UTF-8, `;`, decimal comma, CRLF: what Danish Excel opens).
//
// Bad arguments are named on standard error, with exit code 2, before the database is opened. A
// municipality without a programme in the database is named there too, with exit code 1 (main.ts).
// A database without any programme gives an empty report.

type Format = 'json' | 'csv';

interface ReportArgs {
  format: Format;
  municipality: string | undefined;
  anonymise: boolean;
  figure: ReportFigureKey | undefined;
}

class UsageError extends Error {
  constructor(readonly said: Message) {
    super(said.key);
  }
}

const usage = (key: Parameters<typeof message>[0], params?: Record<string, string>) =>
  new UsageError(message(key, params));

function parseReportArgs(args: readonly string[]): ReportArgs {
  let format: string | undefined;
  let municipality: string | undefined;
  let figure: string | undefined;
  let anonymise = false;
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw usage('cli.report.needsValue', { flag });
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    switch (arg) {
      case '--format':
        format = value(i++, arg);
        break;
      case '--municipality':
        municipality = value(i++, arg);
        break;
      case '--figure':
        figure = value(i++, arg);
        break;
      case '--anonymise':
        anonymise = true;
        break;
      default:
        throw usage('cli.report.unknownArgument', { argument: arg ?? '' });
    }
  }
  if (format !== 'json' && format !== 'csv')
    throw format === undefined
      ? usage('cli.report.formatRequired')
      : usage('cli.report.formatWrong', { format });
  if (municipality !== undefined && !/^\d{3}$/.test(municipality))
    throw usage('cli.report.municipalityWrong', { municipality });
  if (figure !== undefined && !isFigureKey(figure))
    throw usage('cli.report.figureWrong', { keys: REPORT_FIGURE_KEYS.join(', '), figure });
  if (figure !== undefined && format !== 'csv') throw usage('cli.report.figureWithCsv');
  return { format, municipality, anonymise, figure: figure };
}

function isFigureKey(key: string): key is ReportFigureKey {
  return (REPORT_FIGURE_KEYS as readonly string[]).includes(key);
}

function reportCsv(report: AnonymisedReport, figure: ReportFigureKey | undefined): string {
  if (figure !== undefined) return writeCsv(figureTable(report, figure));
  const blocks = REPORT_FIGURE_KEYS.map((key) =>
    writeCsv(figureTable(report, key).map((row, i) => [i === 0 ? 'figure' : key, ...row])).replace(
      /^\uFEFF/,
      '',
    ),
  );
  return '\uFEFF' + blocks.join('\r\n');
}

export async function reportCommand(
  args: readonly string[],
  t: Translate,
  withServices: (fn: (services: Services) => Promise<number>) => Promise<number>,
): Promise<number> {
  let parsed: ReportArgs;
  try {
    parsed = parseReportArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${translate(t, error.said)}\n${t('cli.report.usage')}`);
    return 2;
  }
  return withServices(async (services) => {
    const report = await services.reports.forOperator(parsed);
    const out =
      parsed.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportCsv(report, parsed.figure);
    // Wait until a pipe has taken it all: the command exits right after.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(out, (error) => (error ? reject(error) : resolve())),
    );
    return 0;
  });
}
