import type { Context, Hono } from 'hono';
import { NotFound, ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import { REPORT_FIGURE_KEYS, reportFigureCsv, type ReportFigureKey } from '../domain/report/report-csv.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import type { Services } from '../services/index.ts';
import { pageContext } from './context.ts';
import { ReportPage } from './pages/report.page.tsx';
import { submitForm } from './form-route.ts';
import { download, requireActor } from './request.ts';

// The evaluation report (spec: Evaluation report): the page, each figure as CSV, the whole report as JSON.
// The filter travels in the query string (fra, til, kommune), so the downloads give exactly what the page
// shows. Who may see what is decided by the report service alone.

const FIELD_OF: Record<string, string> = { from: 'fra', to: 'til', municipality: 'kommune' };

function filterOf(c: Context<AppEnv>) {
  const values = {
    fra: c.req.query('fra') ?? '',
    til: c.req.query('til') ?? '',
    kommune: c.req.query('kommune') ?? '',
  };
  const input = { from: values.fra, to: values.til, municipality: values.kommune };
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return { values, input, query };
}

function pageErrors(error: ValidationFailed): FieldErrors {
  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(error.fields)) errors[FIELD_OF[k] ?? k] = v;
  return errors;
}

/** A file name for a download: the scope and, when given, the period. */
function fileName(
  input: { from: string; to: string; municipality: string },
  what: string,
  ext: string,
): string {
  const scope = input.municipality === '' ? 'alle' : input.municipality;
  const period = input.from || input.to ? `-${input.from || 'start'}_${input.to || 'nu'}` : '';
  return `evaluering-${what}-${scope}${period}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '');
}

export function registerReportRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/rapport', async (c) => {
    const actor = requireActor(c);
    const { values, input, query } = filterOf(c);
    return submitForm(
      async () => {
        const view = await services.reports.view(actor, input);
        return c.html(<ReportPage ctx={pageContext(c)} view={view} values={values} query={query} />);
      },
      {
        invalid: async (error) => {
          // Show the filter again with what was typed and the message, and the unfiltered report below it.
          const view = await services.reports.view(actor, {});
          return c.html(
            <ReportPage
              ctx={pageContext(c)}
              view={view}
              values={values}
              errors={pageErrors(error)}
              query=""
            />,
            422,
          );
        },
      },
    );
  });

  app.get('/rapport/json', async (c) => {
    const { input } = filterOf(c);
    const { report } = await viewOrRefuse(services, c, input);
    return download(
      c,
      fileName(input, 'rapport', 'json'),
      'application/json; charset=utf-8',
      `${JSON.stringify(report, null, 2)}\n`,
    );
  });

  app.get('/rapport/csv/:figure', async (c) => {
    const figure = c.req.param('figure');
    const { input } = filterOf(c);
    if (!(REPORT_FIGURE_KEYS as readonly string[]).includes(figure)) {
      requireActor(c);
      throw new NotFound();
    }
    const { report } = await viewOrRefuse(services, c, input);
    const key = figure as ReportFigureKey;
    return download(c, fileName(input, key, 'csv'), 'text/csv; charset=utf-8', reportFigureCsv(report, key));
  });
}

/** A download's report; a bad filter there has no form to show it on, so the error page explains it. */
async function viewOrRefuse(services: Services, c: Context<AppEnv>, input: Record<string, string>) {
  return services.reports.view(requireActor(c), input);
}
