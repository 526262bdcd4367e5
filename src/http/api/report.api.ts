import { REPORT_FIGURE_KEYS, reportFigureCsv, type ReportFigureKey } from '../../domain/report/report-csv.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Services } from '../../services/index.ts';
import type { ApiRegistry } from './registry.ts';
import { actorOf, param } from './route-helpers.ts';

// /api/v1 for the evaluation report (spec: Evaluation report): the whole report as JSON
// (formats: Report JSON), and one figure as the CSV the report page downloads. Same service, same rules as
// the page: the coordinator's own municipality; the evaluator (who has no API token today) would get the
// anonymised report.

const FILTER = {
  municipality: 'A municipality code (default: all the caller may see).',
  programme: 'A programme id (default: all).',
  from: 'Cases started from this day, YYYY-MM-DD (default: no limit).',
  to: 'Cases started until this day, YYYY-MM-DD (default: no limit).',
};

export function addReportRoutes(api: ApiRegistry, { reports }: Services): void {
  const filterOf = (query: (name: string) => string | undefined) => ({
    municipality: query('municipality'),
    programme: query('programme'),
    from: query('from'),
    to: query('to'),
  });
  api.add({
    method: 'get',
    path: '/report',
    tag: 'report',
    summary: 'The evaluation report (docs/formats.md, "Report JSON"); anonymised for the evaluator',
    query: FILTER,
    returns: 'The report.',
    handler: async (c) =>
      (
        await reports.view(
          actorOf(c),
          filterOf((n) => c.req.query(n)),
        )
      ).report,
  });
  api.add({
    method: 'get',
    path: '/report/{figure}',
    tag: 'report',
    summary: `One figure of the report as CSV (UTF-8 with BOM, ";", decimal comma): ${REPORT_FIGURE_KEYS.join(', ')}`,
    query: FILTER,
    produces: ['text/csv'],
    returns: 'The CSV file.',
    handler: async (c) => {
      const figure = param(c, 'figure');
      const actor = actorOf(c);
      if (!(REPORT_FIGURE_KEYS as readonly string[]).includes(figure)) throw new NotFound();
      const { report } = await reports.view(
        actor,
        filterOf((n) => c.req.query(n)),
      );
      return {
        fileName: `evaluering-${figure}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: reportFigureCsv(report, figure as ReportFigureKey),
      };
    },
  });
}
